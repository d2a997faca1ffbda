import { EngineError, ErrorCode } from '../errors'
import type { Context, Delivery, ModelState, Recipients, RoomEvent, TimerOp, UserId } from './types'

/**
 * One command's work in progress. Handlers read and replace `tx.state` (immutable values), queue
 * deliveries and deadlines, and call `fail()` to refuse: since nothing is mutated, a refusal at any
 * point leaves the caller's state exactly as it was.
 */
export interface Tx {
  state: ModelState
  readonly ctx: Context
  readonly deliveries: Delivery[]
  readonly timers: TimerOp[]
}

/** Starts a command's work on `state`. */
export function createTx(state: ModelState, ctx: Context): Tx {
  return { state, ctx, deliveries: [], timers: [] }
}

/** Thrown inside the model only; `reduce` turns it into `{ ok: false }`. */
export class Refusal extends EngineError {}

/** Refuses the command: no state changes, the caller gets `code` and `message`. */
export function fail(code: ErrorCode, message: string): never {
  throw new Refusal(code, message)
}

/** Queues `event` for `to` (a user list or a whole room); an empty user list sends nothing. */
export function send(tx: Tx, to: Recipients | readonly UserId[], event: RoomEvent): void {
  const recipients: Recipients = Array.isArray(to) ? { users: to as readonly UserId[] } : (to as Recipients)
  if ('users' in recipients && recipients.users.length === 0) return
  tx.deliveries.push({ to: recipients, event })
}

/** Records a deadline and asks the host to run a timer for it; null = no deadline. */
export function setDeadline(tx: Tx, key: string, at: number | null): void {
  if (at === null) return
  tx.state = { ...tx.state, deadlines: tx.state.deadlines.set(key, at) }
  tx.timers.push({ op: 'set', key, at })
}

/** Forgets a deadline (if pending) and asks the host to drop its timer. */
export function clearDeadline(tx: Tx, key: string): void {
  if (!tx.state.deadlines.has(key)) return
  tx.state = { ...tx.state, deadlines: tx.state.deadlines.delete(key) }
  tx.timers.push({ op: 'clear', key })
}

/** The next value of the state's counter: ids and sequence numbers never repeat. */
export function nextSeq(tx: Tx): number {
  const n = tx.state.nextId
  tx.state = { ...tx.state, nextId: n + 1 }
  return n
}

/** A deterministic id (`prefix` + counter): the model never reads clocks or random numbers. */
export function nextId(tx: Tx, prefix: string): string {
  return `${prefix}${nextSeq(tx)}`
}

/** Seconds → absolute ms deadline; 0 = none. Refuses negative, non-finite or absurd values. */
export function deadlineFrom(tx: Tx, timeoutSeconds: unknown, what = 'timeout'): number | null {
  if (typeof timeoutSeconds !== 'number' || !Number.isFinite(timeoutSeconds) || timeoutSeconds < 0 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    fail(ErrorCode.INVALID_ARGUMENT, `${what} must be a number of seconds from 0 (no timeout) to ${MAX_TIMEOUT_SECONDS}, got ${shown(timeoutSeconds)}`)
  }
  return timeoutSeconds === 0 ? null : tx.ctx.now + Math.round(timeoutSeconds * 1000)
}

/** One day: longer waits are almost certainly milliseconds passed by mistake (see README: timeouts are seconds). */
export const MAX_TIMEOUT_SECONDS = 86_400

/** `value` as an error message shows it: never throws, whatever a client sent (`{ toString: 1 }`, a null-prototype object). */
export function shown(value: unknown): string {
  try {
    return String(value)
  } catch {
    return typeof value
  }
}

/** A non-empty string, or INVALID_ARGUMENT. */
export function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(ErrorCode.INVALID_ARGUMENT, `${name} must be a non-empty string`)
  return value
}

/** An integer, or INVALID_ARGUMENT. */
export function requireInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(ErrorCode.INVALID_ARGUMENT, `${name} must be an integer, got ${shown(value)}`)
  return value
}

/** A string of at most `max` characters; empty is allowed. */
export function requireText(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value.length > max) fail(ErrorCode.INVALID_ARGUMENT, `${name} must be a string of at most ${max} characters`)
  return value
}

/** A boolean, or INVALID_ARGUMENT. */
export function requireBoolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') fail(ErrorCode.INVALID_ARGUMENT, `${name} must be true or false, got ${shown(value)}`)
  return value
}

/** One of `allowed` (enum values, string unions), or INVALID_ARGUMENT naming them. */
export function requireOneOf<T>(value: unknown, allowed: readonly T[], name: string): T {
  if (!allowed.includes(value as T)) fail(ErrorCode.INVALID_ARGUMENT, `${name} must be one of ${allowed.join(', ')}, got ${shown(value)}`)
  return value as T
}
