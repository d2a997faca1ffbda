import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { query } from './reduce'
import { T0, accept, profile, roomOf, world } from './testing'
import { RoomRole, type ModelState, type Query, type QueryResultMap, type QueryType } from './types'
import { liveInfoView, seatViews } from './views'

const LIVE = 'live1'

/** host owns live1 (metadata topic/lang); adam is admin; alice applied (30 s); adam invited carol; bob sits on seat 1; olga is in no live. */
function busy(): ModelState {
  let state = world({ users: ['olga'], lives: [{ liveId: LIVE, owner: 'host', admins: ['adam'], audience: ['alice', 'bob', 'carol', 'dan'], seated: ['bob'] }] })
  state = accept(state, 'alice', { type: 'coGuest.apply', seatIndex: -1, timeout: 30 }).state
  state = accept(state, 'adam', { type: 'coGuest.invite', userId: 'carol', seatIndex: 3, timeout: 0 }).state
  return accept(state, 'host', { type: 'live.setMetadata', metadata: { topic: 'music', lang: 'en' } }).state
}

function ask<T extends QueryType>(state: ModelState, actor: string, q: Extract<Query, { type: T }>): QueryResultMap[T] {
  const r = query<T>(state, q, { actor, now: T0 })
  if (!r.ok) throw new Error(`${q.type} refused (${r.error.code}): ${r.error.message}`)
  return r.result
}

function refusal(state: ModelState, actor: string, q: unknown): number {
  const r = query(state, q as Query, { actor, now: T0 })
  if (r.ok) throw new Error('expected a refusal')
  return r.error.code
}

const application = { liveId: LIVE, user: profile('alice'), seatIndex: -1, createdAt: T0, expiresAt: T0 + 30_000 }
const invitation = { liveId: LIVE, inviter: profile('adam'), invitee: profile('carol'), seatIndex: 3, createdAt: T0, expiresAt: null }

describe('session.view', () => {
  it('shows a host the whole live, with every pending request', () => {
    const state = busy()
    expect(ask(state, 'adam', { type: 'session.view' })).toEqual({
      user: profile('adam'),
      live: {
        info: liveInfoView(state, roomOf(state, LIVE)),
        role: RoomRole.Administrator,
        isMessageDisabled: false,
        seats: seatViews(state, roomOf(state, LIVE)),
        applications: [application],
        invitations: [invitation],
        connection: null,
        coHostOutgoing: [],
        coHostIncoming: [],
        battle: null,
        battleRequests: [],
        metadata: { topic: 'music', lang: 'en' },
      },
    })
  })

  it.each([
    ['an applicant their own application', 'alice', [application], []],
    ['an invitee their own invitation', 'carol', [], [invitation]],
    ['other audience members no request', 'dan', [], []],
  ])('shows %s only', (_, actor, applications, invitations) => {
    expect(ask(busy(), actor, { type: 'session.view' }).live).toMatchObject({ role: RoomRole.GeneralUser, applications, invitations })
  })

  it('shows a user in no live just their profile', () => {
    expect(ask(busy(), 'olga', { type: 'session.view' })).toEqual({ user: profile('olga'), live: null })
  })

  it('refuses a user not logged in', () => {
    expect(refusal(busy(), 'ghost', { type: 'session.view' })).toBe(ErrorCode.NOT_LOGGED_IN)
  })
})

describe('live.list', () => {
  /** live0…live4 by owner0…owner4; live2 is private. */
  function lives(): ModelState {
    return world({
      users: ['olga'],
      lives: [0, 1, 2, 3, 4].map((i) => ({ liveId: `live${i}`, owner: `owner${i}`, options: { isPublicVisible: i !== 2 } })),
    })
  }
  const ids = (r: QueryResultMap['live.list']) => r.list.map((info) => info.liveId)

  it('pages through public lives in creation order; the last page returns cursor ""', () => {
    const state = lives()
    const first = ask(state, 'olga', { type: 'live.list', count: 2 })
    expect(ids(first)).toEqual(['live0', 'live1'])
    expect(first.list[0]).toEqual(liveInfoView(state, roomOf(state, 'live0')))
    const second = ask(state, 'olga', { type: 'live.list', cursor: first.cursor, count: 2 })
    expect(ids(second)).toEqual(['live3', 'live4'])
    expect(second.cursor).toBe('')
  })

  it('keeps its place when lives before the cursor end', () => {
    const state = lives()
    const first = ask(state, 'olga', { type: 'live.list', count: 1 })
    const ended = accept(accept(state, 'owner0', { type: 'live.end' }).state, 'owner1', { type: 'live.end' }).state
    expect(ids(ask(ended, 'olga', { type: 'live.list', cursor: first.cursor }))).toEqual(['live3', 'live4'])
  })

  it('returns up to 20 by default', () => {
    const many = world({ lives: Array.from({ length: 25 }, (_, i) => ({ liveId: `l${i}`, owner: `o${i}` })) })
    const page = ask(many, 'o0', { type: 'live.list', cursor: '' })
    expect(page.list).toHaveLength(20)
    expect(ask(many, 'o0', { type: 'live.list', cursor: page.cursor }).list).toHaveLength(5)
  })

  it.each<[string, Record<string, unknown>, string, ErrorCode]>([
    ['a zero count', { count: 0 }, 'olga', ErrorCode.INVALID_ARGUMENT],
    ['a count over 100', { count: 101 }, 'olga', ErrorCode.INVALID_ARGUMENT],
    ['a fractional count', { count: 1.5 }, 'olga', ErrorCode.INVALID_ARGUMENT],
    ['a made-up cursor', { cursor: 'abc' }, 'olga', ErrorCode.INVALID_ARGUMENT],
    // found by fuzzing: building the message used to throw a TypeError for a value String() cannot show
    ['a count with no prototype', { count: Object.create(null) }, 'olga', ErrorCode.INVALID_ARGUMENT],
    ['a user not logged in', {}, 'ghost', ErrorCode.NOT_LOGGED_IN],
  ])('refuses %s', (_, input, actor, code) => {
    expect(refusal(lives(), actor, { type: 'live.list', ...input })).toBe(code)
  })
})

describe('live.info', () => {
  it('finds any live by id, private ones included', () => {
    const state = world({ users: ['olga'], lives: [{ liveId: 'secret', owner: 'host', options: { isPublicVisible: false } }] })
    expect(ask(state, 'olga', { type: 'live.info', liveId: 'secret' })).toEqual(liveInfoView(state, roomOf(state, 'secret')))
  })

  it.each<[string, unknown, string, ErrorCode]>([
    ['an unknown live', 'nope', 'olga', ErrorCode.ROOM_NOT_FOUND],
    ['a live id that is not a string', 1, 'olga', ErrorCode.INVALID_ARGUMENT],
    ['a user not logged in', LIVE, 'ghost', ErrorCode.NOT_LOGGED_IN],
  ])('refuses %s', (_, liveId, actor, code) => {
    expect(refusal(busy(), actor, { type: 'live.info', liveId })).toBe(code)
  })
})

describe('live.metadata', () => {
  it.each<[string, readonly string[] | undefined, Record<string, string>]>([
    ['all of it', undefined, { topic: 'music', lang: 'en' }],
    ['the keys asked for that exist', ['lang', 'missing'], { lang: 'en' }],
    ['nothing for no keys', [], {}],
  ])('returns %s', (_, keys, expected) => {
    expect(ask(busy(), 'dan', { type: 'live.metadata', ...(keys && { keys }) })).toEqual(expected)
  })

  it.each<[string, unknown, string, ErrorCode]>([
    ['keys that are not strings', [1], 'dan', ErrorCode.INVALID_ARGUMENT],
    ['keys that are not an array', 'lang', 'dan', ErrorCode.INVALID_ARGUMENT],
    ['a user in no live', undefined, 'olga', ErrorCode.NOT_IN_ROOM],
  ])('refuses %s', (_, keys, actor, code) => {
    expect(refusal(busy(), actor, { type: 'live.metadata', keys })).toBe(code)
  })
})

describe('member.list', () => {
  it('pages through members in join order with the total', () => {
    const state = busy()
    const first = ask(state, 'dan', { type: 'member.list', count: 4 })
    expect(first.list.map((m) => m.userId)).toEqual(['host', 'adam', 'alice', 'bob'])
    expect(first.list[1]).toEqual({ ...profile('adam'), role: RoomRole.Administrator, isMessageDisabled: false, joinedAt: T0 })
    expect(first.total).toBe(6)
    const rest = ask(state, 'dan', { type: 'member.list', cursor: first.cursor, count: 4 })
    expect(rest).toEqual({ list: [expect.objectContaining({ userId: 'carol' }), expect.objectContaining({ userId: 'dan' })], cursor: '', total: 6 })
  })

  it('keeps its place when members before the cursor leave', () => {
    const state = busy()
    const first = ask(state, 'dan', { type: 'member.list', count: 3 })
    const left = accept(state, 'alice', { type: 'live.leave' }).state
    const rest = ask(left, 'dan', { type: 'member.list', cursor: first.cursor })
    expect(rest.list.map((m) => m.userId)).toEqual(['bob', 'carol', 'dan'])
    expect(rest.total).toBe(5)
  })

  it.each([
    ['a user in no live', {}, 'olga', ErrorCode.NOT_IN_ROOM],
    ['a negative count', { count: -1 }, 'dan', ErrorCode.INVALID_ARGUMENT],
  ])('refuses %s', (_, input, actor, code) => {
    expect(refusal(busy(), actor, { type: 'member.list', ...input })).toBe(code)
  })
})

describe('runQuery', () => {
  it.each([['an unknown type', { type: 'live.secrets' }], ['a prototype key', { type: 'toString' }], ['no object', null]])('refuses %s', (_, q) => {
    expect(refusal(busy(), 'host', q)).toBe(ErrorCode.INVALID_ARGUMENT)
  })
})
