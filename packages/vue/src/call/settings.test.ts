// §4.2/§4.3 state and actions beyond call control: camera facing, resolution, display mode, focus,
// minimize, float window, mute mode, own profile; what a call's end resets and what it keeps (§3.5).
import { ErrorCode } from '@atomicx-vue/engine'
import { describe, expect, it } from 'vitest'
import { flush } from '../core/testing'
import { useLoginState } from '../login/useLoginState'
import { CallMediaType } from '../types/device'
import { callTestbed, connected, type CallUser } from './testing'
import { CallStatus } from './types'
import type { UseCallStateReturn } from './useCallState'

const { VIDEO, AUDIO } = CallMediaType
const bed = callTestbed()
const { people } = bed

/** Every field of §4.2 this file is about. */
const settings = ({ call }: CallUser) => ({
  isFrontCamera: call.isFrontCamera.value,
  videoResolution: call.videoResolution.value,
  videoDisplayMode: call.videoDisplayMode.value,
  focusUserId: call.focusUserId.value,
  isMinimized: call.isMinimized.value,
  isFloatWindowEnabled: call.isFloatWindowEnabled.value,
  isMuteMode: call.isMuteMode.value,
})
const DEFAULTS = {
  isFrontCamera: true, videoResolution: '720p', videoDisplayMode: 'cover', focusUserId: '', isMinimized: false, isFloatWindowEnabled: false, isMuteMode: false,
}
/** What the camera opened on connect gets by default. */
const CAMERA = { view: null, quality: '720p', mirror: true }

/** `action` rejects with INVALID_ARGUMENT and changes none of the settings (nor the camera). */
async function expectRefused(u: CallUser, action: (call: UseCallStateReturn) => Promise<void>): Promise<void> {
  const before = settings(u)
  await expect(action(u.call)).rejects.toMatchObject({ name: 'EngineError', code: ErrorCode.INVALID_ARGUMENT })
  await flush()
  expect(settings(u)).toEqual(before)
  expect(u.engines.flatMap((engine) => engine.updateCamera.mock.calls)).toEqual([])
}

describe('kept across calls, reset by a call\'s end (§3.5)', () => {
  it('defaults before any call', async () => {
    const [alice] = await people('alice')
    expect(settings(alice)).toEqual(DEFAULTS)
  })

  it('the end resets facing, focus and minimized; resolution, display mode, float window and mute mode stay for the next call', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    await alice.call.setVideoResolution({ resolution: '1080p' })
    await alice.call.setVideoDisplayMode({ mode: 'contain' })
    await alice.call.enableFloatWindow({ enable: true })
    await alice.call.enableMuteMode({ enable: true })
    await alice.call.switchCamera({ isFrontCamera: false })
    await alice.call.setFocusUser({ userId: 'alice' })
    await alice.call.toggleMinimize()
    const kept = { videoResolution: '1080p', videoDisplayMode: 'contain', isFloatWindowEnabled: true, isMuteMode: true }
    expect(settings(alice)).toEqual({ ...kept, isFrontCamera: false, focusUserId: 'alice', isMinimized: true })

    await bob.call.hangup()
    await flush()
    expect(settings(alice)).toEqual({ ...DEFAULTS, ...kept })
    await connected(alice, bob)
    expect(alice.engines).toHaveLength(2)
    expect(alice.engine.startCamera).toHaveBeenCalledWith({ view: null, quality: '1080p', mirror: true })
  })
})

describe('switchCamera', () => {
  it('an open camera gets the mirror at once (front mirrored, back not); a camera opened later starts with it', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    expect(alice.engine.startCamera).toHaveBeenCalledWith(CAMERA)
    await alice.call.switchCamera({ isFrontCamera: false })
    expect(alice.call.isFrontCamera.value).toBe(false)
    expect(alice.engine.updateCamera.mock.calls).toEqual([[{ mirror: false }]])
    await alice.call.closeLocalCamera()
    await alice.call.openLocalCamera()
    expect(alice.engine.startCamera).toHaveBeenLastCalledWith({ ...CAMERA, mirror: false })
    await alice.call.closeLocalCamera()
    await alice.call.switchCamera({ isFrontCamera: true })
    expect(alice.engine.updateCamera).toHaveBeenCalledTimes(1) // closed: nothing to update
  })

  it.each<unknown>([undefined, 'back', 0])('isFrontCamera %s is refused', async (value) => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    await expectRefused(alice, (call) => call.switchCamera({ isFrontCamera: value as boolean }))
  })
})

describe('setVideoResolution', () => {
  it.each([['360p', '360p'], ['480p', '540p'], ['540p', '540p'], ['720p', '720p'], ['1080p', '1080p']] as const)(
    '%s: an open camera switches to the engine quality %s',
    async (resolution, quality) => {
      const [alice, bob] = await people('alice', 'bob')
      await connected(alice, bob)
      await alice.call.setVideoResolution({ resolution })
      expect(alice.call.videoResolution.value).toBe(resolution)
      expect(alice.engine.updateCamera.mock.calls).toEqual([[{ quality }]])
    },
  )

  it('set while idle, it applies to the camera that opens on connect', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.setVideoResolution({ resolution: '360p' })
    await connected(alice, bob)
    expect(alice.engine.startCamera).toHaveBeenCalledWith({ ...CAMERA, quality: '360p' })
    expect(alice.engine.updateCamera).not.toHaveBeenCalled()
  })

  it.each<unknown>(['4k', '720', 720, undefined, null])('%s is refused', async (resolution) => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    await expectRefused(alice, (call) => call.setVideoResolution({ resolution: resolution as '720p' }))
  })
})

describe('setVideoDisplayMode', () => {
  it.each(['contain', 'cover', 'fill'] as const)('%s', async (mode) => {
    const [alice] = await people('alice')
    await alice.call.setVideoDisplayMode({ mode })
    expect(alice.call.videoDisplayMode.value).toBe(mode)
  })

  it.each<unknown>(['stretch', '', undefined])('%s is refused', async (mode) => {
    const [alice] = await people('alice')
    await expectRefused(alice, (call) => call.setVideoDisplayMode({ mode: mode as 'cover' }))
  })
})

describe('focus', () => {
  it('a 1-to-1 call focuses the other side once connected, on both sides; anyone of the call (self too) or nobody can be focused', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: VIDEO })
    await flush()
    expect([alice.call.focusUserId.value, bob.call.focusUserId.value]).toEqual(['', ''])
    await bob.call.accept()
    await flush()
    expect([alice.call.focusUserId.value, bob.call.focusUserId.value]).toEqual(['bob', 'alice'])
    await alice.call.setFocusUser({ userId: 'alice' })
    expect(alice.call.focusUserId.value).toBe('alice')
    await alice.call.setFocusUser({ userId: '' })
    expect(alice.call.focusUserId.value).toBe('')
  })

  it('a group call focuses nobody at first; someone else leaving keeps the focus, the end clears it', async () => {
    const [alice, bob, carol] = await people('alice', 'bob', 'carol')
    await connected(alice, [bob, carol], AUDIO)
    expect(alice.call.focusUserId.value).toBe('')
    await alice.call.setFocusUser({ userId: 'bob' })
    await carol.call.hangup()
    await flush()
    expect(alice.call.focusUserId.value).toBe('bob') // someone else left
    await bob.call.hangup()
    await flush()
    expect(alice.call.callStatus.value).toBe(CallStatus.Idle)
    expect(alice.call.focusUserId.value).toBe('')
  })

  it('a user who left the group call while focused is unfocused, the call going on', async () => {
    const [alice, bob, carol] = await people('alice', 'bob', 'carol')
    await connected(alice, [bob, carol], AUDIO)
    await alice.call.setFocusUser({ userId: 'carol' })
    await carol.call.hangup()
    await flush()
    expect(alice.call.callStatus.value).toBe(CallStatus.Connected)
    expect(alice.call.focusUserId.value).toBe('')
  })

  it.each<unknown>(['dave', undefined, 42])('focusing %s (not in the call) is refused', async (userId) => {
    const [alice, bob] = await people('alice', 'bob', 'dave')
    await connected(alice, bob)
    await expectRefused(alice, (call) => call.setFocusUser({ userId: userId as string }))
  })
})

describe('minimize, float window, mute mode', () => {
  it('toggleMinimize flips while calling, ringing or connected; idle it is refused with NOT_IN_CALL', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await expect(alice.call.toggleMinimize()).rejects.toMatchObject({ code: ErrorCode.NOT_IN_CALL })
    expect(alice.call.isMinimized.value).toBe(false)
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    await alice.call.toggleMinimize()
    await bob.call.toggleMinimize()
    expect([alice.call.isMinimized.value, bob.call.isMinimized.value]).toEqual([true, true])
    await bob.call.accept()
    await flush()
    await alice.call.toggleMinimize()
    expect([alice.call.isMinimized.value, bob.call.isMinimized.value]).toEqual([false, true])
  })

  it('float window and mute mode switch on and off', async () => {
    const [alice] = await people('alice')
    await alice.call.enableFloatWindow({ enable: true })
    await alice.call.enableMuteMode({ enable: true })
    expect([alice.call.isFloatWindowEnabled.value, alice.call.isMuteMode.value]).toEqual([true, true])
    await alice.call.enableFloatWindow({ enable: false })
    await alice.call.enableMuteMode({ enable: false })
    expect([alice.call.isFloatWindowEnabled.value, alice.call.isMuteMode.value]).toEqual([false, false])
  })

  it.each<unknown>([undefined, 'yes', 1])('enable %s is refused', async (enable) => {
    const [alice] = await people('alice')
    await expectRefused(alice, (call) => call.enableFloatWindow({ enable: enable as boolean }))
    await expectRefused(alice, (call) => call.enableMuteMode({ enable: enable as boolean }))
  })
})

describe('setSelfInfo', () => {
  it('renames on the hub mid-call: selfInfo, the login state and the other side all show it', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    await alice.call.setSelfInfo({ userName: 'Alice Liddell', avatarUrl: 'a.png' })
    await flush()
    expect(alice.call.selfInfo.value).toMatchObject({ userName: 'Alice Liddell', avatarUrl: 'a.png', displayName: 'Alice Liddell', isEntered: true })
    expect(bob.call.remoteParticipants.value).toEqual([expect.objectContaining({ userId: 'alice', displayName: 'Alice Liddell', avatarUrl: 'a.png' })])
    expect(bob.call.callerInfo.value?.displayName).toBe('Alice Liddell')
    expect(alice.use(useLoginState).loginUserInfo.value).toMatchObject({ userName: 'Alice Liddell', avatarUrl: 'a.png' })
    expect(alice.take()).toEqual([])
    expect(bob.take()).toEqual([])
  })

  it('while idle it changes the profile the next call shows', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.setSelfInfo({ userName: 'Al' })
    expect(alice.call.selfInfo.value.displayName).toBe('Al')
    await connected(alice, bob)
    expect(bob.call.callerInfo.value?.userName).toBe('Al')
  })

  it.each([{ userName: 7 }, { avatarUrl: null }, { userName: 'x'.repeat(65) }])('%j is refused and changes nothing', async (input) => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    await expect(alice.call.setSelfInfo(input as { userName?: string })).rejects.toMatchObject({ code: ErrorCode.INVALID_ARGUMENT })
    await flush()
    expect(alice.call.selfInfo.value.userName).toBe('Name of alice')
    expect(bob.call.remoteParticipants.value[0]?.userName).toBe('Name of alice')
  })
})
