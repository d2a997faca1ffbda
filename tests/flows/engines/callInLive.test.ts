// A host on air in a live takes a call, on both media engines: the call has its own media engine, so
// the live goes on during the call (the audience still sees the host) and is left as it was after it.
import { CallMediaType, CallStatus, DeviceStatus, useCallState, useDeviceState, useLiveListState, useLiveSeatState } from '@atomicx-vue/vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestUser } from '@atomicx-vue/vue/testing'
import { ENGINES } from './engines'
import { listen, type Stage } from './stage'

/** Where the caller's media is during the call (in the call's room). */
const IN_CALL = { scene: 'rtc', role: 'anchor', published: ['audio', 'camera'], links: [] }

describe.each(ENGINES)('a call during a live on the %s engine', (_, makeStage) => {
  let stage: Stage
  let host: TestUser
  let caller: TestUser
  let viewer: TestUser

  beforeEach(async () => {
    stage = await makeStage(['host', 'caller', 'viewer'])
    ;[host, caller, viewer] = stage.users as [TestUser, TestUser, TestUser]
  })

  afterEach(() => stage.dispose())

  const devices = () => [host.use(useDeviceState).microphoneStatus.value, host.use(useDeviceState).cameraStatus.value]

  it('the seated host with camera on accepts a call: both media work side by side; hanging up leaves the live media intact', async () => {
    await host.use(useLiveListState).startLive({ liveId: 'live_1', liveName: 'Live 1' })
    await host.use(useDeviceState).openLocalMicrophone()
    await host.use(useDeviceState).openLocalCamera()
    await viewer.use(useLiveListState).joinLive({ liveId: 'live_1' })
    await stage.settle()
    const onViewer = document.createElement('div')
    await viewer.use(useLiveSeatState).playUserVideo({ userId: 'host', view: onViewer })
    await stage.settle()
    expect(stage.plays('viewer', 'host', onViewer)).toBe(true)
    const [liveHeard, callHeard] = [listen(host, ['live']), listen(host, ['call'])]
    const viewerHeard = stage.heard('viewer').length

    await caller.use(useCallState).calls({ userIdList: ['host'], mediaType: CallMediaType.VIDEO })
    await stage.settle()
    await host.use(useCallState).accept()
    await stage.settle()
    const call = host.use(useCallState)
    expect(call.callStatus.value).toBe(CallStatus.Connected)
    expect(call.selfInfo.value).toMatchObject({ isEntered: true, isAudioAvailable: true, isVideoAvailable: true })
    expect(stage.presence('caller')).toEqual({ ...IN_CALL, roomId: call.activeCall.value?.roomId })
    const onCaller = document.createElement('div')
    await caller.use(useCallState).startRemoteView({ userId: 'host', view: onCaller })
    await host.use(useCallState).startRemoteView({ userId: 'caller', view: document.createElement('div') })
    await stage.settle()
    expect(stage.plays('caller', 'host', onCaller)).toBe(true)
    expect(stage.plays('viewer', 'host', onViewer)).toBe(true) // the live goes on
    expect(callHeard).toEqual(['caller joined', 'caller audio on', 'caller camera on'])
    expect(liveHeard).toEqual([]) // the live room hears nothing of the call, and the other way round
    expect(stage.heard('viewer').slice(viewerHeard)).toEqual([])
    expect(devices()).toEqual([DeviceStatus.On, DeviceStatus.On])

    await host.use(useCallState).hangup()
    await stage.settle()
    expect([call.callStatus.value, call.isCameraOpened.value, call.isMicrophoneOpened.value]).toEqual([CallStatus.Idle, false, false])
    expect(stage.presence('caller')).toBeUndefined()
    expect(stage.plays('viewer', 'host', onViewer)).toBe(true)
    expect(stage.heard('viewer').slice(viewerHeard)).toEqual([]) // the host never stopped publishing into the live
    expect(liveHeard).toEqual([])
    expect(devices()).toEqual([DeviceStatus.On, DeviceStatus.On])
    expect(host.use(useLiveSeatState).seatList.value[0]?.userInfo).toMatchObject({ userId: 'host', microphoneStatus: DeviceStatus.On, cameraStatus: DeviceStatus.On })
  })
})
