import { createBrowserBackend, type MediaBackend } from '@atomicx-vue/engine'
import { inject, type InjectionKey } from 'vue'

/** Where an app provides its media backend (device tests and previews capture through it, outside any live). */
export const mediaBackendKey: InjectionKey<MediaBackend> = Symbol('atomicx media backend')

/** The app's media backend, else the browser's (which touches `navigator` only when used). */
export function useMediaBackend(): MediaBackend {
  return inject(mediaBackendKey, null) ?? createBrowserBackend()
}
