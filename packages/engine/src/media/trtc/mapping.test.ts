import { describe, expect, it } from 'vitest'
import { MediaError } from '../errors'
import { MediaErrorCode } from '../types'
import { fromSdkError, isRoomFatal, QUALITY_PROFILES, toLeaveReason, toNetwork, toStatistics, toTrtcMirror } from './mapping'
import { isValidRoomId, isValidUserId, isVideoQuality } from './validate'

const sdk = (code: number, extraCode?: number) => ({ name: 'RtcError', code, extraCode, message: `sdk ${code}/${extraCode}` })

describe('fromSdkError', () => {
  it.each([
    [5000, 5012, false, MediaErrorCode.INVALID_ARGUMENT],
    [5100, 5101, false, MediaErrorCode.NOT_IN_ROOM],
    [5100, 5102, false, MediaErrorCode.REMOTE_NOT_PUBLISHING],
    [5100, 5103, false, MediaErrorCode.REMOTE_NOT_PUBLISHING],
    [5100, 5107, false, MediaErrorCode.NOT_PUBLISHER],
    [5100, 5104, false, MediaErrorCode.UNKNOWN],
    [5200, 5201, false, MediaErrorCode.NOT_SUPPORTED],
    [5200, 5205, true, MediaErrorCode.NOT_SUPPORTED],
    [5300, 5301, false, MediaErrorCode.DEVICE_NOT_FOUND],
    [5300, 5302, false, MediaErrorCode.PERMISSION_DENIED],
    [5300, 5302, true, MediaErrorCode.CANCELLED],
    [5300, 5303, false, MediaErrorCode.DEVICE_BUSY],
    [5300, 5304, false, MediaErrorCode.DEVICE_CONSTRAINT],
    [5300, 5308, false, MediaErrorCode.UNKNOWN],
    [5400, 70001, false, MediaErrorCode.SERVER],
    [5400, -8, false, MediaErrorCode.SERVER],
    [5500, undefined, false, MediaErrorCode.NETWORK],
    [5500, 5501, false, MediaErrorCode.NETWORK],
    [5500, 5502, false, MediaErrorCode.NETWORK],
    [5500, 5505, false, MediaErrorCode.UNKNOWN],
    [5998, undefined, false, MediaErrorCode.CANCELLED],
    [5999, undefined, false, MediaErrorCode.UNKNOWN],
    [4097, undefined, false, MediaErrorCode.UNKNOWN],
  ])('maps %i/%s (screen: %s) to %s, keeping the SDK codes and the cause', (code, extraCode, screen, expected) => {
    const raw = sdk(code, extraCode)
    const error = fromSdkError(raw, { screen })
    expect(error).toBeInstanceOf(MediaError)
    expect(error.toJSON()).toEqual({ code: expected, message: raw.message, sdkCode: code, ...(extraCode === undefined ? {} : { sdkExtraCode: extraCode }) })
    expect(error.cause).toBe(raw)
  })

  it('keeps a MediaError and wraps anything else as UNKNOWN', () => {
    const own = new MediaError(MediaErrorCode.NOT_PUBLISHER)
    expect(fromSdkError(own)).toBe(own)
    expect(fromSdkError(new TypeError('boom')).toJSON()).toEqual({ code: MediaErrorCode.UNKNOWN, message: 'boom' })
  })
})

describe('isRoomFatal', () => {
  it.each([
    [5500, 5501, false],
    [5300, 5308, false],
    [5300, 5309, false],
    [5500, 5502, true],
    [5500, undefined, true],
    [5400, 70001, true],
  ])('%i/%s → fatal: %s', (code, extraCode, fatal) => {
    expect(isRoomFatal({ code, extraCode })).toBe(fatal)
  })
})

describe('mapping tables', () => {
  it('sends every quality as an explicit profile (540p has no SDK key)', () => {
    expect(QUALITY_PROFILES['540p']).toEqual({ width: 960, height: 540, frameRate: 15, bitrate: 1000 })
    expect(Object.keys(QUALITY_PROFILES)).toEqual(['360p', '540p', '720p', '1080p'])
  })

  it('mirrors the preview only, or nothing', () => {
    expect(toTrtcMirror(true)).toBe('view')
    expect(toTrtcMirror(false)).toBe(false)
  })

  it.each([[0, 'leave'], [1, 'timeout'], [2, 'kicked'], [3, 'role'], [undefined, 'leave'], [9, 'unknown']] as const)('exit reason %s → %s', (reason, expected) => {
    expect(toLeaveReason(reason)).toBe(expected)
  })

  it('takes the uplink RTT and the worse loss', () => {
    expect(toNetwork({ uplinkNetworkQuality: 2, downlinkNetworkQuality: 4, uplinkRTT: 40, downlinkRTT: 90, uplinkLoss: 1, downlinkLoss: 7 })).toEqual({ up: 2, down: 4, rtt: 40, loss: 7 })
  })
})

describe('validation', () => {
  it.each([
    ['live_1', true],
    ['123', true],
    ['a b!#$%&()+-:;<=.>?@[]^_{}|~,', true],
    ['x'.repeat(64), true],
    ['', false],
    ['x'.repeat(65), false],
    ['a/b', false],
    ['é', false],
    ['a*b', false],
  ])('room id %j valid: %s', (roomId, valid) => {
    expect(isValidRoomId(roomId)).toBe(valid)
  })

  it.each([['alice_01-x', true], ['x'.repeat(32), true], ['', false], ['x'.repeat(33), false], ['a b', false], ['a.b', false]])('user id %j valid: %s', (userId, valid) => {
    expect(isValidUserId(userId)).toBe(valid)
  })

  it('knows the four qualities only', () => {
    expect(['360p', '540p', '720p', '1080p'].every(isVideoQuality)).toBe(true)
    expect(isVideoQuality('480p')).toBe(false)
    expect(isVideoQuality('toString')).toBe(false)
  })
})

describe('toStatistics', () => {
  const video = (videoType: 'big' | 'small' | 'sub', width: number) => ({ width, height: width / 2, frameRate: 15, bitrate: width, videoType })
  const audio = (bitrate: number) => ({ bitrate, audioLevel: 0.5 })

  it('takes the camera (big) over the small stream and the screen, the screen when alone, zeros without video', () => {
    const report = {
      rtt: 20, upLoss: 0, downLoss: 0, bytesSent: 1, bytesReceived: 1,
      localStatistics: { audio: audio(40), video: [video('small', 320), video('sub', 1920), video('big', 1280)] },
      remoteStatistics: [{ userId: 'bob', audio: audio(0), video: [video('sub', 1920)] }, { userId: 'carol', audio: audio(32), video: [] }],
    }
    expect(toStatistics(report)).toEqual({
      local: { videoBitrate: 1280, videoWidth: 1280, videoHeight: 640, frameRate: 15, audioBitrate: 40, audioSampleRate: 0 },
      remote: [
        { userId: 'bob', videoBitrate: 1920, videoWidth: 1920, videoHeight: 960, frameRate: 15, audioBitrate: 0, audioSampleRate: 0 },
        { userId: 'carol', videoBitrate: 0, videoWidth: 0, videoHeight: 0, frameRate: 0, audioBitrate: 32, audioSampleRate: 0 },
      ],
    })
  })
})
