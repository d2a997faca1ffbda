// Test helpers for the room model (imported by tests only, never by the library).
import { expect } from 'vitest'
import type { ErrorCode } from '../errors'
import { createState, reduce } from './reduce'
import type {
  Command, CommandResult, Delivery, LiveId, ModelState, ReduceResult, Room, StartLiveInput, UserId, UserProfile,
} from './types'
import { seatViews } from './views'

/** The hub clock tests start at (ms). */
export const T0 = 1_700_000_000_000

/** A successful reduce result. */
export type Accepted<T> = Extract<ReduceResult<T>, { ok: true }>

/** The profile `world()` gives each user: `alice` → `{ userName: 'Alice', avatarUrl: 'alice.png' }`. */
export function profile(userId: UserId): UserProfile {
  return { userId, userName: userId.charAt(0).toUpperCase() + userId.slice(1), avatarUrl: `${userId}.png` }
}

/** Runs a command that must be accepted; throws with the refusal otherwise. */
export function accept<C extends Command>(state: ModelState, actor: UserId, command: C, now = T0): Accepted<CommandResult<C['type']>> {
  const result = reduce<C['type']>(state, command, { actor, now })
  if (!result.ok) throw new Error(`${actor}: ${command.type} refused (${result.error.code}): ${result.error.message}`)
  return result
}

/** Runs a command that must be refused with `code` and leave the very same state object; returns the message. */
export function expectRefused(state: ModelState, actor: UserId, command: Command, code: ErrorCode, now = T0): string {
  const result = reduce(state, command, { actor, now })
  expect(result.state).toBe(state)
  if (result.ok) throw new Error(`${actor}: ${command.type} was accepted, expected error ${code}`)
  expect(result.error.code).toBe(code)
  return result.error.message
}

/** A live to build: everyone named is logged in with `profile()` and joins in this order. */
export interface LiveSpec {
  readonly liveId: LiveId
  readonly owner: UserId
  readonly admins?: readonly UserId[]
  readonly audience?: readonly UserId[]
  /** members (admins or audience) seated, in order, on the first free seats */
  readonly seated?: readonly UserId[]
  readonly options?: Omit<StartLiveInput, 'liveId'>
}

/** What `world()` builds; name each user once (logging in again would kick the first session). */
export interface WorldSpec {
  /** logged in, in no live */
  readonly users?: readonly UserId[]
  readonly lives?: readonly LiveSpec[]
}

/**
 * Builds a state through `reduce` only (so it obeys every rule), all at `now`.
 * @example world({ lives: [{ liveId: 'live1', owner: 'host', admins: ['adam'], audience: ['alice', 'bob'], seated: ['alice'] }] })
 */
export function world(spec: WorldSpec, now = T0): ModelState {
  let state = createState()
  const run = (actor: UserId, command: Command) => {
    state = accept(state, actor, command, now).state
  }
  const login = (userId: UserId) => {
    const { userName, avatarUrl } = profile(userId)
    run(userId, { type: 'user.login', userName, avatarUrl })
  }
  for (const userId of spec.users ?? []) login(userId)
  for (const live of spec.lives ?? []) {
    const { liveId, owner, admins = [], audience = [], seated = [] } = live
    login(owner)
    run(owner, { type: 'live.start', ...live.options, liveId })
    for (const userId of [...admins, ...audience]) {
      login(userId)
      run(userId, { type: 'live.join', liveId })
    }
    for (const userId of admins) run(owner, { type: 'member.setAdmin', userId })
    for (const userId of seated) {
      run(owner, { type: 'coGuest.invite', userId, seatIndex: -1, timeout: 0 })
      run(userId, { type: 'coGuest.acceptInvitation', inviterId: owner })
    }
  }
  return state
}

/** A live's room record (throws if it does not exist). */
export function roomOf(state: ModelState, liveId: LiveId): Room {
  const room = state.rooms.get(liveId)
  if (!room) throw new Error(`No live "${liveId}"`)
  return room
}

/** Who sits where: one userId per seat, '' for empty seats. */
export function seating(state: ModelState, liveId: LiveId): string[] {
  return roomOf(state, liveId).seats.map((seat) => seat.userId)
}

/** The `seat.listChanged` delivery a live's room gets for its seats in `state`. */
export function seatListDelivery(state: ModelState, liveId: LiveId): Delivery {
  return { to: { room: liveId }, event: { type: 'seat.listChanged', liveId, seats: seatViews(state, roomOf(state, liveId)) } }
}
