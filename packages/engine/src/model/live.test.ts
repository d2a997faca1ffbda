import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { T0, accept, expectRefused, profile, roomOf, seatListDelivery, seating, world } from './testing'
import { LiveEndedReason, RoomRole, SeatMode, type Command, type ModelState, type StartLiveInput } from './types'
import { liveInfoView } from './views'

const LIVE = 'live1'

/** host owns live1; adam is admin; alice applied (30 s), adam invited carol (60 s), bob sits on seat 1; olga is in no live. */
function busy(): ModelState {
  let state = world({ users: ['olga'], lives: [{ liveId: LIVE, owner: 'host', admins: ['adam'], audience: ['alice', 'bob', 'carol'], seated: ['bob'] }] })
  state = accept(state, 'alice', { type: 'coGuest.apply', seatIndex: -1, timeout: 30 }).state
  return accept(state, 'adam', { type: 'coGuest.invite', userId: 'carol', seatIndex: -1, timeout: 60 }).state
}

const loggedIn = () => world({ users: ['host', 'olga'] })
const start = (input: Omit<StartLiveInput, 'liveId'> = {}, liveId = LIVE) => accept(loggedIn(), 'host', { type: 'live.start', liveId, ...input })

describe('live.start', () => {
  it('creates the live with defaults, seats the owner on seat 0 and returns its info', () => {
    const r = start({}, LIVE)
    expect(r.result).toEqual({
      liveId: LIVE, liveName: LIVE, notice: '', coverUrl: '', backgroundUrl: '', categoryList: [], activityStatus: 0,
      isPublicVisible: true, isMessageDisableForAllUser: false, isGiftEnabled: true, isLikeEnabled: true,
      seatMode: SeatMode.ApplyToTake, maxSeatCount: 9, layoutTemplate: 600, owner: profile('host'), memberCount: 1, createTime: T0,
    })
    const room = roomOf(r.state, LIVE)
    expect(room.ownerId).toBe('host')
    expect(room.members.get('host')).toMatchObject({ role: RoomRole.Owner, joinedAt: T0, isMessageDisabled: false })
    expect(seating(r.state, LIVE)).toEqual(['host', '', '', '', '', '', '', '', ''])
    expect(r.state.users.get('host')?.liveId).toBe(LIVE)
    expect(r.deliveries).toEqual([seatListDelivery(r.state, LIVE)])
  })

  it('applies the given info', () => {
    const input = {
      liveName: 'Night show', notice: 'hi', coverUrl: 'c.png', backgroundUrl: 'b.png', categoryList: [1, 2], activityStatus: 3,
      isPublicVisible: false, isMessageDisableForAllUser: true, isGiftEnabled: false, isLikeEnabled: false, seatMode: SeatMode.FreeToTake,
    }
    expect(start(input).result).toMatchObject(input)
  })

  it.each<[Omit<StartLiveInput, 'liveId'>, number, number]>([
    [{ layoutTemplate: 600 }, 600, 9],
    [{ layoutTemplate: 800 }, 800, 9],
    [{ layoutTemplate: 601 }, 601, 7],
    [{ layoutTemplate: 801 }, 801, 7],
    [{ layoutTemplate: 200 }, 200, 4],
    [{ layoutTemplate: 400 }, 400, 2],
    [{ maxSeatCount: 1 }, 600, 1],
    [{ maxSeatCount: 50 }, 600, 50],
    [{ layoutTemplate: 601, maxSeatCount: 12 }, 601, 12],
  ])('%o gives layout %i with %i seats', (input, layoutTemplate, seats) => {
    const r = start(input)
    expect(r.result).toMatchObject({ layoutTemplate, maxSeatCount: seats })
    expect(roomOf(r.state, LIVE).seats).toHaveLength(seats)
  })

  it.each(['a', 'Live #1 (test)|~,', 'x'.repeat(48), '!#$%&()+-:;<=.>?@[]^_{}|~, 09AZaz'])('accepts the live id %j', (liveId) => {
    expect(start({}, liveId).state.rooms.has(liveId)).toBe(true)
  })

  it.each<[string, unknown]>([
    ['empty', ''], ['too long', 'x'.repeat(49)], ['with a slash', 'a/b'], ['non-ASCII', 'café'], ['with a quote', 'a"b'], ['a number', 42],
  ])('refuses a live id that is %s', (_, liveId) => {
    expectRefused(loggedIn(), 'host', { type: 'live.start', liveId } as Command, ErrorCode.INVALID_ARGUMENT)
  })

  it.each<[string, Record<string, unknown>]>([
    ['no seats', { maxSeatCount: 0 }],
    ['more than 50 seats', { maxSeatCount: 51 }],
    ['a fractional seat count', { maxSeatCount: 2.5 }],
    ['an unknown layout', { layoutTemplate: 700 }],
    ['an unknown seat mode', { seatMode: 3 }],
    ['a name over 100 characters', { liveName: 'n'.repeat(101) }],
    ['a non-boolean flag', { isPublicVisible: 'yes' }],
    ['categories that are not integers', { categoryList: [1.5] }],
    ['a non-integer activity status', { activityStatus: 'live' }],
  ])('refuses %s', (_, input) => {
    expectRefused(loggedIn(), 'host', { type: 'live.start', liveId: LIVE, ...input } as Command, ErrorCode.INVALID_ARGUMENT)
  })

  it.each([
    ['the owner of a running live', busy, 'host', 'live2', ErrorCode.ALREADY_IN_ROOM],
    ['a member of another live', busy, 'alice', 'live2', ErrorCode.ALREADY_IN_ROOM],
    ['an id that is already running', busy, 'olga', LIVE, ErrorCode.ROOM_ALREADY_EXISTS],
    ['a user not logged in', busy, 'ghost', 'live2', ErrorCode.NOT_LOGGED_IN],
  ])('refuses %s', (_, state, actor, liveId, code) => {
    expectRefused(state(), actor, { type: 'live.start', liveId }, code)
  })
})

describe('live.join', () => {
  it('adds a general member, tells the room and returns the live info', () => {
    const r = accept(busy(), 'olga', { type: 'live.join', liveId: LIVE }, T0 + 7)
    const member = roomOf(r.state, LIVE).members.get('olga')
    expect(member).toMatchObject({ role: RoomRole.GeneralUser, isMessageDisabled: false, joinedAt: T0 + 7 })
    expect(r.state.users.get('olga')?.liveId).toBe(LIVE)
    expect(r.result).toEqual(liveInfoView(r.state, roomOf(r.state, LIVE)))
    expect(r.result.memberCount).toBe(6)
    expect(r.deliveries).toEqual([{
      to: { room: LIVE },
      event: { type: 'member.joined', liveId: LIVE, member: { ...profile('olga'), role: RoomRole.GeneralUser, isMessageDisabled: false, joinedAt: T0 + 7 } },
    }])
  })

  it.each<[string, string, unknown, ErrorCode]>([
    ['a live that does not exist', 'olga', 'nope', ErrorCode.ROOM_NOT_FOUND],
    ['a live id that is not a string', 'olga', 5, ErrorCode.INVALID_ARGUMENT],
    ['the live one is already in', 'alice', LIVE, ErrorCode.ALREADY_IN_ROOM],
    ['a second live', 'alice', 'live2', ErrorCode.ALREADY_IN_ROOM],
    ['a live, when not logged in', 'ghost', LIVE, ErrorCode.NOT_LOGGED_IN],
  ])('refuses joining %s', (_, actor, liveId, code) => {
    const state = accept(busy(), 'olga', { type: 'user.login' }).state // olga is in no live either way
    expectRefused(state, actor, { type: 'live.join', liveId } as Command, code)
  })
})

describe('live.leave', () => {
  it('ends an applicant’s application as left on both sides, then tells the room', () => {
    const r = accept(busy(), 'alice', { type: 'live.leave' })
    expect(roomOf(r.state, LIVE).members.has('alice')).toBe(false)
    expect(roomOf(r.state, LIVE).applications.size).toBe(0)
    expect(r.state.users.get('alice')?.liveId).toBeNull()
    expect(r.timers).toEqual([{ op: 'clear', key: 'app|live1|alice' }])
    expect(r.deliveries.map((d) => [d.event.type, d.to])).toEqual([
      ['coGuest.applicationEnded', { users: ['alice', 'host', 'adam'] }],
      ['member.left', { room: LIVE }],
    ])
    expect(r.deliveries[0]?.event).toMatchObject({ outcome: 'left', hostUser: null })
    expect(r.deliveries[1]?.event).toEqual({
      type: 'member.left', liveId: LIVE, member: { ...profile('alice'), role: RoomRole.GeneralUser, isMessageDisabled: false, joinedAt: T0 },
    })
  })

  it('ends an invitee’s invitation as left', () => {
    const r = accept(busy(), 'carol', { type: 'live.leave' })
    expect(roomOf(r.state, LIVE).invitations.size).toBe(0)
    expect(r.deliveries.map((d) => d.event.type)).toEqual(['coGuest.invitationEnded', 'member.left'])
    expect(r.deliveries[0]).toMatchObject({ to: { users: ['carol', 'host', 'adam'] }, event: { outcome: 'left' } })
  })

  it('frees a guest’s seat', () => {
    const r = accept(busy(), 'bob', { type: 'live.leave' })
    expect(seating(r.state, LIVE)[1]).toBe('')
    expect(r.deliveries).toEqual([seatListDelivery(r.state, LIVE), expect.objectContaining({ event: expect.objectContaining({ type: 'member.left' }) })])
  })

  it('drops a leaving admin from the hosts, but the invitations they sent stay with the room', () => {
    const r = accept(busy(), 'adam', { type: 'live.leave' })
    expect(roomOf(r.state, LIVE).adminIds).toEqual([])
    expect(roomOf(r.state, LIVE).invitations.get('carol')?.inviterId).toBe('adam')
    const cancelled = accept(r.state, 'host', { type: 'coGuest.cancelInvitation', userId: 'carol' })
    expect(cancelled.deliveries[0]?.to).toEqual({ users: ['carol', 'host'] })
  })

  it('by the owner ends the live for everyone', () => {
    const r = accept(busy(), 'host', { type: 'live.leave' })
    expect(r.state.rooms.has(LIVE)).toBe(false)
    expect(r.deliveries.at(-1)).toEqual({ to: { users: ['adam', 'alice', 'bob', 'carol'] }, event: { type: 'live.ended', liveId: LIVE, reason: LiveEndedReason.endedByHost } })
  })

  it.each([['olga', ErrorCode.NOT_IN_ROOM], ['ghost', ErrorCode.NOT_LOGGED_IN]])('refuses %s', (actor, code) => {
    expectRefused(busy(), actor, { type: 'live.leave' }, code)
  })
})

describe('live.end', () => {
  it('ends every pending request as liveEnded, then tells every other member, and forgets the room', () => {
    const r = accept(busy(), 'host', { type: 'live.end' })
    expect(r.state.rooms.size).toBe(0)
    expect(['host', 'adam', 'alice', 'bob', 'carol'].map((id) => r.state.users.get(id)?.liveId)).toEqual([null, null, null, null, null])
    expect(r.state.deadlines.size).toBe(0)
    expect(r.timers).toEqual([{ op: 'clear', key: 'app|live1|alice' }, { op: 'clear', key: 'inv|live1|carol' }])
    expect(r.deliveries.map((d) => [d.event.type, d.to, 'outcome' in d.event ? d.event.outcome : null])).toEqual([
      ['coGuest.applicationEnded', { users: ['alice', 'host', 'adam'] }, 'liveEnded'],
      ['coGuest.invitationEnded', { users: ['carol', 'host', 'adam'] }, 'liveEnded'],
      ['live.ended', { users: ['adam', 'alice', 'bob', 'carol'] }, null],
    ])
    expect(r.deliveries[2]?.event).toEqual({ type: 'live.ended', liveId: LIVE, reason: LiveEndedReason.endedByHost })
  })

  it('frees the live id for a new live', () => {
    const ended = accept(busy(), 'host', { type: 'live.end' }).state
    expect(accept(ended, 'alice', { type: 'live.start', liveId: LIVE }).state.rooms.get(LIVE)?.ownerId).toBe('alice')
  })

  it.each([['adam', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS], ['alice', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS], ['olga', ErrorCode.NOT_IN_ROOM]])(
    'refuses %s',
    (actor, code) => {
      expectRefused(busy(), actor, { type: 'live.end' }, code)
    },
  )
})

describe('live.update', () => {
  it('changes the given fields only and tells the room the new info', () => {
    const r = accept(busy(), 'adam', { type: 'live.update', liveName: 'Renamed', seatMode: SeatMode.FreeToTake, categoryList: [7] })
    const room = roomOf(r.state, LIVE)
    expect(room.info).toMatchObject({ liveName: 'Renamed', seatMode: SeatMode.FreeToTake, categoryList: [7], notice: '', layoutTemplate: 600, maxSeatCount: 9 })
    expect(r.deliveries).toEqual([{ to: { room: LIVE }, event: { type: 'live.infoChanged', info: liveInfoView(r.state, room) } }])
    // the new seat mode applies at once
    expect(accept(r.state, 'carol', { type: 'seat.take', seatIndex: 5 }).ok).toBe(true)
  })

  it.each<[string, string, Record<string, unknown>, ErrorCode]>([
    ['an audience member', 'alice', { liveName: 'x' }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['a name over 100 characters', 'host', { liveName: 'x'.repeat(101) }, ErrorCode.INVALID_ARGUMENT],
    ['an unknown layout', 'host', { layoutTemplate: 123 }, ErrorCode.INVALID_ARGUMENT],
    ['an unknown seat mode', 'host', { seatMode: 0 }, ErrorCode.INVALID_ARGUMENT],
    ['a cover url that is not a string', 'host', { coverUrl: 5 }, ErrorCode.INVALID_ARGUMENT],
  ])('refuses %s', (_, actor, input, code) => {
    expectRefused(busy(), actor, { type: 'live.update', ...input } as Command, code)
  })
})

describe('live.setMetadata', () => {
  it('merges keys, deletes those set to "", and tells the room the whole metadata', () => {
    const set = accept(busy(), 'adam', { type: 'live.setMetadata', metadata: { topic: 'music', mood: 'calm' } })
    expect(roomOf(set.state, LIVE).metadata).toEqual({ topic: 'music', mood: 'calm' })
    const r = accept(set.state, 'host', { type: 'live.setMetadata', metadata: { mood: '', lang: 'en' } })
    expect(roomOf(r.state, LIVE).metadata).toEqual({ topic: 'music', lang: 'en' })
    expect(r.deliveries).toEqual([{ to: { room: LIVE }, event: { type: 'live.metadataChanged', liveId: LIVE, metadata: { topic: 'music', lang: 'en' } } }])
  })

  const keys = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']))

  it('holds up to 64 keys, counting deletions first', () => {
    const full = accept(busy(), 'host', { type: 'live.setMetadata', metadata: keys(64) }).state
    expectRefused(full, 'host', { type: 'live.setMetadata', metadata: { extra: 'v' } }, ErrorCode.INVALID_ARGUMENT)
    expect(accept(full, 'host', { type: 'live.setMetadata', metadata: { k0: '', extra: 'v' } }).ok).toBe(true)
  })

  it.each<[string, string, unknown, ErrorCode]>([
    ['more than 64 keys', 'host', keys(65), ErrorCode.INVALID_ARGUMENT],
    ['null', 'host', null, ErrorCode.INVALID_ARGUMENT],
    ['an array', 'host', ['a'], ErrorCode.INVALID_ARGUMENT],
    ['a non-string value', 'host', { a: 1 }, ErrorCode.INVALID_ARGUMENT],
    ['an empty key', 'host', { '': 'x' }, ErrorCode.INVALID_ARGUMENT],
    ['a key over 50 characters', 'host', { ['k'.repeat(51)]: 'x' }, ErrorCode.INVALID_ARGUMENT],
    ['a value over 2048 characters', 'host', { a: 'v'.repeat(2049) }, ErrorCode.INVALID_ARGUMENT],
    ['an audience member', 'alice', { a: 'b' }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s', (_, actor, metadata, code) => {
    expectRefused(busy(), actor, { type: 'live.setMetadata', metadata } as Command, code)
  })
})
