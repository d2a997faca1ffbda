import { createEmitter } from '../emitter'
import { EngineError, ErrorCode, toEngineError } from '../errors'
import type { Command, CommandResult, CommandType, Query, QueryResultMap, QueryType, RoomEvent, SessionView, UserId } from '../model/types'
import type { Hub } from './localHub'
import type { ClientMessage, ClientPort, ServerMessage } from './protocol'
import { PROTOCOL_VERSION } from './protocol'
import type { Session, SessionCloseReason } from './session'
import { createPortPair } from './transport'

/** Who connects. In-page the transport vouches for `userId`; a server checks `userSig`. */
export interface ConnectOptions {
  readonly userId: UserId
  readonly userName?: string
  readonly avatarUrl?: string
  readonly userSig?: string
}

interface SessionEvents {
  event: { readonly event: RoomEvent; readonly version: number }
  resync: { readonly view: SessionView; readonly version: number }
  close: { readonly reason: SessionCloseReason; readonly error?: EngineError }
}

interface Pending {
  resolve(result: unknown): void
  reject(error: EngineError): void
}

/** The session plus the two inputs its port feeds it. */
interface Wired {
  readonly session: Session
  receive(message: ServerMessage): void
  disconnect(): void
}

function createSession(port: ClientPort, userId: UserId, welcome: Extract<ServerMessage, { kind: 'welcome' }>): Wired {
  const emitter = createEmitter<SessionEvents>()
  const pending = new Map<number, Pending>()
  let view = welcome.view
  let version = welcome.version
  let nextId = 1
  let closed = false
  /** how it closed, for `onClose` listeners that come late */
  let closedWith: SessionEvents['close'] | null = null
  let resyncing = false
  let byeSent = false
  let markClosed!: () => void
  const whenClosed = new Promise<void>((resolve) => (markClosed = resolve))

  function finish(reason: SessionCloseReason, error?: EngineError): void {
    if (closed) return
    closed = true
    closedWith = { reason, error }
    for (const { reject } of pending.values()) {
      reject(new EngineError(ErrorCode.NOT_LOGGED_IN, `The session closed (${reason}) before the hub answered`))
    }
    pending.clear()
    emitter.emit('close', { reason, error })
    emitter.clear()
    markClosed()
  }

  /**
   * Versions count every change of the whole hub and a session only sees its own share, so gaps
   * are normal; but the hub sends in version order, so a version going BACK means messages were
   * reordered or lost on the way and only a fresh view is trustworthy.
   */
  function advance(to: number): boolean {
    if (to >= version) {
      version = to
      return true
    }
    if (!resyncing) {
      resyncing = true
      port.send({ kind: 'resync' })
    }
    return false
  }

  function call(message: ClientMessage & { kind: 'request' | 'query' }): Promise<unknown> {
    if (closed) return Promise.reject(new EngineError(ErrorCode.NOT_LOGGED_IN, 'The session is closed: connect again'))
    return new Promise((resolve, reject) => {
      pending.set(message.id, { resolve, reject })
      try {
        port.send(message)
      } catch (error) {
        // a transport that throws (a closing WebSocket) must not leave the request waiting forever
        pending.delete(message.id)
        reject(new EngineError(ErrorCode.NOT_LOGGED_IN, 'The connection to the hub failed: connect again', { cause: error }))
      }
    })
  }

  const session: Session = {
    userId,
    get profile() {
      return view.user
    },
    get view() {
      return view
    },
    get version() {
      return version
    },
    get closed() {
      return closed
    },
    request<T extends CommandType>(command: Extract<Command, { type: T }>) {
      return call({ kind: 'request', id: nextId++, command }) as Promise<CommandResult<T>>
    },
    query<T extends QueryType>(q: Extract<Query, { type: T }>) {
      return call({ kind: 'query', id: nextId++, query: q }) as Promise<QueryResultMap[T]>
    },
    onEvent: (listener) => emitter.on('event', ({ event, version: v }) => listener(event, v)),
    onResync: (listener) => emitter.on('resync', ({ view: v, version: at }) => listener(v, at)),
    onClose(listener) {
      if (!closedWith) return emitter.on('close', ({ reason, error }) => listener(reason, error))
      const { reason, error } = closedWith // already closed: tell it anyway, once
      queueMicrotask(() => listener(reason, error))
      return () => {}
    },
    close() {
      if (!closed && !byeSent) {
        byeSent = true
        port.send({ kind: 'bye' })
      }
      return whenClosed
    },
  }

  function receive(message: ServerMessage): void {
    switch (message.kind) {
      case 'event':
        if (advance(message.version)) emitter.emit('event', { event: message.event, version: message.version })
        return
      case 'response': {
        advance(message.version)
        const waiting = pending.get(message.id)
        pending.delete(message.id)
        if (message.ok) waiting?.resolve(message.result)
        else waiting?.reject(toEngineError(message.error))
        return
      }
      case 'sync':
        view = message.view
        version = message.version
        resyncing = false
        emitter.emit('resync', { view, version })
        return
      case 'closed':
        finish(message.reason, message.error && toEngineError(message.error))
        return
      // a second welcome cannot happen on one port: ignored
    }
  }

  return { session, receive, disconnect: () => finish('disconnected') }
}

/**
 * Opens a session over any client port: sends `hello`, resolves once the hub welcomes it and
 * rejects with the hub's `EngineError` when it refuses (or goes away first). Subscribe with
 * `onEvent` before the first request: the hub sends a fresh session nothing until its user acts.
 */
export function openSession(port: ClientPort, options: ConnectOptions): Promise<Session> {
  return new Promise((resolve, reject) => {
    let wired: Wired | null = null
    port.onMessage((message) => {
      if (wired) wired.receive(message)
      else if (message.kind === 'welcome') {
        wired = createSession(port, options.userId, message)
        resolve(wired.session)
      } else if (message.kind === 'closed') {
        reject(toEngineError(message.error ?? { code: ErrorCode.NOT_LOGGED_IN, message: `The hub closed the session (${message.reason})` }))
      }
    })
    port.onClose(() => {
      if (wired) wired.disconnect()
      else reject(new EngineError(ErrorCode.NOT_LOGGED_IN, 'The hub went away before welcoming the session'))
    })
    const { userId, userName, avatarUrl, userSig } = options
    port.send({ kind: 'hello', protocol: PROTOCOL_VERSION, userId, userName, avatarUrl, userSig })
  })
}

/**
 * Connects a user to a hub in the same page.
 * @example
 * const host = await connectInPage(hub, { userId: 'host', userName: 'Host' })
 * await host.request({ type: 'live.start', liveId: 'live1' })
 */
export function connectInPage(hub: Hub, options: ConnectOptions): Promise<Session> {
  const [client, hubSide] = createPortPair<ServerMessage, ClientMessage>()
  hub.accept(hubSide)
  return openSession(client, options)
}
