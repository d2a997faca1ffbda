import type {
  Command, CommandResult, CommandType, ConnectOptions, Hub, MediaBackend, MediaEngine, MediaEngineEvents, Query, QueryResultMap, QueryType, RoomEventOf,
  RoomEventType, Session, SessionCloseReason, SessionView, TrtcEngineOptions, UserProfile,
} from '@atomicx-vue/engine'
import type { ShallowRef } from 'vue'

/** What `login()` hands to the media layer: TRTC needs `sdkAppId` and `userSig`, the local engine nothing. */
export interface MediaCredentials {
  readonly userId: string
  readonly sdkAppId?: number
  readonly userSig?: string
}

/**
 * Which of a user's media engines: `'live'` for live rooms, `'call'` for calls. Each is its own engine
 * (TRTC: its own SDK client), so a user can watch or host a live and take a call at once.
 */
export type MediaChannel = 'live' | 'call'

/** Builds one of a user's media engines after login (called once per engine: see `MediaChannel`). */
export type MediaEngineFactory = (credentials: MediaCredentials, hub: Hub) => MediaEngine | Promise<MediaEngine>

/** `createAtomicx(options)`. */
export interface AtomicxOptions {
  /** The hub that holds the rooms. Default: one embedded in-page hub shared by every app of the page. */
  readonly hub?: Hub
  /**
   * The media engine: `'local'` (default; getUserMedia, streams handed over in-page to the users of the
   * same hub), `{ kind: 'local', backend }` with another capture backend (tests: `createFakeBackend()`),
   * `{ kind: 'trtc', sdkAppId, load }` for trtc-sdk-v5 (then `login()` needs a `userSig`), or a factory.
   */
  readonly media?: 'local' | MediaEngineFactory | { readonly kind: 'local'; readonly backend?: MediaBackend } | TrtcMediaOption
}

/** `AtomicxOptions.media` for trtc-sdk-v5: the SDK given (`TRTC`), or loaded on first media use (`load`). */
export interface TrtcMediaOption {
  readonly kind: 'trtc'
  readonly sdkAppId: number
  /** `trtc-sdk-v5`'s default export (`import TRTC from 'trtc-sdk-v5'`), when the app imports it eagerly */
  readonly TRTC?: TrtcEngineOptions['TRTC']
  /** the CrossRoom plugin class (`import { CrossRoom } from 'trtc-sdk-v5/plugins/cross-room'`), needed for co-host */
  readonly CrossRoom?: TrtcEngineOptions['CrossRoom']
  /**
   * Without `TRTC`: loads the SDK the first time a user's media is used (not at install or login),
   * once per media engine: the live one of a login, each call's (again after a failed load). Written with literal `import()`s as below, the
   * bundler resolves the SDK and splits it into its own chunk. With neither `TRTC` nor `load`, a
   * run-time `import('trtc-sdk-v5')` is tried, which bundlers cannot resolve.
   * @example
   * createAtomicx({ media: { kind: 'trtc', sdkAppId, load: async () => ({
   *   TRTC: (await import('trtc-sdk-v5')).default,
   *   CrossRoom: (await import('trtc-sdk-v5/plugins/cross-room')).CrossRoom,
   * }) } })
   */
  readonly load?: TrtcEngineOptions['load']
}

/**
 * One app's (= one user's) connection to a hub. Stores talk to the room only through this; it outlives
 * sessions, so listeners registered once keep working across logout/login.
 */
export interface AtomicxClient {
  readonly hub: Hub
  /** The logged-in session, or null. */
  readonly session: Readonly<ShallowRef<Session | null>>
  /** The current user's profile, or null. */
  readonly profile: Readonly<ShallowRef<UserProfile | null>>
  login(options: ConnectOptions & { readonly sdkAppId?: number }): Promise<Session>
  logout(): Promise<void>
  /** Sends a command through the current session; rejects with EngineError NOT_LOGGED_IN when there is none. */
  request<T extends CommandType>(command: Extract<Command, { type: T }>): Promise<CommandResult<T>>
  query<T extends QueryType>(query: Extract<Query, { type: T }>): Promise<QueryResultMap[T]>
  /** Room events of whichever session is current. Returns its unsubscribe. */
  on<T extends RoomEventType>(type: T, fn: (event: RoomEventOf<T>) => void): () => void
  /**
   * A full view arrived or the session ended (null): stores rebuild their state from it. Published on
   * login, resync, after `live.start`/`live.join` resolve (the new live's whole state), after
   * `live.leave`/`live.end` and just before a `live.ended`/`live.kickedOut` event (`live: null`).
   */
  onView(fn: (view: SessionView | null) => void): () => void
  /** The session closed: `kickedOffline` (same user logged in elsewhere), `loggedOut`, `refused`, `shutdown`, `disconnected`. */
  onClose(fn: (reason: SessionCloseReason) => void): () => void
  /** Where errors thrown by event listeners go (the app's `errorHandler` under `createAtomicx()`). */
  reportError(error: unknown): void
  /** Events of this user's media engine of `channel` (default `'live'`), whichever engine instance is current. Returns its unsubscribe. */
  onMedia<E extends keyof MediaEngineEvents>(event: E, fn: (info: MediaEngineEvents[E]) => void, channel?: MediaChannel): () => void
  /** This user's media engine of `channel` (default `'live'`), created on first use after login. */
  media(channel?: MediaChannel): Promise<MediaEngine>
  /** Disposes the engine of `channel` (leaving its room, stopping its devices); the next `media(channel)` builds a new one. */
  releaseMedia(channel: MediaChannel): Promise<void>
  /** Leaves, logs out and releases everything. */
  dispose(): Promise<void>
}
