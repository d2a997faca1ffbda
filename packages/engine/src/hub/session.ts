import type { EngineError } from '../errors'
import type {
  Command, CommandResult, CommandType, Query, QueryResultMap, QueryType, RoomEvent, SessionView, UserId, UserProfile,
} from '../model/types'

/** Why a session stopped: the hub kicked it (same user elsewhere), it logged out, or the hub went away. */
export type SessionCloseReason = 'kickedOffline' | 'loggedOut' | 'refused' | 'shutdown' | 'disconnected'

/** A user's connection to a hub: requests, queries and the events the hub lets this user see. */
export interface Session {
  readonly userId: UserId
  /** The profile the hub has for this user. */
  readonly profile: UserProfile
  /** The last full view (from login or resync), kept current by nobody: stores apply events themselves. */
  readonly view: SessionView
  /** State version of the last message received. */
  readonly version: number
  readonly closed: boolean
  /** Sends a command; resolves with its result or rejects with an `EngineError` (code, message). */
  request<T extends CommandType>(command: Extract<Command, { type: T }>): Promise<CommandResult<T>>
  query<T extends QueryType>(query: Extract<Query, { type: T }>): Promise<QueryResultMap[T]>
  /** Every event pushed to this user, in hub order. Returns its unsubscribe. */
  onEvent(listener: (event: RoomEvent, version: number) => void): () => void
  /** A fresh full view replaced the old one (after a version gap). */
  onResync(listener: (view: SessionView, version: number) => void): () => void
  onClose(listener: (reason: SessionCloseReason, error?: EngineError) => void): () => void
  /** Logs out (the hub cleans up this user's seat, requests and room) and closes. */
  close(): Promise<void>
}
