import { ErrorCode, type ErrorInfo } from '../errors'
import { createState, expire, query, reduce } from '../model/reduce'
import type { Command, Context, Delivery, ModelState, ReduceResult, SessionView, TimerOp, UserId } from '../model/types'
import type { ClientMessage, HubPort, ServerMessage } from './protocol'
import { PROTOCOL_VERSION } from './protocol'

/** Options of `createLocalHub`. */
export interface HubOptions {
  /** The hub clock in ms. Default `Date.now`, looked up at each call so fake timers drive it. */
  readonly now?: () => number
}

/** The authority: owns the room model, runs its deadlines and fans its events out to sessions. */
export interface Hub {
  /** Serves one connection; its first message must be `hello`. */
  accept(port: HubPort): void
  /** The current model state (read-only: only the hub reduces it). */
  readonly state: ModelState
  /** Sessions that said hello and are still open. */
  readonly sessionCount: number
  /** Clears every timer and closes every session with `shutdown`. */
  dispose(): void
}

/** One accepted session; `open` turns false when the hub drops it, so a late message does nothing. */
interface Connection {
  readonly userId: UserId
  readonly port: HubPort
  open: boolean
}

type Accepted = Extract<ReduceResult, { ok: true }>

/** These belong to the connection's life cycle (hello, bye, the port closing), never to a request. */
const LIFECYCLE_COMMANDS: ReadonlySet<string> = new Set<Command['type']>(['user.login', 'user.logout', 'user.disconnect'])

/**
 * Creates the authority in the current realm. It only ever sees `Port`s (no DOM, no Vue), so the
 * same code serves in-page sessions, a SharedWorker's MessagePorts or a server's WebSockets.
 * Every request acts as the user whose `hello` opened the port, never as a user named in a message.
 * A requester receives its own events of a command BEFORE the response, so when `request()`
 * resolves, everything listening to the session has already applied that command.
 * @example
 * const hub = createLocalHub()
 * const host = await connectInPage(hub, { userId: 'host' })
 */
export function createLocalHub(options: HubOptions = {}): Hub {
  const now = options.now ?? (() => Date.now())
  let state = createState()
  let disposed = false
  const sessions = new Map<UserId, Connection>()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()

  const context = (actor: UserId): Context => ({ actor, now: now() })

  function commit(result: Accepted): void {
    state = result.state
    applyTimers(result.timers)
    fanOut(result.deliveries)
  }

  function fanOut(deliveries: readonly Delivery[]): void {
    for (const { to, event } of deliveries) {
      const message: ServerMessage = { kind: 'event', version: state.version, event }
      const recipients = 'users' in to ? to.users : state.rooms.get(to.room)?.members.keys() ?? []
      for (const userId of recipients) sessions.get(userId)?.port.send(message)
    }
  }

  // setTimeout/clearTimeout are looked up on the global object at each call, so fake timers work
  function applyTimers(ops: readonly TimerOp[]): void {
    for (const op of ops) {
      clearTimeout(timers.get(op.key))
      timers.delete(op.key)
      if (op.op === 'set') arm(op.key, op.at)
    }
  }

  function arm(key: string, at: number): void {
    timers.set(key, setTimeout(() => fire(key, at), Math.max(0, at - now())))
  }

  function fire(key: string, at: number): void {
    timers.delete(key)
    const time = now()
    if (time < at) return arm(key, at) // a timer may fire a little before the hub clock reaches `at`
    const result = expire(state, time, [key])
    if (result.ok) commit(result)
  }

  function drop(connection: Connection, reason: 'kickedOffline' | 'loggedOut' | 'shutdown'): void {
    connection.open = false
    if (sessions.get(connection.userId) === connection) sessions.delete(connection.userId)
    connection.port.send({ kind: 'closed', reason })
    connection.port.close()
  }

  function shutDown(port: HubPort): null {
    port.send({ kind: 'closed', reason: 'shutdown' })
    port.close()
    return null
  }

  function refuse(port: HubPort, error: ErrorInfo): null {
    port.send({ kind: 'closed', reason: 'refused', error })
    port.close()
    return null
  }

  function respond(port: HubPort, id: number, outcome: { ok: true; result: unknown } | { ok: false; error: ErrorInfo }): void {
    port.send(outcome.ok
      ? { kind: 'response', id, ok: true, result: outcome.result, version: state.version }
      : { kind: 'response', id, ok: false, error: outcome.error, version: state.version })
  }

  function viewOf(userId: UserId): SessionView {
    const view = query(state, { type: 'session.view' }, context(userId))
    if (!view.ok) throw new Error(`session.view failed for a logged-in user: ${view.error.message}`)
    return view.result
  }

  function greet(port: HubPort, hello: ClientMessage): Connection | null {
    if (hello?.kind !== 'hello') return refuse(port, { code: ErrorCode.INVALID_ARGUMENT, message: 'The first message must be hello' })
    if (hello.protocol !== PROTOCOL_VERSION) {
      return refuse(port, { code: ErrorCode.INVALID_ARGUMENT, message: `Protocol ${String(hello.protocol)} is not supported: this hub speaks ${PROTOCOL_VERSION}` })
    }
    // the model checks the id's format; a non-string must not reach it as "undefined" or "42"
    if (typeof hello.userId !== 'string') return refuse(port, { code: ErrorCode.INVALID_ARGUMENT, message: 'hello.userId must be a string' })
    const login = reduce(state, { type: 'user.login', userName: hello.userName, avatarUrl: hello.avatarUrl }, context(hello.userId))
    if (!login.ok) return refuse(port, login.error)
    commit(login) // its deliveries (user.kickedOffline…) still reach the user's old session, dropped next
    const old = sessions.get(hello.userId)
    if (old) drop(old, 'kickedOffline')
    const connection: Connection = { userId: hello.userId, port, open: true }
    sessions.set(connection.userId, connection)
    port.send({ kind: 'welcome', version: state.version, view: viewOf(connection.userId) })
    return connection
  }

  function handle(connection: Connection, message: ClientMessage): void {
    const { port, userId } = connection
    // a server feeds this parsed JSON: anything that is not a known message is ignored
    switch (message?.kind) {
      case 'request': {
        const { id, command } = message
        if (LIFECYCLE_COMMANDS.has(command?.type)) {
          return respond(port, id, { ok: false, error: { code: ErrorCode.INVALID_ARGUMENT, message: `"${command.type}" follows the connection: connect to log in, close() the session to log out` } })
        }
        const result = reduce(state, command, context(userId))
        if (result.ok) commit(result) // events first: see createLocalHub
        return respond(port, id, result)
      }
      case 'query':
        return respond(port, message.id, query(state, message.query, context(userId)))
      case 'resync':
        port.send({ kind: 'sync', version: state.version, view: viewOf(userId) })
        return
      case 'bye': {
        const logout = reduce(state, { type: 'user.logout' }, context(userId))
        if (logout.ok) commit(logout)
        drop(connection, 'loggedOut')
        return
      }
      // a second hello cannot change who this port speaks for
    }
  }

  return {
    accept(port) {
      if (disposed) return void shutDown(port)
      let connection: Connection | null = null
      let greeted = false
      port.onMessage((message) => {
        if (!greeted) {
          greeted = true
          // a hello already on its way when dispose() ran must not log in to a dead hub
          connection = disposed ? shutDown(port) : greet(port, message)
        } else if (connection?.open) handle(connection, message)
      })
      port.onClose(() => {
        if (!connection?.open) return
        connection.open = false
        sessions.delete(connection.userId)
        const result = reduce(state, { type: 'user.disconnect' }, context(connection.userId))
        if (result.ok) commit(result)
      })
    },
    get state() {
      return state
    },
    get sessionCount() {
      return sessions.size
    },
    dispose() {
      disposed = true
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      for (const connection of [...sessions.values()]) drop(connection, 'shutdown')
    },
  }
}
