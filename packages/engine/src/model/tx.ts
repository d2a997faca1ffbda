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

export function createTx(state: ModelState, ctx: Context): Tx {
  return { state, ctx, deliveries: [], timers: [] }
}

/** Thrown inside the model only; `reduce` turns it into `{ ok: false }`. */
export class Refusal extends EngineError {}

/** Refuses the command: no state changes, the caller gets `code` and `message`. */
export function fail(code: ErrorCode, message: string): never {
  throw new Refusal(code, message)
}

export function send(tx: Tx, to: Recipients | readonly UserId[], event: RoomEvent): void {
  const recipients: Recipients = Array.isArray(to) ? { users: to as readonly UserId[] } : (to as Recipients)
  if ('users' in recipients && recipients.users.length === 0) return
  tx.deliveries.push({ to: recipients, event })
}

export function setDeadline(tx: Tx, key: string, at: number | null): void {
  if (at === null) return
  tx.state = { ...tx.state, deadlines: tx.state.deadlines.set(key, at) }
  tx.timers.push({ op: 'set', key, at })
}

export function clearDeadline(tx: Tx, key: string): void {
  if (!tx.state.deadlines.has(key)) return
  tx.state = { ...tx.state, deadlines: tx.state.deadlines.delete(key) }
  tx.timers.push({ op: 'clear', key })
}

/** A deterministic id (`prefix` + counter): the model never reads clocks or random numbers. */
export function nextId(tx: Tx, prefix: string): string {
  const n = tx.state.nextId
  tx.state = { ...tx.state, nextId: n + 1 }
  return `${prefix}${n}`
}

/** Seconds → absolute ms deadline; 0 = none. Refuses negative, non-finite or absurd values. */
export function deadlineFrom(tx: Tx, timeoutSeconds: unknown, what = 'timeout'): number | null {
  if (typeof timeoutSeconds !== 'number' || !Number.isFinite(timeoutSeconds) || timeoutSeconds < 0 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    fail(ErrorCode.INVALID_ARGUMENT, `${what} must be a number of seconds from 0 (no timeout) to ${MAX_TIMEOUT_SECONDS}, got ${String(timeoutSeconds)}`)
  }
  return timeoutSeconds === 0 ? null : tx.ctx.now + Math.round(timeoutSeconds * 1000)
}

/** One day: longer waits are almost certainly milliseconds passed by mistake (see README: timeouts are seconds). */
export const MAX_TIMEOUT_SECONDS = 86_400

export function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(ErrorCode.INVALID_ARGUMENT, `${name} must be a non-empty string`)
  return value
}

export function requireInteger(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(ErrorCode.INVALID_ARGUMENT, `${name} must be an integer, got ${String(value)}`)
  return value
}
