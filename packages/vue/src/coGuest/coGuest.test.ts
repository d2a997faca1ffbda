import { connectInPage, createLocalHub, ErrorCode, type ApplicationView, type Hub, type InvitationView, type RequestOutcome } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import { defineComponent, effectScope, h } from 'vue'
import { createLive, createTestUser, expectCode, flush, recordEvents, tearDown, type TestUser } from '../core/testing'
import { useLiveAudienceState } from '../liveAudience'
import { useLiveListState } from '../liveList'
import { useLiveSeatState } from '../liveSeat'
import { CoGuestEvent, CoHostEvent, GuestEvent, HostEvent, NoResponseReason, type LiveUserInfo } from '../types'
import type { CoGuestEventInfoMap } from './events'
import { useCoGuestStore } from './store'
import { applicationEndedEmissions, invitationEndedEmissions, listsFrom } from './transitions'
import { useCoGuestState } from './useCoGuestState'

type EventName = keyof CoGuestEventInfoMap
const ALL_EVENTS: readonly EventName[] = [...Object.values(HostEvent), ...Object.values(GuestEvent)]
const user = (userId: string) => ({ userId, userName: `Name of ${userId}`, avatarUrl: '' })
/** A hub clock reading (tests fake `Date` from it): `expiresAt` = the request's time + its timeout. */
const NOW = 1_700_000_000_000
/** A row of `applicants`/`invitees`: the user and the request's deadline. */
const pending = (userId: string, expiresAt: number | null) => ({ ...user(userId), expiresAt })

/** Every co-guest event `who` receives, in order. */
const record = (who: TestUser) => recordEvents(who, useCoGuestState, ALL_EVENTS)

const ids = (list: readonly { userId: string }[]) => list.map((u) => u.userId)
const seated = (who: TestUser) => who.use(useLiveSeatState).seatList.value.map((seat) => seat.userInfo.userId).filter(Boolean)

let hub: Hub
let host: TestUser
let guest: TestUser
let hostLog: Array<[EventName, unknown]>
let guestLog: Array<[EventName, unknown]>

beforeEach(async () => {
  hub = createLocalHub()
  ;[host, guest] = await createLive(hub, ['host', 'guest'])
  hostLog = record(host)
  guestLog = record(guest)
})

afterEach(() => tearDown(hub, [host, guest]))

describe('seat applications', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
    await flush()
  })

  it('reach the hosts as onGuestApplicationReceived; the applicant lists itself while pending', () => {
    expect(hostLog).toEqual([[HostEvent.onGuestApplicationReceived, { guestUser: user('guest') }]])
    expect(guestLog).toEqual([])
    expect(host.use(useCoGuestState).applicants.value).toEqual([pending('guest', NOW + 30_000)])
    expect(guest.use(useCoGuestState).applicants.value).toEqual([pending('guest', NOW + 30_000)])
  })

  it('accepted: the guest is seated on both sides, hears the answer, and opens no device', async () => {
    await host.use(useCoGuestState).acceptApplication({ userId: 'guest' })
    await flush()
    expect(guestLog).toEqual([[GuestEvent.onGuestApplicationResponded, { isAccept: true, hostUser: user('host') }]])
    expect(hostLog).toHaveLength(1) // only the received event: the host did the accepting
    for (const side of [host, guest]) {
      expect(side.use(useCoGuestState).applicants.value).toEqual([])
      expect(ids(side.use(useCoGuestState).connected.value)).toEqual(['host', 'guest'])
      expect(side.use(useCoGuestState).connected.value[1]).toMatchObject({ microphoneStatus: 0, cameraStatus: 0, liveId: 'live1' })
    }
  })

  it('rejected: the guest hears isAccept false and stays in the audience', async () => {
    await host.use(useCoGuestState).rejectApplication({ userId: 'guest' })
    await flush()
    expect(guestLog).toEqual([[GuestEvent.onGuestApplicationResponded, { isAccept: false, hostUser: user('host') }]])
    expect(seated(guest)).toEqual(['host'])
    expect(host.use(useCoGuestState).applicants.value).toEqual([])
    expect(guest.use(useCoGuestState).applicants.value).toEqual([])
  })

  it('cancelled by the applicant: the hosts hear onGuestApplicationCancelled', async () => {
    await guest.use(useCoGuestState).cancelApplication()
    await flush()
    expect(hostLog.at(-1)).toEqual([HostEvent.onGuestApplicationCancelled, { guestUser: user('guest') }])
    expect(guestLog).toEqual([])
    expect(host.use(useCoGuestState).applicants.value).toEqual([])
    expect(guest.use(useCoGuestState).applicants.value).toEqual([])
  })

  it('answered by another admin: the owner hears who processed it, the admin hears nothing', async () => {
    const admin = await createTestUser(hub, 'admin')
    await admin.use(useLiveListState).joinLive({ liveId: 'live1' })
    await host.use(useLiveAudienceState).setAdministrator({ userId: 'admin' })
    await flush()
    const adminLog = record(admin)
    expect(admin.use(useCoGuestState).applicants.value).toEqual([pending('guest', NOW + 30_000)])
    await admin.use(useCoGuestState).acceptApplication({ userId: 'guest' })
    await flush()
    expect(hostLog.at(-1)).toEqual([HostEvent.onGuestApplicationProcessedByOtherHost, { guestUser: user('guest'), hostUser: user('admin') }])
    expect(adminLog).toEqual([])
    expect(guestLog).toEqual([[GuestEvent.onGuestApplicationResponded, { isAccept: true, hostUser: user('admin') }]])
    admin.unmount()
  })

  it('an administrator sees pending applications from appointment on, and no longer once revoked', async () => {
    const admin = await createTestUser(hub, 'admin')
    await admin.use(useLiveListState).joinLive({ liveId: 'live1' })
    await host.use(useLiveAudienceState).setAdministrator({ userId: 'admin' })
    await flush()
    expect(admin.use(useCoGuestState).applicants.value).toEqual([pending('guest', NOW + 30_000)])
    await host.use(useLiveAudienceState).revokeAdministrator({ userId: 'admin' })
    await flush()
    expect(admin.use(useCoGuestState).applicants.value).toEqual([])
    await expectCode(admin.use(useCoGuestState).acceptApplication({ userId: 'guest' }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
    admin.unmount()
  })

  it('seated another way: the applicant hears NoResponse(alreadySeated), the hosts see it withdrawn', async () => {
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: 2, timeout: 0 })
    await flush()
    await guest.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
    await flush()
    expect(guestLog).toEqual([
      [GuestEvent.onHostInvitationReceived, { hostUser: user('host') }],
      [GuestEvent.onGuestApplicationNoResponse, { reason: NoResponseReason.alreadySeated }],
    ])
    expect(hostLog.slice(1)).toEqual([
      [HostEvent.onHostInvitationResponded, { isAccept: true, guestUser: user('guest') }],
      [HostEvent.onGuestApplicationCancelled, { guestUser: user('guest') }],
    ])
    expect(host.use(useCoGuestState).applicants.value).toEqual([])
    expect(seated(host)).toEqual(['host', 'guest'])
  })

  it('the applicant leaving the live withdraws it on the host side', async () => {
    await guest.use(useLiveListState).leaveLive()
    await flush()
    expect(hostLog.at(-1)).toEqual([HostEvent.onGuestApplicationCancelled, { guestUser: user('guest') }])
    expect(host.use(useCoGuestState).applicants.value).toEqual([])
    expect(guest.use(useCoGuestState).applicants.value).toEqual([])
  })

  it.each([
    ['applying twice', () => guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 }), ErrorCode.ALREADY_ON_THE_SEAT_QUEUE],
    ['applying while seated', () => host.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 }), ErrorCode.ALREADY_IN_SEAT],
    ['accepting an unknown user', () => host.use(useCoGuestState).acceptApplication({ userId: 'nobody' }), ErrorCode.NOT_ON_THE_SEAT_QUEUE],
    ['rejecting an unknown user', () => host.use(useCoGuestState).rejectApplication({ userId: 'nobody' }), ErrorCode.NOT_ON_THE_SEAT_QUEUE],
    ['an audience member accepting', () => guest.use(useCoGuestState).acceptApplication({ userId: 'guest' }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['an audience member rejecting', () => guest.use(useCoGuestState).rejectApplication({ userId: 'guest' }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('%s is refused with its code and changes nothing', async (_, act, code) => {
    await expectCode(act(), code)
    await flush()
    expect(host.use(useCoGuestState).applicants.value).toEqual([pending('guest', NOW + 30_000)])
    expect(guest.use(useCoGuestState).applicants.value).toEqual([pending('guest', NOW + 30_000)])
    expect(hostLog).toHaveLength(1)
    expect(guestLog).toEqual([])
  })
})

describe('application input', () => {
  it.each([
    [{ seatIndex: -1, timeout: -1 }, ErrorCode.INVALID_ARGUMENT],
    [{ seatIndex: -1, timeout: Number.NaN }, ErrorCode.INVALID_ARGUMENT],
    [{ seatIndex: 99, timeout: 30 }, ErrorCode.SEAT_INDEX_NOT_EXIST],
    [{ seatIndex: 0, timeout: 30 }, ErrorCode.SEAT_OCCUPIED],
  ])('applyForSeat(%o) is refused with %i', async (params, code) => {
    await expectCode(guest.use(useCoGuestState).applyForSeat(params), code)
    await flush()
    expect(host.use(useCoGuestState).applicants.value).toEqual([])
    expect(guest.use(useCoGuestState).applicants.value).toEqual([])
    expect(hostLog).toEqual([])
  })

  it('cancelApplication without one is refused with NOT_ON_THE_SEAT_QUEUE', async () => {
    await expectCode(guest.use(useCoGuestState).cancelApplication(), ErrorCode.NOT_ON_THE_SEAT_QUEUE)
  })

  it('needs a live: NOT_IN_ROOM after leaving, NOT_LOGGED_IN after logout', async () => {
    await guest.use(useLiveListState).leaveLive()
    await expectCode(guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 }), ErrorCode.NOT_IN_ROOM)
    await guest.app.runWithContext(async () => (await import('../login')).useLoginState().logout())
    await expectCode(guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 }), ErrorCode.NOT_LOGGED_IN)
  })
})

describe('timeouts are seconds', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW })
  })

  it('an application times out on both sides: NoResponse(timeout) to the applicant, withdrawn for the hosts', async () => {
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
    await flush()
    vi.advanceTimersByTime(29_999)
    await flush()
    expect(host.use(useCoGuestState).applicants.value).toEqual([pending('guest', NOW + 30_000)])
    vi.advanceTimersByTime(1)
    await flush()
    expect(guestLog).toEqual([[GuestEvent.onGuestApplicationNoResponse, { reason: NoResponseReason.timeout }]])
    expect(hostLog.at(-1)).toEqual([HostEvent.onGuestApplicationCancelled, { guestUser: user('guest') }])
    expect(host.use(useCoGuestState).applicants.value).toEqual([])
    expect(guest.use(useCoGuestState).applicants.value).toEqual([])
  })

  it('an invitation times out on both sides: NoResponse(timeout) to the inviter, cancelled for the invitee', async () => {
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: -1, timeout: 10 })
    await flush()
    vi.advanceTimersByTime(10_000)
    await flush()
    expect(hostLog).toEqual([[HostEvent.onHostInvitationNoResponse, { guestUser: user('guest'), reason: NoResponseReason.timeout }]])
    expect(guestLog).toEqual([
      [GuestEvent.onHostInvitationReceived, { hostUser: user('host') }],
      [GuestEvent.onHostInvitationCancelled, { hostUser: user('host') }],
    ])
    expect(host.use(useCoGuestState).invitees.value).toEqual([])
    expect(guest.use(useCoGuestState).invitees.value).toEqual([])
  })

  it('the seed\'s "30000 if TS expects ms" means 30000 seconds: still pending after 30 s', async () => {
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30_000 })
    vi.advanceTimersByTime(30_000)
    await flush()
    expect(host.use(useCoGuestState).applicants.value).toEqual([pending('guest', NOW + 30_000_000)])
  })

  it('0 never times out', async () => {
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    vi.advanceTimersByTime(86_400_000)
    await flush()
    expect(host.use(useCoGuestState).applicants.value).toEqual([pending('guest', null)])
  })
})

describe('seat invitations', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW })
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: -1, timeout: 30 })
    await flush()
  })

  it('reach the invitee with the inviter; hosts list the invitee, the invitee lists the inviter', () => {
    expect(guestLog).toEqual([[GuestEvent.onHostInvitationReceived, { hostUser: user('host') }]])
    expect(hostLog).toEqual([])
    expect(host.use(useCoGuestState).invitees.value).toEqual([pending('guest', NOW + 30_000)])
    expect(guest.use(useCoGuestState).invitees.value).toEqual([pending('host', NOW + 30_000)])
  })

  it('accepted: the inviter hears it and both sides see the guest seated', async () => {
    await guest.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
    await flush()
    expect(hostLog).toEqual([[HostEvent.onHostInvitationResponded, { isAccept: true, guestUser: user('guest') }]])
    expect(guestLog).toHaveLength(1)
    for (const side of [host, guest]) {
      expect(side.use(useCoGuestState).invitees.value).toEqual([])
      expect(seated(side)).toEqual(['host', 'guest'])
    }
  })

  it('rejected: the inviter hears isAccept false', async () => {
    await guest.use(useCoGuestState).rejectInvitation({ inviterId: 'host' })
    await flush()
    expect(hostLog).toEqual([[HostEvent.onHostInvitationResponded, { isAccept: false, guestUser: user('guest') }]])
    expect(host.use(useCoGuestState).invitees.value).toEqual([])
    expect(guest.use(useCoGuestState).invitees.value).toEqual([])
    expect(seated(host)).toEqual(['host'])
  })

  it('cancelled by the host: the invitee hears onHostInvitationCancelled', async () => {
    await host.use(useCoGuestState).cancelInvitation({ inviteeId: 'guest' })
    await flush()
    expect(guestLog.at(-1)).toEqual([GuestEvent.onHostInvitationCancelled, { hostUser: user('host') }])
    expect(hostLog).toEqual([])
    expect(host.use(useCoGuestState).invitees.value).toEqual([])
    expect(guest.use(useCoGuestState).invitees.value).toEqual([])
  })

  it.each([
    ['inviting twice', () => host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: -1, timeout: 30 }), ErrorCode.ALREADY_ON_THE_SEAT_QUEUE],
    ['inviting a non-member', () => host.use(useCoGuestState).inviteToSeat({ userId: 'nobody', seatIndex: -1, timeout: 30 }), ErrorCode.USER_NOT_FOUND],
    ['inviting oneself', () => host.use(useCoGuestState).inviteToSeat({ userId: 'host', seatIndex: -1, timeout: 30 }), ErrorCode.INVALID_ARGUMENT],
    ['an audience member inviting', () => guest.use(useCoGuestState).inviteToSeat({ userId: 'host', seatIndex: -1, timeout: 30 }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['accepting from the wrong inviter', () => guest.use(useCoGuestState).acceptInvitation({ inviterId: 'nobody' }), ErrorCode.REQUEST_NOT_FOUND],
    ['rejecting from the wrong inviter', () => guest.use(useCoGuestState).rejectInvitation({ inviterId: 'nobody' }), ErrorCode.REQUEST_NOT_FOUND],
    ['cancelling an unknown invitee', () => host.use(useCoGuestState).cancelInvitation({ inviteeId: 'nobody' }), ErrorCode.REQUEST_NOT_FOUND],
    ['an audience member cancelling', () => guest.use(useCoGuestState).cancelInvitation({ inviteeId: 'guest' }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('%s is refused with its code and changes nothing', async (_, act, code) => {
    await expectCode(act(), code)
    await flush()
    expect(host.use(useCoGuestState).invitees.value).toEqual([pending('guest', NOW + 30_000)])
    expect(guest.use(useCoGuestState).invitees.value).toEqual([pending('host', NOW + 30_000)])
    expect(guestLog).toHaveLength(1)
    expect(hostLog).toEqual([])
  })
})

describe('connected guests', () => {
  beforeEach(async () => {
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: 3, timeout: 0 })
    await flush()
    await guest.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
    await flush()
  })

  it.each(['disConnect', 'disconnect'] as const)('%s() leaves the seat: connected shrinks on both sides', async (name) => {
    await guest.use(useCoGuestState)[name]()
    await flush()
    expect(ids(host.use(useCoGuestState).connected.value)).toEqual(['host'])
    expect(ids(guest.use(useCoGuestState).connected.value)).toEqual(['host'])
  })

  it('disConnect when not seated is refused with USER_NOT_IN_SEAT', async () => {
    await guest.use(useCoGuestState).disConnect()
    await expectCode(guest.use(useCoGuestState).disConnect(), ErrorCode.USER_NOT_IN_SEAT)
  })

  it('a guest taken off the seat hears onKickedOffSeat with the seat and the host', async () => {
    await host.use(useLiveSeatState).kickUserOutOfSeat({ userId: 'guest' })
    await flush()
    expect(guestLog.at(-1)).toEqual([GuestEvent.onKickedOffSeat, { seatIndex: 3, hostUser: user('host') }])
    expect(ids(guest.use(useCoGuestState).connected.value)).toEqual(['host'])
  })

  it('candidates are the members not on a seat', async () => {
    const viewer = await createTestUser(hub, 'viewer')
    await viewer.use(useLiveListState).joinLive({ liveId: 'live1' })
    await flush()
    expect(host.use(useCoGuestState).candidates.value).toEqual([user('viewer')])
    expect(viewer.use(useCoGuestState).candidates.value).toEqual([])
    await guest.use(useCoGuestState).disConnect()
    await flush()
    expect(host.use(useCoGuestState).candidates.value).toEqual([user('guest'), user('viewer')])
    viewer.unmount()
  })

  it('leaving the live empties every list (room switch)', async () => {
    await guest.use(useCoGuestState).disConnect()
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: -1, timeout: 0 })
    await flush()
    const state = guest.use(useCoGuestState)
    expect([state.invitees.value.length, state.connected.value.length]).toEqual([1, 1])
    await guest.use(useLiveListState).leaveLive()
    expect([state.applicants.value, state.invitees.value, state.connected.value, state.candidates.value]).toEqual([[], [], [], []])
  })

  it('ending the live empties the host\'s lists', async () => {
    const viewer = await createTestUser(hub, 'viewer')
    await viewer.use(useLiveListState).joinLive({ liveId: 'live1' })
    await viewer.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    const state = host.use(useCoGuestState)
    expect([state.applicants.value.length, state.connected.value.length, state.candidates.value.length]).toEqual([1, 2, 1])
    await host.use(useLiveListState).endLive()
    expect([state.applicants.value, state.invitees.value, state.connected.value, state.candidates.value]).toEqual([[], [], [], []])
    viewer.unmount()
  })
})

describe('many applications', () => {
  it('build `applicants` only when read: not for 100 unread events, once for a read after them', async () => {
    const store = host.use(useCoGuestStore)
    const map = store.applicantMap
    const built = vi.spyOn(map, 'values') // `applicants` is the map's only reader
    const sessions = await Promise.all(Array.from({ length: 100 }, (_, i) => connectInPage(hub, { userId: `a${i}` })))
    for (const session of sessions) {
      await session.request({ type: 'live.join', liveId: 'live1' })
      await session.request({ type: 'coGuest.apply', seatIndex: -1, timeout: 0 })
    }
    await flush()
    expect(hostLog).toHaveLength(100)
    expect(store.applicantMap).toBe(map) // changed in place, never copied
    expect(built).not.toHaveBeenCalled()
    const { applicants } = host.use(useCoGuestState)
    expect(ids(applicants.value)).toEqual(sessions.map((session) => session.userId))
    expect(applicants.value).toHaveLength(100)
    expect(built).toHaveBeenCalledTimes(1)
    await Promise.all(sessions.map((session) => session.close()))
  })
})

describe('subscribeEvent', () => {
  it('types each payload by the event name and refuses co-host-only events', () => {
    const { subscribeEvent } = host.use(useCoGuestState)
    subscribeEvent(CoHostEvent.onHostInvitationResponded, (info) => {
      expectTypeOf(info).toEqualTypeOf<{ isAccept: boolean; guestUser: LiveUserInfo }>()
    })
    subscribeEvent(CoGuestEvent.onKickedOffSeat, (info) => {
      expectTypeOf(info).toEqualTypeOf<{ seatIndex: number; hostUser: LiveUserInfo }>()
    })
    // @ts-expect-error a co-host request is not a co-guest event
    subscribeEvent(CoHostEvent.onCoHostRequestReceived, () => undefined)
  })

  it('takes any naming family: HostEvent, CoHostEvent, GuestEvent and CoGuestEvent share listeners by value', async () => {
    const received: string[] = []
    const hostState = host.use(useCoGuestState)
    hostState.subscribeEvent(CoHostEvent.onGuestApplicationReceived, ({ guestUser }) => received.push(`coHost:${guestUser.userId}`))
    hostState.subscribeEvent(HostEvent.onGuestApplicationReceived, ({ guestUser }) => received.push(`host:${guestUser.userId}`))
    guest.use(useCoGuestState).subscribeEvent(CoGuestEvent.onGuestApplicationResponded, ({ isAccept }) => received.push(`coGuest:${isAccept}`))
    guest.use(useCoGuestState).subscribeEvent(GuestEvent.onGuestApplicationResponded, ({ isAccept }) => received.push(`guest:${isAccept}`))
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    await host.use(useCoGuestState).rejectApplication({ userId: 'guest' })
    await flush()
    expect(received).toEqual(['coHost:guest', 'host:guest', 'coGuest:false', 'guest:false'])
  })

  it('returns its unsubscribe; unsubscribing an unknown callback removes nothing', async () => {
    const { subscribeEvent, unsubscribeEvent } = host.use(useCoGuestState)
    const kept = vi.fn()
    const dropped = vi.fn()
    subscribeEvent(HostEvent.onGuestApplicationReceived, kept)
    const off = subscribeEvent(HostEvent.onGuestApplicationReceived, dropped)
    unsubscribeEvent(HostEvent.onGuestApplicationReceived, () => undefined)
    off()
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    expect(kept).toHaveBeenCalledTimes(1)
    expect(dropped).not.toHaveBeenCalled()
  })

  it('a subscription made in a component ends when it unmounts', async () => {
    const callback = vi.fn()
    const Listener = defineComponent({
      setup() {
        useCoGuestState().subscribeEvent(HostEvent.onGuestApplicationReceived, callback)
        return () => h('div')
      },
    })
    const { unmount } = host.mount(Listener)
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    expect(callback).toHaveBeenCalledTimes(1)
    unmount()
    await guest.use(useCoGuestState).cancelApplication()
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    expect(callback).toHaveBeenCalledTimes(1)
  })

  it('a subscription made in an effect scope ends with the scope', async () => {
    const callback = vi.fn()
    const scope = effectScope()
    scope.run(() => host.use(useCoGuestState).subscribeEvent(HostEvent.onGuestApplicationReceived, callback))
    scope.stop()
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    expect(callback).not.toHaveBeenCalled()
  })

  it('a throwing callback reaches the app errorHandler and the next callbacks still run', async () => {
    const errorHandler = vi.fn()
    host.app.config.errorHandler = errorHandler
    const after = vi.fn()
    const { subscribeEvent } = host.use(useCoGuestState)
    subscribeEvent(HostEvent.onGuestApplicationReceived, () => {
      throw new Error('listener bug')
    })
    subscribeEvent(HostEvent.onGuestApplicationReceived, after)
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    expect(after).toHaveBeenCalledTimes(1)
    expect(errorHandler).toHaveBeenCalledWith(expect.objectContaining({ message: 'listener bug' }), null, 'atomicx event listener')
  })
})

describe('outcome mapping (pure)', () => {
  const application: ApplicationView = { liveId: 'l', user: user('guest'), seatIndex: -1, createdAt: 0, expiresAt: null }
  const invitation: InvitationView = { liveId: 'l', inviter: user('host'), invitee: user('guest'), seatIndex: -1, createdAt: 0, expiresAt: null }

  it.each<[RequestOutcome, string, unknown[]]>([
    ['accepted', 'guest', [{ event: GuestEvent.onGuestApplicationResponded, info: { isAccept: true, hostUser: user('host') } }]],
    ['rejected', 'guest', [{ event: GuestEvent.onGuestApplicationResponded, info: { isAccept: false, hostUser: user('host') } }]],
    ['timeout', 'guest', [{ event: GuestEvent.onGuestApplicationNoResponse, info: { reason: NoResponseReason.timeout } }]],
    ['seated', 'guest', [{ event: GuestEvent.onGuestApplicationNoResponse, info: { reason: NoResponseReason.alreadySeated } }]],
    ['cancelled', 'guest', []],
    ['left', 'guest', []],
    ['liveEnded', 'guest', []],
    ['accepted', 'host', []],
    ['rejected', 'host', []],
    ['accepted', 'admin', [{ event: HostEvent.onGuestApplicationProcessedByOtherHost, info: { guestUser: user('guest'), hostUser: user('host') } }]],
    ['cancelled', 'host', [{ event: HostEvent.onGuestApplicationCancelled, info: { guestUser: user('guest') } }]],
    ['timeout', 'host', [{ event: HostEvent.onGuestApplicationCancelled, info: { guestUser: user('guest') } }]],
    ['left', 'host', [{ event: HostEvent.onGuestApplicationCancelled, info: { guestUser: user('guest') } }]],
    ['seated', 'host', [{ event: HostEvent.onGuestApplicationCancelled, info: { guestUser: user('guest') } }]],
    ['liveEnded', 'host', []],
  ])('application %s, seen by %s', (outcome, me, expected) => {
    const answeredBy = outcome === 'accepted' || outcome === 'rejected' ? user('host') : null
    expect(applicationEndedEmissions(application, outcome, answeredBy, me)).toEqual(expected)
  })

  it.each<[RequestOutcome, string, unknown[]]>([
    ['accepted', 'host', [{ event: HostEvent.onHostInvitationResponded, info: { isAccept: true, guestUser: user('guest') } }]],
    ['rejected', 'host', [{ event: HostEvent.onHostInvitationResponded, info: { isAccept: false, guestUser: user('guest') } }]],
    ['timeout', 'host', [{ event: HostEvent.onHostInvitationNoResponse, info: { guestUser: user('guest'), reason: NoResponseReason.timeout } }]],
    ['seated', 'host', [{ event: HostEvent.onHostInvitationNoResponse, info: { guestUser: user('guest'), reason: NoResponseReason.alreadySeated } }]],
    ['cancelled', 'host', []],
    ['left', 'host', []],
    ['accepted', 'admin', []],
    ['cancelled', 'guest', [{ event: GuestEvent.onHostInvitationCancelled, info: { hostUser: user('host') } }]],
    ['timeout', 'guest', [{ event: GuestEvent.onHostInvitationCancelled, info: { hostUser: user('host') } }]],
    ['accepted', 'guest', []],
    ['rejected', 'guest', []],
    ['left', 'guest', []],
    ['liveEnded', 'guest', []],
  ])('invitation %s, seen by %s', (outcome, me, expected) => {
    expect(invitationEndedEmissions(invitation, outcome, me)).toEqual(expected)
  })
})

describe('lists from a full view (pure)', () => {
  const application: ApplicationView = { liveId: 'l', user: user('guest'), seatIndex: -1, createdAt: 0, expiresAt: 5_000 }
  const invitation: InvitationView = { liveId: 'l', inviter: user('host'), invitee: user('viewer'), seatIndex: -1, createdAt: 0, expiresAt: null }

  it('a host sees the applicant and the invitee, each with its deadline', () => {
    const lists = listsFrom({ applications: [application], invitations: [invitation] }, 'host')
    expect([...lists.applicants]).toEqual([['guest', pending('guest', 5_000)]])
    expect([...lists.invitees]).toEqual([['viewer', pending('viewer', null)]])
  })

  it('the invitee sees the inviter with the invitation\'s deadline', () => {
    const lists = listsFrom({ applications: [], invitations: [{ ...invitation, expiresAt: 7_000 }] }, 'viewer')
    expect([...lists.invitees]).toEqual([['host', pending('host', 7_000)]])
  })
})
