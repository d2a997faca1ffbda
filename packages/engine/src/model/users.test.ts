import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { createState } from './reduce'
import { T0, accept, expectRefused, profile, roomOf, seatListDelivery, world } from './testing'
import { LiveEndedReason, LiveKickedOutReason, RoomRole, type Command, type ModelState } from './types'

const LIVE = 'live1'

/** host owns live1; adam is admin and invited carol; alice applied (30 s); bob sits on seat 1; olga is in no live. */
function busy(): ModelState {
  let state = world({ users: ['olga'], lives: [{ liveId: LIVE, owner: 'host', admins: ['adam'], audience: ['alice', 'bob', 'carol'], seated: ['bob'] }] })
  state = accept(state, 'alice', { type: 'coGuest.apply', seatIndex: -1, timeout: 30 }).state
  return accept(state, 'adam', { type: 'coGuest.invite', userId: 'carol', seatIndex: -1, timeout: 0 }).state
}

describe('user.login', () => {
  it('records the user with their profile, in no live', () => {
    const r = accept(createState(), 'alice', { type: 'user.login', userName: 'Alice', avatarUrl: 'a.png' })
    expect(r.state.users.get('alice')).toEqual({ userId: 'alice', userName: 'Alice', avatarUrl: 'a.png', liveId: null })
    expect(r.deliveries).toEqual([])
  })

  it('defaults the profile to empty strings', () => {
    expect(accept(createState(), 'A_b-9', { type: 'user.login' }).state.users.get('A_b-9')).toEqual({ userId: 'A_b-9', userName: '', avatarUrl: '', liveId: null })
  })

  it.each<[string, string, Record<string, unknown>]>([
    ['an empty userId', '', {}],
    ['a userId over 32 characters', 'u'.repeat(33), {}],
    ['a userId with a space', 'a b', {}],
    ['a userId with a "|"', 'a|b', {}],
    ['a non-ASCII userId', 'zoë', {}],
    ['a missing userId (not coerced to "undefined")', undefined as unknown as string, {}],
    ['a name over 64 characters', 'alice', { userName: 'n'.repeat(65) }],
    ['a name that is not a string', 'alice', { userName: 5 }],
    ['an avatar url over 1024 characters', 'alice', { avatarUrl: 'u'.repeat(1025) }],
  ])('refuses %s', (_, actor, input) => {
    expectRefused(createState(), actor, { type: 'user.login', ...input } as Command, ErrorCode.INVALID_ARGUMENT)
  })

  it('again, while in no live, kicks the older session offline and starts fresh', () => {
    const r = accept(busy(), 'olga', { type: 'user.login', userName: 'Olga 2' })
    expect(r.deliveries).toEqual([{ to: { users: ['olga'] }, event: { type: 'user.kickedOffline' } }])
    expect(r.state.users.get('olga')).toEqual({ userId: 'olga', userName: 'Olga 2', avatarUrl: '', liveId: null })
  })

  it('again, by an audience member, kicks them out of the live (ending their requests), then offline', () => {
    const r = accept(busy(), 'alice', { type: 'user.login' })
    expect(roomOf(r.state, LIVE).members.has('alice')).toBe(false)
    expect(roomOf(r.state, LIVE).applications.size).toBe(0)
    expect(r.state.users.get('alice')?.liveId).toBeNull()
    expect(r.deliveries.map((d) => [d.event.type, d.to])).toEqual([
      ['live.kickedOut', { users: ['alice'] }],
      ['coGuest.applicationEnded', { users: ['alice', 'host', 'adam'] }],
      ['member.left', { room: LIVE }],
      ['user.kickedOffline', { users: ['alice'] }],
    ])
    expect(r.deliveries[0]?.event).toEqual({ type: 'live.kickedOut', liveId: LIVE, reason: LiveKickedOutReason.byLoggedOnOtherDevice })
    expect(r.deliveries[1]?.event).toMatchObject({ outcome: 'left' })
  })

  it('again, by the owner, kicks them out, ends the live for everyone else, then kicks them offline', () => {
    const r = accept(busy(), 'host', { type: 'user.login' })
    expect(r.state.rooms.has(LIVE)).toBe(false)
    expect(r.deliveries.map((d) => [d.event.type, d.to])).toEqual([
      ['live.kickedOut', { users: ['host'] }],
      ['coGuest.applicationEnded', { users: ['alice', 'host', 'adam'] }],
      ['coGuest.invitationEnded', { users: ['carol', 'host', 'adam'] }],
      ['live.ended', { users: ['adam', 'alice', 'bob', 'carol'] }],
      ['user.kickedOffline', { users: ['host'] }],
    ])
    expect(r.deliveries[3]?.event).toEqual({ type: 'live.ended', liveId: LIVE, reason: LiveEndedReason.endedByHost })
  })
})

describe.each(['user.logout', 'user.disconnect'] as const)('%s', (type) => {
  it('takes a guest out of the live like live.leave, then forgets them', () => {
    const r = accept(busy(), 'bob', { type })
    expect(r.state.users.has('bob')).toBe(false)
    expect(roomOf(r.state, LIVE).members.has('bob')).toBe(false)
    expect(r.deliveries).toEqual([
      seatListDelivery(r.state, LIVE),
      { to: { room: LIVE }, event: { type: 'member.left', liveId: LIVE, member: { ...profile('bob'), role: RoomRole.GeneralUser, isMessageDisabled: false, joinedAt: T0 } } },
    ])
  })

  it('by an admin keeps the invitations they sent, showing them without a profile', () => {
    const r = accept(busy(), 'adam', { type })
    const cancelled = accept(r.state, 'host', { type: 'coGuest.cancelInvitation', userId: 'carol' })
    expect(cancelled.deliveries).toEqual([{
      to: { users: ['carol', 'host'] },
      event: {
        type: 'coGuest.invitationEnded',
        invitation: { liveId: LIVE, inviter: { userId: 'adam', userName: '', avatarUrl: '' }, invitee: profile('carol'), seatIndex: -1, createdAt: T0, expiresAt: null },
        outcome: 'cancelled',
      },
    }])
  })

  it('by the owner ends the live', () => {
    const r = accept(busy(), 'host', { type })
    expect(r.state.rooms.size).toBe(0)
    expect(r.deliveries.at(-1)?.event).toEqual({ type: 'live.ended', liveId: LIVE, reason: LiveEndedReason.endedByHost })
  })

  it('by a user in no live just forgets them', () => {
    const r = accept(busy(), 'olga', { type })
    expect(r.state.users.has('olga')).toBe(false)
    expect(r.deliveries).toEqual([])
  })

  it('refuses a user not logged in', () => {
    expectRefused(busy(), 'ghost', { type }, ErrorCode.NOT_LOGGED_IN)
  })
})

describe('user.updateProfile', () => {
  it('changes only the given fields of a user in no live, telling nobody', () => {
    const r = accept(busy(), 'olga', { type: 'user.updateProfile', avatarUrl: 'new.png' })
    expect(r.state.users.get('olga')).toEqual({ ...profile('olga'), avatarUrl: 'new.png', liveId: null })
    expect(r.deliveries).toEqual([])
  })

  it('tells the room about a member, and refreshes the seat list when they sit', () => {
    const member = { ...profile('bob'), userName: 'Robert', role: RoomRole.GeneralUser, isMessageDisabled: false, joinedAt: T0 }
    const r = accept(busy(), 'bob', { type: 'user.updateProfile', userName: 'Robert' })
    expect(r.deliveries).toEqual([{ to: { room: LIVE }, event: { type: 'member.changed', liveId: LIVE, member } }, seatListDelivery(r.state, LIVE)])
    expect(r.deliveries[1]?.event).toMatchObject({ seats: expect.arrayContaining([expect.objectContaining({ user: expect.objectContaining({ userName: 'Robert' }) })]) })
    const unseated = accept(busy(), 'alice', { type: 'user.updateProfile', userName: 'Al' })
    expect(unseated.deliveries.map((d) => d.event.type)).toEqual(['member.changed'])
  })

  it.each<[string, string, Record<string, unknown>, ErrorCode]>([
    ['a name that is not a string', 'alice', { userName: null }, ErrorCode.INVALID_ARGUMENT],
    ['a user not logged in', 'ghost', { userName: 'G' }, ErrorCode.NOT_LOGGED_IN],
  ])('refuses %s', (_, actor, input, code) => {
    expectRefused(busy(), actor, { type: 'user.updateProfile', ...input } as Command, code)
  })
})
