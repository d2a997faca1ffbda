import { Map as ImMap, OrderedMap } from 'immutable'
import { EngineError, ErrorCode } from '../errors'
import { battleExpirers, battleHandlers } from './battle'
import { callExpirers, callHandlers } from './calls'
import { coGuestExpirers, coGuestHandlers } from './coGuest'
import { coHostExpirers, coHostHandlers } from './coHost'
import { liveHandlers } from './live'
import { runQuery } from './queries'
import { seatHandlers } from './seats'
import { createTx, shown, type Tx } from './tx'
import type {
  Command, CommandOf, CommandResult, CommandType, Context, ModelState, Query, QueryResultMap, QueryType, ReduceResult,
} from './types'
import { userHandlers } from './users'

/** A command handler: reads/replaces `tx.state`, calls `fail()` to refuse. */
export type Handler<T extends CommandType> = (tx: Tx, command: CommandOf<T>) => CommandResult<T>
export type Handlers = { readonly [T in CommandType]?: Handler<T> }
/** Resolves one due deadline; the key's prefix (before the first `|`) picks the slice. */
export type Expirer = (tx: Tx, key: string) => void

const handlers: Handlers = {
  ...userHandlers,
  ...liveHandlers,
  ...seatHandlers,
  ...coGuestHandlers,
  ...coHostHandlers,
  ...battleHandlers,
  ...callHandlers,
}

const expirers: Readonly<Record<string, Expirer>> = { ...coGuestExpirers, ...coHostExpirers, ...battleExpirers, ...callExpirers }

/** The empty world. */
export function createState(): ModelState {
  return {
    version: 0,
    nextId: 1,
    users: ImMap(),
    rooms: OrderedMap(),
    coHostRequests: OrderedMap(),
    coHostByRoom: ImMap(),
    connections: ImMap(),
    battles: ImMap(),
    battleRequests: OrderedMap(),
    calls: ImMap(),
    userCalls: ImMap(),
    deadlines: ImMap(),
  }
}

function run<T>(state: ModelState, ctx: Context, work: (tx: Tx) => T): ReduceResult<T> {
  const tx = createTx(state, ctx)
  try {
    const result = work(tx)
    const next = tx.state === state ? state : { ...tx.state, version: state.version + 1 }
    return { ok: true, state: next, result, deliveries: tx.deliveries, timers: tx.timers }
  } catch (error) {
    if (error instanceof EngineError) return { ok: false, state, error: { code: error.code, message: error.message } }
    throw error
  }
}

/**
 * The room model: applies one command by `ctx.actor` at `ctx.now`. Pure and deterministic: no
 * timers, no I/O, no clock. A refused command returns the same `state` object and an error.
 */
export function reduce<T extends CommandType>(state: ModelState, command: CommandOf<T> | Command, ctx: Context): ReduceResult<CommandResult<T>> {
  const type = command && typeof command === 'object' ? (command as { type?: unknown }).type : undefined
  const handler = (typeof type === 'string' && Object.hasOwn(handlers, type) ? handlers[type as T] : undefined) as Handler<T> | undefined
  if (!handler) {
    return { ok: false, state, error: { code: ErrorCode.INVALID_ARGUMENT, message: `Unknown command "${shown(type ?? command)}"` } }
  }
  return run(state, ctx, (tx) => handler(tx, command as CommandOf<T>))
}

/**
 * Resolves deadlines that are due at `now`: all of them, or only `keys` (what a host's timer fired
 * for, which keeps one expiry O(1) however many requests are pending).
 */
export function expire(state: ModelState, now: number, keys?: Iterable<string>): ReduceResult<void> {
  return run(state, { actor: '', now }, (tx) => {
    const due = keys ? [...keys] : [...state.deadlines.filter((at) => at <= now).keys()]
    for (const key of due) {
      const at = tx.state.deadlines.get(key)
      if (at === undefined || at > now) continue // already resolved by an earlier key, or not due
      const prefix = key.slice(0, key.indexOf('|'))
      const expirer = Object.hasOwn(expirers, prefix) ? expirers[prefix] : undefined
      if (!expirer) throw new Error(`No expirer for deadline "${key}"`)
      expirer(tx, key)
    }
  })
}

/** The earliest pending deadline, or null: what a host's single timer should wait for. */
export function nextDeadline(state: ModelState): number | null {
  let min: number | null = null
  for (const at of state.deadlines.values()) if (min === null || at < min) min = at
  return min
}

/** Read-only lookups (live list, room info, session view…). Never changes state. */
export function query<T extends QueryType>(
  state: ModelState,
  q: Extract<Query, { type: T }>,
  ctx: Context,
): { ok: true; result: QueryResultMap[T] } | { ok: false; error: { code: number; message: string } } {
  try {
    return { ok: true, result: runQuery(state, q, ctx) as QueryResultMap[T] }
  } catch (error) {
    if (error instanceof EngineError) return { ok: false, error: { code: error.code, message: error.message } }
    throw error
  }
}
