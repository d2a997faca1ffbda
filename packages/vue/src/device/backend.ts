import type { MediaBackend } from '@atomicx-vue/engine'
import { inject, type InjectionKey } from 'vue'

/** Where an app provides its media backend (device tests and previews capture through it, outside any live). */
export const mediaBackendKey: InjectionKey<MediaBackend> = Symbol('atomicx media backend')

/** The app's media backend: the plugin provides one (the browser's unless the app chose another). */
export function useMediaBackend(): MediaBackend {
  const backend = inject(mediaBackendKey, null)
  if (!backend) throw new Error('No media backend here: install the plugin with app.use(createAtomicx())')
  return backend
}
