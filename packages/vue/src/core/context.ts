import { hasInjectionContext, inject, type InjectionKey } from 'vue'
import type { AtomicxClient } from './types'

/** Where `createAtomicx()` provides the app's client. */
export const atomicxClientKey: InjectionKey<AtomicxClient> = Symbol('atomicx client')

/**
 * The current app's client, for stores (their setup runs in the app's injection context) and components.
 * Throws when the app has no `createAtomicx()` plugin.
 */
export function useAtomicxClient(): AtomicxClient {
  const client = hasInjectionContext() ? inject(atomicxClientKey, null) : null
  if (!client) throw new Error('No atomicx client here: install the plugin with app.use(createAtomicx()) and call composables inside that app')
  return client
}
