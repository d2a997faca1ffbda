import { CallEndReason, CallParticipantStatus, CallRole, ErrorCode } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useAtomicxClient } from '../core/context'
import { localNetworkOf } from '../core/media'
import { createTestUser, flush } from '../core/testing'
import { useLoginState } from '../login/useLoginState'
import { CallMediaType, NetworkQuality } from '../types/device'
import { CallEvent } from './events'
import { callTestbed, connected, fakeTimers, payloads, type CallUser } from './testing'
import { applyCallEvent, formatCallDuration, IDLE_CALL, toHubMediaType } from './transitions'
import { CallStatus } from './types'
import { useCallState, type UseCallStateReturn } from './useCallState'

const { VIDEO, AUDIO } = CallMediaType
const bed = callTestbed()
const { people } = bed

describe('1-to-1 calls', () => {
  it('call, ring, accept: both connected, media room entered with mic and camera, then hangup ends both', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: VIDEO, params: { userData: 'hello' } })
    expect(alice.call.callStatus.value).toBe(CallStatus.Calling)
    expect(alice.call.callRole.value).toBe(CallRole.Caller)
    expect(alice.call.remoteParticipants.value.map((p) => [p.userId, p.status])).toEqual([['bob', CallParticipantStatus.Waiting]])
    await flush()
    expect(bob.call.callStatus.value).toBe(CallStatus.Ringing)
    expect(bob.call.callRole.value).toBe(CallRole.Callee)
    expect(bob.call.mediaType.value).toBe(VIDEO)
    expect(bob.call.callerInfo.value).toMatchObject({ userId: 'alice', userName: 'Name of alice', displayName: 'Name of alice' })
    expect(payloads(bob, CallEvent.onCallReceived)).toEqual([{
      callId: 'call_1', callerId: 'alice', calleeIdList: ['bob'], chatGroupId: '', mediaType: VIDEO, userData: 'hello',
    }])
    expect(alice.take()).toEqual([])
    bob.take()

    await bob.call.accept()
    expect(bob.call.callStatus.value).toBe(CallStatus.Connected) // before accept() resolved
    expect(bob.log).toEqual([
      [CallEvent.onCallStarted, { callId: 'call_1', mediaType: VIDEO, roomId: 'call_1' }],
      [CallEvent.onUserJoined, { userId: 'alice' }],
    ])
    bob.take()
    await flush()
    expect(alice.call.callStatus.value).toBe(CallStatus.Connected)
    expect(alice.log).toEqual([
      [CallEvent.onUserJoined, { userId: 'bob' }],
      [CallEvent.onCallStarted, { callId: 'call_1', mediaType: VIDEO, roomId: 'call_1' }],
    ])
    alice.take()
    for (const u of [alice, bob]) {
      expect(u.engine.join).toHaveBeenCalledWith({ roomId: 'call_1', userId: u.userId, role: 'anchor', scene: 'rtc' })
      expect(u.engine.startMicrophone).toHaveBeenCalledTimes(1)
      expect(u.engine.startCamera).toHaveBeenCalledTimes(1)
      expect(u.call.selfInfo.value).toMatchObject({ userId: u.userId, isEntered: true, isAudioAvailable: true, isVideoAvailable: true })
      expect(u.call.isMicrophoneOpened.value && u.call.isCameraOpened.value).toBe(true)
    }
    expect(alice.call.allParticipants.value.map((p) => p.userId)).toEqual(['alice', 'bob'])

    await alice.call.hangup()
    await flush()
    expect(alice.log).toEqual([[CallEvent.onCallEnded, expect.objectContaining({ reason: CallEndReason.Hangup, userId: 'alice', callId: 'call_1' })]])
    expect(bob.take()).toEqual([CallEvent.onUserLeft, CallEvent.onCallEnded])
    for (const u of [alice, bob]) {
      expect(u.call.callStatus.value).toBe(CallStatus.Idle)
      expect(u.call.callRole.value).toBe(CallRole.None)
      expect(u.call.activeCall.value).toMatchObject({ callId: 'call_1', endReason: CallEndReason.Hangup, endedBy: 'alice' })
      expect(u.call.remoteParticipants.value).toEqual([])
      expect(u.call.isMicrophoneOpened.value || u.call.isCameraOpened.value || u.call.selfInfo.value.isEntered).toBe(false)
      expect(u.engines).toHaveLength(1)
      expect(u.engine.dispose).toHaveBeenCalledTimes(1) // the call's engine goes with the call (leaving its room)
    }
    expect(bob.call.callerInfo.value?.userId).toBe('alice') // kept for the end screen
  })

  it('the seed observer names subscribe to the same events', async () => {
    const [alice, bob] = await people('alice', 'bob')
    const seen: string[] = []
    alice.call.subscribeEvent(CallEvent.onCallBegin, ({ callId }) => seen.push(`begin ${callId}`))
    alice.call.subscribeEvent(CallEvent.onUserJoin, ({ userId }) => seen.push(`join ${userId}`))
    bob.call.subscribeEvent(CallEvent.onUserLeave, ({ userId }) => seen.push(`leave ${userId}`))
    bob.call.subscribeEvent(CallEvent.onCallEnd, ({ reason }) => seen.push(`end ${CallEndReason[reason]}`))
    await connected(alice, bob)
    await alice.call.hangup()
    await flush()
    expect(seen).toEqual(['join bob', 'begin call_1', 'leave alice', 'end Hangup'])
  })

  it('reject: the caller hears it, both are not connected; onCallCancelled follows the legacy rule', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    bob.take()
    const reject = vi.fn()
    alice.call.subscribeEvent(CallEvent.onUserReject, reject)
    await bob.call.reject()
    await flush()
    expect(alice.log).toEqual([
      [CallEvent.onUserRejected, { userId: 'bob' }],
      [CallEvent.onCallNotConnected, { callId: 'call_1', mediaType: AUDIO, reason: CallEndReason.Reject, userId: 'bob' }],
      [CallEvent.onCallCancelled, { userId: 'alice' }],
    ])
    expect(reject).toHaveBeenCalledWith({ userId: 'bob' })
    expect(bob.log).toEqual([
      [CallEvent.onCallNotConnected, { callId: 'call_1', mediaType: AUDIO, reason: CallEndReason.Reject, userId: 'bob' }],
      [CallEvent.onCallCancelled, { userId: 'bob' }],
    ])
    expect([alice.call.callStatus.value, bob.call.callStatus.value]).toEqual([CallStatus.Idle, CallStatus.Idle])
    expect(alice.engines).toEqual([]) // no media engine for a call that never connected
  })

  it('no answer within the timeout: the caller hears no response, both are not connected', async () => {
    fakeTimers()
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO, params: { timeout: 10 } })
    await flush()
    bob.take()
    vi.advanceTimersByTime(9_999)
    await flush()
    expect(bob.call.callStatus.value).toBe(CallStatus.Ringing)
    vi.advanceTimersByTime(1)
    await flush()
    expect(alice.log).toEqual([
      [CallEvent.onUserNoResponse, { userIdList: ['bob'] }],
      [CallEvent.onCallNotConnected, { callId: 'call_1', mediaType: AUDIO, reason: CallEndReason.NoResponse, userId: 'bob' }],
      [CallEvent.onCallCancelled, { userId: 'alice' }],
    ])
    expect(bob.log).toEqual([
      [CallEvent.onCallNotConnected, expect.objectContaining({ reason: CallEndReason.NoResponse, userId: 'bob' })],
      [CallEvent.onCallCancelled, { userId: 'bob' }],
    ])
    expect(bob.call.activeCall.value?.endReason).toBe(CallEndReason.NoResponse)
  })

  it('cancel: the caller hangs up while calling; the callee hears Canceled by the caller', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    bob.take()
    const statusSeen: CallStatus[] = []
    alice.call.subscribeEvent(CallEvent.onCallNotConnected, () => statusSeen.push(alice.call.callStatus.value))
    await alice.call.hangup()
    await flush()
    expect(statusSeen).toEqual([CallStatus.Ended]) // transient: idle right after the end events
    expect(alice.call.callStatus.value).toBe(CallStatus.Idle)
    expect(alice.log).toEqual([
      [CallEvent.onCallNotConnected, expect.objectContaining({ reason: CallEndReason.Canceled, userId: 'alice' })],
      [CallEvent.onCallCancelled, { userId: 'alice' }],
    ])
    expect(bob.log).toEqual([
      [CallEvent.onCallNotConnected, expect.objectContaining({ reason: CallEndReason.Canceled, userId: 'alice' })],
      [CallEvent.onCallCancelled, { userId: 'alice' }],
    ])
  })

  it('line busy: the busy callee hears nothing; an ended call is not busy (back-to-back calls)', async () => {
    const [alice, bob, carol] = await people('alice', 'bob', 'carol')
    await connected(alice, bob)
    await carol.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    expect(carol.take()).toEqual([CallEvent.onUserLineBusy, CallEvent.onCallNotConnected, CallEvent.onCallCancelled])
    expect(carol.call.activeCall.value?.endReason).toBe(CallEndReason.LineBusy)
    expect(bob.take()).toEqual([])
    expect(bob.call.callStatus.value).toBe(CallStatus.Connected)

    await bob.call.hangup()
    await flush()
    await carol.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    expect(bob.call.callStatus.value).toBe(CallStatus.Ringing)
    expect(bob.call.activeCall.value?.callId).toBe('call_3')
  })

  it('ignore: the callee goes idle silently; the caller hears line busy', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    bob.take()
    await bob.call.ignore()
    await flush()
    expect(bob.call.callStatus.value).toBe(CallStatus.Idle)
    expect(bob.take()).toEqual([])
    expect(alice.take()).toEqual([CallEvent.onUserLineBusy, CallEvent.onCallNotConnected, CallEvent.onCallCancelled])
    await expect(bob.call.calls({ userIdList: ['alice'], mediaType: AUDIO })).resolves.toBeUndefined() // not busy any more
  })

  it('switch media type: both sides hear it, the camera closes, the call goes on', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    await bob.call.switchMediaType({ mediaType: AUDIO })
    await flush()
    for (const u of [alice, bob]) {
      expect(u.log).toEqual([[CallEvent.onCallMediaTypeChanged, { oldMediaType: VIDEO, newMediaType: AUDIO }]])
      expect(u.call.mediaType.value).toBe(AUDIO)
      expect(u.call.isCameraOpened.value).toBe(false)
      expect(u.engine.stopCamera).toHaveBeenCalledTimes(1)
      expect(u.call.callStatus.value).toBe(CallStatus.Connected)
    }
  })

  it('duration ticks each second while connected and resets at the end', async () => {
    fakeTimers()
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    vi.advanceTimersByTime(3_000)
    expect(bob.call.callDuration.value).toBe(3)
    expect(bob.call.callDurationText.value).toBe('00:00:03')
    vi.advanceTimersByTime(3_600_000)
    expect(bob.call.callDurationText.value).toBe('01:00:03')
    await bob.call.hangup()
    await flush()
    expect(bob.call.callDuration.value).toBe(0)
    expect(payloads(alice, CallEvent.onCallEnded)).toEqual([expect.objectContaining({ totalTime: 3_603_000 })])
  })

  it('media state: remote presence and availability, volumes, own network quality', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    alice.engine.emit('userJoined', { userId: 'bob' })
    alice.engine.emit('remoteMedia', { userId: 'bob', media: 'camera', available: true })
    alice.engine.emit('volumes', { levels: [{ userId: 'alice', volume: 10 }, { userId: 'bob', volume: 60 }] })
    alice.engine.emit('network', { up: 2, down: 4, rtt: 80, loss: 0.1 })
    expect(alice.call.remoteParticipants.value[0]).toMatchObject({ userId: 'bob', isEntered: true, isVideoAvailable: true, isAudioAvailable: false })
    expect(alice.call.speakerVolumes.value).toEqual({ alice: 10, bob: 60 })
    expect(alice.call.networkQualities.value).toEqual({ alice: NetworkQuality.Bad })
    expect(alice.call.isLocalNetworkPoor.value).toBe(true)

    await alice.call.muteSpeaker()
    expect(alice.engine.setRemoteAudioMuted).toHaveBeenCalledWith('*', true)
    expect(alice.call.isSpeakerMuted.value).toBe(true)
    const view = document.createElement('div')
    await alice.call.startRemoteView({ userId: 'bob', view })
    expect(alice.engine.playVideo).toHaveBeenCalledWith('bob', 'camera', view)

    await bob.call.hangup()
    await flush()
    expect(alice.call.speakerVolumes.value).toEqual({})
    expect(alice.call.isSpeakerMuted.value).toBe(false)
    alice.engine.emit('volumes', { levels: [{ userId: 'alice', volume: 10 }] })
    expect(alice.call.speakerVolumes.value).toEqual({}) // no call: media events are not ours
  })

  it('a failure to open media on connect is reported, the call stays', async () => {
    const [alice, bob] = await people('alice', 'bob')
    bob.nextEngine((engine) => engine.startMicrophone.mockRejectedValueOnce(Object.assign(new Error('Permission denied'), { code: 'PERMISSION_DENIED' })))
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    await bob.call.accept()
    await flush()
    expect(bob.call.lastError.value).toEqual({ code: 'PERMISSION_DENIED', message: 'Permission denied' })
    expect(bob.take()).toEqual([CallEvent.onCallReceived, CallEvent.onCallStarted, CallEvent.onUserJoined, CallEvent.onError])
    expect(bob.call.callStatus.value).toBe(CallStatus.Connected)
    expect(bob.call.isMicrophoneOpened.value).toBe(false)
    expect(bob.call.selfInfo.value.isEntered).toBe(true)
  })
})

describe('with the local media engine', () => {
  it('both enter the call\'s media room: each sees the other in, with audio and video; hangup stops every track', async () => {
    const tests = [await createTestUser(bed.hub, 'alice'), await createTestUser(bed.hub, 'bob')] // the default media: local engine, fake capture
    bed.track(...tests)
    const [alice, bob] = tests.map((test) => test.use(useCallState)) as [UseCallStateReturn, UseCallStateReturn]
    const settle = async () => {
      await flush()
      await localNetworkOf(bed.hub).flush()
      await flush()
    }
    await alice.calls({ userIdList: ['bob'], mediaType: VIDEO })
    await settle()
    await bob.accept()
    await settle()
    expect(alice.remoteParticipants.value).toEqual([expect.objectContaining({ userId: 'bob', isEntered: true, isAudioAvailable: true, isVideoAvailable: true })])
    expect(bob.remoteParticipants.value).toEqual([expect.objectContaining({ userId: 'alice', isEntered: true, isAudioAvailable: true, isVideoAvailable: true })])
    await alice.hangup()
    await settle()
    for (const { backend } of tests) {
      expect(backend.streams.length).toBeGreaterThan(0)
      expect(backend.streams.flatMap((stream) => stream.getTracks()).every((track) => track.readyState === 'ended')).toBe(true)
    }
  })
})

describe('group calls', () => {
  it('one accept connects the caller; a reject reaches only the caller and the call goes on', async () => {
    const [alice, bob, carol] = await people('alice', 'bob', 'carol')
    await alice.call.calls({ userIdList: ['bob', 'carol'], mediaType: VIDEO })
    await flush()
    expect(payloads(carol, CallEvent.onCallReceived)).toEqual([expect.objectContaining({ calleeIdList: ['bob', 'carol'] })])
    expect(carol.call.isGroupCall.value).toBe(true)
    expect(carol.call.remoteParticipants.value.map((p) => p.userId)).toEqual(['alice', 'bob'])
    carol.take()

    await bob.call.accept()
    await flush()
    expect(alice.call.callStatus.value).toBe(CallStatus.Connected)
    expect(carol.call.callStatus.value).toBe(CallStatus.Ringing)
    expect(carol.call.remoteParticipants.value.map((p) => [p.userId, p.status])).toEqual([
      ['alice', CallParticipantStatus.Accept], ['bob', CallParticipantStatus.Accept],
    ])
    expect(carol.take()).toEqual([])
    alice.take()
    bob.take()

    await carol.call.reject()
    await flush()
    expect(alice.log).toEqual([[CallEvent.onUserRejected, { userId: 'carol' }]])
    expect(bob.take()).toEqual([])
    expect(bob.call.remoteParticipants.value.map((p) => p.userId)).toEqual(['alice'])
    expect(alice.call.callStatus.value).toBe(CallStatus.Connected)
  })

  it('a leave while two remain reaches the others; the last one left gets onCallEnded', async () => {
    const [alice, bob, carol] = await people('alice', 'bob', 'carol')
    await connected(alice, [bob, carol], AUDIO)
    await alice.call.hangup()
    await flush()
    expect(alice.take()).toEqual([CallEvent.onCallEnded])
    expect(bob.take()).toEqual([CallEvent.onUserLeft])
    expect(carol.take()).toEqual([CallEvent.onUserLeft])
    expect(bob.call.callerInfo.value?.userId).toBe('alice')
    await carol.call.hangup()
    await flush()
    expect(bob.take()).toEqual([CallEvent.onUserLeft, CallEvent.onCallEnded])
    expect(bed.hub.state.calls.size).toBe(0)
  })

  it('invite mid-call and join by id', async () => {
    const [alice, bob, dave, erin] = await people('alice', 'bob', 'dave', 'erin')
    await connected(alice, bob)
    await bob.call.inviteUser({ userIdList: ['dave'], params: { userData: 'come' } })
    await flush()
    expect(alice.log).toEqual([[CallEvent.onUserInviting, { userId: 'dave' }]])
    expect(bob.log).toEqual([[CallEvent.onUserInviting, { userId: 'dave' }]])
    expect(payloads(dave, CallEvent.onCallReceived)).toEqual([expect.objectContaining({ callerId: 'alice', userData: 'come' })])
    expect(dave.call.activeCall.value?.inviterId).toBe('bob')
    expect(alice.call.remoteParticipants.value.map((p) => [p.userId, p.status])).toEqual([
      ['bob', CallParticipantStatus.Accept], ['dave', CallParticipantStatus.Waiting],
    ])
    alice.take()
    bob.take()

    await erin.call.join({ callId: 'call_1' })
    await flush()
    expect(erin.call.callStatus.value).toBe(CallStatus.Connected)
    expect(erin.call.callRole.value).toBe(CallRole.Callee)
    expect(erin.log).toEqual([
      [CallEvent.onCallStarted, { callId: 'call_1', mediaType: VIDEO, roomId: 'call_1' }],
      [CallEvent.onUserJoined, { userId: 'alice' }],
      [CallEvent.onUserJoined, { userId: 'bob' }],
    ])
    expect(alice.take()).toEqual([CallEvent.onUserJoined])
    expect(erin.engine.startMicrophone).toHaveBeenCalledTimes(1)
    expect(erin.engine.startCamera).not.toHaveBeenCalled() // joiners enter with the camera off
  })

  it('joining an unknown call is refused and leaves the joiner idle', async () => {
    const [erin] = await people('erin')
    await expect(erin.call.join({ callId: 'call_404' })).rejects.toMatchObject({ code: ErrorCode.CALL_NOT_FOUND })
    expect(erin.call.callStatus.value).toBe(CallStatus.Idle)
    expect(erin.log).toEqual([])
  })
})

describe('session end', () => {
  it('the same user logging in elsewhere is kicked offline: that call ends', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    const kicked = vi.fn()
    bob.call.subscribeEvent(CallEvent.onKickedOffLine, kicked)
    const elsewhere = await createTestUser(bed.hub, 'bob')
    await flush()
    expect(bob.log).toEqual([
      [CallEvent.onCallEnded, expect.objectContaining({ reason: CallEndReason.EndByServer, userId: 'bob' })],
      [CallEvent.onKickedOffline, {}],
    ])
    expect(kicked).toHaveBeenCalledTimes(1)
    expect(bob.call.callStatus.value).toBe(CallStatus.Idle)
    expect(alice.take()).toEqual([CallEvent.onUserLeft, CallEvent.onCallEnded])
    expect(elsewhere.use(useCallState).callStatus.value).toBe(CallStatus.Idle)
    elsewhere.unmount()
  })

  it('logout while ringing: the caller hears no response', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    bob.take()
    await bob.use(useLoginState).logout()
    await flush()
    expect(bob.call.callStatus.value).toBe(CallStatus.Idle)
    expect(bob.log).toEqual([[CallEvent.onCallNotConnected, expect.objectContaining({ reason: CallEndReason.Hangup, userId: 'bob' })], [CallEvent.onCallCancelled, { userId: 'bob' }]])
    expect(alice.take()).toEqual([CallEvent.onUserNoResponse, CallEvent.onCallNotConnected, CallEvent.onCallCancelled])
  })

  it('closing the tab hangs up the caller and rejects for the ringing callee; nothing listens before a call', async () => {
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const [alice, bob] = await people('alice', 'bob')
    expect(add.mock.calls.filter(([type]) => type === 'pagehide')).toEqual([])
    const requests = [alice, bob].map((u) => vi.spyOn(u.use(useAtomicxClient), 'request'))
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    requests.forEach((r) => r.mockClear())
    window.dispatchEvent(new Event('pagehide'))
    await flush()
    expect(requests[0]).toHaveBeenCalledWith({ type: 'call.hangup' })
    expect(requests[1]).toHaveBeenCalledWith({ type: 'call.reject' })
    expect(bed.hub.state.calls.size).toBe(0)
    expect(remove.mock.calls.filter(([type]) => type === 'pagehide')).toHaveLength(2)
    add.mockRestore()
    remove.mockRestore()
  })
})

describe('views', () => {
  it('openLocalCamera({ view }) moves the camera opened on connect into the view, then into another one', async () => {
    const [alice, bob] = [await createTestUser(bed.hub, 'alice'), await createTestUser(bed.hub, 'bob')]
    bed.track(alice, bob)
    await alice.use(useCallState).calls({ userIdList: ['bob'], mediaType: VIDEO })
    await flush()
    await bob.use(useCallState).accept()
    await flush()
    const call = alice.use(useCallState)
    expect(call.isCameraOpened.value).toBe(true)
    const [first, second] = [document.createElement('div'), document.createElement('div')]
    await call.openLocalCamera({ view: first })
    const preview = alice.backend.playing(first)
    expect(preview?.getVideoTracks()).toHaveLength(1)
    await call.openLocalCamera({ view: second })
    expect(alice.backend.playing(second)).toBe(preview) // the same capture, moved: not a second camera
    expect(alice.backend.playing(first)).toBeUndefined()
    expect(call.isCameraOpened.value).toBe(true)
    await call.openLocalCamera({ view: null }) // no preview, still open and sent
    expect(alice.backend.playing(second)).toBeUndefined()
    expect(call.isCameraOpened.value).toBe(true)
    expect(preview?.getVideoTracks()[0]?.readyState).toBe('live')
    expect(call.lastError.value).toBeNull()
  })

  describe('startRemoteView with an element id', () => {
    let alice: CallUser
    let bob: CallUser
    let pending: Promise<unknown>
    const tile = document.createElement('div')
    tile.id = 'bob-tile'

    beforeEach(async () => {
      fakeTimers()
      ;[alice, bob] = await people('alice', 'bob')
      await connected(alice, bob)
      pending = alice.call.startRemoteView({ userId: 'bob', view: 'bob-tile' }).then(() => 'played', (error: unknown) => error)
    })

    afterEach(() => tile.remove())

    it('waits for an element rendered a little later, then plays into it', async () => {
      await vi.advanceTimersByTimeAsync(300)
      document.body.append(tile)
      await vi.advanceTimersByTimeAsync(50)
      expect(await pending).toBe('played')
      expect(alice.engine.playVideo).toHaveBeenCalledWith('bob', 'camera', tile)
    })

    it('gives up after 1 s with INVALID_ARGUMENT and plays nothing', async () => {
      const settled = vi.fn()
      pending.then(settled)
      await vi.advanceTimersByTimeAsync(950)
      await flush()
      expect(settled).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(50)
      expect(await pending).toMatchObject({ name: 'EngineError', code: ErrorCode.INVALID_ARGUMENT, message: expect.stringContaining('bob-tile') })
      expect(alice.engine.playVideo).not.toHaveBeenCalled()
    })

    it('a call that ended meanwhile: NOT_IN_CALL, nothing played', async () => {
      await bob.call.hangup()
      await flush()
      document.body.append(tile)
      await vi.advanceTimersByTimeAsync(50)
      expect(await pending).toMatchObject({ code: ErrorCode.NOT_IN_CALL })
      expect(alice.engine.playVideo).not.toHaveBeenCalled()
    })
  })
})

describe('bad input and re-entry', () => {
  it.each<[string, (u: UseCallStateReturn) => Promise<void>, ErrorCode]>([
    ['calling yourself', (c) => c.calls({ userIdList: ['alice'], mediaType: AUDIO }), ErrorCode.INVALID_ARGUMENT],
    ['an empty list', (c) => c.calls({ userIdList: [], mediaType: AUDIO }), ErrorCode.INVALID_ARGUMENT],
    ['more than 9 participants', (c) => c.calls({ userIdList: Array.from({ length: 9 }, (_, i) => `u${i}`), mediaType: AUDIO }), ErrorCode.INVALID_ARGUMENT],
    ['a timeout out of range', (c) => c.calls({ userIdList: ['bob'], mediaType: AUDIO, params: { timeout: 5 } }), ErrorCode.INVALID_ARGUMENT],
    ['an unknown media type', (c) => c.calls({ userIdList: ['bob'], mediaType: 7 as CallMediaType }), ErrorCode.INVALID_ARGUMENT],
    ['accept while idle', (c) => c.accept(), ErrorCode.NOT_IN_CALL],
    ['hangup while idle', (c) => c.hangup(), ErrorCode.NOT_IN_CALL],
    ['opening the camera while idle', (c) => c.openLocalCamera(), ErrorCode.NOT_IN_CALL],
    ['a remote view while idle', (c) => c.startRemoteView({ userId: 'bob', view: document.createElement('div') }), ErrorCode.NOT_IN_CALL],
  ])('%s: a typed error, nothing changes', async (_, action, code) => {
    const [alice] = await people('alice', 'bob')
    await expect(action(alice.call)).rejects.toMatchObject({ name: 'EngineError', code })
    await flush()
    expect(alice.call.callStatus.value).toBe(CallStatus.Idle)
    expect(alice.call.activeCall.value).toBeNull()
    expect(alice.log).toEqual([])
    expect(bed.hub.state.calls.size).toBe(0)
    await expect(alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })).resolves.toBeUndefined() // the guard was released
  })

  it('hangup twice: the second is refused and changes nothing', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await connected(alice, bob)
    await alice.call.hangup()
    await flush()
    alice.take()
    await expect(alice.call.hangup()).rejects.toMatchObject({ code: ErrorCode.NOT_IN_CALL })
    expect(alice.take()).toEqual([])
  })

  it('a second call action while one is pending is refused; the guard clears when it settles', async () => {
    const [alice, bob] = await people('alice', 'bob', 'carol')
    const first = alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    const second = alice.call.calls({ userIdList: ['carol'], mediaType: AUDIO })
    const hangup = alice.call.hangup()
    await expect(second).rejects.toMatchObject({ name: 'EngineError', code: ErrorCode.CALL_REQUEST_PENDING })
    await expect(hangup).rejects.toMatchObject({ code: ErrorCode.CALL_REQUEST_PENDING })
    await first
    await flush()
    expect(bob.call.callStatus.value).toBe(CallStatus.Ringing)
    expect(bed.hub.state.userCalls.has('carol')).toBe(false)
    await expect(alice.call.hangup()).resolves.toBeUndefined()
  })

  it('a second call while in a call is refused by the hub', async () => {
    const [alice, bob] = await people('alice', 'bob', 'carol')
    await connected(alice, bob)
    await expect(alice.call.calls({ userIdList: ['carol'], mediaType: AUDIO })).rejects.toMatchObject({ code: ErrorCode.ALREADY_IN_CALL })
    expect(alice.call.callStatus.value).toBe(CallStatus.Connected)
  })
})

describe('events API', () => {
  it('subscriptions end with their scope; unsubscribeEvent by alias removes the same callback', async () => {
    const [alice, bob] = await people('alice', 'bob')
    const scoped = vi.fn()
    const plain = vi.fn()
    const scope = effectScope()
    scope.run(() => alice.use(useCallState).subscribeEvent(CallEvent.onUserJoined, scoped))
    alice.call.subscribeEvent(CallEvent.onUserJoined, plain)
    alice.call.unsubscribeEvent(CallEvent.onUserJoin, plain)
    scope.stop()
    await connected(alice, bob)
    expect(scoped).not.toHaveBeenCalled()
    expect(plain).not.toHaveBeenCalled()
  })
})

describe('transitions', () => {
  it.each([[0, '00:00:00'], [59, '00:00:59'], [61, '00:01:01'], [3_600, '01:00:00'], [360_000, '100:00:00']])('formats %s s as %s', (s, text) => {
    expect(formatCallDuration(s)).toBe(text)
  })

  it('maps media types both ways; an unknown one passes through for the hub to refuse', () => {
    expect(toHubMediaType(VIDEO)).toBe(2)
    expect(toHubMediaType(9 as CallMediaType)).toBe(9)
  })

  it('ignores events of another call (a previous device\'s)', () => {
    const view = {
      callId: 'call_9', roomId: 'call_9', mediaType: 1, callerId: 'x', chatGroupId: '', userData: '', isGroup: false,
      status: 'connected' as const, startedAt: 1, participants: [],
    }
    expect(applyCallEvent(IDLE_CALL, { type: 'call.ended', call: view, reason: CallEndReason.Hangup, userId: 'x', totalTime: 1 }, 'me'))
      .toEqual({ state: IDLE_CALL, emissions: [] })
  })
})
