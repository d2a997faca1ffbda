import type { ErrorInfo } from '../errors'
import type { Command, Query, RoomEvent, SessionView, UserId } from '../model/types'

/** Bump when a message shape changes incompatibly. */
export const PROTOCOL_VERSION = 1

/**
 * Session → hub. Plain serialisable objects only: the same messages travel in-page, over a
 * MessagePort (SharedWorker) and over a WebSocket (server).
 */
export type ClientMessage =
  /** First message. In-page the transport vouches for `userId`; a server verifies `userSig`. */
  | { readonly kind: 'hello'; readonly protocol: number; readonly userId: UserId; readonly userSig?: string; readonly userName?: string; readonly avatarUrl?: string }
  | { readonly kind: 'request'; readonly id: number; readonly command: Command }
  | { readonly kind: 'query'; readonly id: number; readonly query: Query }
  /** Ask for the full view again (after a gap in `version`). */
  | { readonly kind: 'resync' }
  /** Log out and close. */
  | { readonly kind: 'bye' }

/** Hub → session. */
export type ServerMessage =
  | { readonly kind: 'welcome'; readonly version: number; readonly view: SessionView }
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly result: unknown; readonly version: number }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: ErrorInfo; readonly version: number }
  | { readonly kind: 'event'; readonly version: number; readonly event: RoomEvent }
  | { readonly kind: 'sync'; readonly version: number; readonly view: SessionView }
  /** The hub closed the session: `kickedOffline` (same user logged in elsewhere), `loggedOut`, `refused` (hello refused), `shutdown`. */
  | { readonly kind: 'closed'; readonly reason: 'kickedOffline' | 'loggedOut' | 'refused' | 'shutdown'; readonly error?: ErrorInfo }

/** One end of a duplex message channel. */
export interface Port<In, Out> {
  send(message: Out): void
  /** Registers the (single) receiver. */
  onMessage(receive: (message: In) => void): void
  /** Registers what to do when the other side goes away. */
  onClose(handle: () => void): void
  close(): void
}

export type ClientPort = Port<ServerMessage, ClientMessage>
export type HubPort = Port<ClientMessage, ServerMessage>
