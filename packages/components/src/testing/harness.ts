// Test helpers (tests only, never exported): the users of `@atomicx-vue/vue/testing`, each with this package's
// i18n and a stage, attached to the document, that renders the component under test like an app would.
import { createFakeBackend, type FakeBackend } from '@atomicx-vue/engine/testing'
import type { Hub } from '@atomicx-vue/vue'
import { createTestUser, goLive, tearDown as endUsers, type TestUser as VueTestUser } from '@atomicx-vue/vue/testing'
import { mount, type VueWrapper } from '@vue/test-utils'
import { vi } from 'vitest'
import { defineComponent, h, nextTick, shallowRef, type App, type Component } from 'vue'
import { createI18n, type I18n } from '../i18n'

export { flush } from '@atomicx-vue/vue/testing'

/** One user of a test, who can show components. */
export interface TestUser extends VueTestUser {
  /** this app's i18n (English at first) */
  readonly i18n: I18n
  /** Renders `component` with `props` in this user's app (patching it when it is already shown); returns its wrapper. */
  show(component: Component, props?: Record<string, unknown>): Promise<VueWrapper>
  /** Unmounts what `show` rendered; the app (and its login) stays. */
  hide(): Promise<void>
}

/** Mounts an app for `userId` on `hub` (attached to the document, so focus and element ids work) and logs in as "Name of <id>". */
export async function createUser(hub: Hub, userId: string, backend: FakeBackend): Promise<TestUser> {
  const shown = shallowRef<{ component: Component; props: Record<string, unknown> } | null>(null)
  const Stage = defineComponent({ setup: () => () => (shown.value ? h(shown.value.component, shown.value.props) : null) })
  const i18n = createI18n()
  let wrapper: VueWrapper | undefined
  const user = await createTestUser(hub, userId, {
    backend,
    mountApp(atomicx): App {
      wrapper = mount(Stage, { attachTo: document.body, global: { plugins: [atomicx, i18n] } })
      return wrapper.vm.$.appContext.app
    },
  })
  return {
    ...user,
    i18n,
    async show(component, props = {}) {
      shown.value = { component, props }
      await nextTick()
      return wrapper!.findComponent(component)
    },
    async hide() {
      shown.value = null
      await nextTick()
    },
  }
}

/** Users for `userIds` on `hub`, each capturing from its own fake backend, in live "live1" (see `goLive`). */
export async function createLive<const Ids extends readonly [string, ...string[]]>(hub: Hub, userIds: Ids): Promise<{ -readonly [K in keyof Ids]: TestUser }> {
  const users: TestUser[] = []
  for (const userId of userIds) users.push(await createUser(hub, userId, createFakeBackend()))
  await goLive(users)
  return users as { -readonly [K in keyof Ids]: TestUser }
}

/** Ends a test: real timers again, every user unmounted, the hub disposed, the document emptied. */
export function tearDown(hub: Hub, users: readonly TestUser[]): void {
  vi.useRealTimers()
  endUsers(hub, users)
  document.body.replaceChildren()
}
