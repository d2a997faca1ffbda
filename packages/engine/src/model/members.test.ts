import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { T0, accept, expectRefused, profile, roomOf, seatListDelivery, world } from './testing'
import { LiveKickedOutReason, RoomRole, type Command, type MemberView, type ModelState } from './types'

const LIVE = 'live1'

/** host owns live1; adam and ada are admins; alice applied (30 s) and host invited carol (0 s); bob sits on seat 1. */
function busy(): ModelState {
  let state = world({ users: ['olga'], lives: [{ liveId: LIVE, owner: 'host', admins: ['adam', 'ada'], audience: ['alice', 'bob', 'carol'], seated: ['bob'] }] })
  state = accept(state, 'alice', { type: 'coGuest.apply', seatIndex: -1, timeout: 30 }).state
  return accept(state, 'host', { type: 'coGuest.invite', userId: 'carol', seatIndex: -1, timeout: 0 }).state
}

const memberOf = (userId: string, role: RoomRole, isMessageDisabled = false): MemberView =>
  ({ ...profile(userId), role, isMessageDisabled, joinedAt: T0 })
const changed = (member: MemberView) => ({ to: { room: LIVE }, event: { type: 'member.changed', liveId: LIVE, member } })

describe('member.setAdmin / member.revokeAdmin', () => {
  it('promotes an audience member, tells the room and catches them up on pending requests', () => {
    const r = accept(busy(), 'host', { type: 'member.setAdmin', userId: 'alice' })
    expect(roomOf(r.state, LIVE).adminIds).toEqual(['adam', 'ada', 'alice'])
    expect(roomOf(r.state, LIVE).members.get('alice')?.role).toBe(RoomRole.Administrator)
    // alice's own application is not repeated to her; carol's invitation is new to her
    expect(r.deliveries.map((d) => [d.event.type, d.to])).toEqual([
      ['member.changed', { room: LIVE }],
      ['coGuest.invitationAdded', { users: ['alice'] }],
    ])
    expect(r.deliveries[0]).toEqual(changed(memberOf('alice', RoomRole.Administrator)))
  })

  it('revokes an admin and tells the room; a seated member’s seat list shows the new role', () => {
    const promoted = accept(busy(), 'host', { type: 'member.setAdmin', userId: 'bob' }).state
    const r = accept(promoted, 'host', { type: 'member.revokeAdmin', userId: 'bob' })
    expect(roomOf(r.state, LIVE).adminIds).toEqual(['adam', 'ada'])
    expect(r.deliveries).toEqual([changed(memberOf('bob', RoomRole.GeneralUser)), seatListDelivery(r.state, LIVE)])
    expect(roomOf(r.state, LIVE).seats[1]?.userId).toBe('bob')
  })

  it.each([
    ['promoting an admin', 'member.setAdmin', 'adam'],
    ['revoking an audience member', 'member.revokeAdmin', 'alice'],
  ] as const)('%s changes nothing', (_, type, userId) => {
    const state = busy()
    const r = accept(state, 'host', { type, userId })
    expect(r.state).toBe(state)
    expect(r.deliveries).toEqual([])
  })

  it.each<[string, Command['type'], string, unknown, ErrorCode]>([
    ['an admin appointing', 'member.setAdmin', 'adam', 'alice', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['an admin revoking', 'member.revokeAdmin', 'adam', 'ada', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['the owner demoting themselves', 'member.revokeAdmin', 'host', 'host', ErrorCode.INVALID_ARGUMENT],
    ['the owner promoting themselves', 'member.setAdmin', 'host', 'host', ErrorCode.INVALID_ARGUMENT],
    ['a user not in the live', 'member.setAdmin', 'host', 'olga', ErrorCode.USER_NOT_FOUND],
    ['a userId that is not a string', 'member.setAdmin', 'host', 3, ErrorCode.INVALID_ARGUMENT],
  ])('refuses %s', (_, type, actor, userId, code) => {
    expectRefused(busy(), actor, { type, userId } as Command, code)
  })
})

describe('member.kick', () => {
  const kickedOut = (userId: string) => ({ to: { users: [userId] }, event: { type: 'live.kickedOut', liveId: LIVE, reason: LiveKickedOutReason.byAdmin } })
  const left = (member: MemberView) => ({ to: { room: LIVE }, event: { type: 'member.left', liveId: LIVE, member } })

  it('tells the target first, ends their requests as left, then tells the room', () => {
    const r = accept(busy(), 'adam', { type: 'member.kick', userId: 'alice' })
    expect(roomOf(r.state, LIVE).members.has('alice')).toBe(false)
    expect(r.state.users.get('alice')?.liveId).toBeNull()
    expect(r.timers).toEqual([{ op: 'clear', key: 'app|live1|alice' }])
    expect(r.deliveries.map((d) => d.event.type)).toEqual(['live.kickedOut', 'coGuest.applicationEnded', 'member.left'])
    expect(r.deliveries[0]).toEqual(kickedOut('alice'))
    expect(r.deliveries[1]).toMatchObject({ to: { users: ['alice', 'host', 'adam', 'ada'] }, event: { outcome: 'left' } })
    expect(r.deliveries[2]).toEqual(left(memberOf('alice', RoomRole.GeneralUser)))
  })

  it('frees a kicked guest’s seat', () => {
    const r = accept(busy(), 'host', { type: 'member.kick', userId: 'bob' })
    expect(r.deliveries).toEqual([kickedOut('bob'), seatListDelivery(r.state, LIVE), left(memberOf('bob', RoomRole.GeneralUser))])
  })

  it('lets the owner kick an admin, who stops being a host', () => {
    const r = accept(busy(), 'host', { type: 'member.kick', userId: 'ada' })
    expect(roomOf(r.state, LIVE).adminIds).toEqual(['adam'])
    expect(r.deliveries).toEqual([kickedOut('ada'), left(memberOf('ada', RoomRole.Administrator))])
  })

  it('lets a kicked user join again', () => {
    const kicked = accept(busy(), 'host', { type: 'member.kick', userId: 'carol' }).state
    expect(accept(kicked, 'carol', { type: 'live.join', liveId: LIVE }).ok).toBe(true)
  })

  it.each<[string, string, unknown, ErrorCode]>([
    ['oneself', 'host', 'host', ErrorCode.INVALID_ARGUMENT],
    ['another admin, by an admin', 'adam', 'ada', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['the owner, by an admin', 'adam', 'host', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['anybody, by an audience member', 'alice', 'carol', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['a user not in the live', 'host', 'olga', ErrorCode.USER_NOT_FOUND],
    ['anybody, by a user in no live', 'olga', 'alice', ErrorCode.NOT_IN_ROOM],
  ])('refuses kicking %s', (_, actor, userId, code) => {
    expectRefused(busy(), actor, { type: 'member.kick', userId } as Command, code)
  })
})

describe('member.disableMessage', () => {
  it.each([['host'], ['adam']])('%s disables and re-enables a member’s messages, telling the room', (actor) => {
    const off = accept(busy(), actor, { type: 'member.disableMessage', userId: 'ada', isDisable: true })
    expect(roomOf(off.state, LIVE).members.get('ada')?.isMessageDisabled).toBe(true)
    expect(off.deliveries).toEqual([changed(memberOf('ada', RoomRole.Administrator, true))])
    const on = accept(off.state, actor, { type: 'member.disableMessage', userId: 'ada', isDisable: false })
    expect(roomOf(on.state, LIVE).members.get('ada')?.isMessageDisabled).toBe(false)
  })

  it.each<[string, string, unknown, unknown, ErrorCode]>([
    ['the owner', 'adam', 'host', true, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['a non-boolean flag', 'host', 'alice', 'yes', ErrorCode.INVALID_ARGUMENT],
    ['a user not in the live', 'host', 'olga', true, ErrorCode.USER_NOT_FOUND],
    ['an audience member acting', 'alice', 'carol', true, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s', (_, actor, userId, isDisable, code) => {
    expectRefused(busy(), actor, { type: 'member.disableMessage', userId, isDisable } as Command, code)
  })
})
