import { createLocalHub, ErrorCode, type BattleRequestView, type Hub, type RequestOutcome } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCoHostState } from '../coHost'
import { toCoHostUser } from '../coHost/transitions'
import { useAtomicxClient } from '../core/context'
import { createLive, createTestUser, expectCode, flush, recordEvents, tearDown, type TestUser } from '../core/testing'
import { useLiveListState } from '../liveList'
import { BattleEndedReason, BattleEvent, TUIBattleCode, type BattleConfig } from '../types'
import type { BattleEventInfoMap } from './events'
import { requestEndedEmissions } from './transitions'
import { battleActions, useBattleState } from './useBattleState'

type EventName = keyof BattleEventInfoMap
const hostOf = (userId: string, liveId: string) => toCoHostUser({ userId, liveId, userName: `Name of ${userId}`, avatarUrl: '' })
const A = hostOf('hostA', 'liveA')
const B = hostOf('hostB', 'liveB')
const CONFIG: BattleConfig = { duration: 60, needResponse: true, extensionInfo: 'pk' }
/** The hub clock at the start of each test (fake `Date`). */
const NOW = 1_700_000_000_000

/** Every battle event `who` receives, in order. */
const record = (who: TestUser) => recordEvents(who, useBattleState, Object.values(BattleEvent))

const userIds = (list: readonly { userId: string }[]) => list.map((u) => u.userId)

let hub: Hub
let hostA: TestUser
let hostB: TestUser
let fan: TestUser
let logA: Array<[EventName, unknown]>
let logB: Array<[EventName, unknown]>
let logFan: Array<[EventName, unknown]>

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW })
  hub = createLocalHub()
  ;[hostA, fan] = await createLive(hub, ['hostA', 'fan'], { live: { liveId: 'liveA', liveName: 'A' } })
  ;[hostB] = await createLive(hub, ['hostB'], { live: { liveId: 'liveB', liveName: 'B' } })
  await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 0 })
  await flush()
  await hostB.use(useCoHostState).acceptHostConnection({ liveId: 'liveA' })
  await flush()
  logA = record(hostA)
  logB = record(hostB)
  logFan = record(fan)
})

afterEach(() => tearDown(hub, [hostA, hostB, fan]))

async function requestBattle(config = CONFIG, timeout = 10): Promise<string> {
  const { battleId, result } = await hostA.use(useBattleState).requestBattle({ config, userIdList: ['hostB'], timeout })
  expect(result).toEqual({ hostB: TUIBattleCode.Success })
  await flush()
  return battleId
}

async function startBattle(): Promise<string> {
  const battleId = await requestBattle()
  await hostB.use(useBattleState).acceptBattle({ battleId })
  await flush()
  return battleId
}

async function addScore(battleId: string, userId: string, value: number): Promise<void> {
  await fan.use(useAtomicxClient).request({ type: 'battle.addScore', battleId, userId, value })
  await flush()
}

describe('requests', () => {
  it('reach the invitee; nothing changes before the battle starts', async () => {
    const battleId = await requestBattle()
    expect(logB).toEqual([[BattleEvent.onBattleRequestReceived, { battleId, inviter: A, invitee: B }]])
    expect(logA).toEqual([])
    for (const side of [hostA, hostB, fan]) expect(side.use(useBattleState).currentBattleInfo.value).toBeUndefined()
  })

  it('wait in the invitee\'s battleRequests with their deadline until answered', async () => {
    const battleId = await requestBattle(CONFIG, 10)
    expect(hostB.use(useBattleState).battleRequests.value).toEqual([{ battleId, inviter: A, invitee: B, expiresAt: NOW + 10_000 }])
    expect(hostA.use(useBattleState).battleRequests.value).toEqual([])
    expect(fan.use(useBattleState).battleRequests.value).toEqual([])
    await hostB.use(useBattleState).acceptBattle({ battleId })
    await flush()
    expect(hostB.use(useBattleState).battleRequests.value).toEqual([])
  })

  it.each<[string, (battleId: string) => Promise<unknown>]>([
    ['rejected', (battleId) => hostB.use(useBattleState).rejectBattle({ battleId })],
    ['cancelled', (battleId) => hostA.use(useBattleState).cancelBattleRequest({ battleId, userIdList: ['hostB'] })],
    ['timed out', async () => vi.advanceTimersByTime(10_000)],
  ])('leave battleRequests when %s', async (_, end) => {
    const battleId = await requestBattle(CONFIG, 10)
    await end(battleId)
    await flush()
    expect(hostB.use(useBattleState).battleRequests.value).toEqual([])
  })

  it('a request without a timeout has no deadline', async () => {
    await requestBattle(CONFIG, 0)
    expect(hostB.use(useBattleState).battleRequests.value.map((request) => request.expiresAt)).toEqual([null])
  })

  it('accepted: the inviter hears it, then every member of both lives hears the start', async () => {
    const battleId = await startBattle()
    const info = { battleId, config: CONFIG, startTime: expect.any(Number), endTime: expect.any(Number) }
    const started = [BattleEvent.onBattleStarted, { battleInfo: info, inviter: A, invitees: [B] }]
    expect(logA).toEqual([[BattleEvent.onBattleRequestAccept, { battleId, inviter: A, invitee: B }], started])
    expect(logB).toEqual([[BattleEvent.onBattleRequestReceived, expect.anything()], started])
    expect(logFan).toEqual([started])
    for (const side of [hostA, hostB, fan]) {
      const state = side.use(useBattleState)
      expect(state.currentBattleInfo.value).toEqual(info)
      expect(state.currentBattleInfo.value!.endTime - state.currentBattleInfo.value!.startTime).toBe(60)
      expect(userIds(state.battleUsers.value)).toEqual(['hostA', 'hostB'])
      expect(state.battleScore.value).toEqual(new Map([['hostA', 0], ['hostB', 0]]))
    }
  })

  it('needResponse false starts at once without a prompt', async () => {
    const battleId = await requestBattle({ ...CONFIG, needResponse: false }, 0)
    expect(logB).toEqual([[BattleEvent.onBattleStarted, expect.objectContaining({ inviter: A, invitees: [B] })]])
    expect(hostB.use(useBattleState).currentBattleInfo.value?.battleId).toBe(battleId)
  })

  it('rejected: the inviter hears it', async () => {
    const battleId = await requestBattle()
    await hostB.use(useBattleState).rejectBattle({ battleId })
    await flush()
    expect(logA).toEqual([[BattleEvent.onBattleRequestReject, { battleId, inviter: A, invitee: B }]])
    expect(logB).toHaveLength(1)
  })

  it('cancelled: the invitee hears it', async () => {
    const battleId = await requestBattle()
    await hostA.use(useBattleState).cancelBattleRequest({ battleId, userIdList: ['hostB'] })
    await flush()
    expect(logB.at(-1)).toEqual([BattleEvent.onBattleRequestCancelled, { battleId, inviter: A, invitee: B }])
    expect(logA).toEqual([])
  })

  it('times out in seconds on both sides', async () => {
    const battleId = await requestBattle(CONFIG, 10)
    vi.advanceTimersByTime(9_999)
    await flush()
    expect(logA).toEqual([])
    vi.advanceTimersByTime(1)
    await flush()
    const timeout = [BattleEvent.onBattleRequestTimeout, { battleId, inviter: A, invitee: B }]
    expect(logA).toEqual([timeout])
    expect(logB.at(-1)).toEqual(timeout)
  })

  it('the invitee leaving the connection refuses the request; the leaver hears nothing', async () => {
    const battleId = await requestBattle()
    await hostB.use(useCoHostState).exitHostConnection()
    await flush()
    expect(logA).toEqual([[BattleEvent.onBattleRequestReject, { battleId, inviter: A, invitee: B }]])
    expect(logB).toHaveLength(1)
  })

  it('the inviter leaving the connection withdraws the request; the leaver hears nothing', async () => {
    const battleId = await requestBattle()
    await hostA.use(useCoHostState).exitHostConnection()
    await flush()
    expect(logB.at(-1)).toEqual([BattleEvent.onBattleRequestCancelled, { battleId, inviter: A, invitee: B }])
    expect(logA).toEqual([])
  })

  it.each([
    ['an unknown battle', () => hostB.use(useBattleState).acceptBattle({ battleId: 'nope' }), ErrorCode.REQUEST_NOT_FOUND],
    ['rejecting an unknown battle', () => hostB.use(useBattleState).rejectBattle({ battleId: 'nope' }), ErrorCode.REQUEST_NOT_FOUND],
    ['exiting a battle one is not in', () => hostA.use(useBattleState).exitBattle({ battleId: 'nope' }), ErrorCode.BATTLE_NOT_FOUND],
    ['a zero duration', () => hostA.use(useBattleState).requestBattle({ config: { ...CONFIG, duration: 0 }, userIdList: ['hostB'], timeout: 10 }), ErrorCode.INVALID_ARGUMENT],
    ['nobody who can battle', () => hostA.use(useBattleState).requestBattle({ config: CONFIG, userIdList: ['fan'], timeout: 10 }), ErrorCode.BATTLE_NO_VALID_ROOM],
    ['a request by an audience member', () => fan.use(useBattleState).requestBattle({ config: CONFIG, userIdList: ['hostB'], timeout: 10 }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s with a typed error and changes nothing', async (_, act, code) => {
    await expectCode(act(), code)
    await flush()
    expect([logA, logB, logFan]).toEqual([[], [], []])
    expect(hostA.use(useBattleState).currentBattleInfo.value).toBeUndefined()
  })

  it('refuses a battle between lives that are not connected', async () => {
    await hostB.use(useCoHostState).exitHostConnection()
    await flush()
    await expectCode(hostA.use(useBattleState).requestBattle({ config: CONFIG, userIdList: ['hostB'], timeout: 10 }), ErrorCode.NOT_CONNECTED)
  })
})

describe('a running battle', () => {
  let battleId: string
  beforeEach(async () => {
    battleId = await startBattle()
  })

  it('scores reach every member as a new map', async () => {
    const before = hostB.use(useBattleState).battleScore.value
    await addScore(battleId, 'hostB', 5)
    await addScore(battleId, 'hostA', 2)
    for (const side of [hostA, hostB, fan]) expect(side.use(useBattleState).battleScore.value).toEqual(new Map([['hostA', 2], ['hostB', 5]]))
    expect(hostB.use(useBattleState).battleScore.value).not.toBe(before)
  })

  it('ends by time (timeOver): onBattleEnded comes while the scores are still readable, then the state resets', async () => {
    await addScore(battleId, 'hostA', 3)
    const seen: unknown[] = []
    const state = fan.use(useBattleState)
    state.subscribeEvent(BattleEvent.onBattleEnded, ({ reason }) => seen.push([reason, state.battleScore.value.get('hostA'), state.currentBattleInfo.value?.battleId]))
    vi.advanceTimersByTime(59_999)
    await flush()
    expect(state.currentBattleInfo.value?.battleId).toBe(battleId)
    vi.advanceTimersByTime(1)
    await flush()
    expect(seen).toEqual([[BattleEndedReason.timeOver, 3, battleId]])
    for (const [side, log] of [[hostA, logA], [hostB, logB], [fan, logFan]] as const) {
      expect(log.at(-1)).toEqual([BattleEvent.onBattleEnded, { battleInfo: expect.objectContaining({ battleId }), reason: BattleEndedReason.timeOver }])
      const after = side.use(useBattleState)
      expect([after.currentBattleInfo.value, after.battleUsers.value, after.battleScore.value]).toEqual([undefined, [], new Map()])
    }
    expect(vi.getTimerCount()).toBe(0)
  })

  it('ends when all but one exit (allMemberExit): the others hear the exit then the end; the leaver only its exit', async () => {
    await hostB.use(useBattleState).exitBattle({ battleId })
    await flush()
    const exit = [BattleEvent.onUserExitBattle, { battleId, battleUser: B }]
    const ended = [BattleEvent.onBattleEnded, { battleInfo: expect.objectContaining({ battleId }), reason: BattleEndedReason.allMemberExit }]
    expect(logA.slice(-2)).toEqual([exit, ended])
    expect(logFan.slice(-2)).toEqual([exit, ended])
    expect(logB.at(-1)).toEqual(exit)
    for (const side of [hostA, hostB, fan]) expect(side.use(useBattleState).currentBattleInfo.value).toBeUndefined()
  })

  it('leaving the co-host connection leaves the battle too', async () => {
    await hostA.use(useCoHostState).exitHostConnection()
    await flush()
    expect(logB.slice(-2).map(([name]) => name)).toEqual([BattleEvent.onUserExitBattle, BattleEvent.onBattleEnded])
    expect(logA.at(-1)).toEqual([BattleEvent.onUserExitBattle, { battleId, battleUser: A }])
    for (const side of [hostA, hostB, fan]) expect(side.use(useBattleState).currentBattleInfo.value).toBeUndefined()
  })

  it('a member joining the live later sees the running battle', async () => {
    const late = await createTestUser(hub, 'late')
    await late.use(useLiveListState).joinLive({ liveId: 'liveB' })
    expect(late.use(useBattleState).currentBattleInfo.value?.battleId).toBe(battleId)
    expect(userIds(late.use(useBattleState).battleUsers.value)).toEqual(['hostA', 'hostB'])
    late.unmount()
  })

  it('battleActions act on the active app', async () => {
    await hostB.app.runWithContext(() => battleActions.exitBattle({ battleId }))
    await flush()
    expect(hostA.use(useBattleState).currentBattleInfo.value).toBeUndefined()
  })
})

describe('requestEndedEmissions', () => {
  const request: BattleRequestView = { battleId: 'b1', inviter: { ...A }, invitee: { ...B }, expiresAt: null }
  const info = { battleId: 'b1', inviter: A, invitee: B }
  it.each<[string, RequestOutcome, boolean, EventName[], EventName[]]>([
    ['accepted', 'accepted', false, [BattleEvent.onBattleRequestAccept], []],
    ['rejected', 'rejected', false, [BattleEvent.onBattleRequestReject], []],
    ['cancelled', 'cancelled', false, [], [BattleEvent.onBattleRequestCancelled]],
    ['timeout', 'timeout', false, [BattleEvent.onBattleRequestTimeout], [BattleEvent.onBattleRequestTimeout]],
    ['the other side left', 'left', false, [BattleEvent.onBattleRequestReject], [BattleEvent.onBattleRequestCancelled]],
    ['I left', 'left', true, [], []],
  ])('%s', (_, outcome, leaving, toInviter, toInvitee) => {
    const names = (me: string) => requestEndedEmissions(request, outcome, me, leaving).map((e) => {
      expect(e.info).toEqual(info)
      return e.event
    })
    expect(names('hostA')).toEqual(toInviter)
    expect(names('hostB')).toEqual(toInvitee)
  })
})
