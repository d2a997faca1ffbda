import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createState, expire, nextDeadline, reduce } from './reduce'
import {
  CallMediaType, CallParticipantStatus, CoHostLayoutTemplate, MoveSeatPolicy, SeatMode,
  type Command, type LiveId, type ModelState, type ReduceResult, type UserId,
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
  /** seconds (for requests) or ms (for `tick`) */
  readonly timeout: number
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length])
const user = (n: number): UserId => USERS[n % USERS.length]!
const owners = (state: ModelState): UserId[] => [...state.rooms.values()].map((room) => room.ownerId)
const owner = (state: ModelState, n: number): UserId => pick(owners(state), n) ?? user(n)

/** Builds the command a step stands for: [actor, command], or a clock tick. */
const builders = {
  login: (_s: ModelState, { who }: Step) => [user(who), { type: 'user.login' }],
  logout: (_s: ModelState, { who }: Step) => [user(who), { type: 'user.logout' }],
  disconnect: (_s: ModelState, { who }: Step) => [user(who), { type: 'user.disconnect' }],
  start: (_s: ModelState, { who, a, b, flag }: Step) => [user(who), {
    type: 'live.start', liveId: LIVES[a % LIVES.length]!, seatMode: flag ? SeatMode.FreeToTake : SeatMode.ApplyToTake,
    ...(b % 3 === 0 ? {} : { maxSeatCount: 1 + (b % 8) }),
  }],
  join: (_s: ModelState, { who, a }: Step) => [user(who), { type: 'live.join', liveId: LIVES[a % LIVES.length]! }],
  leave: (_s: ModelState, { who }: Step) => [user(who), { type: 'live.leave' }],
  end: (s: ModelState, { who }: Step) => [owner(s, who), { type: 'live.end' }],
  setAdmin: (s: ModelState, { who, a, flag }: Step) => [owner(s, who), { type: flag ? 'member.setAdmin' : 'member.revokeAdmin', userId: user(a) }],
  kick: (s: ModelState, { who, a }: Step) => [owner(s, who), { type: 'member.kick', userId: user(a) }],
  take: (_s: ModelState, { who, a }: Step) => [user(who), { type: 'seat.take', seatIndex: (a % 10) - 1 }],
  seatLeave: (_s: ModelState, { who }: Step) => [user(who), { type: 'seat.leave' }],
  lock: (s: ModelState, { who, a, flag }: Step) => [owner(s, who), { type: 'seat.lock', seatIndex: a % 9, isLocked: flag }],
  seatKick: (s: ModelState, { who, a }: Step) => [owner(s, who), { type: 'seat.kick', userId: user(a) }],
  move: (s: ModelState, { who, a, b }: Step) => [owner(s, who), {
    type: 'seat.move', userId: user(a), targetIndex: b % 9,
    policy: [MoveSeatPolicy.AbortWhenOccupied, MoveSeatPolicy.ForceReplace, MoveSeatPolicy.SwapPosition][b % 3]!,
  }],
  apply: (_s: ModelState, { who, a, timeout }: Step) => [user(who), { type: 'coGuest.apply', seatIndex: (a % 10) - 1, timeout }],
  cancelApplication: (_s: ModelState, { who }: Step) => [user(who), { type: 'coGuest.cancelApplication' }],
  answerApplication: (s: ModelState, { who, a, flag }: Step) => {
    const room = pick([...s.rooms.values()].filter((r) => r.applications.size > 0), who)
    const applicant = room ? pick([...room.applications.keys()], a)! : user(a)
    return [room ? pick([room.ownerId, ...room.adminIds], a)! : owner(s, who), { type: flag ? 'coGuest.accept' : 'coGuest.reject', userId: applicant }]
  },
  invite: (s: ModelState, { who, a, b, timeout }: Step) => [owner(s, who), { type: 'coGuest.invite', userId: user(a), seatIndex: (b % 10) - 1, timeout }],
  cancelInvitation: (s: ModelState, { who, a }: Step) => [owner(s, who), { type: 'coGuest.cancelInvitation', userId: user(a) }],
  answerInvitation: (s: ModelState, { who, flag }: Step) => {
    const invitation = pick([...s.rooms.values()].flatMap((r) => [...r.invitations.values()]), who)
    return [invitation?.inviteeId ?? user(who), { type: flag ? 'coGuest.acceptInvitation' : 'coGuest.rejectInvitation', inviterId: invitation?.inviterId ?? user(who + 1) }]
  },
  coHostRequest: (s: ModelState, { who, a, b, timeout }: Step) => [owner(s, who), {
    type: 'coHost.request', liveId: LIVES[a % LIVES.length]!, timeout,
    layoutTemplate: [CoHostLayoutTemplate.HostDynamicGrid, CoHostLayoutTemplate.HostDynamic1v6, CoHostLayoutTemplate.HostVideoLandscapeFixed2Seats][b % 3]!,
  }],
  coHostCancel: (s: ModelState, { who, a }: Step) => [owner(s, who), { type: 'coHost.cancel', liveId: LIVES[a % LIVES.length]! }],
  coHostAnswer: (s: ModelState, { who, flag }: Step) => {
    const request = pick([...s.coHostRequests.values()], who)
    return [request?.toUserId ?? owner(s, who), { type: flag ? 'coHost.accept' : 'coHost.reject', liveId: request?.fromLiveId ?? LIVES[who % LIVES.length]! }]
  },
  coHostExit: (s: ModelState, { who }: Step) => [owner(s, who), { type: 'coHost.exit' }],
  battleRequest: (s: ModelState, { who, a, b, flag, timeout }: Step) => [owner(s, who), {
    type: 'battle.request', timeout, userIdList: [owner(s, a), owner(s, b)],
    config: { duration: 5 + (b % 60), needResponse: flag, extensionInfo: '' },
  }],
  battleCancel: (s: ModelState, { who, a }: Step) => {
    const request = pick([...s.battleRequests.values()], a)
    return [s.battles.get(request?.battleId ?? '')?.inviterId ?? owner(s, who), { type: 'battle.cancel', battleId: request?.battleId ?? 'none', userIdList: [request?.inviteeId ?? user(a)] }]
  },
  battleAnswer: (s: ModelState, { who, flag }: Step) => {
    const request = pick([...s.battleRequests.values()], who)
    return [request?.inviteeId ?? owner(s, who), { type: flag ? 'battle.accept' : 'battle.reject', battleId: request?.battleId ?? 'none' }]
  },
  battleExit: (s: ModelState, { who, a }: Step) => {
    const battle = pick([...s.battles.values()], a)
    return [battle ? pick(battle.userIds, who)! : owner(s, who), { type: 'battle.exit', battleId: battle?.battleId ?? 'none' }]
  },
  battleScore: (s: ModelState, { who, a, b }: Step) => {
    const battle = pick([...s.battles.values()], a)
    return [user(who), { type: 'battle.addScore', battleId: battle?.battleId ?? 'none', userId: battle ? pick(battle.userIds, b)! : user(b), value: b % 100 }]
  },
  callStart: (_s: ModelState, { who, a, b, flag }: Step) => [user(who), {
    type: 'call.start', userIdList: flag ? [user(a)] : [user(a), user(b)], mediaType: CallMediaType.Audio, timeout: flag ? 10 : 0,
  }],
  callAnswer: (s: ModelState, { who, a, flag }: Step) => {
    const ringing = [...s.calls.values()].flatMap((call) => [...call.participants].filter(([, m]) => m.status === CallParticipantStatus.Waiting).map(([id]) => id))
    return [pick(ringing, who) ?? user(who), { type: a % 3 === 0 ? 'call.ignore' : flag ? 'call.accept' : 'call.reject' }]
  },
  callHangup: (s: ModelState, { who }: Step) => [pick([...s.userCalls.keys()], who) ?? user(who), { type: 'call.hangup' }],
} satisfies Record<string, (state: ModelState, step: Step) => [UserId, Command]>

type Kind = keyof typeof builders | 'tick'

// ticks are common so that timeouts really fire; the rest are equally likely
const kinds: readonly Kind[] = [...(Object.keys(builders) as Kind[]), 'tick', 'tick', 'tick']

const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...kinds),
  who: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  flag: fc.boolean(),
  timeout: fc.constantFrom(0, 1, 5, 30),
})

/** Every user logged in, three lives with audiences, so random steps start from an interesting world. */
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
  return state
}

// ── invariants ──────────────────────────────────────────────────────────────

/** Every deadline the state should hold, derived from its pending entries: key → ms (null = any time). */
function expectedDeadlines(state: ModelState): Map<string, number | null> {
  const expected = new Map<string, number | null>()
  const add = (key: string, at: number | null) => at !== null && expected.set(key, at)
  for (const [liveId, room] of state.rooms) {
    for (const [userId, application] of room.applications) add(`app|${liveId}|${userId}`, application.expiresAt)
    for (const [inviteeId, invitation] of room.invitations) add(`inv|${liveId}|${inviteeId}`, invitation.expiresAt)
  }
  for (const request of state.coHostRequests.values()) add(`cohost|${request.requestId}`, request.expiresAt)
  for (const [callId, call] of state.calls) {
    for (const [userId, member] of call.participants) if (member.status === CallParticipantStatus.Waiting) expected.set(`call|${callId}|${userId}`, null)
  }
  return expected
}

function checkInvariants(state: ModelState, before: ModelState): void {
  const seatOf = new Map<UserId, LiveId>()
  for (const [liveId, room] of state.rooms) {
    // a user sits on at most one seat, across all rooms
    for (const seat of room.seats) {
      if (!seat.userId) continue
      expect(seatOf.get(seat.userId), `${seat.userId} seated twice`).toBeUndefined()
      seatOf.set(seat.userId, liveId)
      expect(room.members.has(seat.userId), `${seat.userId} seated in ${liveId} without being a member`).toBe(true)
    }
    // the seat count is the room's, for its whole life; the owner keeps seat 0
    expect(room.seats.length).toBe(room.info.maxSeatCount)
    const earlier = before.rooms.get(liveId)
    if (earlier?.seq === room.seq) expect(room.seats.length).toBe(earlier.seats.length)
    expect(room.seats[0]?.userId, `owner of ${liveId} off seat 0`).toBe(room.ownerId)
    // members and users agree on who is where
    for (const userId of room.members.keys()) expect(state.users.get(userId)?.liveId).toBe(liveId)
    // co-host: a room in a connection is listed by it
    if (room.connectionId !== null) expect(state.connections.get(room.connectionId)?.liveIds).toContain(liveId)
  }
  for (const [userId, record] of state.users) if (record.liveId !== null) expect(state.rooms.get(record.liveId)?.members.has(userId)).toBe(true)
  for (const room of state.rooms.values()) {
    // nobody is both waiting for a seat and seated; only members wait
    for (const userId of [...room.applications.keys(), ...room.invitations.keys()]) {
      expect(seatOf.has(userId), `${userId} seated with a pending co-guest request`).toBe(false)
      expect(room.members.has(userId)).toBe(true)
    }
  }
  // the co-host connected relation is symmetric: every listed room points back at its connection
  for (const [connectionId, connection] of state.connections) {
    expect(connection.liveIds.length).toBeGreaterThanOrEqual(2)
    expect(new Set(connection.liveIds).size).toBe(connection.liveIds.length)
    for (const liveId of connection.liveIds) expect(state.rooms.get(liveId)?.connectionId).toBe(connectionId)
  }
  // every pending entry has a deadline iff it has a timeout, and no deadline outlives its entry
  const expected = expectedDeadlines(state)
  expect([...state.deadlines.keys()].sort()).toEqual([...expected.keys()].sort())
  for (const [key, at] of expected) if (at !== null) expect(state.deadlines.get(key), key).toBe(at)
  // calls: a user is busy exactly while they are a participant
  for (const [userId, callId] of state.userCalls) expect(state.calls.get(callId)?.participants.has(userId)).toBe(true)
  for (const [callId, call] of state.calls) for (const userId of call.participants.keys()) expect(state.userCalls.get(userId)).toBe(callId)
}

function checkResult(before: ModelState, result: ReduceResult): ModelState {
  if (!result.ok) {
    expect(result.state).toBe(before) // a refusal changes nothing, not even a copy
    return before
  }
  if (result.state !== before) expect(result.state.version).toBe(before.version + 1)
  checkInvariants(result.state, before)
  return result.state
}

/** Runs `steps` from the prelude, checking every invariant after each; returns the last state and clock. */
function play(steps: readonly Step[]): { state: ModelState; now: number } {
  let state = prelude()
  let now = T0
  for (const s of steps) {
    if (s.kind === 'tick') {
      now += s.timeout * 1_000 + s.a % 1_000
      // like the hub: one expiry per due timer, earliest first
      const due = [...state.deadlines].filter(([, at]) => at <= now).sort(([, x], [, y]) => x - y)
      for (const [key] of due) state = checkResult(state, expire(state, now, [key]))
      continue
    }
    const [actor, command] = builders[s.kind](state, s)
    state = checkResult(state, reduce(state, command, { actor, now }))
  }
  return { state, now }
}

describe('room model properties', () => {
  it(`keeps every invariant under random interleavings by ${USERS.length} users in ${LIVES.length} lives (${numRuns} runs)`, () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
      play(steps)
    }), { numRuns })
  })

  it('leaves no pending timed entry once time runs past every deadline', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
      let { state } = play(steps)
      // expiring may start new deadlines (a battle that begins runs until its end): follow them all
      for (let at = nextDeadline(state), rounds = 0; at !== null; at = nextDeadline(state), rounds++) {
        expect(rounds).toBeLessThan(100)
        state = checkResult(state, expire(state, at))
      }
      expect(state.deadlines.size).toBe(0)
      expect(expectedDeadlines(state).size).toBe(0)
      for (const room of state.rooms.values()) {
        expect([...room.applications.values(), ...room.invitations.values()].every((entry) => entry.expiresAt === null)).toBe(true)
      }
      expect([...state.coHostRequests.values()].every((request) => request.expiresAt === null)).toBe(true)
      expect([...state.battleRequests.values()].every((request) => request.expiresAt === null)).toBe(true)
    }), { numRuns })
  })
})
