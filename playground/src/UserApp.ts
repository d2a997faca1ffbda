import type { Hub } from '@atomicx-vue/engine'
import { createAtomicx, type AtomicxOptions } from '@atomicx-vue/vue'
import { createApp, defineComponent, h, inject, onBeforeUnmount, onMounted, ref, type App, type Component, type InjectionKey, type PropType } from 'vue'

/** What `login()` needs besides the userId and name: nothing locally, `sdkAppId` and `userSig` on TRTC. */
export type Credentials = (userId: string) => Promise<{ readonly sdkAppId?: number; readonly userSig?: string }>

/** What every user app of the page is built with. */
export interface StageSetup {
  /** the page's one hub: every user app connects to it, so they all meet in the same rooms */
  readonly hub: Hub
  readonly media: AtomicxOptions['media']
  readonly credentials: Credentials
}

/** The stage's setup, provided to the stage app. */
export const setupKey: InjectionKey<StageSetup> = Symbol('playground setup')

/** The credentials of the user app's mode, provided to each user app (see `useSignIn`). */
export const credentialsKey: InjectionKey<Credentials> = Symbol('playground credentials')

/**
 * Mounts `component` as a separate Vue app (= a separate user with its own Pinia and session) into
 * its own element. The stage renders nothing inside that element, so the two apps never collide.
 */
export const UserApp = defineComponent({
  name: 'UserApp',
  props: {
    component: { type: Object as PropType<Component>, required: true },
    /** the root props of the user's app (read once, at mount) */
    rootProps: { type: Object as PropType<Record<string, unknown>>, default: () => ({}) },
  },
  setup(props) {
    const setup = inject(setupKey)
    if (!setup) throw new Error('UserApp needs the stage setup: provide(setupKey, { hub, media, credentials })')
    const root = ref<HTMLElement>()
    let app: App | undefined
    onMounted(() => {
      const { hub, media, credentials } = setup
      app = createApp(props.component, props.rootProps).use(createAtomicx({ hub, media })).provide(credentialsKey, credentials)
      app.mount(root.value!)
    })
    onBeforeUnmount(() => app?.unmount())
    return () => h('div', { ref: root, class: 'user-app' })
  },
})
