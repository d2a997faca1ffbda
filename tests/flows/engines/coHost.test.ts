// Co-host and battle on both media engines: two hosts connect their lives, and each one's media reaches
// the other live (TRTC: the CrossRoom plugin; local: in-page links), for the hosts and the audience alike.
import {
  BattleEndedReason, BattleEvent, CoHostEvent, CoHostStatus, DeviceStatus, Role, SuspendStatus, TUIBattleCode, TUIConnectionCode,
  useBattleState, useCoHostState, useDeviceState, useLiveListState, useLiveSeatState, type BattleConfig, type CoHostEventInfoMap,
} from '@atomicx-vue/vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestUser } from '@atomicx-vue/vue/testing'
import { ENGINES } from './engines'
import { record, type Stage } from './stage'

const CO_HOST_EVENTS: ReadonlyArray<keyof CoHostEventInfoMap> = [
  CoHostEvent.onCoHostRequestReceived, CoHostEvent.onCoHostRequestCancelled, CoHostEvent.onCoHostRequestAccepted,
  CoHostEvent.onCoHostRequestRejected, CoHostEvent.onCoHostRequestTimeout, CoHostEvent.onCoHostUserJoined, CoHostEvent.onCoHostUserLeft,
]
/** A host as co-host and battle events carry it. */
const hostOf = (userId: string, liveId: string) => ({
  userId, userName: `Name of ${userId}`, avatarUrl: '', liveId, role: Role.GeneralUser, microphoneStatus: DeviceStatus.Off,
  allowOpenMicrophone: true, cameraStatus: DeviceStatus.Off, allowOpenCamera: true, userSuspendStatus: SuspendStatus.None,
})
const A = hostOf('hostA', 'liveA')
const B = hostOf('hostB', 'liveB')
const BATTLE: BattleConfig = { duration: 60, needResponse: true, extensionInfo: 'pk' }
/** What the media of someone in liveA hears about hostB (already publishing: video first, as TRTC tells it) when the lives connect, then part. */
const B_ARRIVES = ['hostB joined', 'hostB camera on', 'hostB audio on']
const B_GOES = ['hostB camera off', 'hostB audio off', 'hostB left (leave)']

describe.each(ENGINES)('co-host and battle on the %s engine', (_, makeStage) => {
  let stage: Stage
  let hostA: TestUser
  let hostB: TestUser
  let fan: TestUser

  beforeEach(async () => {
    stage = await makeStage(['hostA', 'hostB', 'fan'])
    ;[hostA, hostB, fan] = stage.users as [TestUser, TestUser, TestUser]
    for (const [host, liveId] of [[hostA, 'liveA'], [hostB, 'liveB']] as const) {
      await host.use(useLiveListState).startLive({ liveId, liveName: liveId })
      await host.use(useDeviceState).openLocalMicrophone()
      await host.use(useDeviceState).openLocalCamera()
    }
    await fan.use(useLiveListState).joinLive({ liveId: 'liveA' })
    await stage.settle()
  })

  afterEach(() => stage.dispose())

  const connectedLives = (who: TestUser) => who.use(useCoHostState).connected.value.map((host) => host.liveId)

  /** hostA asks hostB to connect, hostB accepts. */
  async function connect(): Promise<void> {
    expect(await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 30 })).toEqual(new Map([['liveB', TUIConnectionCode.TUIConnectionCodeSuccess]]))
    await stage.settle()
    await hostB.use(useCoHostState).acceptHostConnection({ liveId: 'liveA' })
    await stage.settle()
  }

  /** Plays `userId`'s camera on `viewer`'s screen into a new view. */
  async function play(viewer: TestUser, userId: string): Promise<HTMLElement> {
    const view = document.createElement('div')
    await viewer.use(useLiveSeatState).playUserVideo({ userId, view })
    await stage.settle()
    return view
  }

  it('request → accept: both hosts connected, each one\'s media reaches the other live, the audience included → exit', async () => {
    const logA = record(hostA.use(useCoHostState), CO_HOST_EVENTS)
    const logB = record(hostB.use(useCoHostState), CO_HOST_EVENTS)
    const logFan = record(fan.use(useCoHostState), CO_HOST_EVENTS)
    expect(stage.heard('fan')).toEqual(['hostA joined', 'hostA camera on', 'hostA audio on'])
    expect(stage.heard('hostA')).toEqual([])

    await connect()
    expect(logA).toEqual([[CoHostEvent.onCoHostRequestAccepted, { invitee: B }], [CoHostEvent.onCoHostUserJoined, { userInfo: B }]])
    expect(logB).toEqual([
      [CoHostEvent.onCoHostRequestReceived, { inviter: A, extensionInfo: '' }],
      [CoHostEvent.onCoHostUserJoined, { userInfo: A }],
    ])
    expect(logFan).toEqual([[CoHostEvent.onCoHostUserJoined, { userInfo: B }]])
    for (const host of [hostA, hostB]) {
      expect(connectedLives(host)).toEqual(['liveA', 'liveB'])
      expect(host.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Connected)
    }
    expect(connectedLives(fan)).toEqual(['liveA', 'liveB'])
    // each host links its own media room to the partner's; the audience links nothing
    expect(stage.presence('hostA')).toEqual({ roomId: 'liveA', scene: 'live', role: 'anchor', published: ['audio', 'camera'], links: ['liveB'] })
    expect(stage.presence('hostB')).toEqual({ roomId: 'liveB', scene: 'live', role: 'anchor', published: ['audio', 'camera'], links: ['liveA'] })
    expect(stage.presence('fan')).toEqual({ roomId: 'liveA', scene: 'live', role: 'audience', published: [], links: [] })
    expect(stage.heard('hostA')).toEqual(B_ARRIVES)
    expect(stage.heard('hostB')).toEqual(['hostA joined', 'hostA camera on', 'hostA audio on'])
    expect(stage.heard('fan').slice(3)).toEqual(B_ARRIVES)
    const onA = await play(hostA, 'hostB')
    const onFan = await play(fan, 'hostB')
    const onB = await play(hostB, 'hostA')
    expect([stage.plays('hostA', 'hostB', onA), stage.plays('fan', 'hostB', onFan), stage.plays('hostB', 'hostA', onB)]).toEqual([true, true, true])

    await hostA.use(useCoHostState).exitHostConnection()
    await stage.settle()
    expect(logA.at(-1)).toEqual([CoHostEvent.onCoHostUserLeft, { userInfo: B }])
    expect(logB.at(-1)).toEqual([CoHostEvent.onCoHostUserLeft, { userInfo: A }])
    expect(logFan.at(-1)).toEqual([CoHostEvent.onCoHostUserLeft, { userInfo: B }])
    for (const who of [hostA, hostB, fan]) expect(connectedLives(who)).toEqual([])
    for (const host of [hostA, hostB]) expect(host.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Disconnected)
    expect([stage.presence('hostA')?.links, stage.presence('hostB')?.links]).toEqual([[], []])
    expect(stage.heard('hostA').slice(3)).toEqual(B_GOES)
    expect(stage.heard('fan').slice(6)).toEqual(B_GOES)
    expect([stage.plays('hostA', 'hostB', onA), stage.plays('fan', 'hostB', onFan), stage.plays('hostB', 'hostA', onB)]).toEqual([false, false, false])
    // each host still publishes in its own live
    expect([stage.presence('hostA')?.published, stage.presence('hostB')?.published]).toEqual([['audio', 'camera'], ['audio', 'camera']])
  })

  it('battle start → end by time: every member of both lives hears both, the media connection stays', async () => {
    await connect()
    const logs = [hostA, hostB, fan].map((who) => record(who.use(useBattleState), Object.values(BattleEvent)))
    const { battleId, result } = await hostA.use(useBattleState).requestBattle({ config: BATTLE, userIdList: ['hostB'], timeout: 10 })
    expect(result).toEqual({ hostB: TUIBattleCode.Success })
    await stage.settle()
    expect(logs[1]).toEqual([[BattleEvent.onBattleRequestReceived, { battleId, inviter: A, invitee: B }]])

    await hostB.use(useBattleState).acceptBattle({ battleId })
    await stage.settle()
    const battleInfo = { battleId, config: BATTLE, startTime: Math.floor(Date.now() / 1000), endTime: Math.floor(Date.now() / 1000) + 60 }
    const started = [BattleEvent.onBattleStarted, { battleInfo, inviter: A, invitees: [B] }]
    expect(logs).toEqual([
      [[BattleEvent.onBattleRequestAccept, { battleId, inviter: A, invitee: B }], started],
      [[BattleEvent.onBattleRequestReceived, expect.anything()], started],
      [started],
    ])
    for (const who of [hostA, hostB, fan]) {
      const battle = who.use(useBattleState)
      expect(battle.currentBattleInfo.value).toEqual(battleInfo)
      expect(battle.battleUsers.value.map((u) => u.userId)).toEqual(['hostA', 'hostB'])
      expect(battle.battleScore.value).toEqual(new Map([['hostA', 0], ['hostB', 0]]))
    }

    await stage.advance(59_999)
    expect(fan.use(useBattleState).currentBattleInfo.value).toEqual(battleInfo)
    await stage.advance(1)
    for (const [i, who] of [hostA, hostB, fan].entries()) {
      expect(logs[i]!.at(-1)).toEqual([BattleEvent.onBattleEnded, { battleInfo, reason: BattleEndedReason.timeOver }])
      const battle = who.use(useBattleState)
      expect([battle.currentBattleInfo.value, battle.battleUsers.value, battle.battleScore.value]).toEqual([undefined, [], new Map()])
    }
    // the battle ends, the co-host connection and its media go on
    for (const host of [hostA, hostB]) expect(host.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Connected)
    expect([stage.presence('hostA')?.links, stage.presence('hostB')?.links]).toEqual([['liveB'], ['liveA']])
    expect(stage.heard('hostA')).toEqual(B_ARRIVES)
  })
})
