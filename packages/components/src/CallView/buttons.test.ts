import { CallStatus } from '@atomicx-vue/vue'
import { describe, expect, it } from 'vitest'
import { buttonIcon, callButtons } from './buttons'

describe('callButtons', () => {
  it.each([
    [CallStatus.Idle, true, false, []],
    [CallStatus.Ended, true, true, []],
    [CallStatus.Ringing, true, false, ['reject', 'accept']],
    [CallStatus.Ringing, false, true, ['reject', 'accept']],
    [CallStatus.Calling, true, false, ['hangup']],
    [CallStatus.Calling, false, true, ['invite', 'hangup']],
    [CallStatus.Connected, true, false, ['camera', 'microphone', 'speaker', 'hangup']],
    [CallStatus.Connected, false, false, ['microphone', 'speaker', 'hangup']],
    [CallStatus.Connected, true, true, ['camera', 'microphone', 'speaker', 'invite', 'hangup']],
    [CallStatus.Connected, false, true, ['camera', 'microphone', 'speaker', 'invite', 'hangup']],
  ])('%s, video %s, group %s: %j', (status, isVideo, isGroup, expected) => {
    expect(callButtons(status, isVideo, isGroup)).toEqual(expected)
  })
})

describe('buttonIcon', () => {
  it.each([
    ['accept', undefined, 'phone'],
    ['reject', undefined, 'hangup'],
    ['hangup', undefined, 'hangup'],
    ['invite', undefined, 'userPlus'],
    ['camera', true, 'camera'],
    ['camera', false, 'cameraOff'],
    ['microphone', true, 'mic'],
    ['microphone', false, 'micOff'],
    ['speaker', true, 'speaker'],
    ['speaker', false, 'speakerOff'],
  ] as const)('%s, pressed %s: %s', (button, pressed, expected) => {
    expect(buttonIcon(button, pressed)).toBe(expected)
  })
})
