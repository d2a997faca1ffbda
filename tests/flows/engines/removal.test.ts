// The media backend puts a user out of the live's room: on the TRTC engine over the fake cloud (every
// `removed` reason: the same userId entering elsewhere, server RemoveUser, DismissRoom, a lost
// connection) and on the local engine (it knows only the same userId entering elsewhere). What the
// removed user's app hears, what the others see, and that nothing is left behind.
import { createLocalHub, EngineError, ErrorCode, LiveEndedReason, LiveKickedOutReason, MediaErrorCode, type Hub } from '@atomicx-vue/engine'
import {
  DeviceStatus, LiveListEvent, LoginEvent, LoginStatus, TUISeatMode, useDeviceState, useLiveAudienceState, useLiveListState, useLiveSeatState, useLoginState,
} from '@atomicx-vue/vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { localNetworkOf } from '../../../packages/vue/src/core/media'
import { createTestUser, type TestUser } from '@atomicx-vue/vue/testing'
import { createFakeCloud, type FakeCloud } from '../../fakes/trtc'
import { SDK_APP_ID } from '../../fakes/trtc/testing'
import { makeLocal } from './local'
import { fakeTimers, listen, settleWith, unmountAll } from './stage'

const LIVE = 'live_1'
const sigOf = (userId: string) => `sig-of-${userId}`

/** Host and guest in a live, plus what the media backend says about them. */
interface Setup {
  readonly hub: Hub
  readonly host: TestUser
  readonly guest: TestUser
  /** what `userId`'s app heard its live media engine say about the others (`'guest left (kicked)'`…) */
  heard(userId: string): string[]
  /** whether any client of `userId` is in a media room, by the backend's own account */
  inMediaRoom(userId: string): boolean
  /** A client of `userId` that is not ours enters `roomId` (TRTC: a raw SDK client); resolves to what makes it leave again. */
  enterElsewhere(userId: string, roomId: string): Promise<() => Promise<void>>
  settle(): Promise<void>
  /** Unmounts both apps and checks nothing is left: no media room, no timer. */
  dispose(): Promise<void>
}

/** Host and guest on the TRTC engine over one fake cloud; the cloud is handed out to drive server-side removals. */
async function onTrtc(): Promise<Setup & { readonly cloud: FakeCloud }> {
  fakeTimers()
  const hub = createLocalHub()
  const cloud = createFakeCloud()
  const media = { kind: 'trtc', sdkAppId: SDK_APP_ID, TRTC: cloud.TRTC, CrossRoom: cloud.CrossRoom } as const
  const users: TestUser[] = []
  for (const userId of ['host', 'guest']) {
    const user = await createTestUser(hub, userId, { login: false, media })
    await user.use(useLoginState).login({ userId, userName: `Name of ${userId}`, userSig: sigOf(userId) })
    users.push(user)
  }
  const [host, guest] = users as [TestUser, TestUser]
  const logs = new Map(users.map((user) => [user.userId, listen(user, ['live'])]))
  const settle = () => settleWith(() => cloud.flush())
  return {
    hub,
    cloud,
    host,
    guest,
    heard: (userId) => logs.get(userId)!,
    inMediaRoom: (userId) => cloud.session(userId) !== undefined,
    async enterElsewhere(userId, roomId) {
      const client = cloud.TRTC.create()
      await client.enterRoom({ sdkAppId: SDK_APP_ID, userId, userSig: sigOf(userId), strRoomId: roomId, scene: 'live', role: 'audience' })
      return async () => {
        await client.exitRoom()
        client.destroy()
      }
    },
    settle,
    async dispose() {
      try {
        await unmountAll(users, hub, () => cloud.flush())
        expect(cloud.listenerErrors).toEqual([])
        expect(cloud.rooms()).toEqual([])
        expect(vi.getTimerCount()).toBe(0)
      } finally {
        vi.useRealTimers()
      }
    },
  }
}

/** Host and guest on the local engine (its stage checks what is left behind); the raw client is a membership of its network. */
async function onLocal(): Promise<Setup> {
  const stage = await makeLocal(['host', 'guest'])
  const [host, guest] = stage.users as [TestUser, TestUser]
  return {
    hub: stage.hub,
    host,
    guest,
    heard: stage.heard,
    inMediaRoom: (userId) => stage.presence(userId) !== undefined,
    async enterElsewhere(userId, roomId) {
      const membership = localNetworkOf(stage.hub).join({ userId, roomId, role: 'audience', scene: 'live' }, () => undefined)
      return async () => membership.leave()
    },
    settle: stage.settle,
    dispose: stage.dispose,
  }
}

/** The LiveListEvents and LoginEvents `who` hears, each with its `currentLive` id and `loginStatus` of that moment. */
function record(who: TestUser): unknown[][] {
  const log: unknown[][] = []
  const { subscribeEvent, currentLive } = who.use(useLiveListState)
  const login = who.use(useLoginState)
  const entry = (name: string, info: unknown) => log.push([name, info, currentLive.value?.liveId ?? null, login.loginStatus.value])
  for (const name of Object.values(LiveListEvent)) subscribeEvent(name, (info) => entry(name, info))
  for (const name of Object.values(LoginEvent)) login.subscribeEvent(name, () => entry(name, undefined))
  return log
}

const seated = (who: TestUser) => who.use(useLiveSeatState).seatList.value.filter((s) => s.userInfo.userId).map((s) => s.userInfo.userId)

/** The guest is on seat 1 with its microphone on, the host hears it; both logs and error handlers start empty. */
async function guestOnAir(setup: Setup) {
  const { host, guest } = setup
  const errors = { host: vi.fn(), guest: vi.fn() }
  host.app.config.errorHandler = errors.host
  guest.app.config.errorHandler = errors.guest
  await host.use(useLiveListState).startLive({ liveId: LIVE, liveName: 'Live 1', seatMode: TUISeatMode.kFreeToTake })
  await guest.use(useLiveListState).joinLive({ liveId: LIVE })
  await guest.use(useLiveSeatState).takeSeat({ seatIndex: 1 })
  await guest.use(useDeviceState).openLocalMicrophone()
  await setup.settle()
  expect(seated(host)).toEqual(['host', 'guest'])
  expect(setup.heard('host')).toEqual(['guest joined', 'guest audio on'])
  return { errors, hostLog: record(host), guestLog: record(guest) }
}

/** The guest is out of the live everywhere: hub, the host's seats and audience, the media room. */
function expectGuestGone(setup: Setup): void {
  expect(setup.hub.state.users.get('guest')?.liveId ?? null).toBeNull()
  expect(setup.hub.state.deadlines.size).toBe(0)
  expect(seated(setup.host)).toEqual(['host'])
  expect(setup.host.use(useLiveAudienceState).audienceList.value).toEqual([])
  expect(setup.guest.use(useLiveSeatState).seatList.value).toEqual([])
  expect(setup.inMediaRoom('guest')).toBe(false)
}

describe.each([['local', onLocal], ['trtc', onTrtc]] as const)('the same userId enters the media room elsewhere, on the %s engine', (_, make) => {
  let setup: Setup

  beforeEach(async () => {
    setup = await make()
  })

  afterEach(() => setup.dispose())

  it('kicked out of the live (byLoggedOnOtherDevice), then offline and logged out; the host sees the guest go', async () => {
    const { errors, hostLog, guestLog } = await guestOnAir(setup)
    const leaveAgain = await setup.enterElsewhere('guest', LIVE)
    await setup.settle()
    expect(guestLog).toEqual([
      [LiveListEvent.onKickedOutOfLive, { liveId: LIVE, reason: LiveKickedOutReason.byLoggedOnOtherDevice, message: '' }, null, LoginStatus.LOGINED],
      [LoginEvent.onKickedOffline, undefined, null, LoginStatus.UNKNOWN],
    ])
    expect(setup.guest.use(useLoginState).loginUserInfo.value).toBeNull()
    expect(setup.hub.state.users.has('guest')).toBe(false)
    expect(hostLog).toEqual([])
    // both engines report the earlier session's exit as a plain leave (TRTC exit reason 0)
    expect(setup.heard('host').slice(2)).toEqual(['guest audio off', 'guest left (leave)'])
    await leaveAgain()
    await setup.settle()
    expectGuestGone(setup)
    expect([errors.host, errors.guest].map((fn) => fn.mock.calls)).toEqual([[], []])
  })
})

describe('server-side removals on the TRTC engine', () => {
  let setup: Awaited<ReturnType<typeof onTrtc>>

  beforeEach(async () => {
    setup = await onTrtc()
  })

  afterEach(() => setup.dispose())

  it('RemoveUser (banned): the guest leaves the live, hears onKickedOutOfLive(byServer), stays logged in; the host sees it go', async () => {
    const { errors, hostLog, guestLog } = await guestOnAir(setup)
    setup.cloud.removeUser(LIVE, 'guest')
    await setup.settle()
    expect(guestLog).toEqual([[LiveListEvent.onKickedOutOfLive, { liveId: LIVE, reason: LiveKickedOutReason.byServer, message: '' }, null, LoginStatus.LOGINED]])
    expect(hostLog).toEqual([])
    expectGuestGone(setup)
    expect(setup.guest.use(useDeviceState).microphoneStatus.value).toBe(DeviceStatus.Off)
    expect(setup.heard('host').slice(2)).toEqual(['guest audio off', 'guest left (kicked)'])
    expect([errors.host, errors.guest].map((fn) => fn.mock.calls)).toEqual([[], []])
  })

  it('DismissRoom: the live ends; each hears onLiveEnded once, the owner endedByServer', async () => {
    const { errors, hostLog, guestLog } = await guestOnAir(setup)
    setup.cloud.dismissRoom(LIVE)
    await setup.settle()
    expect(hostLog).toEqual([[LiveListEvent.onLiveEnded, { liveId: LIVE, reason: LiveEndedReason.endedByServer, message: '' }, null, LoginStatus.LOGINED]])
    // whichever leave the hub took first ended the live: the guest hears it once, by its own leave or the hub's end
    expect(guestLog).toEqual([[LiveListEvent.onLiveEnded, expect.objectContaining({ liveId: LIVE }), null, LoginStatus.LOGINED]])
    expect(setup.hub.state.rooms.size).toBe(0)
    expect([setup.inMediaRoom('host'), setup.inMediaRoom('guest')]).toEqual([false, false])
    expect([errors.host, errors.guest].map((fn) => fn.mock.calls)).toEqual([[], []])
  })

  it('a lost connection (5500): onKickedOutOfLive(forNetworkDisconnected), then the typed error with the MediaError as cause', async () => {
    const { errors, hostLog, guestLog } = await guestOnAir(setup)
    errors.guest.mockImplementation(() => guestLog.push(['errorHandler']))
    setup.cloud.dropConnection('guest', { recover: false })
    await setup.settle()
    expect(guestLog).toEqual([
      [LiveListEvent.onKickedOutOfLive, { liveId: LIVE, reason: LiveKickedOutReason.forNetworkDisconnected, message: '' }, null, LoginStatus.LOGINED],
      ['errorHandler'],
    ])
    const [error] = errors.guest.mock.calls[0]!
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ code: ErrorCode.NOT_IN_ROOM, cause: { name: 'MediaError', code: MediaErrorCode.NETWORK, sdkCode: 5500, sdkExtraCode: 5502 } })
    expect(hostLog).toEqual([])
    expectGuestGone(setup)
    expect(setup.heard('host').slice(2)).toEqual(['guest audio off', 'guest left (timeout)'])
    expect(errors.host).not.toHaveBeenCalled()
  })

  it('the guest can join the live again after a removal, and the host hears it again', async () => {
    await guestOnAir(setup)
    setup.cloud.removeUser(LIVE, 'guest')
    await setup.settle()
    await setup.guest.use(useLiveListState).joinLive({ liveId: LIVE })
    await setup.settle()
    expect(setup.cloud.session('guest')).toMatchObject({ role: 'audience' })
    expect(setup.host.use(useLiveAudienceState).audienceList.value.map((a) => a.userId)).toEqual(['guest'])
  })
})
