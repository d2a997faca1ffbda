import type { Port } from './protocol'

interface End<In> {
  receive: ((message: In) => void) | null
  /** messages that arrived before `onMessage` registered a receiver */
  readonly backlog: In[]
  handleClose: (() => void) | null
  /** this end called `close()`: it receives nothing more */
  closedSelf: boolean
}

function createEnd<In>(): End<In> {
  return { receive: null, backlog: [], handleClose: null, closedSelf: false }
}

/**
 * An in-page duplex channel: what one end sends, the other receives in a later microtask, in FIFO
 * order, so a receiver never runs inside the sender's call (no re-entrancy) and every run is
 * deterministic. Messages travel by reference: the protocol keeps them plain readonly data, so the
 * same hub runs unchanged behind a MessagePort or a WebSocket. `close()` on either end stops all
 * further sending and tells the other end's `onClose` once, after the messages already on the way.
 * @example
 * const [client, hubSide] = createPortPair<ServerMessage, ClientMessage>()
 * hub.accept(hubSide)
 */
export function createPortPair<A, B>(): [Port<A, B>, Port<B, A>] {
  let open = true
  const a = createEnd<A>()
  const b = createEnd<B>()

  const deliver = <T>(to: End<T>, message: T): void => {
    if (to.closedSelf) return
    if (to.receive && to.backlog.length === 0) to.receive(message)
    else to.backlog.push(message) // keeps FIFO until the receiver has drained what waited for it
  }
  const drain = <T>(end: End<T>): void => {
    try {
      while (end.receive && !end.closedSelf && end.backlog.length > 0) end.receive(end.backlog.shift() as T)
    } finally {
      // a throwing receiver must not strand the rest of the backlog
      if (end.backlog.length > 0 && !end.closedSelf) queueMicrotask(() => drain(end))
    }
  }

  const port = <In, Out>(self: End<In>, other: End<Out>): Port<In, Out> => ({
    send(message) {
      if (open) queueMicrotask(() => deliver(other, message))
    },
    onMessage(receive) {
      self.receive = receive
      // in a later microtask, like any other delivery
      if (self.backlog.length > 0) queueMicrotask(() => drain(self))
    },
    onClose(handle) {
      self.handleClose = handle
    },
    close() {
      if (!open) return
      open = false
      self.closedSelf = true
      self.backlog.length = 0
      queueMicrotask(() => {
        if (!other.closedSelf) other.handleClose?.()
      })
    },
  })

  return [port(a, b), port(b, a)]
}
