import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { expire } from './reduce'
import { T0, accept, expectRefused, profile, roomOf, seatListDelivery, seating, world } from './testing'
import { RoomRole, type ApplicationView, type Command, type InvitationView, type ModelState, type RequestOutcome, type UserProfile } from './types'

const LIVE = 'live1'
const BOTH = { users: ['alice', 'host', 'adam'] }

/** host owns live1 (9 seats), adam is admin, bob sits on seat 1; olga is logged in elsewhere. */
function base(maxSeatCount?: number): ModelState {
  const options = maxSeatCount === undefined ? {} : { maxSeatCount }
  return world({ users: ['olga'], lives: [{ liveId: LIVE, owner: 'host', admins: ['adam'], audience: ['alice', 'bob', 'carol'], seated: ['bob'], options }] })
}

const applicationOf = (userId: string, seatIndex: number, expiresAt: number | null, createdAt = T0): ApplicationView =>
  ({ liveId: LIVE, user: profile(userId), seatIndex, createdAt, expiresAt })
const invitationOf = (inviterId: string, inviteeId: string, seatIndex: number, expiresAt: number | null): InvitationView =>
  ({ liveId: LIVE, inviter: profile(inviterId), invitee: profile(inviteeId), seatIndex, createdAt: T0, expiresAt })
const applicationEnded = (application: ApplicationView, outcome: RequestOutcome, hostUser: UserProfile | null, to = BOTH) =>
  ({ to, event: { type: 'coGuest.applicationEnded', application, outcome, hostUser } })
const invitationEnded = (invitation: InvitationView, outcome: RequestOutcome, to = BOTH) =>
  ({ to, event: { type: 'coGuest.invitationEnded', invitation, outcome } })

/** alice applied for any seat with a 30 s timeout. */
const applied = (state = base()) => accept(state, 'alice', { type: 'coGuest.apply', seatIndex: -1, timeout: 30 }).state
/** adam invited alice to seat 4 with a 60 s timeout. */
const invited = (state = base()) => accept(state, 'adam', { type: 'coGuest.invite', userId: 'alice', seatIndex: 4, timeout: 60 }).state
const lockSeat = (state: ModelState, seatIndex: number) => accept(state, 'host', { type: 'seat.lock', seatIndex, isLocked: true }).state
const take = (state: ModelState, userId: string, seatIndex: number) => {
  const withInvite = accept(state, 'host', { type: 'coGuest.invite', userId, seatIndex, timeout: 0 }).state
  return accept(withInvite, userId, { type: 'coGuest.acceptInvitation', inviterId: 'host' }).state
}

describe('coGuest.apply', () => {
  it('queues the application, starts its deadline and tells the applicant and every owner/admin', () => {
    const r = accept(base(), 'alice', { type: 'coGuest.apply', seatIndex: -1, timeout: 30 })
    expect(roomOf(r.state, LIVE).applications.get('alice')).toEqual({ userId: 'alice', seatIndex: -1, createdAt: T0, expiresAt: T0 + 30_000 })
    expect(r.state.deadlines.get('app|live1|alice')).toBe(T0 + 30_000)
    expect(r.timers).toEqual([{ op: 'set', key: 'app|live1|alice', at: T0 + 30_000 }])
    expect(r.deliveries).toEqual([{ to: BOTH, event: { type: 'coGuest.applicationAdded', application: applicationOf('alice', -1, T0 + 30_000) } }])
  })

  it('with timeout 0 never expires', () => {
    const r = accept(base(), 'alice', { type: 'coGuest.apply', seatIndex: 3, timeout: 0 })
    expect(roomOf(r.state, LIVE).applications.get('alice')?.expiresAt).toBeNull()
    expect(r.timers).toEqual([])
    expect(r.state.deadlines.size).toBe(0)
  })

  it('from an admin reaches each host once', () => {
    const r = accept(base(), 'adam', { type: 'coGuest.apply', seatIndex: 2, timeout: 0 })
    expect(r.deliveries[0]?.to).toEqual({ users: ['host', 'adam'] })
  })

  it.each<[string, () => ModelState, string, unknown, unknown, ErrorCode]>([
    ['a seat that does not exist', base, 'alice', 9, 30, ErrorCode.SEAT_INDEX_NOT_EXIST],
    ['a seat below -1', base, 'alice', -2, 30, ErrorCode.SEAT_INDEX_NOT_EXIST],
    ['a negative timeout', base, 'alice', -1, -1, ErrorCode.INVALID_ARGUMENT],
    ['a timeout that is not a number', base, 'alice', -1, '30', ErrorCode.INVALID_ARGUMENT],
    ['a timeout in milliseconds by mistake', base, 'alice', -1, 30_000_000, ErrorCode.INVALID_ARGUMENT],
    ['an infinite timeout', base, 'alice', -1, Infinity, ErrorCode.INVALID_ARGUMENT],
    ['a second application', applied, 'alice', 2, 30, ErrorCode.ALREADY_ON_THE_SEAT_QUEUE],
    ['a seated user', base, 'bob', -1, 30, ErrorCode.ALREADY_IN_SEAT],
    ['an occupied seat', base, 'alice', 1, 30, ErrorCode.SEAT_OCCUPIED],
    ['a locked seat', () => lockSeat(base(), 3), 'alice', 3, 30, ErrorCode.SEAT_LOCKED],
    ['any seat when none is free', () => base(2), 'alice', -1, 30, ErrorCode.ALL_SEAT_OCCUPIED],
    ['any seat when the free ones are locked', () => lockSeat(base(3), 2), 'alice', -1, 30, ErrorCode.ALL_SEAT_OCCUPIED],
    ['a user not logged in', base, 'ghost', -1, 30, ErrorCode.NOT_LOGGED_IN],
    ['a user in no live', base, 'olga', -1, 30, ErrorCode.NOT_IN_ROOM],
  ])('refuses %s', (_, state, actor, seatIndex, timeout, code) => {
    expectRefused(state(), actor, { type: 'coGuest.apply', seatIndex, timeout } as Command, code)
  })
})

describe('coGuest.cancelApplication', () => {
  it('ends the application as cancelled on both sides and clears its deadline', () => {
    const r = accept(applied(), 'alice', { type: 'coGuest.cancelApplication' }, T0 + 1000)
    expect(roomOf(r.state, LIVE).applications.has('alice')).toBe(false)
    expect(r.state.deadlines.size).toBe(0)
    expect(r.timers).toEqual([{ op: 'clear', key: 'app|live1|alice' }])
    expect(r.deliveries).toEqual([applicationEnded(applicationOf('alice', -1, T0 + 30_000), 'cancelled', null)])
  })

  it.each([
    ['without a pending application', 'alice', ErrorCode.NOT_ON_THE_SEAT_QUEUE],
    ['for another user’s application', 'carol', ErrorCode.NOT_ON_THE_SEAT_QUEUE],
    ['by a user in no live', 'olga', ErrorCode.NOT_IN_ROOM],
  ])('refuses %s', (label, actor, code) => {
    expectRefused(label.startsWith('without') ? base() : applied(), actor, { type: 'coGuest.cancelApplication' }, code)
  })
})

describe('coGuest.accept', () => {
  it('ends the application as accepted (naming the admin), seats the applicant on the first free seat and clears the deadline', () => {
    const r = accept(applied(), 'adam', { type: 'coGuest.accept', userId: 'alice' })
    expect(seating(r.state, LIVE)).toEqual(['host', 'bob', 'alice', '', '', '', '', '', ''])
    expect(roomOf(r.state, LIVE).applications.size).toBe(0)
    expect(r.timers).toEqual([{ op: 'clear', key: 'app|live1|alice' }])
    expect(r.deliveries).toEqual([
      applicationEnded(applicationOf('alice', -1, T0 + 30_000), 'accepted', profile('adam')),
      seatListDelivery(r.state, LIVE),
    ])
  })

  it('seats on the seat asked for, and ends the applicant’s invitation as seated', () => {
    let state = accept(base(), 'alice', { type: 'coGuest.apply', seatIndex: 6, timeout: 0 }).state
    state = invited(state)
    const r = accept(state, 'host', { type: 'coGuest.accept', userId: 'alice' })
    expect(seating(r.state, LIVE)[6]).toBe('alice')
    expect(roomOf(r.state, LIVE).invitations.size).toBe(0)
    expect(r.timers).toEqual([{ op: 'clear', key: 'inv|live1|alice' }])
    expect(r.deliveries).toEqual([
      applicationEnded(applicationOf('alice', 6, null), 'accepted', profile('host')),
      seatListDelivery(r.state, LIVE),
      invitationEnded(invitationOf('adam', 'alice', 4, T0 + 60_000), 'seated'),
    ])
  })

  const appliedForThree = () => accept(base(), 'alice', { type: 'coGuest.apply', seatIndex: 3, timeout: 30 }).state
  it.each<[string, () => ModelState, string, unknown, ErrorCode]>([
    ['an unknown applicant', applied, 'host', 'carol', ErrorCode.NOT_ON_THE_SEAT_QUEUE],
    ['an applicant id that is not a string', applied, 'host', 7, ErrorCode.INVALID_ARGUMENT],
    ['an audience member', applied, 'carol', 'alice', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['the applicant', applied, 'alice', 'alice', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['when the chosen seat was taken since', () => take(appliedForThree(), 'carol', 3), 'host', 'alice', ErrorCode.USER_ALREADY_ON_SEAT],
    ['when the chosen seat was locked since', () => lockSeat(appliedForThree(), 3), 'host', 'alice', ErrorCode.SEAT_LOCKED],
    ['when no seat is free any more', () => take(applied(base(3)), 'carol', 2), 'host', 'alice', ErrorCode.ALL_SEAT_OCCUPIED],
  ])('refuses %s, leaving the application pending', (_, state, actor, userId, code) => {
    const before = state()
    expectRefused(before, actor, { type: 'coGuest.accept', userId } as Command, code)
    expect(before.deadlines.has('app|live1|alice')).toBe(true)
  })
})

describe('coGuest.reject', () => {
  it('ends the application as rejected, naming who rejected it', () => {
    const r = accept(applied(), 'host', { type: 'coGuest.reject', userId: 'alice' })
    expect(roomOf(r.state, LIVE).applications.size).toBe(0)
    expect(seating(r.state, LIVE)).not.toContain('alice')
    expect(r.timers).toEqual([{ op: 'clear', key: 'app|live1|alice' }])
    expect(r.deliveries).toEqual([applicationEnded(applicationOf('alice', -1, T0 + 30_000), 'rejected', profile('host'))])
  })

  it.each([
    ['an unknown applicant', 'host', 'carol', ErrorCode.NOT_ON_THE_SEAT_QUEUE],
    ['an audience member', 'bob', 'alice', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s', (_, actor, userId, code) => {
    expectRefused(applied(), actor, { type: 'coGuest.reject', userId }, code)
  })
})

describe('coGuest.invite', () => {
  it('records the invitation, starts its deadline and tells the invitee and every owner/admin', () => {
    const r = accept(base(), 'adam', { type: 'coGuest.invite', userId: 'alice', seatIndex: 4, timeout: 60 })
    expect(roomOf(r.state, LIVE).invitations.get('alice')).toEqual({ inviteeId: 'alice', inviterId: 'adam', seatIndex: 4, createdAt: T0, expiresAt: T0 + 60_000 })
    expect(r.timers).toEqual([{ op: 'set', key: 'inv|live1|alice', at: T0 + 60_000 }])
    expect(r.deliveries).toEqual([{ to: BOTH, event: { type: 'coGuest.invitationAdded', invitation: invitationOf('adam', 'alice', 4, T0 + 60_000) } }])
  })

  it.each<[string, () => ModelState, string, Record<string, unknown>, ErrorCode]>([
    ['a user not in the live', base, 'host', { userId: 'olga' }, ErrorCode.USER_NOT_FOUND],
    ['an empty userId', base, 'host', { userId: '' }, ErrorCode.INVALID_ARGUMENT],
    ['oneself', base, 'adam', { userId: 'adam' }, ErrorCode.INVALID_ARGUMENT],
    ['a seated user', base, 'host', { userId: 'bob' }, ErrorCode.ALREADY_IN_SEAT],
    ['a user already invited', invited, 'host', {}, ErrorCode.ALREADY_ON_THE_SEAT_QUEUE],
    ['to an occupied seat', base, 'host', { seatIndex: 1 }, ErrorCode.SEAT_OCCUPIED],
    ['to a locked seat', () => lockSeat(base(), 4), 'host', {}, ErrorCode.SEAT_LOCKED],
    ['to any seat when none is free', () => base(2), 'host', { seatIndex: -1 }, ErrorCode.ALL_SEAT_OCCUPIED],
    ['to a seat that does not exist', base, 'host', { seatIndex: 9 }, ErrorCode.SEAT_INDEX_NOT_EXIST],
    ['with a negative timeout', base, 'host', { timeout: -5 }, ErrorCode.INVALID_ARGUMENT],
    ['by an audience member', base, 'carol', {}, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['by a user in no live', base, 'olga', {}, ErrorCode.NOT_IN_ROOM],
  ])('refuses inviting %s', (_, state, actor, change, code) => {
    expectRefused(state(), actor, { type: 'coGuest.invite', userId: 'alice', seatIndex: 4, timeout: 60, ...change } as Command, code)
  })
})

describe('coGuest.cancelInvitation', () => {
  it('lets any owner/admin cancel the room’s invitation, telling both sides', () => {
    const r = accept(invited(), 'host', { type: 'coGuest.cancelInvitation', userId: 'alice' })
    expect(roomOf(r.state, LIVE).invitations.size).toBe(0)
    expect(r.timers).toEqual([{ op: 'clear', key: 'inv|live1|alice' }])
    expect(r.deliveries).toEqual([invitationEnded(invitationOf('adam', 'alice', 4, T0 + 60_000), 'cancelled')])
  })

  it.each([
    ['an invitation that does not exist', 'host', 'carol', ErrorCode.REQUEST_NOT_FOUND],
    ['by the invitee', 'alice', 'alice', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s', (_, actor, userId, code) => {
    expectRefused(invited(), actor, { type: 'coGuest.cancelInvitation', userId }, code)
  })
})

describe('coGuest.acceptInvitation', () => {
  it('ends the invitation as accepted and seats the invitee on the invited seat', () => {
    const r = accept(invited(), 'alice', { type: 'coGuest.acceptInvitation', inviterId: 'adam' })
    expect(seating(r.state, LIVE)[4]).toBe('alice')
    expect(r.timers).toEqual([{ op: 'clear', key: 'inv|live1|alice' }])
    expect(r.deliveries).toEqual([
      invitationEnded(invitationOf('adam', 'alice', 4, T0 + 60_000), 'accepted'),
      seatListDelivery(r.state, LIVE),
    ])
  })

  it('ends the invitee’s own application as seated', () => {
    const r = accept(applied(invited()), 'alice', { type: 'coGuest.acceptInvitation', inviterId: 'adam' })
    expect(roomOf(r.state, LIVE).applications.size).toBe(0)
    expect(r.deliveries.at(-1)).toEqual(applicationEnded(applicationOf('alice', -1, T0 + 30_000), 'seated', null))
  })

  it.each<[string, () => ModelState, string, unknown, ErrorCode]>([
    ['no invitation at all', base, 'alice', 'adam', ErrorCode.REQUEST_NOT_FOUND],
    ['an invitation from someone else', invited, 'alice', 'host', ErrorCode.REQUEST_NOT_FOUND],
    ['another user’s invitation', invited, 'carol', 'adam', ErrorCode.REQUEST_NOT_FOUND],
    ['an inviterId that is not a string', invited, 'alice', null, ErrorCode.INVALID_ARGUMENT],
    ['when the seat was taken since', () => take(invited(), 'carol', 4), 'alice', 'adam', ErrorCode.USER_ALREADY_ON_SEAT],
    ['when the seat was locked since', () => lockSeat(invited(), 4), 'alice', 'adam', ErrorCode.SEAT_LOCKED],
  ])('refuses %s, leaving any invitation pending', (_, state, actor, inviterId, code) => {
    expectRefused(state(), actor, { type: 'coGuest.acceptInvitation', inviterId } as Command, code)
  })
})

describe('coGuest.rejectInvitation', () => {
  it('ends the invitation as rejected on both sides', () => {
    const r = accept(invited(), 'alice', { type: 'coGuest.rejectInvitation', inviterId: 'adam' })
    expect(roomOf(r.state, LIVE).invitations.size).toBe(0)
    expect(seating(r.state, LIVE)).not.toContain('alice')
    expect(r.deliveries).toEqual([invitationEnded(invitationOf('adam', 'alice', 4, T0 + 60_000), 'rejected')])
  })

  it('refuses an invitation that does not exist', () => {
    expectRefused(invited(), 'alice', { type: 'coGuest.rejectInvitation', inviterId: 'host' }, ErrorCode.REQUEST_NOT_FOUND)
  })
})

describe('timeouts', () => {
  const both = () => applied(invited())

  it('expire(state, now, [key]) ends just that request as timeout', () => {
    const r = expire(both(), T0 + 30_000, ['app|live1|alice'])
    if (!r.ok) throw new Error(r.error.message)
    expect(roomOf(r.state, LIVE).applications.size).toBe(0)
    expect(roomOf(r.state, LIVE).invitations.size).toBe(1)
    expect(r.timers).toEqual([{ op: 'clear', key: 'app|live1|alice' }])
    expect(r.deliveries).toEqual([applicationEnded(applicationOf('alice', -1, T0 + 30_000), 'timeout', null)])
  })

  it('expire(state, now) ends every due request', () => {
    const r = expire(both(), T0 + 60_000)
    if (!r.ok) throw new Error(r.error.message)
    expect(roomOf(r.state, LIVE).applications.size + roomOf(r.state, LIVE).invitations.size).toBe(0)
    expect(r.state.deadlines.size).toBe(0)
    expect(r.deliveries.map((d) => d.event.type)).toEqual(['coGuest.invitationEnded', 'coGuest.applicationEnded'])
    expect(r.deliveries.every((d) => 'outcome' in d.event && d.event.outcome === 'timeout')).toBe(true)
  })

  it('leaves requests that are not due yet untouched', () => {
    const state = both()
    const r = expire(state, T0 + 29_999, ['app|live1|alice', 'inv|live1|alice'])
    expect(r.state).toBe(state)
    expect(r.ok && r.deliveries).toEqual([])
  })

  it('finds the user in a key whose liveId contains "|"', () => {
    const state = accept(world({ lives: [{ liveId: 'a|b', owner: 'host', audience: ['alice'] }] }), 'alice', { type: 'coGuest.apply', seatIndex: -1, timeout: 5 }).state
    const r = expire(state, T0 + 5_000, ['app|a|b|alice'])
    expect(roomOf(r.state, 'a|b').applications.size).toBe(0)
  })
})

describe('who hears host-side events', () => {
  it('a newly promoted admin is caught up on pending requests, then hears new ones', () => {
    let state = applied()
    state = accept(state, 'host', { type: 'coGuest.invite', userId: 'carol', seatIndex: -1, timeout: 0 }).state
    const promoted = accept(state, 'host', { type: 'member.setAdmin', userId: 'bob' })
    expect(promoted.deliveries).toEqual([
      { to: { room: LIVE }, event: { type: 'member.changed', liveId: LIVE, member: { ...profile('bob'), role: RoomRole.Administrator, isMessageDisabled: false, joinedAt: T0 } } },
      seatListDelivery(promoted.state, LIVE), // bob sits, and seats show roles
      { to: { users: ['bob'] }, event: { type: 'coGuest.applicationAdded', application: applicationOf('alice', -1, T0 + 30_000) } },
      { to: { users: ['bob'] }, event: { type: 'coGuest.invitationAdded', invitation: invitationOf('host', 'carol', -1, null) } },
    ])
    const cancelled = accept(promoted.state, 'alice', { type: 'coGuest.cancelApplication' })
    expect(cancelled.deliveries[0]?.to).toEqual({ users: ['alice', 'host', 'adam', 'bob'] })
  })

  it('a revoked admin no longer hears them', () => {
    const revoked = accept(base(), 'host', { type: 'member.revokeAdmin', userId: 'adam' }).state
    const r = accept(revoked, 'alice', { type: 'coGuest.apply', seatIndex: -1, timeout: 0 })
    expect(r.deliveries[0]?.to).toEqual({ users: ['alice', 'host'] })
  })

  it('an application reaches only the owner and admins however large the audience', () => {
    const audience = Array.from({ length: 500 }, (_, i) => `fan${i}`)
    const state = world({ lives: [{ liveId: LIVE, owner: 'host', admins: ['adam'], audience }] })
    const r = accept(state, 'fan250', { type: 'coGuest.apply', seatIndex: -1, timeout: 30 })
    expect(r.deliveries.map((d) => d.to)).toEqual([{ users: ['fan250', 'host', 'adam'] }])
  })
})
