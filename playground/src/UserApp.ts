import type { Hub } from '@atomicx-vue/engine'
import { createAtomicx } from '@atomicx-vue/vue'
import { createApp, defineComponent, h, inject, onBeforeUnmount, onMounted, ref, type App, type Component, type InjectionKey, type PropType } from 'vue'

/** The page's one hub: every user app connects to it, so they all meet in the same rooms. */
export const hubKey: InjectionKey<Hub> = Symbol('playground hub')

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
    const hub = inject(hubKey)
    if (!hub) throw new Error('UserApp needs the hub: provide(hubKey, createLocalHub())')
    const root = ref<HTMLElement>()
    let app: App | undefined
    onMounted(() => {
      app = createApp(props.component, props.rootProps).use(createAtomicx({ hub }))
      app.mount(root.value!)
    })
    onBeforeUnmount(() => app?.unmount())
    return () => h('div', { ref: root, class: 'user-app' })
  },
})
