import { createLocalHub, EngineError, ErrorCode, LiveEndedReason, LiveKickedOutReason, MediaError, MediaErrorCode, type ClientMessage, type Hub } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCoGuestState } from '../coGuest'
import { createFakeMediaUser, createTestUser, expectCode, flush, type FakeMediaEngine, type TestUser } from '../core/testing'
import { useDeviceState } from '../device'
import { useLiveAudienceState } from '../liveAudience'
import { useLiveSeatState } from '../liveSeat'
import { useLoginState } from '../login'
import { useMediaStore } from '../media'
import { LiveListEvent, LoginEvent, LoginStatus, TUISeatMode } from '../types'
import { isAlreadyOut, mediaLostError, removalEmission, type MediaRemovedReason } from './removal'
import { useLiveListState } from './useLiveListState'

describe('removalEmission', () => {
  it.each([
    ['kick', LiveListEvent.onKickedOutOfLive, LiveKickedOutReason.byLoggedOnOtherDevice],
    ['banned', LiveListEvent.onKickedOutOfLive, LiveKickedOutReason.byServer],
    ['error', LiveListEvent.onKickedOutOfLive, LiveKickedOutReason.forNetworkDisconnected],
    ['room_disband', LiveListEvent.onLiveEnded, LiveEndedReason.endedByServer],
  ] as const)('%s → %s', (reason, event, why) => {
    expect(removalEmission(reason, 'live1')).toEqual({ event, info: { liveId: 'live1', reason: why, message: '' } })
  })
})

describe('mediaLostError', () => {
  it('is NOT_IN_ROOM with the MediaError (code and SDK numbers) as cause', () => {
    const error = mediaLostError({ code: MediaErrorCode.NETWORK, message: 'reconnection failed', sdkCode: 5500, sdkExtraCode: 5502 })
    expect(error).toBeInstanceOf(EngineError)
    expect(error.code).toBe(ErrorCode.NOT_IN_ROOM)
    expect(error.message).toContain('reconnection failed')
    expect(error.cause).toBeInstanceOf(MediaError)
    expect((error.cause as MediaError).toJSON()).toEqual({ code: MediaErrorCode.NETWORK, message: 'reconnection failed', sdkCode: 5500, sdkExtraCode: 5502 })
  })

  it('an error without details is UNKNOWN', () => {
    expect((mediaLostError(undefined).cause as MediaError).code).toBe(MediaErrorCode.UNKNOWN)
  })
})

describe('isAlreadyOut', () => {
  it.each([
    [new EngineError(ErrorCode.NOT_IN_ROOM), true],
    [new EngineError(ErrorCode.NOT_LOGGED_IN), true],
    [new EngineError(ErrorCode.INVALID_ARGUMENT), false],
    [new Error('network'), false],
  ])('%s → %s', (error, expected) => {
    expect(isAlreadyOut(error)).toBe(expected)
  })
})

/** `inner`, except that `live.leave` requests wait while `holding`, until `release()`: a slow hub. */
function slowLeaves(inner: Hub): Hub & { holding: boolean; release(): void } {
  const held: Array<() => void> = []
  return {
    holding: false,
    accept(port) {
      const isLeave = (m: ClientMessage) => m.kind === 'request' && m.command.type === 'live.leave'
      inner.accept({ ...port, onMessage: (receive) => port.onMessage((m) => (this.holding && isLeave(m) ? held.push(() => receive(m)) : receive(m))) })
    },
    get state() {
      return inner.state
    },
    get sessionCount() {
      return inner.sessionCount
    },
    dispose: () => inner.dispose(),
    release() {
      this.holding = false
      for (const receive of held.splice(0)) receive()
    },
  }
}

describe('the media engine puts the user out of the live', () => {
  let hub: ReturnType<typeof slowLeaves>
  let host: TestUser
  let guest: TestUser
  let engines: Map<string, FakeMediaEngine>
  const errors = vi.fn()

  const user = (userId: string): Promise<TestUser> => createFakeMediaUser(hub, userId, engines, errors)

  /** The LiveListEvents and LoginEvents `who` hears, each with `currentLive` and `loginStatus` as they were then. */
  function record(who: TestUser): unknown[][] {
    const log: unknown[][] = []
    const { subscribeEvent, currentLive } = who.use(useLiveListState)
    const login = who.use(useLoginState)
    const entry = (name: string, info: unknown) => log.push([name, info, currentLive.value?.liveId ?? null, login.loginStatus.value])
    for (const name of Object.values(LiveListEvent)) subscribeEvent(name, (info) => entry(name, info))
    for (const name of Object.values(LoginEvent)) login.subscribeEvent(name, () => entry(name, undefined))
    return log
  }

  const removed = (userId: string, reason: MediaRemovedReason, error?: MediaError) =>
    engines.get(userId)!.emit('removed', error ? { reason, error: error.toJSON() } : { reason })

  const engineCalls = (userId: string) =>
    Object.entries(engines.get(userId)!).filter(([name, fn]) => vi.isMockFunction(fn) && name !== 'setVolumeInterval' && fn.mock.calls.length > 0).map(([name]) => name)

  beforeEach(async () => {
    errors.mockReset()
    engines = new Map()
    hub = slowLeaves(createLocalHub())
    host = await user('host')
    guest = await user('guest')
    await host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'Live 1', seatMode: TUISeatMode.kFreeToTake })
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await guest.use(useLiveSeatState).takeSeat({ seatIndex: 1 })
    await flush()
  })

  afterEach(() => {
    host.unmount()
    guest.unmount()
    hub.dispose()
  })

  it.each([
    ['banned', LiveListEvent.onKickedOutOfLive, LiveKickedOutReason.byServer],
    ['room_disband', LiveListEvent.onLiveEnded, LiveEndedReason.endedByServer],
  ] as const)('%s: leaves the live on the hub, then %s; the host sees the member and the seat go', async (reason, event, why) => {
    const log = record(guest)
    removed('guest', reason)
    await flush()
    expect(log).toEqual([[event, { liveId: 'live1', reason: why, message: '' }, null, LoginStatus.LOGINED]])
    expect(guest.use(useLiveSeatState).seatList.value).toEqual([])
    expect(host.use(useLiveSeatState).seatList.value[1]!.userInfo.userId).toBe('')
    expect(host.use(useLiveAudienceState).audienceList.value).toEqual([])
    expect(guest.use(useMediaStore).placement.roomId).toBeNull()
    // the engine left by itself: no leave, no second join
    expect(engineCalls('guest')).toEqual(['join', 'setRole'])
    expect(errors).not.toHaveBeenCalled()
  })

  it('error: onKickedOutOfLive(forNetworkDisconnected), then the typed error reaches the app', async () => {
    const log = record(guest)
    errors.mockImplementation(() => log.push(['errorHandler']))
    removed('guest', 'error', new MediaError(MediaErrorCode.NETWORK, 'reconnection failed', { sdkCode: 5500, sdkExtraCode: 5502 }))
    await flush()
    expect(log).toEqual([
      [LiveListEvent.onKickedOutOfLive, { liveId: 'live1', reason: LiveKickedOutReason.forNetworkDisconnected, message: '' }, null, LoginStatus.LOGINED],
      ['errorHandler'],
    ])
    const [error] = errors.mock.calls[0]!
    expect(error).toMatchObject({ code: ErrorCode.NOT_IN_ROOM, cause: { code: MediaErrorCode.NETWORK, sdkCode: 5500, sdkExtraCode: 5502 } })
    expect(host.use(useLiveAudienceState).audienceList.value).toEqual([])
  })

  it('kick (same userId in the media room elsewhere): out of the live, then offline and logged out', async () => {
    const log = record(guest)
    const engine = engines.get('guest')!
    removed('guest', 'kick')
    await flush()
    expect(log).toEqual([
      [LiveListEvent.onKickedOutOfLive, { liveId: 'live1', reason: LiveKickedOutReason.byLoggedOnOtherDevice, message: '' }, null, LoginStatus.LOGINED],
      [LoginEvent.onKickedOffline, undefined, null, LoginStatus.UNKNOWN],
    ])
    expect(guest.use(useLoginState).loginUserInfo.value).toBeNull()
    expect(engine.dispose).toHaveBeenCalledOnce()
    expect(hub.state.users.has('guest')).toBe(false)
    expect(host.use(useLiveAudienceState).audienceList.value).toEqual([])
    expect(errors).not.toHaveBeenCalled()
  })

  it('the owner put out: its live ends for the others (endedByHost), the owner hears why', async () => {
    const hostLog = record(host)
    const guestLog = record(guest)
    removed('host', 'banned')
    await flush()
    expect(hostLog).toEqual([[LiveListEvent.onKickedOutOfLive, { liveId: 'live1', reason: LiveKickedOutReason.byServer, message: '' }, null, LoginStatus.LOGINED]])
    expect(guestLog).toEqual([[LiveListEvent.onLiveEnded, { liveId: 'live1', reason: LiveEndedReason.endedByHost, message: '' }, null, LoginStatus.LOGINED]])
    expect(hub.state.rooms.size).toBe(0)
  })

  it('a pending application ends with the member: the host no longer sees it, no deadline is left', async () => {
    await guest.use(useLiveSeatState).leaveSeat()
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
    await flush()
    expect(host.use(useCoGuestState).applicants.value.map((a) => a.userId)).toEqual(['guest'])
    removed('guest', 'banned')
    await flush()
    expect(host.use(useCoGuestState).applicants.value).toEqual([])
    expect(hub.state.deadlines.size).toBe(0)
  })

  it.each([
    ['the host ended the live just before', () => host.use(useLiveListState).endLive(), [[LiveListEvent.onLiveEnded, { liveId: 'live1', reason: LiveEndedReason.endedByHost, message: '' }, null, LoginStatus.LOGINED]]],
    ['the user left the live just before', () => guest.use(useLiveListState).leaveLive(), []],
  ])('no second event when %s', async (_, act, expected) => {
    const log = record(guest)
    await act()
    removed('guest', 'room_disband')
    await flush()
    expect(log).toEqual(expected)
    expect(errors).not.toHaveBeenCalled()
  })

  it('a login elsewhere through the hub first: the hub says it once, the late media kick says nothing', async () => {
    const log = record(guest)
    const engine = engines.get('guest')!
    const again = await createTestUser(hub, 'guest')
    await flush()
    engine.emit('removed', { reason: 'kick' })
    await flush()
    expect(log.map(([name]) => name)).toEqual([LiveListEvent.onKickedOutOfLive, LoginEvent.onKickedOffline])
    expect(again.use(useLoginState).loginStatus.value).toBe(LoginStatus.LOGINED)
    again.unmount()
  })

  it('until the hub has the user out, seat changes do not join the room again; joining the live again does', async () => {
    const log = record(guest)
    hub.holding = true
    removed('guest', 'banned')
    await host.use(useLiveSeatState).lockSeat({ seatIndex: 3 })
    await flush()
    // still in the hub's live, seat list changed: the media room stays left
    expect(guest.use(useLiveSeatState).seatList.value[3]!.isLocked).toBe(true)
    expect(engineCalls('guest')).toEqual(['join', 'setRole'])
    await expectCode(guest.use(useDeviceState).openLocalMicrophone(), ErrorCode.NOT_IN_ROOM)
    hub.release()
    await flush()
    expect(log.map(([name]) => name)).toEqual([LiveListEvent.onKickedOutOfLive])
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await flush()
    expect(engines.get('guest')!.join).toHaveBeenCalledTimes(2)
    expect(guest.use(useMediaStore).placement).toEqual({ roomId: 'live1', role: 'audience', partners: [] })
  })
})
