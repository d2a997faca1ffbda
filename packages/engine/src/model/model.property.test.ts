import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createState, expire, nextDeadline, reduce } from './reduce'
import {
  CallMediaType, CallParticipantStatus, CoHostLayoutTemplate, MoveSeatPolicy, SeatMode,
  type Command, type LiveId, type ModelState, type ReduceResult, type Room, type UserId,
} from './types'

/** Runs per property: FC_RUNS (the benchmark profile sets 10,000), else 200. */
const numRuns = Number(process.env.FC_RUNS ?? 200)

const USERS: readonly UserId[] = Array.from({ length: 22 }, (_, i) => `u${i}`)
const LIVES: readonly LiveId[] = ['r0', 'r1', 'r2', 'r3']
const T0 = 1_700_000_000_000

/**
 * One random step. Numbers pick users, rooms and pending requests from the CURRENT state when the
 * step runs, so a sequence stays meaningful however earlier steps went, and shrinks well.
 */
interface Step {
  readonly kind: Kind
  readonly who: number
  readonly a: number
  readonly b: number
  readonly flag: boolean
  /** seconds: a request's timeout, or how far a `tick` moves the clock */
  readonly timeout: number
}

const pick = <T>(list: Iterable<T>, n: number): T | undefined => {
  const all = [...list]
  return all.length === 0 ? undefined : all[n % all.length]
}
const user = (n: number): UserId => USERS[n % USERS.length]!
const live = (s: ModelState, n: number): Room | undefined => pick(s.rooms.values(), n)
/** The owner of some live (most host commands come from one), or any user. */
const owner = (s: ModelState, n: number): UserId => live(s, n)?.ownerId ?? user(n)
/** A member of some live: the `m`-th of the `n`-th live. */
const member = (s: ModelState, n: number, m: number): UserId => pick(live(s, n)?.members.keys() ?? [], m) ?? user(m)
/** A logged-in user in no live, or any user. */
const idle = (s: ModelState, n: number): UserId => pick([...s.users.values()].filter((u) => u.liveId === null).map((u) => u.userId), n) ?? user(n)
/** A seated guest (not the owner) of the `n`-th live, or a member. */
const guest = (s: ModelState, n: number, m: number): UserId =>
  pick(live(s, n)?.seats.slice(1).filter((seat) => seat.userId).map((seat) => seat.userId) ?? [], m) ?? member(s, n, m)
const liveId = (s: ModelState, n: number): LiveId => pick(s.rooms.keys(), n) ?? LIVES[n % LIVES.length]!
const LAYOUTS = [CoHostLayoutTemplate.HostDynamicGrid, CoHostLayoutTemplate.HostDynamic1v6, CoHostLayoutTemplate.HostVideoLandscapeFixed2Seats]
const POLICIES = [MoveSeatPolicy.AbortWhenOccupied, MoveSeatPolicy.ForceReplace, MoveSeatPolicy.SwapPosition]

type Build = (s: ModelState, step: Step) => [UserId, Command]

/**
 * What each step kind does, with its weight. Actors and targets are picked where the command can
 * succeed (an idle user starts a live, a member applies, the owner of a connected room asks for a
 * battle), so runs reach deep states; `play` still swaps in a random actor now and then.
 */
const builders = {
  login: [1, (s, { who }) => [pick(USERS.filter((id) => !s.users.has(id)), who) ?? user(who), { type: 'user.login' }]],
  logout: [1, (_s, { who }) => [user(who), { type: 'user.logout' }]],
  disconnect: [1, (_s, { who }) => [user(who), { type: 'user.disconnect' }]],
  start: [2, (s, { who, a, b, flag }) => [idle(s, who), {
    type: 'live.start', liveId: LIVES[a % LIVES.length]!, seatMode: flag ? SeatMode.FreeToTake : SeatMode.ApplyToTake,
    ...(b % 3 === 0 ? {} : { maxSeatCount: 1 + (b % 8) }),
  }]],
  join: [3, (s, { who, a }) => [idle(s, who), { type: 'live.join', liveId: liveId(s, a) }]],
  leave: [1, (s, { who, a }) => [member(s, who, a), { type: 'live.leave' }]],
  end: [1, (s, { who }) => [owner(s, who), { type: 'live.end' }]],
  setAdmin: [2, (s, { who, a, flag }) => [owner(s, who), { type: flag ? 'member.setAdmin' : 'member.revokeAdmin', userId: member(s, who, a) }]],
  kick: [1, (s, { who, a }) => [owner(s, who), { type: 'member.kick', userId: member(s, who, a) }]],
  take: [2, (s, { who, a, b }) => [member(s, who, a), { type: 'seat.take', seatIndex: (b % 10) - 1 }]],
  seatLeave: [2, (s, { who, a }) => [guest(s, who, a), { type: 'seat.leave' }]],
  lock: [1, (s, { who, a, flag }) => [owner(s, who), { type: 'seat.lock', seatIndex: a % 9, isLocked: flag }]],
  seatKick: [1, (s, { who, a }) => [owner(s, who), { type: 'seat.kick', userId: guest(s, who, a) }]],
  move: [2, (s, { who, a, b }) => [owner(s, who), { type: 'seat.move', userId: guest(s, who, a), targetIndex: b % 9, policy: POLICIES[b % 3]! }]],
  apply: [4, (s, { who, a, b, timeout }) => [member(s, who, a), { type: 'coGuest.apply', seatIndex: (b % 10) - 1, timeout }]],
  cancelApplication: [1, (s, { who, a }) => [pick(live(s, who)?.applications.keys() ?? [], a) ?? user(a), { type: 'coGuest.cancelApplication' }]],
  answerApplication: [3, (s, { who, a, flag }) => {
    const room = pick([...s.rooms.values()].filter((r) => r.applications.size > 0), who)
    const host = room ? pick([room.ownerId, ...room.adminIds], a)! : owner(s, who)
    return [host, { type: flag ? 'coGuest.accept' : 'coGuest.reject', userId: pick(room?.applications.keys() ?? [], a) ?? user(a) }]
  }],
  invite: [3, (s, { who, a, b, timeout }) => [owner(s, who), { type: 'coGuest.invite', userId: member(s, who, a), seatIndex: (b % 10) - 1, timeout }]],
  cancelInvitation: [1, (s, { who, a }) => [owner(s, who), { type: 'coGuest.cancelInvitation', userId: pick(live(s, who)?.invitations.keys() ?? [], a) ?? user(a) }]],
  answerInvitation: [3, (s, { who, flag }) => {
    const invitation = pick([...s.rooms.values()].flatMap((r) => [...r.invitations.values()]), who)
    return [invitation?.inviteeId ?? user(who), { type: flag ? 'coGuest.acceptInvitation' : 'coGuest.rejectInvitation', inviterId: invitation?.inviterId ?? user(who + 1) }]
  }],
  coHostRequest: [3, (s, { who, a, b, timeout }) => [owner(s, who), { type: 'coHost.request', liveId: liveId(s, a), timeout, layoutTemplate: LAYOUTS[b % 3]! }]],
  coHostCancel: [1, (s, { who }) => {
    const request = pick(s.coHostRequests.values(), who)
    return [request?.fromUserId ?? owner(s, who), { type: 'coHost.cancel', liveId: request?.toLiveId ?? liveId(s, who) }]
  }],
  coHostAnswer: [3, (s, { who, flag }) => {
    const request = pick(s.coHostRequests.values(), who)
    return [request?.toUserId ?? owner(s, who), { type: flag ? 'coHost.accept' : 'coHost.reject', liveId: request?.fromLiveId ?? liveId(s, who) }]
  }],
  coHostExit: [1, (s, { who }) => [owner(s, who), { type: 'coHost.exit' }]],
  battleRequest: [3, (s, { who, a, b, flag, timeout }) => {
    const hosts = (pick(s.connections.values(), who)?.liveIds ?? []).map((id) => s.rooms.get(id)!.ownerId)
    const inviter = pick(hosts, a) ?? owner(s, who)
    const invitees = hosts.filter((id) => id !== inviter && (b % 2 === 0 || id === pick(hosts, b)))
    return [inviter, { type: 'battle.request', timeout, userIdList: invitees, config: { duration: 5 + (b % 60), needResponse: flag, extensionInfo: '' } }]
  }],
  battleCancel: [1, (s, { who, a }) => {
    const request = pick(s.battleRequests.values(), a)
    return [s.battles.get(request?.battleId ?? '')?.inviterId ?? owner(s, who), { type: 'battle.cancel', battleId: request?.battleId ?? 'none', userIdList: [request?.inviteeId ?? user(a)] }]
  }],
  battleAnswer: [3, (s, { who, flag }) => {
    const request = pick(s.battleRequests.values(), who)
    return [request?.inviteeId ?? owner(s, who), { type: flag ? 'battle.accept' : 'battle.reject', battleId: request?.battleId ?? 'none' }]
  }],
  battleExit: [1, (s, { who, a }) => {
    const battle = pick(s.battles.values(), a)
    return [pick(battle?.userIds ?? [], who) ?? owner(s, who), { type: 'battle.exit', battleId: battle?.battleId ?? 'none' }]
  }],
  battleScore: [2, (s, { who, a, b }) => {
    const battle = pick(s.battles.values(), a)
    return [member(s, who, a), { type: 'battle.addScore', battleId: battle?.battleId ?? 'none', userId: pick(battle?.userIds ?? [], b) ?? user(b), value: b % 100 }]
  }],
  callStart: [2, (_s, { who, a, b, flag }) => [user(who), {
    type: 'call.start', userIdList: flag ? [user(a)] : [user(a), user(b)], mediaType: CallMediaType.Audio, timeout: flag ? 10 : 0,
  }]],
  callAnswer: [3, (s, { who, a, flag }) => {
    const ringing = [...s.calls.values()].flatMap((call) => [...call.participants].filter(([, m]) => m.status === CallParticipantStatus.Waiting).map(([id]) => id))
    return [pick(ringing, who) ?? user(who), { type: a % 3 === 0 ? 'call.ignore' : flag ? 'call.accept' : 'call.reject' }]
  }],
  callHangup: [1, (s, { who }) => [pick(s.userCalls.keys(), who) ?? user(who), { type: 'call.hangup' }]],
} satisfies Record<string, readonly [number, Build]>

type Kind = keyof typeof builders | 'tick'

// each kind as often as its weight; ticks often enough that timeouts really fire
const kinds: readonly Kind[] = [
  ...Object.entries(builders).flatMap(([kind, [weight]]) => Array<Kind>(weight).fill(kind as Kind)),
  ...Array<Kind>(8).fill('tick'),
]

const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...kinds),
  who: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  flag: fc.boolean(),
  timeout: fc.constantFrom(0, 1, 5, 30),
})

/** Every user logged in, three lives with audiences, r0 and r2 co-hosting: random steps start from an interesting world. */
function prelude(): ModelState {
  let state = createState()
  const run = (actor: UserId, command: Command) => {
    const result = reduce(state, command, { actor, now: T0 })
    if (!result.ok) throw new Error(`prelude: ${command.type} by ${actor} refused: ${result.error.message}`)
    state = result.state
  }
  for (const userId of USERS) run(userId, { type: 'user.login' })
  LIVES.slice(0, 3).forEach((liveId, i) => run(user(i), { type: 'live.start', liveId, seatMode: i === 1 ? SeatMode.FreeToTake : SeatMode.ApplyToTake }))
  for (let i = 3; i < 18; i++) run(user(i), { type: 'live.join', liveId: LIVES[i % 3]! })
  run(user(0), { type: 'coHost.request', liveId: 'r2', timeout: 0 })
  run(user(2), { type: 'coHost.accept', liveId: 'r0' })
  return state
}

/** Built once: states are immutable, so every run can start from the same one. */
const START = prelude()

// ── invariants ──────────────────────────────────────────────────────────────

/** A cheap assertion: these run after every step of every run, where `expect` would dominate the time. */
function holds(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message())
}

/** Every deadline the state should hold, derived from its pending entries: key → ms (null: calls keep no expiry). */
function expectedDeadlines(state: ModelState): Map<string, number | null> {
  const expected = new Map<string, number | null>()
  const add = (key: string, at: number | null) => at !== null && expected.set(key, at)
  for (const [liveId, room] of state.rooms) {
    for (const [userId, application] of room.applications) add(`app|${liveId}|${userId}`, application.expiresAt)
    for (const [inviteeId, invitation] of room.invitations) add(`inv|${liveId}|${inviteeId}`, invitation.expiresAt)
  }
  for (const request of state.coHostRequests.values()) add(`cohost|${request.requestId}`, request.expiresAt)
  for (const [key, request] of state.battleRequests) add(`breq|${key}`, request.expiresAt)
  for (const [battleId, battle] of state.battles) add(`battle|${battleId}`, battle.status === 'running' ? battle.endsAt : null)
  for (const [callId, call] of state.calls) {
    for (const [userId, member] of call.participants) if (member.status === CallParticipantStatus.Waiting) expected.set(`call|${callId}|${userId}`, null)
  }
  return expected
}

function checkInvariants(state: ModelState, before: ModelState): void {
  const seatOf = new Map<UserId, LiveId>()
  for (const [liveId, room] of state.rooms) {
    for (const seat of room.seats) {
      if (!seat.userId) continue
      holds(!seatOf.has(seat.userId), () => `${seat.userId} sits on two seats`)
      holds(room.members.has(seat.userId), () => `${seat.userId} sits in ${liveId} without being a member`)
      seatOf.set(seat.userId, liveId)
    }
    const earlier = before.rooms.get(liveId)
    holds(room.seats.length === room.info.maxSeatCount && (earlier?.seq !== room.seq || earlier.seats.length === room.seats.length), () => `${liveId} changed its seat count`)
    holds(room.seats[0]?.userId === room.ownerId, () => `the owner of ${liveId} left seat 0`)
    for (const userId of room.members.keys()) holds(state.users.get(userId)?.liveId === liveId, () => `${userId} is a member of ${liveId} but elsewhere`)
    if (room.connectionId !== null) holds(state.connections.get(room.connectionId)?.liveIds.includes(liveId) === true, () => `${liveId} points at a connection that does not list it`)
    if (room.battleId !== null) holds(state.battles.get(room.battleId)?.userIds.includes(room.ownerId) === true, () => `${liveId} points at a battle its owner is not in`)
  }
  for (const [userId, record] of state.users) {
    holds(record.liveId === null || state.rooms.get(record.liveId)?.members.has(userId) === true, () => `${userId} is in ${record.liveId} but not a member`)
  }
  for (const [liveId, room] of state.rooms) {
    for (const userId of [...room.applications.keys(), ...room.invitations.keys()]) {
      holds(!seatOf.has(userId), () => `${userId} is seated with a pending co-guest request`)
      holds(room.members.has(userId), () => `${userId} waits for a seat in ${liveId} without being a member`)
    }
  }
  // the co-host connected relation is symmetric: every listed room points back at its connection
  for (const [connectionId, connection] of state.connections) {
    holds(connection.liveIds.length >= 2 && new Set(connection.liveIds).size === connection.liveIds.length, () => `${connectionId} lists ${connection.liveIds.join()}`)
    for (const liveId of connection.liveIds) holds(state.rooms.get(liveId)?.connectionId === connectionId, () => `${liveId} is listed by ${connectionId} but not connected to it`)
  }
  for (const [battleId, battle] of state.battles) {
    for (const userId of battle.userIds) holds(state.rooms.get(state.users.get(userId)?.liveId ?? '')?.battleId === battleId, () => `${userId} battles in ${battleId} from elsewhere`)
  }
  // every pending entry has a deadline iff it has a timeout, and no deadline outlives its entry
  const expected = expectedDeadlines(state)
  holds(expected.size === state.deadlines.size, () => `deadlines ${[...state.deadlines.keys()].join()} for entries ${[...expected.keys()].join()}`)
  for (const [key, at] of expected) holds(state.deadlines.has(key) && (at === null || state.deadlines.get(key) === at), () => `deadline ${key} missing or wrong`)
  // calls: a user is busy exactly while they are a participant
  for (const [userId, callId] of state.userCalls) holds(state.calls.get(callId)?.participants.has(userId) === true, () => `${userId} busy in ${callId} without being in it`)
  for (const [callId, call] of state.calls) for (const userId of call.participants.keys()) holds(state.userCalls.get(userId) === callId, () => `${userId} in ${callId} but not busy with it`)
}

function checkResult(before: ModelState, result: ReduceResult): ModelState {
  if (!result.ok) {
    holds(result.state === before, () => `a refusal (${result.error.message}) returned another state`)
    return before
  }
  holds(result.state === before || result.state.version === before.version + 1, () => 'an accepted change did not bump the version by one')
  checkInvariants(result.state, before)
  return result.state
}

/** Runs `steps` from the prelude, checking every invariant after each; returns the last state. */
function play(steps: readonly Step[]): ModelState {
  let state = START
  let now = T0
  for (const s of steps) {
    if (s.kind === 'tick') {
      now += s.timeout * 1_000 + s.a % 1_000
      // like the hub: one expiry per due timer, earliest first
      const due = [...state.deadlines].filter(([, at]) => at <= now).sort(([, x], [, y]) => x - y)
      for (const [key] of due) state = checkResult(state, expire(state, now, [key]))
      continue
    }
    const [actor, command] = builders[s.kind][1](state, s)
    // now and then somebody else sends it: most of those must be refused
    state = checkResult(state, reduce(state, command, { actor: s.b % 7 === 0 ? user(s.b) : actor, now }))
  }
  return state
}

/** Runs past every deadline, following the ones expiring starts, checking invariants all the way. */
function expireAll(state: ModelState): ModelState {
  for (let at = nextDeadline(state), rounds = 0; at !== null; at = nextDeadline(state), rounds++) {
    expect(rounds, 'deadlines keep coming').toBeLessThan(100)
    state = checkResult(state, expire(state, at))
  }
  return state
}

describe('room model properties', () => {
  // one property checks both: each run replays a whole sequence, the expensive part
  it(`keeps every invariant under random interleavings by ${USERS.length} users in ${LIVES.length} lives, and leaves no pending timed entry once time runs past every deadline (${numRuns} runs)`, () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 60, size: 'max' }), (steps) => {
      const state = expireAll(play(steps))
      expect(state.deadlines.size).toBe(0)
      for (const room of state.rooms.values()) {
        expect([...room.applications.values(), ...room.invitations.values()].every((entry) => entry.expiresAt === null)).toBe(true)
      }
      expect([...state.coHostRequests.values()].every((request) => request.expiresAt === null)).toBe(true)
      expect([...state.battleRequests.values()].every((request) => request.expiresAt === null)).toBe(true)
      expect([...state.calls.values()].every((call) => call.participants.every((m) => m.status !== CallParticipantStatus.Waiting))).toBe(true)
    }), { numRuns })
  }, Math.max(30_000, numRuns * 20))
})
