/**
 * Test helpers for apps built on atomicx-vue (`@atomicx-vue/vue/testing`): several simulated users, each
 * its own Vue app, on one in-page hub, capturing from fake devices. Framework-free: works with any test runner.
 *
 * @example
 * const hub = createLocalHub()
 * const [host, guest] = await createLive(hub, ['host', 'guest'])
 * await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
 * await flush()
 * expect(host.use(useCoGuestState).applicants.value).toHaveLength(1)
 * tearDown(hub, [host, guest])
 */
import type { Hub } from '@atomicx-vue/engine'
import { createFakeBackend, type FakeBackend } from '@atomicx-vue/engine/testing'
import { createApp, defineComponent, h, render, type App, type Component, type Plugin } from 'vue'
import { mediaBackendKey } from './device/backend'
import { localBackendOf } from './core/media'
import { createAtomicx } from './core/plugin'
import type { AtomicxOptions } from './core/types'
import { useLiveListState } from './liveList/useLiveListState'
import { useLoginState } from './login/useLoginState'
import type { StartLiveParams } from './types/live'

export { createFakeBackend }
export type { FakeBackend }

// captured before any test fakes timers: a macrotask lets every queued microtask (hub deliveries) run
const realSetTimeout = globalThis.setTimeout

/** Resolves once every message already on its way between hub and sessions has been delivered (also under fake timers). */
export const flush = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0))

/** One simulated user: a Vue app with the atomicx plugin. */
export interface TestUser {
  readonly userId: string
  readonly app: App
  /** the fake camera/microphone/screen this user captures from */
  readonly backend: FakeBackend
  /** Runs a composable (or anything needing the app's context) in this user's app. */
  use<T>(composable: () => T): T
  /** Renders a component inside this user's app (detached from the document). */
  mount<E extends object = Record<string, never>>(component: Component, props?: Record<string, unknown>): MountedComponent<E>
  /** Unmounts the app, which logs the user out. */
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
  /** the fake devices to capture from (default: a new one per user; share one to give users the same devices) */
  readonly backend?: FakeBackend
  /** default: the local engine capturing from `backend` */
  readonly media?: AtomicxOptions['media']
  /**
   * Mounts the user's app yourself, given the atomicx plugin to install, and returns it (default: an app
   * rendering nothing, on a detached element).
   * @example
   * mountApp: (atomicx) => mount(App, { global: { plugins: [atomicx, router] } }).vm.$.appContext.app
   */
  readonly mountApp?: (atomicx: Plugin) => App
}

const mountEmptyApp = (atomicx: Plugin): App => {
  const app = createApp(defineComponent({ render: () => null })).use(atomicx)
  app.mount(document.createElement('div'))
  return app
}

/**
 * Mounts an app for `userId` on `hub` and (unless `login: false`) logs in as `{ userId, userName: 'Name of <id>' }`.
 * @example
 * const alice = await createTestUser(hub, 'alice')
 * const { startLive } = alice.use(useLiveListState)
 */
export async function createTestUser(hub: Hub, userId: string, options: TestUserOptions = {}): Promise<TestUser> {
  const { backend = createFakeBackend(), media = { kind: 'local', backend }, mountApp = mountEmptyApp } = options
  const app = mountApp({
    install(app: App) {
      // the plugin provides a local engine's backend; with another engine, device code still captures through this one
      if (!localBackendOf(media)) app.provide(mediaBackendKey, backend)
      app.use(createAtomicx({ hub, media }))
    },
  })
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

/** The first of `users` starts `live` ("live1" unless it says otherwise), the others join it; resolves once every side has heard of it all. */
export async function goLive(users: readonly TestUser[], live: Partial<StartLiveParams> = {}): Promise<void> {
  const [host, ...audience] = users
  const params = { liveId: 'live1', liveName: 'Live 1', ...live }
  await host?.use(useLiveListState).startLive(params)
  for (const user of audience) await user.use(useLiveListState).joinLive({ liveId: params.liveId })
  await flush()
}

/**
 * Test users for `userIds` on `hub`, made with `options`, in a live (see `goLive`).
 * @example
 * const [host, guest] = await createLive(hub, ['host', 'guest'])
 */
export async function createLive<const Ids extends readonly [string, ...string[]]>(
  hub: Hub,
  userIds: Ids,
  options: TestUserOptions & { readonly live?: Partial<StartLiveParams> } = {},
): Promise<{ -readonly [K in keyof Ids]: TestUser }> {
  const users: TestUser[] = []
  for (const userId of userIds) users.push(await createTestUser(hub, userId, options))
  await goLive(users, options.live)
  return users as { -readonly [K in keyof Ids]: TestUser }
}

/** Ends a test: every user unmounted (which logs them out), then the hub disposed. Restore faked timers yourself. */
export function tearDown(hub: Hub, users: readonly TestUser[]): void {
  for (const user of users) user.unmount()
  hub.dispose()
}

/** Every event of `names` that `who` receives through `composable`'s `subscribeEvent`, in order, as `[name, info]`. */
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
