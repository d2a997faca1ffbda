import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { battleSessionView, exitBattles } from './battle'
import { expire, reduce } from './reduce'
import { accept as must, profile, roomOf, T0, world } from './testing'
import { createTx } from './tx'
import {
  BattleCode, BattleEndedReason,
  type BattleConfig, type BattleRequestView, type BattleView, type CoHostUserView, type Command, type CommandOf, type Delivery, type LiveId,
  type ModelState, type ReduceResult, type RoomEvent, type UserId,
} from './types'

const H: Record<string, CoHostUserView> = Object.fromEntries(['1', '2', '3', '4'].map((n) => [`h${n}`, { ...profile(`h${n}`), liveId: `l${n}` }]))
const SECONDS = T0 / 1000

function run(state: ModelState, ...steps: [UserId, Command][]): ModelState {
  for (const [actor, command] of steps) state = must(state, actor, command).state
  return state
}

/** Lives l1…l4 owned by h1…h4 (audience a1…a4); `loner` is in no live. */
const lives = world({
  users: ['loner'],
  lives: ['1', '2', '3', '4'].map((n) => ({ liveId: `l${n}`, owner: `h${n}`, audience: [`a${n}`] })),
})
/** l1, l2, l3 connected; l4 alone. */
const trio = run(
  lives,
  ['h1', { type: 'coHost.request', liveId: 'l2', timeout: 0 }], ['h2', { type: 'coHost.accept', liveId: 'l1' }],
  ['h1', { type: 'coHost.request', liveId: 'l3', timeout: 0 }], ['h3', { type: 'coHost.accept', liveId: 'l1' }],
)
/** All four connected. */
const quad = run(trio, ['h1', { type: 'coHost.request', liveId: 'l4', timeout: 0 }], ['h4', { type: 'coHost.accept', liveId: 'l1' }])

const config = (needResponse: boolean): BattleConfig => ({ duration: 300, needResponse, extensionInfo: 'pk' })
const ask = (userIdList: UserId[], needResponse = true, timeout = 10): CommandOf<'battle.request'> =>
  ({ type: 'battle.request', config: config(needResponse), userIdList, timeout })

type Ok = Extract<ReduceResult<unknown>, { ok: true }>
function ok(result: ReduceResult<unknown>): Ok {
  if (!result.ok) throw new Error(`refused: ${result.error.message}`)
  return result
}

function refused(state: ModelState, actor: UserId, command: Command, code: ErrorCode): void {
  const result = reduce(state, command, { actor, now: T0 })
  expect(result.ok ? 'accepted' : result.error.code).toBe(code)
  expect(result.state).toBe(state)
}

const toRooms = (liveIds: LiveId[], event: RoomEvent): Delivery[] => liveIds.map((room) => ({ to: { room }, event }))

function running(battleId: string, userIds: UserId[], scores: Record<UserId, number>, needResponse = false, start = SECONDS): BattleView {
  return {
    battleId,
    config: config(needResponse),
    inviter: H.h1!,
    status: 'running',
    startTime: start,
    endTime: start + 300,
    users: userIds.map((id) => H[id]!),
    scores,
  }
}

const invitation = (battleId: string, invitee: UserId, expiresAt: number | null = T0 + 10_000): BattleRequestView =>
  ({ battleId, inviter: H.h1!, invitee: H[invitee]!, expiresAt })
const ended = (request: BattleRequestView, outcome: string): Delivery =>
  ({ to: { users: [request.inviter.userId, request.invitee.userId] }, event: { type: 'battle.requestEnded', request, outcome } } as Delivery)

/**
 * What breaks the battle invariants in `state` (see the top of battle.ts): battles, rooms, requests
 * and deadlines agree. Plain checks, not one `expect` each: the property runs this after every step.
 */
function inconsistencies(state: ModelState): string[] {
  const problems: string[] = []
  const check = (ok: boolean, problem: () => string) => ok || problems.push(problem())
  const roomOfUser = (userId: UserId) => state.rooms.get(state.users.get(userId)?.liveId ?? '')
  const connectionOf = (userId: UserId) => roomOfUser(userId)?.connectionId ?? null
  for (const [battleId, battle] of state.battles) {
    // the inviter may have exited a battle that goes on: its remaining users share one connection
    const connectionId = connectionOf(battle.userIds[0]!)
    check(connectionId !== null, () => `${battleId} is fought outside a connection`)
    for (const userId of battle.userIds) {
      check(roomOfUser(userId)?.battleId === battleId, () => `${userId} is in ${battleId} but their room points elsewhere`)
      check(connectionOf(userId) === connectionId, () => `${userId} battles in ${battleId} from another connection`)
    }
    const requests = [...state.battleRequests.values()].filter((r) => r.battleId === battleId)
    if (battle.status === 'pending') {
      check(battle.userIds.join() === battle.inviterId, () => `pending ${battleId} holds ${battle.userIds.join()}`)
      check(requests.length > 0, () => `pending ${battleId} has no request left`)
      check(!state.deadlines.has(`battle|${battleId}`), () => `pending ${battleId} has an end deadline`)
    } else {
      check(battle.userIds.length > 1, () => `running ${battleId} holds ${battle.userIds.join()}`)
      check(state.deadlines.get(`battle|${battleId}`) === battle.endsAt, () => `running ${battleId} has no deadline at its end`)
      check([...battle.scores.keys()].sort().join() === [...battle.userIds].sort().join(), () => `${battleId} scores ${[...battle.scores.keys()].join()}`)
    }
    for (const request of requests) {
      check(battle.userIds.includes(battle.inviterId), () => `${battleId} invites ${request.inviteeId} after its inviter left`)
      check(connectionOf(request.inviteeId) === connectionId, () => `${battleId} invites ${request.inviteeId} from another connection`)
      check(roomOfUser(request.inviteeId)?.battleId === null, () => `${request.inviteeId} is invited to ${battleId} while battling`) // a battling host has no invitation
    }
  }
  for (const [liveId, room] of state.rooms) {
    if (room.battleId) check(state.battles.get(room.battleId)?.userIds.includes(room.ownerId) === true, () => `${liveId} points at ${room.battleId} without its owner in it`)
  }
  for (const [key, request] of state.battleRequests) {
    check(state.battles.has(request.battleId), () => `${key} invites to a battle that is gone`)
    check((state.deadlines.get(`breq|${key}`) ?? null) === request.expiresAt, () => `${key} expires at ${request.expiresAt}, its deadline differs`)
  }
  const keys = [...state.deadlines.keys()]
  const timed = state.battleRequests.filter((r) => r.expiresAt !== null).size
  check(keys.filter((k) => k.startsWith('breq|')).length === timed, () => `request deadlines ${keys.join()} for ${timed} timed requests`)
  const running = state.battles.filter((b) => b.status === 'running').size
  check(keys.filter((k) => k.startsWith('battle|')).length === running, () => `battle deadlines ${keys.join()} for ${running} running battles`)
  return problems
}

function expectConsistent(state: ModelState): void {
  expect(inconsistencies(state)).toEqual([])
}

describe('battle.request without response', () => {
  it('starts at once with the inviter and every valid invitee, for every member of their rooms', () => {
    const result = must(trio, 'h1', ask(['h2', 'h3'], false))
    const { battleId } = result.result
    expect(result.result).toEqual({ battleId, result: { h2: BattleCode.Success, h3: BattleCode.Success } })
    const view = running(battleId, ['h1', 'h2', 'h3'], { h1: 0, h2: 0, h3: 0 })
    expect(result.deliveries).toEqual(toRooms(['l1', 'l2', 'l3'], { type: 'battle.started', battle: view }))
    expect(result.timers).toEqual([{ op: 'set', key: `battle|${battleId}`, at: T0 + 300_000 }])
    expect(['l1', 'l2', 'l3', 'l4'].map((id) => roomOf(result.state, id).battleId)).toEqual([battleId, battleId, battleId, null])
    expect(battleSessionView(result.state, 'l2', 'a2')).toEqual({ battle: view, battleRequests: [] })
    expect(battleSessionView(result.state, 'l4', 'h4')).toEqual({ battle: null, battleRequests: [] })
    expectConsistent(result.state)
  })

  it('gives each invitee a code and battles only the valid ones', () => {
    const result = must(trio, 'h1', ask(['h1', 'h2', 'h4', 'a2', 'ghost', 'h2'], false))
    expect(result.result.result).toEqual({
      h1: BattleCode.Battling, // the inviter is in this battle
      h2: BattleCode.Success,
      h4: BattleCode.RoomNotExist, // not in my connection
      a2: BattleCode.RoomNotExist, // not an owner
      ghost: BattleCode.RoomNotExist,
    })
    expect(result.state.battles.get(result.result.battleId)?.userIds).toEqual(['h1', 'h2'])
  })

  it('answers BattlingOtherRoom for a host in another battle', () => {
    const state = run(quad, ['h1', ask(['h2'], false)])
    const result = must(state, 'h3', ask(['h2', 'h4'], false))
    expect(result.result.result).toEqual({ h2: BattleCode.BattlingOtherRoom, h4: BattleCode.Success })
    expectConsistent(result.state)
  })

  const battling = run(trio, ['h1', ask(['h2'], false)])
  it.each<[string, ModelState, UserId, Command, ErrorCode]>([
    ['nobody logged in', trio, 'ghost', ask(['h2']), ErrorCode.NOT_LOGGED_IN],
    ['a user in no live', trio, 'loner', ask(['h2']), ErrorCode.NOT_IN_ROOM],
    ['an audience member', trio, 'a1', ask(['h2']), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['a host not connected', trio, 'h4', ask(['h1']), ErrorCode.NOT_CONNECTED],
    ['a host already in a battle', battling, 'h1', ask(['h3']), ErrorCode.ALREADY_IN_BATTLE],
    ['no valid invitee', battling, 'h3', ask(['h1', 'h2', 'h4']), ErrorCode.BATTLE_NO_VALID_ROOM],
    ['an empty userIdList', trio, 'h1', ask([]), ErrorCode.INVALID_ARGUMENT],
    ['an empty user id', trio, 'h1', ask(['']), ErrorCode.INVALID_ARGUMENT],
    ['a userIdList that is no array', trio, 'h1', { ...ask([]), userIdList: 'h2' } as unknown as Command, ErrorCode.INVALID_ARGUMENT],
    ['a negative timeout', trio, 'h1', ask(['h2'], true, -1), ErrorCode.INVALID_ARGUMENT],
    ['no config', trio, 'h1', { ...ask(['h2']), config: null } as unknown as Command, ErrorCode.INVALID_ARGUMENT],
    ['duration 0', trio, 'h1', { ...ask(['h2']), config: { ...config(true), duration: 0 } }, ErrorCode.INVALID_ARGUMENT],
    ['a negative duration', trio, 'h1', { ...ask(['h2']), config: { ...config(true), duration: -5 } }, ErrorCode.INVALID_ARGUMENT],
    ['a duration in ms', trio, 'h1', { ...ask(['h2']), config: { ...config(true), duration: 300_000_000 } }, ErrorCode.INVALID_ARGUMENT],
    ['a NaN duration', trio, 'h1', { ...ask(['h2']), config: { ...config(true), duration: Number.NaN } }, ErrorCode.INVALID_ARGUMENT],
    ['no needResponse', trio, 'h1', { ...ask(['h2']), config: { duration: 300 } } as unknown as Command, ErrorCode.INVALID_ARGUMENT],
    ['a non-string extensionInfo', trio, 'h1', { ...ask(['h2']), config: { ...config(true), extensionInfo: 1 } } as unknown as Command, ErrorCode.INVALID_ARGUMENT],
  ])('refuses %s', (_, state, actor, command, code) => refused(state, actor, command, code))
})

describe('battle.request with response', () => {
  const asked = must(trio, 'h1', ask(['h2', 'h3']))
  const { battleId } = asked.result
  const state = asked.state

  it('invites each valid invitee with a deadline; nothing starts yet', () => {
    expect(asked.result.result).toEqual({ h2: BattleCode.Success, h3: BattleCode.Success })
    expect(asked.deliveries).toEqual([
      { to: { users: ['h1', 'h2'] }, event: { type: 'battle.requestAdded', request: invitation(battleId, 'h2') } },
      { to: { users: ['h1', 'h3'] }, event: { type: 'battle.requestAdded', request: invitation(battleId, 'h3') } },
    ])
    expect(asked.timers).toEqual([
      { op: 'set', key: `breq|${battleId}|h2`, at: T0 + 10_000 },
      { op: 'set', key: `breq|${battleId}|h3`, at: T0 + 10_000 },
    ])
    expect(roomOf(state, 'l1').battleId).toBe(battleId)
    expect(roomOf(state, 'l2').battleId).toBeNull()
    // the inviter sees the pending battle; its audience and invitees do not
    expect(battleSessionView(state, 'l1', 'h1').battle).toEqual({
      ...running(battleId, ['h1'], {}, true),
      status: 'pending',
      startTime: 0,
      endTime: 0,
    })
    expect(battleSessionView(state, 'l1', 'a1').battle).toBeNull()
    expect(battleSessionView(state, 'l2', 'h2')).toEqual({ battle: null, battleRequests: [invitation(battleId, 'h2')] })
    expect(battleSessionView(state, 'l2', 'a2').battleRequests).toEqual([])
    expectConsistent(state)
  })

  it('sets no deadline for timeout 0', () => {
    const result = must(trio, 'h1', ask(['h2'], true, 0))
    expect(result.timers).toEqual([])
    expect(battleSessionView(result.state, 'l2', 'h2').battleRequests).toEqual([invitation(result.result.battleId, 'h2', null)])
  })

  it('starts with the first accepter, and later accepters join', () => {
    const first = ok(reduce(state, { type: 'battle.accept', battleId }, { actor: 'h2', now: T0 + 2_000 }))
    const start = SECONDS + 2
    expect(first.deliveries).toEqual([
      ended(invitation(battleId, 'h2'), 'accepted'),
      ...toRooms(['l1', 'l2'], { type: 'battle.started', battle: running(battleId, ['h1', 'h2'], { h1: 0, h2: 0 }, true, start) }),
    ])
    expect(first.timers).toEqual([{ op: 'clear', key: `breq|${battleId}|h2` }, { op: 'set', key: `battle|${battleId}`, at: T0 + 302_000 }])
    expectConsistent(first.state)

    const second = must(first.state, 'h3', { type: 'battle.accept', battleId }, T0 + 5_000)
    expect(second.deliveries).toEqual([
      ended(invitation(battleId, 'h3'), 'accepted'),
      ...toRooms(['l1', 'l2', 'l3'], {
        type: 'battle.userJoined',
        battle: running(battleId, ['h1', 'h2', 'h3'], { h1: 0, h2: 0, h3: 0 }, true, start),
        user: H.h3!,
      }),
    ])
    expect(second.timers).toEqual([{ op: 'clear', key: `breq|${battleId}|h3` }])
    expectConsistent(second.state)
  })

  it('drops a battle nobody accepted once every request is rejected', () => {
    const one = must(state, 'h2', { type: 'battle.reject', battleId })
    expect(one.deliveries).toEqual([ended(invitation(battleId, 'h2'), 'rejected')])
    expect(one.state.battles.get(battleId)?.status).toBe('pending')
    const both = must(one.state, 'h3', { type: 'battle.reject', battleId })
    expect(both.deliveries).toEqual([ended(invitation(battleId, 'h3'), 'rejected')])
    expect(both.state.battles.size).toBe(0)
    expect(roomOf(both.state, 'l1').battleId).toBeNull()
    expect(both.state.deadlines.size).toBe(0)
  })

  it('times unanswered requests out, then drops the battle', () => {
    const result = ok(expire(state, T0 + 10_000))
    expect(result.deliveries).toEqual([ended(invitation(battleId, 'h2'), 'timeout'), ended(invitation(battleId, 'h3'), 'timeout')])
    expect(result.state.battles.size).toBe(0)
    expect(result.state.battleRequests.size).toBe(0)
    expect(roomOf(result.state, 'l1').battleId).toBeNull()
    expect(ok(expire(state, T0 + 9_999)).state).toBe(state)
  })

  it('lets the inviter cancel some invitations, ignoring hosts not invited', () => {
    const result = must(state, 'h1', { type: 'battle.cancel', battleId, userIdList: ['h2', 'h4'] })
    expect(result.deliveries).toEqual([ended(invitation(battleId, 'h2'), 'cancelled')])
    expect(result.timers).toEqual([{ op: 'clear', key: `breq|${battleId}|h2` }])
    expect(result.state.battles.get(battleId)?.status).toBe('pending') // h3 is still asked
    const all = must(result.state, 'h1', { type: 'battle.cancel', battleId, userIdList: ['h3'] })
    expect(all.state.battles.size).toBe(0)
  })

  it('withdraws every invitation when the inviter exits the battle', () => {
    const result = must(state, 'h1', { type: 'battle.exit', battleId })
    expect(result.deliveries).toEqual([ended(invitation(battleId, 'h2'), 'cancelled'), ended(invitation(battleId, 'h3'), 'cancelled')])
    expect(result.state.battles.size).toBe(0)
    expectConsistent(result.state)
  })

  it('ends the other invitations of a host who joins a battle', () => {
    const other = must(state, 'h2', { type: 'battle.request', config: config(true), userIdList: ['h1', 'h3'], timeout: 10 })
    expect(other.result.result).toEqual({ h1: BattleCode.BattlingOtherRoom, h3: BattleCode.Success }) // h1 waits in its own battle
    const y = other.result.battleId
    const result = must(other.state, 'h3', { type: 'battle.accept', battleId })
    expect(result.deliveries.filter((d) => d.event.type === 'battle.requestEnded').map((d) => d.event)).toEqual([
      { type: 'battle.requestEnded', request: invitation(battleId, 'h3'), outcome: 'accepted' },
      { type: 'battle.requestEnded', request: { ...invitation(y, 'h3'), inviter: H.h2 }, outcome: 'rejected' },
    ])
    expect(result.state.battles.has(y)).toBe(false) // nobody left to answer it
    expect(roomOf(result.state, 'l2').battleId).toBeNull()
    expectConsistent(result.state)
  })

  it.each<[string, UserId, Command, ErrorCode]>([
    ['accepting a battle not invited to', 'h1', { type: 'battle.accept', battleId }, ErrorCode.REQUEST_NOT_FOUND],
    ['accepting an unknown battle', 'h2', { type: 'battle.accept', battleId: 'nope' }, ErrorCode.REQUEST_NOT_FOUND],
    ['rejecting an unknown battle', 'h2', { type: 'battle.reject', battleId: 'nope' }, ErrorCode.REQUEST_NOT_FOUND],
    ['accepting as audience', 'a2', { type: 'battle.accept', battleId }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['accepting with no battleId', 'h2', { type: 'battle.accept' } as unknown as Command, ErrorCode.INVALID_ARGUMENT],
    ['cancelling as an invitee', 'h2', { type: 'battle.cancel', battleId, userIdList: ['h3'] }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['cancelling an unknown battle', 'h1', { type: 'battle.cancel', battleId: 'nope', userIdList: ['h2'] }, ErrorCode.BATTLE_NOT_FOUND],
    ['cancelling hosts not invited', 'h1', { type: 'battle.cancel', battleId, userIdList: ['h4'] }, ErrorCode.REQUEST_NOT_FOUND],
    ['cancelling an empty list', 'h1', { type: 'battle.cancel', battleId, userIdList: [] }, ErrorCode.INVALID_ARGUMENT],
    ['exiting a battle not joined yet', 'h2', { type: 'battle.exit', battleId }, ErrorCode.BATTLE_NOT_FOUND],
  ])('refuses %s', (_, actor, command, code) => refused(state, actor, command, code))
})

describe('a running battle', () => {
  const started = must(trio, 'h1', ask(['h2', 'h3'], false))
  const { battleId } = started.result
  const state = started.state

  it('ends at start + duration (timeOver), for every member of every battling room', () => {
    const scored = run(state, ['a2', { type: 'battle.addScore', battleId, userId: 'h2', value: 7 }])
    expect(ok(expire(scored, T0 + 299_999)).state).toBe(scored)
    const result = ok(expire(scored, T0 + 300_000, [`battle|${battleId}`]))
    expect(result.deliveries).toEqual(toRooms(['l1', 'l2', 'l3'], {
      type: 'battle.ended',
      battle: running(battleId, ['h1', 'h2', 'h3'], { h1: 0, h2: 7, h3: 0 }),
      reason: BattleEndedReason.timeOver,
    }))
    expect(result.timers).toEqual([{ op: 'clear', key: `battle|${battleId}` }])
    expect(result.state.battles.size).toBe(0)
    expect(['l1', 'l2', 'l3'].map((id) => roomOf(result.state, id).battleId)).toEqual([null, null, null])
    expect(battleSessionView(result.state, 'l2', 'a2').battle).toBeNull()
  })

  it('goes on while 2 users remain, then ends when all but one exited (allMemberExit)', () => {
    const first = must(state, 'h2', { type: 'battle.exit', battleId })
    const afterFirst = running(battleId, ['h1', 'h3'], { h1: 0, h3: 0 })
    expect(first.deliveries).toEqual(toRooms(['l1', 'l3', 'l2'], { type: 'battle.userExited', battle: afterFirst, user: H.h2! }))
    expect(first.timers).toEqual([])
    expect(roomOf(first.state, 'l2').battleId).toBeNull()
    expectConsistent(first.state)

    const last = must(first.state, 'h1', { type: 'battle.exit', battleId })
    const final = running(battleId, ['h3'], { h3: 0 })
    expect(last.deliveries).toEqual([
      ...toRooms(['l3', 'l1'], { type: 'battle.userExited', battle: final, user: H.h1! }),
      ...toRooms(['l3'], { type: 'battle.ended', battle: final, reason: BattleEndedReason.allMemberExit }),
    ])
    expect(last.timers).toEqual([{ op: 'clear', key: `battle|${battleId}` }])
    expect(last.state.battles.size).toBe(0)
    expect(last.state.deadlines.size).toBe(0)
  })

  it('cancels requests still pending when it ends', () => {
    const asked = must(trio, 'h1', ask(['h2', 'h3']))
    const id = asked.result.battleId
    const live = run(asked.state, ['h2', { type: 'battle.accept', battleId: id }])
    const result = must(live, 'h2', { type: 'battle.exit', battleId: id })
    expect(result.deliveries.map((d) => d.event.type)).toEqual(['battle.userExited', 'battle.userExited', 'battle.requestEnded', 'battle.ended'])
    expect(result.deliveries[2]).toEqual(ended(invitation(id, 'h3'), 'cancelled'))
    expect(result.state.battleRequests.size).toBe(0)
    expect(result.state.deadlines.size).toBe(0)
  })

  it('adds score from any member of a battling room and tells every battling room', () => {
    const one = must(state, 'a3', { type: 'battle.addScore', battleId, userId: 'h1', value: 5 })
    expect(one.deliveries).toEqual(toRooms(['l1', 'l2', 'l3'], {
      type: 'battle.scoreChanged',
      battle: running(battleId, ['h1', 'h2', 'h3'], { h1: 5, h2: 0, h3: 0 }),
    }))
    const two = must(one.state, 'h2', { type: 'battle.addScore', battleId, userId: 'h1', value: 2.5 })
    expect(two.state.battles.get(battleId)?.scores.get('h1')).toBe(7.5)
  })

  const pendingOne = must(trio, 'h1', ask(['h2']))
  it.each<[string, ModelState, UserId, Command, ErrorCode]>([
    ['a zero score', state, 'a1', { type: 'battle.addScore', battleId, userId: 'h1', value: 0 }, ErrorCode.INVALID_ARGUMENT],
    ['a negative score', state, 'a1', { type: 'battle.addScore', battleId, userId: 'h1', value: -1 }, ErrorCode.INVALID_ARGUMENT],
    ['a NaN score', state, 'a1', { type: 'battle.addScore', battleId, userId: 'h1', value: Number.NaN }, ErrorCode.INVALID_ARGUMENT],
    ['a score from a room not battling', state, 'a4', { type: 'battle.addScore', battleId, userId: 'h1', value: 1 }, ErrorCode.BATTLE_NOT_FOUND],
    ['a score for a user not battling', state, 'a1', { type: 'battle.addScore', battleId, userId: 'a1', value: 1 }, ErrorCode.BATTLE_NOT_FOUND],
    ['a score for an unknown battle', state, 'a1', { type: 'battle.addScore', battleId: 'nope', userId: 'h1', value: 1 }, ErrorCode.BATTLE_NOT_FOUND],
    ['a score before the battle started', pendingOne.state, 'a1', { type: 'battle.addScore', battleId: pendingOne.result.battleId, userId: 'h1', value: 1 }, ErrorCode.BATTLE_NOT_FOUND],
    ['a score from a user in no live', state, 'loner', { type: 'battle.addScore', battleId, userId: 'h1', value: 1 }, ErrorCode.NOT_IN_ROOM],
    ['an exit by a host not in it', state, 'h4', { type: 'battle.exit', battleId }, ErrorCode.BATTLE_NOT_FOUND],
    ['an exit by audience', state, 'a1', { type: 'battle.exit', battleId }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s', (_, s, actor, command, code) => refused(s, actor, command, code))
})

describe('hosts leaving the connection or the live', () => {
  const three = must(trio, 'h1', ask(['h2', 'h3'], false))
  const battleId = three.result.battleId
  const two = must(trio, 'h1', ask(['h2'], false))

  it('exiting the connection exits the battle first; it goes on while 2 remain', () => {
    const result = must(three.state, 'h2', { type: 'coHost.exit' })
    expect(result.deliveries.map((d) => d.event.type)).toEqual([
      'battle.userExited', 'battle.userExited', 'battle.userExited',
      'coHost.connectionChanged', 'coHost.connectionChanged', 'coHost.connectionChanged',
    ])
    expect(result.state.battles.get(battleId)?.userIds).toEqual(['h1', 'h3'])
    expectConsistent(result.state)
  })

  it.each<[string, Command]>([
    ['exiting the connection', { type: 'coHost.exit' }],
    ['ending the live', { type: 'live.end' }],
    ['leaving the live', { type: 'live.leave' }],
  ])('%s ends a two-host battle (allMemberExit)', (_, command) => {
    const result = must(two.state, 'h2', command)
    const endedEvent = result.deliveries.find((d) => d.event.type === 'battle.ended')
    expect(endedEvent).toEqual({
      to: { room: 'l1' },
      event: { type: 'battle.ended', battle: running(two.result.battleId, ['h1'], { h1: 0 }), reason: BattleEndedReason.allMemberExit },
    })
    expect(result.state.battles.size).toBe(0)
    expect(roomOf(result.state, 'l1').battleId).toBeNull()
    expect(result.state.deadlines.size).toBe(0)
    expectConsistent(result.state)
  })

  it('an invitee leaving ends its invitation as left, dropping a battle nobody else was asked to', () => {
    const asked = must(trio, 'h1', ask(['h2']))
    const result = must(asked.state, 'h2', { type: 'live.end' })
    expect(result.deliveries[0]).toEqual(ended(invitation(asked.result.battleId, 'h2'), 'left'))
    expect(result.state.battles.size).toBe(0)
    expect(roomOf(result.state, 'l1').battleId).toBeNull()
    expectConsistent(result.state)
  })

  it('an inviter leaving withdraws its invitations as left', () => {
    const asked = must(trio, 'h1', ask(['h2', 'h3']))
    const result = must(asked.state, 'h1', { type: 'coHost.exit' })
    expect(result.deliveries.slice(0, 2)).toEqual([
      ended(invitation(asked.result.battleId, 'h2'), 'left'),
      ended(invitation(asked.result.battleId, 'h3'), 'left'),
    ])
    expect(result.state.battles.size).toBe(0)
    expect(result.state.battleRequests.size).toBe(0)
    expectConsistent(result.state)
  })

  it('exitBattles does nothing for a user in no battle or no live', () => {
    for (const userId of ['h4', 'loner', 'ghost']) {
      const tx = createTx(three.state, { actor: '', now: T0 })
      exitBattles(tx, userId)
      expect(tx.state).toBe(three.state)
      expect(tx.deliveries).toEqual([])
    }
  })
})

describe('invariants under any sequence of co-host and battle commands', () => {
  /** Runs: FC_RUNS (the benchmark profile sets 10,000), else a CI-sized default. */
  const numRuns = Number(process.env.FC_RUNS ?? 200)
  const ids = ['1', '2', '3', '4']
  const n = fc.constantFrom(...ids)
  const step = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('connect' as const), actor: n, target: n }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('battle' as const), actor: n, invitees: fc.subarray(ids), needResponse: fc.boolean(), timeout: fc.constantFrom(0, 3) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'reject' as const, 'cancel' as const, 'exit' as const, 'score' as const), actor: n }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('coHost.exit' as const, 'expire' as const), actor: n }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('live.end' as const), actor: n }) },
  )
  type Step = typeof step extends fc.Arbitrary<infer S> ? S : never

  /** One step as a command: answers go to whatever the actor was asked, so battles actually happen. */
  function toCommand(state: ModelState, s: Step): Command {
    const liveId = `l${s.actor}`
    const invited = battleSessionView(state, liveId, `h${s.actor}`).battleRequests[0]?.battleId ?? 'none'
    const mine = state.rooms.get(liveId)?.battleId ?? 'none'
    switch (s.kind) {
      case 'connect': return { type: 'coHost.request', liveId: `l${s.target}`, timeout: 0 }
      case 'battle': return { type: 'battle.request', config: { duration: 5, needResponse: s.needResponse, extensionInfo: '' }, userIdList: s.invitees.map((i) => `h${i}`), timeout: s.timeout }
      case 'accept': return { type: 'battle.accept', battleId: invited }
      case 'reject': return { type: 'battle.reject', battleId: invited }
      case 'cancel': return { type: 'battle.cancel', battleId: mine, userIdList: ids.map((i) => `h${i}`) }
      case 'exit': return { type: 'battle.exit', battleId: mine }
      case 'score': return { type: 'battle.addScore', battleId: mine, userId: `h${s.actor}`, value: 1 }
      case 'coHost.exit': return { type: 'coHost.exit' }
      default: return { type: 'live.end' }
    }
  }

  it('keeps battles, rooms, requests and deadlines in agreement', () => {
    let battled = 0
    fc.assert(fc.property(fc.array(step, { minLength: 20, maxLength: 50 }), (steps) => {
      let state = lives
      let now = T0
      for (const s of steps) {
        now += 1_000
        const result = s.kind === 'expire' ? expire(state, now) : reduce(state, toCommand(state, s), { actor: `h${s.actor}`, now })
        if (!result.ok) expect(result.state).toBe(state)
        state = result.state
        // a connect step is a request its target accepts at once
        if (s.kind === 'connect' && result.ok) state = reduce(state, { type: 'coHost.accept', liveId: `l${s.actor}` }, { actor: `h${s.target}`, now }).state
        expectConsistent(state)
        if (state.battles.some((b) => b.status === 'running')) battled += 1
      }
    }), { numRuns })
    expect(battled).toBeGreaterThan(0)
  }, Math.max(30_000, numRuns * 20)) // generous: CI machines are shared and slow
})
