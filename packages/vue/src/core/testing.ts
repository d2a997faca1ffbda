// Test helpers (imported by tests only, never by the library): one simulated user = one Vue app.
import { createEmitter, EngineError, type Hub, type MediaEngine, type MediaEngineEvents } from '@atomicx-vue/engine'
import { createFakeBackend, type FakeBackend } from '@atomicx-vue/engine/testing'
import { expect, vi, type Mock } from 'vitest'
import { createApp, defineComponent, h, render, type App, type Component } from 'vue'
import { mediaBackendKey } from '../device/backend'
import { useLiveListState } from '../liveList/useLiveListState'
import { useLoginState } from '../login/useLoginState'
import type { StartLiveParams } from '../types/live'
import { localBackendOf } from './media'
import { createAtomicx } from './plugin'
import type { AtomicxOptions } from './types'

// captured before any test fakes timers: a macrotask lets every queued microtask (hub deliveries) run
const realSetTimeout = globalThis.setTimeout

/** Resolves once every message already on its way between hub and sessions has been delivered. */
export const flush = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0))

/** One user of a test: a mounted app with the plugin. */
export interface TestUser {
  readonly userId: string
  readonly app: App
  /** the fake camera/microphone/screen this user captures from */
  readonly backend: FakeBackend
  /** Runs a composable (or anything needing the app's context) in this user's app. */
  use<T>(composable: () => T): T
  /** Renders a component inside this user's app. */
  mount<E extends object = Record<string, never>>(component: Component, props?: Record<string, unknown>): MountedComponent<E>
  unmount(): void
}

/** A component rendered by `TestUser.mount`. */
export interface MountedComponent<E> {
  /** what it `defineExpose`d */
  readonly exposed: E
  readonly element: HTMLElement
  unmount(): void
}

/** How `createTestUser` makes a user. */
export interface TestUserOptions {
  /** false: stay logged out */
  readonly login?: boolean
  readonly media?: AtomicxOptions['media']
}

/**
 * Mounts an app for `userId` on `hub` and (unless `login: false`) logs in as `{ userId, userName: 'Name of <id>' }`.
 * Media: the local engine capturing from a fake backend, unless `media` says otherwise.
 */
export async function createTestUser(hub: Hub, userId: string, options: TestUserOptions = {}): Promise<TestUser> {
  const backend = createFakeBackend()
  const app = createApp(defineComponent({ render: () => null }))
  // the plugin provides a local engine's backend; with another engine, device tests still capture through this one
  if (options.media && !localBackendOf(options.media)) app.provide(mediaBackendKey, backend)
  app.use(createAtomicx({ hub, media: options.media ?? { kind: 'local', backend } }))
  app.mount(document.createElement('div'))
  const user: TestUser = {
    userId,
    app,
    backend,
    use: (composable) => app.runWithContext(composable),
    mount<E extends object>(component: Component, props?: Record<string, unknown>) {
      const element = document.createElement('div')
      const vnode = h(component, props)
      vnode.appContext = app._context
      render(vnode, element)
      return { exposed: (vnode.component?.exposed ?? {}) as E, element, unmount: () => render(null, element) }
    },
    unmount: () => app.unmount(),
  }
  if (options.login !== false) await user.use(useLoginState).login({ userId, userName: `Name of ${userId}` })
  return user
}

/**
 * Test users for `userIds` on `hub`, made with `options`: the first starts a live ("live1" unless `live`
 * says otherwise), the others join it. Resolves once every side has heard of it all.
 * @example
 * ;[host, guest] = await createLive(hub, ['host', 'guest'])
 */
export async function createLive<const Ids extends readonly [string, ...string[]]>(
  hub: Hub,
  userIds: Ids,
  options: TestUserOptions & { readonly live?: Partial<StartLiveParams> } = {},
): Promise<{ -readonly [K in keyof Ids]: TestUser }> {
  const [hostId, ...audienceIds] = userIds
  const host = await createTestUser(hub, hostId, options)
  const audience: TestUser[] = []
  for (const userId of audienceIds) audience.push(await createTestUser(hub, userId, options))
  const live = { liveId: 'live1', liveName: 'Live 1', ...options.live }
  await host.use(useLiveListState).startLive(live)
  for (const user of audience) await user.use(useLiveListState).joinLive({ liveId: live.liveId })
  await flush()
  return [host, ...audience] as { -readonly [K in keyof Ids]: TestUser }
}

/** Ends a test: real timers again, every user unmounted (which logs them out), the hub disposed. */
export function tearDown(hub: Hub, users: readonly TestUser[]): void {
  vi.useRealTimers()
  for (const user of users) user.unmount()
  hub.dispose()
}

/** Every event of `names` that `who` receives through `composable`'s `subscribeEvent`, in order. */
export function recordEvents<E extends string>(
  who: TestUser,
  composable: () => { subscribeEvent(event: E, callback: (info: unknown) => void): unknown },
  names: readonly E[],
): Array<[E, unknown]> {
  const log: Array<[E, unknown]> = []
  const { subscribeEvent } = who.use(composable)
  for (const name of names) subscribeEvent(name, (info) => log.push([name, info]))
  return log
}

/** Expects `promise` to reject with an `EngineError` of `code`. */
export async function expectCode(promise: Promise<unknown>, code: number): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(EngineError)
  expect((error as EngineError).code).toBe(code)
}

/** Every method of a media engine as a mock; `emit` fires its events. */
export type FakeMediaEngine = { readonly [K in keyof Omit<MediaEngine, 'kind' | 'on'>]: Mock<MediaEngine[K]> } & {
  readonly kind: 'fake'
  on: MediaEngine['on']
  emit<E extends keyof MediaEngineEvents>(event: E, info: MediaEngineEvents[E]): void
}

/** A media engine that does nothing but record calls (for stores that only talk to the interface). */
export function createFakeMediaEngine(): FakeMediaEngine {
  const events = createEmitter<MediaEngineEvents>()
  const done = () => vi.fn(async () => undefined)
  return {
    kind: 'fake',
    join: done(),
    leave: done(),
    setRole: done(),
    startMicrophone: done(),
    stopMicrophone: done(),
    setMicrophoneMuted: done(),
    startCamera: done(),
    updateCamera: done(),
    stopCamera: done(),
    setCameraMuted: done(),
    startScreenShare: done(),
    stopScreenShare: done(),
    playVideo: done(),
    stopVideo: done(),
    setRemoteAudioMuted: done(),
    setCaptureVolume: done(),
    setPlaybackVolume: done(),
    listDevices: vi.fn(async () => []),
    setSpeaker: done(),
    setVolumeInterval: vi.fn(),
    connectRoom: done(),
    setConnectedMuted: done(),
    disconnectRoom: done(),
    dispose: done(),
    on: events.on,
    emit: events.emit,
  }
}
