import { createLocalHub, ErrorCode, type CoHostRequestView, type Hub, type RequestOutcome } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { createFakeMediaEngine, createTestUser, expectCode, flush, recordEvents, tearDown, type FakeMediaEngine, type TestUser } from '../core/testing'
import { useAtomicxClient } from '../core/context'
import { useDeviceState } from '../device'
import { useLiveListState } from '../liveList'
import { useLiveSeatState } from '../liveSeat'
import { CoHostEvent, CoHostStatus, TUIConnectionCode, type SeatUserInfo } from '../types'
import type { CoHostEventInfoMap } from './events'
import { listsFrom, requestEndedEmissions, toCoHostUser } from './transitions'
import { coHostActions, useCoHostState } from './useCoHostState'

type EventName = keyof CoHostEventInfoMap
const CO_HOST_EVENTS: readonly EventName[] = [
  CoHostEvent.onCoHostRequestReceived, CoHostEvent.onCoHostRequestCancelled, CoHostEvent.onCoHostRequestAccepted,
  CoHostEvent.onCoHostRequestRejected, CoHostEvent.onCoHostRequestTimeout, CoHostEvent.onCoHostUserJoined, CoHostEvent.onCoHostUserLeft,
]
const hostOf = (userId: string, liveId: string) => toCoHostUser({ userId, liveId, userName: `Name of ${userId}`, avatarUrl: '' })
const A = hostOf('hostA', 'liveA')
const B = hostOf('hostB', 'liveB')
const C = hostOf('hostC', 'liveC')
/** A hub clock reading (tests fake `Date` from it). */
const NOW = 1_700_000_000_000
/** A host with a pending request that expires at `expiresAt`. */
const pending = (host: SeatUserInfo, expiresAt: number | null) => ({ ...host, expiresAt })

/** Every co-host event `who` receives, in order. */
const record = (who: TestUser) => recordEvents(who, useCoHostState, CO_HOST_EVENTS)

const liveIds = (list: readonly { liveId: string }[]) => list.map((u) => u.liveId)

let hub: Hub
let hostA: TestUser
let hostB: TestUser
let fan: TestUser
const engines = new Map<string, FakeMediaEngine>()
let logA: Array<[EventName, unknown]>
let logB: Array<[EventName, unknown]>
let logFan: Array<[EventName, unknown]>

async function user(userId: string): Promise<TestUser> {
  const media = () => {
    const engine = createFakeMediaEngine()
    engines.set(userId, engine)
    return engine
  }
  const who = await createTestUser(hub, userId, { media })
  return who
}

async function startLive(who: TestUser, liveId: string): Promise<void> {
  await who.use(useLiveListState).startLive({ liveId, liveName: liveId })
}

beforeEach(async () => {
  hub = createLocalHub()
  hostA = await user('hostA')
  hostB = await user('hostB')
  fan = await user('fan')
  await startLive(hostA, 'liveA')
  await startLive(hostB, 'liveB')
  await fan.use(useLiveListState).joinLive({ liveId: 'liveA' })
  await flush()
  logA = record(hostA)
  logB = record(hostB)
  logFan = record(fan)
})

afterEach(() => {
  tearDown(hub, [hostA, hostB, fan])
  engines.clear()
})

async function request(timeout = 30): Promise<Map<string, TUIConnectionCode>> {
  const codes = await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout, extensionInfo: '{"withBattle":false}' })
  await flush()
  return codes
}

async function connectAB(): Promise<void> {
  await request()
  await hostB.use(useCoHostState).acceptHostConnection({ liveId: 'liveA' })
  await flush()
}

describe('requests', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  })

  it('reach the target as onCoHostRequestReceived; the requester lists the invitee; Success is returned', async () => {
    expect(await request()).toEqual(new Map([['liveB', TUIConnectionCode.TUIConnectionCodeSuccess]]))
    expect(logB).toEqual([[CoHostEvent.onCoHostRequestReceived, { inviter: A, extensionInfo: '{"withBattle":false}' }]])
    expect(logA).toEqual([])
    expect(hostA.use(useCoHostState).invitees.value).toEqual([pending(B, NOW + 30_000)])
    expect(hostB.use(useCoHostState).applicant.value).toEqual(pending(A, NOW + 30_000))
    expect(hostA.use(useCoHostState).applicant.value).toBeNull()
  })

  it('a request without a timeout has no deadline (expiresAt null) on either side', async () => {
    await request(0)
    expect(hostA.use(useCoHostState).invitees.value).toEqual([pending(B, null)])
    expect(hostB.use(useCoHostState).applicant.value).toEqual(pending(A, null))
  })

  it('returns non-success codes instead of throwing, and sends nothing', async () => {
    const { requestHostConnection } = hostA.use(useCoHostState)
    expect(await requestHostConnection({ liveId: 'nowhere', timeout: 30 })).toEqual(new Map([['nowhere', TUIConnectionCode.TUIConnectionCodeRoomNotExist]]))
    await request()
    expect(await requestHostConnection({ liveId: 'liveB', timeout: 30 })).toEqual(new Map([['liveB', TUIConnectionCode.TUIConnectionCodeConnecting]]))
    await flush()
    expect(logB).toHaveLength(1)
    expect(hostA.use(useCoHostState).invitees.value).toEqual([pending(B, NOW + 30_000)])
  })

  it('accepted: the requester hears it, both lives are connected and every member sees the other host join', async () => {
    await connectAB()
    expect(logA).toEqual([[CoHostEvent.onCoHostRequestAccepted, { invitee: B }], [CoHostEvent.onCoHostUserJoined, { userInfo: B }]])
    expect(logB).toEqual([[CoHostEvent.onCoHostRequestReceived, expect.anything()], [CoHostEvent.onCoHostUserJoined, { userInfo: A }]])
    expect(logFan).toEqual([[CoHostEvent.onCoHostUserJoined, { userInfo: B }]])
    for (const side of [hostA, hostB]) {
      const state = side.use(useCoHostState)
      expect(liveIds(state.connected.value)).toEqual(['liveA', 'liveB'])
      expect(state.coHostStatus.value).toBe(CoHostStatus.Connected)
      expect(state.invitees.value).toEqual([])
      expect(state.applicant.value).toBeNull()
    }
    // an audience member sees the connection but is not a connected host
    expect(liveIds(fan.use(useCoHostState).connected.value)).toEqual(['liveA', 'liveB'])
    expect(fan.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Disconnected)
  })

  it('accepted: each host links its media room to the partner room; audience members link nothing', async () => {
    await connectAB()
    expect(engines.get('hostA')!.connectRoom).toHaveBeenCalledWith({ roomId: 'liveB' })
    expect(engines.get('hostB')!.connectRoom).toHaveBeenCalledWith({ roomId: 'liveA' })
    expect(engines.get('fan')!.connectRoom).not.toHaveBeenCalled()
  })

  it('rejected: the requester hears it and both lists clear', async () => {
    await request()
    await hostB.use(useCoHostState).rejectHostConnection({ liveId: 'liveA' })
    await flush()
    expect(logA).toEqual([[CoHostEvent.onCoHostRequestRejected, { invitee: B }]])
    expect(logB).toHaveLength(1)
    expect(hostA.use(useCoHostState).invitees.value).toEqual([])
    expect(hostB.use(useCoHostState).applicant.value).toBeNull()
    expect(hostA.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Disconnected)
  })

  it('cancelled: the target hears it and both lists clear', async () => {
    await request()
    await hostA.use(useCoHostState).cancelHostConnection({ liveId: 'liveB' })
    await flush()
    expect(logB.at(-1)).toEqual([CoHostEvent.onCoHostRequestCancelled, { inviter: A, invitee: B }])
    expect(logA).toEqual([])
    expect(hostA.use(useCoHostState).invitees.value).toEqual([])
    expect(hostB.use(useCoHostState).applicant.value).toBeNull()
  })

  it('times out in seconds on both sides', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW })
    await request(10)
    vi.advanceTimersByTime(9_999)
    await flush()
    expect(hostB.use(useCoHostState).applicant.value).toEqual(pending(A, NOW + 10_000))
    vi.advanceTimersByTime(1)
    await flush()
    expect(logA).toEqual([[CoHostEvent.onCoHostRequestTimeout, { inviter: A, invitee: B }]])
    expect(logB.at(-1)).toEqual([CoHostEvent.onCoHostRequestTimeout, { inviter: A, invitee: B }])
    expect(hostA.use(useCoHostState).invitees.value).toEqual([])
    expect(hostB.use(useCoHostState).applicant.value).toBeNull()
  })

  it("the requester's live ending withdraws the request: the target hears it, the leaver hears nothing", async () => {
    await request()
    await hostA.use(useLiveListState).endLive()
    await flush()
    expect(logB.at(-1)).toEqual([CoHostEvent.onCoHostRequestCancelled, { inviter: A, invitee: B }])
    expect(logA).toEqual([])
    expect(hostB.use(useCoHostState).applicant.value).toBeNull()
  })

  it("the target's live ending refuses the request: the requester hears it, the leaver hears nothing", async () => {
    await request()
    await hostB.use(useLiveListState).leaveLive()
    await flush()
    expect(logA).toEqual([[CoHostEvent.onCoHostRequestRejected, { invitee: B }]])
    expect(logB).toHaveLength(1)
    expect(hostA.use(useCoHostState).invitees.value).toEqual([])
  })

  it.each([
    ['accept', () => hostB.use(useCoHostState).acceptHostConnection({ liveId: 'liveA' }), ErrorCode.REQUEST_NOT_FOUND],
    ['reject', () => hostB.use(useCoHostState).rejectHostConnection({ liveId: 'liveA' }), ErrorCode.REQUEST_NOT_FOUND],
    ['cancel', () => hostA.use(useCoHostState).cancelHostConnection({ liveId: 'liveB' }), ErrorCode.REQUEST_NOT_FOUND],
    ['exit while not connected', () => hostA.use(useCoHostState).exitHostConnection(), ErrorCode.NOT_CONNECTED],
    ['request by an audience member', () => fan.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 30 }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['request with a negative timeout', () => hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: -1 }), ErrorCode.INVALID_ARGUMENT],
  ])('%s with nothing to act on is refused with a typed error and changes nothing', async (_, act, code) => {
    await expectCode(act(), code)
    await flush()
    for (const [who, log] of [[hostA, logA], [hostB, logB]] as const) {
      expect(log).toEqual([])
      expect(who.use(useCoHostState).invitees.value).toEqual([])
      expect(who.use(useCoHostState).applicant.value).toBeNull()
    }
  })

  it('a second request while one waits for me is refused (100402)', async () => {
    await request()
    await expectCode(hostB.use(useCoHostState).requestHostConnection({ liveId: 'liveA', timeout: 30 }), ErrorCode.CO_HOST_REQUEST_PENDING)
  })
})

describe('connections', () => {
  beforeEach(connectAB)

  it('exit: the others hear onCoHostUserLeft even though the 1:1 connection dissolved (gap 12)', async () => {
    await hostB.use(useCoHostState).exitHostConnection()
    await flush()
    expect(logA.at(-1)).toEqual([CoHostEvent.onCoHostUserLeft, { userInfo: B }])
    expect(logB.at(-1)).toEqual([CoHostEvent.onCoHostUserLeft, { userInfo: A }])
    expect(logFan.at(-1)).toEqual([CoHostEvent.onCoHostUserLeft, { userInfo: B }])
    for (const side of [hostA, hostB, fan]) {
      expect(side.use(useCoHostState).connected.value).toEqual([])
      expect(side.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Disconnected)
    }
    expect(engines.get('hostA')!.disconnectRoom).toHaveBeenCalledWith('liveB')
    expect(engines.get('hostB')!.disconnectRoom).toHaveBeenCalledWith('liveA')
  })

  it('a third live joins: everyone sees it, the newcomer sees both; the rest stays connected when one leaves', async () => {
    const hostC = await user('hostC')
    await startLive(hostC, 'liveC')
    const logC = record(hostC)
    await hostA.use(useCoHostState).requestHostConnection({ liveId: 'liveC', timeout: 30 })
    await flush()
    await hostC.use(useCoHostState).acceptHostConnection({ liveId: 'liveA' })
    await flush()
    expect(logC.slice(1)).toEqual([[CoHostEvent.onCoHostUserJoined, { userInfo: A }], [CoHostEvent.onCoHostUserJoined, { userInfo: B }]])
    expect(logB.at(-1)).toEqual([CoHostEvent.onCoHostUserJoined, { userInfo: C }])
    expect(liveIds(hostB.use(useCoHostState).connected.value)).toEqual(['liveA', 'liveB', 'liveC'])
    expect(engines.get('hostC')!.connectRoom.mock.calls).toEqual([[{ roomId: 'liveA' }], [{ roomId: 'liveB' }]])

    await hostA.use(useCoHostState).exitHostConnection()
    await flush()
    expect(logC.at(-1)).toEqual([CoHostEvent.onCoHostUserLeft, { userInfo: A }])
    expect(liveIds(hostC.use(useCoHostState).connected.value)).toEqual(['liveB', 'liveC'])
    expect(hostC.use(useCoHostState).coHostStatus.value).toBe(CoHostStatus.Connected)
    hostC.unmount()
  })

  it('muteRemoteHostAudio mutes the partner live in mine and lists it', async () => {
    const { muteRemoteHostAudio, mutedHosts } = hostA.use(useCoHostState)
    await muteRemoteHostAudio('liveB', true)
    expect(engines.get('hostA')!.setConnectedMuted).toHaveBeenLastCalledWith({ roomId: 'liveB', audio: true })
    expect(mutedHosts.value).toEqual(['liveB'])
    await muteRemoteHostAudio('liveB', false)
    expect(engines.get('hostA')!.setConnectedMuted).toHaveBeenLastCalledWith({ roomId: 'liveB', audio: false })
    expect(mutedHosts.value).toEqual([])
  })

  it('a mute ends with the connection', async () => {
    await hostA.use(useCoHostState).muteRemoteHostAudio('liveB', true)
    await hostB.use(useCoHostState).exitHostConnection()
    await flush()
    expect(hostA.use(useCoHostState).mutedHosts.value).toEqual([])
  })

  it.each([
    ['my own live', 'hostA', 'liveA', true, ErrorCode.INVALID_ARGUMENT],
    ['a live not connected', 'hostA', 'liveX', true, ErrorCode.INVALID_ARGUMENT],
    ['a non-boolean', 'hostA', 'liveB', 'yes', ErrorCode.INVALID_ARGUMENT],
    ['an audience member', 'fan', 'liveB', true, ErrorCode.NOT_CONNECTED],
  ])('muteRemoteHostAudio refuses %s', async (_, who, liveId, isMuted, code) => {
    const side = who === 'fan' ? fan : hostA
    await expectCode(side.use(useCoHostState).muteRemoteHostAudio(liveId, isMuted as boolean), code)
    expect(side.use(useCoHostState).mutedHosts.value).toEqual([])
    expect(engines.get(who)!.setConnectedMuted).not.toHaveBeenCalled()
  })

  it('ending the live clears the state and leaves no timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    await hostA.use(useLiveListState).endLive()
    await flush()
    const state = hostA.use(useCoHostState)
    expect([state.connected.value, state.invitees.value, state.applicant.value]).toEqual([[], [], null])
    expect(liveIds(hostB.use(useCoHostState).connected.value)).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('media between connected lives (local engine)', () => {
  it("the audience of one live plays the other host's very stream; a mute hides its audio there", async () => {
    const [hostC, hostD, viewer] = [await createTestUser(hub, 'hostC'), await createTestUser(hub, 'hostD'), await createTestUser(hub, 'viewer')]
    await startLive(hostC, 'liveC')
    await startLive(hostD, 'liveD')
    await viewer.use(useLiveListState).joinLive({ liveId: 'liveC' })
    await hostC.use(useCoHostState).requestHostConnection({ liveId: 'liveD', timeout: 0 })
    await flush()
    await hostD.use(useCoHostState).acceptHostConnection({ liveId: 'liveC' })
    await flush()
    await hostD.use(useDeviceState).openLocalMicrophone()
    await hostD.use(useDeviceState).openLocalCamera()
    await flush()

    const view = document.createElement('div')
    await viewer.use(useLiveSeatState).playUserVideo({ userId: 'hostD', view })
    expect(viewer.backend.playing(view)).toBe(hostD.backend.streams.find((stream) => stream.getVideoTracks().length > 0))

    const audio = vi.fn()
    viewer.use(useAtomicxClient).onMedia('remoteMedia', ({ userId, media, available }) => media === 'audio' && audio(userId, available))
    await hostC.use(useCoHostState).muteRemoteHostAudio('liveD', true)
    await flush()
    expect(audio).toHaveBeenLastCalledWith('hostD', false)
    await hostC.use(useCoHostState).muteRemoteHostAudio('liveD', false)
    await flush()
    expect(audio).toHaveBeenLastCalledWith('hostD', true)

    await hostD.use(useCoHostState).exitHostConnection()
    await flush()
    expect(viewer.backend.playing(view)).toBeUndefined()
    for (const who of [hostC, hostD, viewer]) who.unmount()
  })
})

describe('candidates', () => {
  it('lists the other lives: cursor "" replaces, a later cursor appends', async () => {
    const { getCoHostCandidates, candidates, candidatesCursor } = hostA.use(useCoHostState)
    await getCoHostCandidates('')
    expect(liveIds(candidates.value)).toEqual(['liveB'])
    expect(candidatesCursor.value).toBe('')
    await getCoHostCandidates('')
    expect(liveIds(candidates.value)).toEqual(['liveB'])
  })

  it('a host that joins my connection leaves the candidates', async () => {
    await hostA.use(useCoHostState).getCoHostCandidates('')
    await connectAB()
    expect(hostA.use(useCoHostState).candidates.value).toEqual([])
  })

  it('refuses a malformed cursor', async () => {
    await expectCode(hostA.use(useCoHostState).getCoHostCandidates('abc'), ErrorCode.INVALID_ARGUMENT)
  })
})

describe('events', () => {
  it('subscribeEvent returns its unsubscribe; unsubscribeEvent with an unknown callback does nothing', async () => {
    const { subscribeEvent, unsubscribeEvent } = hostB.use(useCoHostState)
    const first = vi.fn()
    const second = vi.fn()
    const off = subscribeEvent(CoHostEvent.onCoHostRequestReceived, first)
    subscribeEvent(CoHostEvent.onCoHostRequestReceived, second)
    unsubscribeEvent(CoHostEvent.onCoHostRequestReceived, vi.fn())
    off()
    await request()
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledWith({ inviter: A, extensionInfo: '{"withBattle":false}' })
  })

  it('a subscription made in an effect scope ends with it', async () => {
    const listener = vi.fn()
    const scope = effectScope()
    scope.run(() => hostB.use(useCoHostState).subscribeEvent(CoHostEvent.onCoHostRequestReceived, listener))
    scope.stop()
    await request()
    expect(listener).not.toHaveBeenCalled()
  })

  it('coHostActions act on the active app', async () => {
    const codes = await hostA.app.runWithContext(() => coHostActions.requestHostConnection({ liveId: 'liveB', timeout: 30 }))
    expect(codes.get('liveB')).toBe(TUIConnectionCode.TUIConnectionCodeSuccess)
  })
})

describe('requestEndedEmissions', () => {
  const req: CoHostRequestView = {
    requestId: 'r1', inviter: { ...A }, invitee: { ...B }, layoutTemplate: 600, extensionInfo: '', createdAt: 0, expiresAt: null,
  }
  const both = { inviter: A, invitee: B }
  it.each<[string, RequestOutcome, boolean, unknown[], unknown[]]>([
    ['accepted', 'accepted', false, [[CoHostEvent.onCoHostRequestAccepted, { invitee: B }]], []],
    ['rejected', 'rejected', false, [[CoHostEvent.onCoHostRequestRejected, { invitee: B }]], []],
    ['cancelled', 'cancelled', false, [], [[CoHostEvent.onCoHostRequestCancelled, both]]],
    ['timeout', 'timeout', false, [[CoHostEvent.onCoHostRequestTimeout, both]], [[CoHostEvent.onCoHostRequestTimeout, both]]],
    ["the other's live ended", 'liveEnded', false, [[CoHostEvent.onCoHostRequestRejected, { invitee: B }]], [[CoHostEvent.onCoHostRequestCancelled, both]]],
    ['my own live ended', 'liveEnded', true, [], []],
  ])('%s', (_, outcome, leaving, toRequester, toTarget) => {
    const pairs = (me: string) => requestEndedEmissions(req, outcome, me, leaving).map(({ event, info }) => [event, info])
    expect(pairs('hostA')).toEqual(toRequester)
    expect(pairs('hostB')).toEqual(toTarget)
  })
})

describe('listsFrom', () => {
  it('rebuilds both sides of pending requests with their deadlines from a full view', () => {
    const outgoing: CoHostRequestView = { requestId: 'r1', inviter: { ...A }, invitee: { ...B }, layoutTemplate: 600, extensionInfo: '', createdAt: 0, expiresAt: 9_000 }
    const incoming: CoHostRequestView = { ...outgoing, requestId: 'r2', inviter: { ...C }, invitee: { ...A }, expiresAt: null }
    expect(listsFrom({ connection: null, coHostOutgoing: [outgoing], coHostIncoming: [incoming] })).toEqual({ connected: [], invitees: [pending(B, 9_000)], applicant: pending(C, null) })
  })
})
