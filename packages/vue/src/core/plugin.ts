import { createBrowserBackend } from '@atomicx-vue/engine'
import { createPinia } from 'pinia'
import { inject, type App, type Plugin } from 'vue'
import { useBattleStore } from '../battle/store'
import { useCallStore } from '../call/store'
import { useCoGuestStore } from '../coGuest/store'
import { useCoHostStore } from '../coHost/store'
import { mediaBackendKey } from '../device/backend'
import { useDeviceStore } from '../device/store'
import { useLiveAudienceStore } from '../liveAudience/store'
import { useLiveListStore } from '../liveList/store'
import { useLiveSeatStore } from '../liveSeat/store'
import { useLoginStore } from '../login/store'
import { useMediaStore } from '../media/store'
import { createAtomicxClient } from './client'
import { atomicxClientKey } from './context'
import { localBackendOf } from './media'
import type { AtomicxOptions } from './types'

// Bound at install, not on first use, so no event that arrives before a component mounts is lost.
const STORES = [
  useLoginStore, useLiveListStore, useLiveSeatStore, useLiveAudienceStore, useCoGuestStore,
  useMediaStore, useDeviceStore, useCoHostStore, useBattleStore, useCallStore,
] as const

/** Instantiates every store in `app`, whose client must already be provided; returns what disposes them. */
export function bindStores(app: App): () => void {
  const stores = app.runWithContext(() => STORES.map((useStore) => useStore()))
  return () => {
    for (const store of stores) store.$dispose()
  }
}

/** Hands a listener's error to the app's `errorHandler`, like Vue does for component errors. */
function reporterOf(app: App): (error: unknown) => void {
  return (error) => {
    const handler = app.config.errorHandler
    if (handler) handler(error, null, 'atomicx event listener')
    else queueMicrotask(() => {
      throw error
    })
  }
}

/**
 * The Vue plugin: one app = one user. Installs Pinia when the app has none, creates the app's client
 * (on `options.hub`, or the page's default hub) and binds every store to it. Unmounting the app
 * disposes the stores and logs the user out.
 * @example
 * const hub = createLocalHub()
 * createApp(Host).use(createAtomicx({ hub })).mount('#host')
 * createApp(Guest).use(createAtomicx({ hub })).mount('#guest')
 */
export function createAtomicx(options: AtomicxOptions = {}): Plugin {
  return {
    install(app) {
      if (!app.config.globalProperties.$pinia) app.use(createPinia())
      const report = reporterOf(app)
      const client = createAtomicxClient(options, report)
      app.provide(atomicxClientKey, client)
      // device tests and previews capture through: the local engine's, else one the app provided before (tests),
      // else the browser's. Chosen here, not in the device store, so that importing a composable does not bundle it.
      const backend = localBackendOf(options.media)
      if (backend) app.provide(mediaBackendKey, backend)
      else if (!app.runWithContext(() => inject(mediaBackendKey, null))) app.provide(mediaBackendKey, createBrowserBackend())
      const unbind = bindStores(app)
      app.onUnmount(() => {
        unbind()
        client.dispose().catch(report)
      })
    },
  }
}
