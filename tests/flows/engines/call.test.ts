// A 1-to-1 video call on both media engines: the call state both users see, and the `rtc` media room
// both enter, publish into and leave.
import {
  CallEndReason, CallEvent, CallMediaType, CallRole, CallStatus, NetworkQuality, useCallState, type CallEventInfoMap,
} from '@atomicx-vue/vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestUser } from '@atomicx-vue/vue/testing'
import { ENGINES } from './engines'
import { record, type Stage } from './stage'

const CALL_EVENTS: ReadonlyArray<keyof CallEventInfoMap> = [
  CallEvent.onCallReceived, CallEvent.onCallStarted, CallEvent.onUserJoined, CallEvent.onUserLeft, CallEvent.onCallEnded,
  CallEvent.onCallNotConnected, CallEvent.onError,
]
const { VIDEO } = CallMediaType
/** Where each user's media is during the call. */
const IN_CALL = { roomId: 'call_1', scene: 'rtc', role: 'anchor', published: ['audio', 'camera'], links: [] }

describe.each(ENGINES)('1-to-1 call on the %s engine', (_, makeStage) => {
  let stage: Stage
  let alice: TestUser
  let bob: TestUser

  beforeEach(async () => {
    stage = await makeStage(['alice', 'bob'])
    ;[alice, bob] = stage.users as [TestUser, TestUser]
  })

  afterEach(() => stage.dispose())

  it('calls → accept: both connected with media in an rtc room, each plays the other → hangup: the room is left on both sides', async () => {
    const aliceLog = record(alice.use(useCallState), CALL_EVENTS)
    const bobLog = record(bob.use(useCallState), CALL_EVENTS)
    await alice.use(useCallState).calls({ userIdList: ['bob'], mediaType: VIDEO })
    await stage.settle()
    expect(bob.use(useCallState).callStatus.value).toBe(CallStatus.Ringing)
    expect(bobLog).toEqual([[CallEvent.onCallReceived, { callId: 'call_1', callerId: 'alice', calleeIdList: ['bob'], chatGroupId: '', mediaType: VIDEO, userData: '' }]])
    expect([stage.presence('alice'), stage.presence('bob')]).toEqual([undefined, undefined]) // nobody enters before the answer

    await bob.use(useCallState).accept()
    await stage.settle()
    expect(aliceLog).toEqual([
      [CallEvent.onUserJoined, { userId: 'bob' }],
      [CallEvent.onCallStarted, { callId: 'call_1', mediaType: VIDEO, roomId: 'call_1' }],
    ])
    expect(bobLog.slice(1)).toEqual([
      [CallEvent.onCallStarted, { callId: 'call_1', mediaType: VIDEO, roomId: 'call_1' }],
      [CallEvent.onUserJoined, { userId: 'alice' }],
    ])
    for (const [me, other] of [[alice, 'bob'], [bob, 'alice']] as const) {
      const call = me.use(useCallState)
      expect(call.callStatus.value).toBe(CallStatus.Connected)
      expect(call.callRole.value).toBe(me === alice ? CallRole.Caller : CallRole.Callee)
      expect(call.selfInfo.value).toMatchObject({ userId: me.userId, isEntered: true, isAudioAvailable: true, isVideoAvailable: true })
      expect(call.remoteParticipants.value).toEqual([expect.objectContaining({ userId: other, isEntered: true, isAudioAvailable: true, isVideoAvailable: true })])
      expect(stage.presence(me.userId)).toEqual(IN_CALL)
    }
    // both enter on the answer, each opening the microphone, then the camera
    expect(stage.heard('alice')).toEqual(['bob joined', 'bob audio on', 'bob camera on'])
    expect(stage.heard('bob')).toEqual(['alice joined', 'alice audio on', 'alice camera on'])
    const [onAlice, onBob] = [document.createElement('div'), document.createElement('div')]
    await alice.use(useCallState).startRemoteView({ userId: 'bob', view: onAlice })
    await bob.use(useCallState).startRemoteView({ userId: 'alice', view: onBob })
    await stage.settle()
    expect([stage.plays('alice', 'bob', onAlice), stage.plays('bob', 'alice', onBob)]).toEqual([true, true])

    // two seconds on: the duration ticks and each engine's first network report arrives
    await stage.advance(2000)
    for (const me of [alice, bob]) {
      const call = me.use(useCallState)
      expect([call.callDuration.value, call.callDurationText.value]).toEqual([2, '00:00:02'])
      expect(call.networkQualities.value[me.userId]).toBe(NetworkQuality.Excellent)
    }

    await alice.use(useCallState).hangup()
    await stage.settle()
    const ended = { callId: 'call_1', mediaType: VIDEO, reason: CallEndReason.Hangup, userId: 'alice', totalTime: 2000 }
    expect(aliceLog.slice(2)).toEqual([[CallEvent.onCallEnded, ended]])
    expect(bobLog.slice(3)).toEqual([[CallEvent.onUserLeft, { userId: 'alice' }], [CallEvent.onCallEnded, ended]])
    for (const me of [alice, bob]) {
      const call = me.use(useCallState)
      expect(call.callStatus.value).toBe(CallStatus.Idle)
      expect([call.isMicrophoneOpened.value, call.isCameraOpened.value, call.selfInfo.value.isEntered]).toEqual([false, false, false])
      expect(stage.presence(me.userId)).toBeUndefined()
    }
    // both leave at once, so what each still hears of the other is a race the engines may run differently
    expect([stage.plays('alice', 'bob', onAlice), stage.plays('bob', 'alice', onBob)]).toEqual([false, false])
  })
})
