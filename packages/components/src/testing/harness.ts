// Test helpers (tests only, never exported): one simulated user = one Vue app with the atomicx plugin,
// all on one in-page hub, each rendering the component under test like an app would.
import type { MediaBackend } from '@atomicx-vue/engine'
import { createFakeBackend } from '@atomicx-vue/engine/testing'
import { createAtomicx, useLiveListState, useLoginState, type Hub } from '@atomicx-vue/vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { vi } from 'vitest'
import { defineComponent, h, nextTick, shallowRef, type App, type Component } from 'vue'
import { createI18n, type I18n } from '../i18n'

// captured before any test fakes timers: a macrotask lets every queued hub delivery run
const realSetTimeout = globalThis.setTimeout

/** Resolves once every message already on its way between hub and sessions has been delivered. */
export const flush = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0))

/** One user of a test. */
export interface TestUser {
  readonly userId: string
  readonly app: App
  /** this app's i18n (English at first) */
  readonly i18n: I18n
  /** Runs a composable in this user's app. */
  use<T>(composable: () => T): T
  /** Renders `component` with `props` in this user's app (patching it when it is already shown); returns its wrapper. */
  show(component: Component, props?: Record<string, unknown>): Promise<VueWrapper>
  /** Unmounts what `show` rendered; the app (and its login) stays. */
  hide(): Promise<void>
  /** Ends the user: unmounts the app, which logs out. */
  unmount(): void
}

/** Mounts an app for `userId` on `hub` (attached to the document, so focus and element ids work) and logs in as "Name of <id>". */
export async function createUser(hub: Hub, userId: string, backend: MediaBackend): Promise<TestUser> {
  const shown = shallowRef<{ component: Component; props: Record<string, unknown> } | null>(null)
  const Stage = defineComponent({ setup: () => () => (shown.value ? h(shown.value.component, shown.value.props) : null) })
  const i18n = createI18n()
  let app: App | null = null
  const wrapper = mount(Stage, {
    attachTo: document.body,
    global: { plugins: [createAtomicx({ hub, media: { kind: 'local', backend } }), i18n, { install: (a: App) => void (app = a) }] },
  })
  const user: TestUser = {
    userId,
    app: app!,
    i18n,
    use: (composable) => user.app.runWithContext(composable),
    async show(component, props = {}) {
      shown.value = { component, props }
      await nextTick()
      return wrapper.findComponent(component)
    },
    async hide() {
      shown.value = null
      await nextTick()
    },
    unmount: () => wrapper.unmount(),
  }
  await user.use(useLoginState).login({ userId, userName: `Name of ${userId}` })
  return user
}

/**
 * Users for `userIds` on `hub`, each capturing from its own fake backend: the first starts live "live1", the
 * others join it. Resolves once every side has heard of it all.
 */
export async function createLive<const Ids extends readonly [string, ...string[]]>(hub: Hub, userIds: Ids): Promise<{ -readonly [K in keyof Ids]: TestUser }> {
  const [hostId, ...audienceIds] = userIds
  const host = await createUser(hub, hostId, createFakeBackend())
  const audience: TestUser[] = []
  for (const userId of audienceIds) audience.push(await createUser(hub, userId, createFakeBackend()))
  await host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'Live 1' })
  for (const user of audience) await user.use(useLiveListState).joinLive({ liveId: 'live1' })
  await flush()
  return [host, ...audience] as { -readonly [K in keyof Ids]: TestUser }
}

/** Ends a test: real timers again, every user unmounted, the hub disposed, the document emptied. */
export function tearDown(hub: Hub, users: readonly TestUser[]): void {
  vi.useRealTimers()
  for (const user of users) user.unmount()
  hub.dispose()
  document.body.replaceChildren()
}
