// Test helpers (imported by tests only, never by the library): one simulated user = one Vue app.
import { createEmitter, type Hub, type MediaEngine, type MediaEngineEvents } from '@atomicx-vue/engine'
import { createFakeBackend, type FakeBackend } from '@atomicx-vue/engine/testing'
import { vi, type Mock } from 'vitest'
import { createApp, defineComponent, h, render, type App, type Component } from 'vue'
import { mediaBackendKey } from '../device/backend'
import { useLoginState } from '../login/useLoginState'
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

/**
 * Mounts an app for `userId` on `hub` and (unless `login: false`) logs in as `{ userId, userName: 'Name of <id>' }`.
 * Media: the local engine capturing from a fake backend, unless `media` says otherwise.
 */
export async function createTestUser(
  hub: Hub,
  userId: string,
  options: { readonly login?: boolean; readonly media?: AtomicxOptions['media'] } = {},
): Promise<TestUser> {
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
