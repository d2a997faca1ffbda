import {
  connectInPage, createEmitter, type Command, type Emitter, EngineError, ErrorCode, type MediaEngine, type MediaEngineEvents, MediaError,
  MediaErrorCode, type RoomEventOf, type RoomEventType, type Session, type SessionCloseReason, type SessionView, type UserProfile,
} from '@atomicx-vue/engine'
import { shallowRef } from 'vue'
import { getDefaultHub } from './defaultHub'
import { resolveMediaFactory } from './media'
import type { AtomicxClient, AtomicxOptions, MediaChannel, MediaCredentials } from './types'

/** TRTC's userId rule: letters, digits, `_` and `-`, at most 32. */
const USER_ID = /^[A-Za-z0-9_-]{1,32}$/

type RoomEventMap = { [T in RoomEventType]: RoomEventOf<T> }

// Every media event is forwarded, so listeners registered before the engine exists keep working.
const MEDIA_EVENTS = Object.keys({
  connection: 1, userJoined: 1, userLeft: 1, remoteMedia: 1, localPublish: 1, volumes: 1, network: 1, statistics: 1, device: 1,
  autoplayBlocked: 1, screenShareEnded: 1, removed: 1, warning: 1,
} satisfies Record<keyof MediaEngineEvents, 1>) as (keyof MediaEngineEvents)[]

/** One media engine of a client (built on first use) and the forwarding of its events. */
interface MediaSlot {
  engine: Promise<MediaEngine> | null
  off: Array<() => void>
  /** bumped on release, so an engine still starting then is disposed instead of adopted */
  epoch: number
  readonly events: Emitter<MediaEngineEvents>
}

/** Rethrows outside the caller's stack: what happens to a listener error when the app has no handler. */
function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error
  })
}

/**
 * Creates one user's client (what `createAtomicx()` does per app). `onError` receives errors thrown by
 * event listeners, which never stop the other listeners.
 */
export function createAtomicxClient(options: AtomicxOptions = {}, onError: (error: unknown) => void = rethrowLater): AtomicxClient {
  const hub = options.hub ?? getDefaultHub()
  const createMedia = resolveMediaFactory(options.media)
  const session = shallowRef<Session | null>(null)
  const profile = shallowRef<UserProfile | null>(null)
  const roomEvents = createEmitter<RoomEventMap>(onError)
  const lifecycle = createEmitter<{ view: SessionView | null; close: SessionCloseReason }>(onError)
  const slot = (): MediaSlot => ({ engine: null, off: [], epoch: 0, events: createEmitter<MediaEngineEvents>(onError) })
  const slots: Readonly<Record<MediaChannel, MediaSlot>> = { live: slot(), call: slot() }
  let credentials: MediaCredentials | null = null

  function requireSession(): Session {
    if (!session.value) throw new EngineError(ErrorCode.NOT_LOGGED_IN, 'Call login() first')
    return session.value
  }

  function publish(view: SessionView | null): void {
    profile.value = view?.user ?? null
    lifecycle.emit('view', view)
  }

  /** The view after leaving a live, built locally: the model guarantees it, so no round trip. */
  const outOfLive = (): SessionView => ({ user: profile.value ?? requireSession().profile, live: null })

  function dispatch(event: RoomEventMap[RoomEventType]): void {
    // stores reset first, so `onLiveEnded` listeners already see `currentLive === null`
    if (event.type === 'live.ended' || event.type === 'live.kickedOut') publish(outOfLive())
    roomEvents.emit(event.type, event)
  }

  /** Stops forwarding the channel's engine and disposes it; resolves once disposed. */
  async function releaseMedia(channel: MediaChannel): Promise<void> {
    const s = slots[channel]
    const engine = s.engine
    s.engine = null
    s.epoch++
    for (const off of s.off) off()
    s.off = []
    await engine?.then((e) => e.dispose(), () => undefined)
  }

  function closed(ended: Session, reason: SessionCloseReason): void {
    if (session.value !== ended) return
    session.value = null
    credentials = null
    for (const channel of Object.keys(slots) as MediaChannel[]) releaseMedia(channel).catch(onError)
    publish(null)
    lifecycle.emit('close', reason)
  }

  async function startMedia(forUser: MediaCredentials, s: MediaSlot): Promise<MediaEngine> {
    const { epoch } = s
    const engine = await createMedia(forUser, hub)
    if (s.epoch !== epoch) {
      // logged out, or the channel released, while the engine was being built
      await engine.dispose()
      if (credentials !== forUser) throw new EngineError(ErrorCode.NOT_LOGGED_IN, 'Logged out while the media engine started')
      throw new MediaError(MediaErrorCode.DISPOSED, 'The media engine was released while it started: ask for it again')
    }
    const forward = <E extends keyof MediaEngineEvents>(event: E) => engine.on(event, (info) => s.events.emit(event, info))
    s.off = MEDIA_EVENTS.map(forward)
    return engine
  }

  /** Keeps views and profile in step with a command that succeeded. */
  async function settle(current: Session, command: Command): Promise<void> {
    // a live changed: give every store the full state of the new one (or none)
    if (command.type === 'live.start' || command.type === 'live.join') publish(await current.query({ type: 'session.view' }))
    else if (command.type === 'live.leave' || command.type === 'live.end') publish(outOfLive())
    else if (command.type === 'user.updateProfile' && profile.value) {
      const { userName = profile.value.userName, avatarUrl = profile.value.avatarUrl } = command
      profile.value = { ...profile.value, userName, avatarUrl }
    }
  }

  async function logout(): Promise<void> {
    await session.value?.close()
  }

  return {
    hub,
    session,
    profile,
    async login({ sdkAppId, ...connect }) {
      if (typeof connect.userId !== 'string' || !USER_ID.test(connect.userId)) {
        throw new EngineError(ErrorCode.INVALID_ARGUMENT, `userId must be 1–32 letters, digits, "_" or "-", got "${String(connect.userId)}"`)
      }
      if (typeof options.media === 'object' && options.media.kind === 'trtc' && !connect.userSig) {
        throw new EngineError(ErrorCode.INVALID_ARGUMENT, 'The TRTC engine needs a userSig: pass login({ userId, userSig, sdkAppId })')
      }
      await logout()
      const opened = await connectInPage(hub, connect)
      opened.onEvent(dispatch)
      opened.onResync(publish)
      opened.onClose((reason) => closed(opened, reason))
      credentials = { userId: opened.userId, sdkAppId, userSig: connect.userSig }
      session.value = opened
      publish(opened.view)
      return opened
    },
    logout,
    async request(command) {
      const current = requireSession()
      const result = await current.request(command)
      await settle(current, command)
      return result
    },
    async query(q) {
      return requireSession().query(q)
    },
    on: (type, fn) => roomEvents.on(type, fn),
    onView: (fn) => lifecycle.on('view', fn),
    onClose: (fn) => lifecycle.on('close', fn),
    onMedia: (event, fn, channel = 'live') => slots[channel].events.on(event, fn),
    reportError: onError,
    media(channel = 'live') {
      if (!credentials) return Promise.reject(new EngineError(ErrorCode.NOT_LOGGED_IN, 'Call login() before using media'))
      const s = slots[channel]
      const starting = (s.engine ??= startMedia(credentials, s))
      starting.catch(() => {
        if (s.engine === starting) s.engine = null // a failed start is retried by the next call
      })
      return starting
    },
    releaseMedia,
    async dispose() {
      await logout()
      roomEvents.clear()
      lifecycle.clear()
      for (const s of Object.values(slots)) s.events.clear()
    },
  }
}
