import type { Emitter } from '@atomicx-vue/engine'
import { tryOnScopeDispose } from '@vueuse/core'

/** A composable's event API: `subscribeEvent` returns its unsubscribe; an unknown callback unsubscribes nothing. */
export interface EventApi<M> {
  subscribeEvent<E extends keyof M>(event: E, callback: (eventInfo: M[E]) => void): () => void
  unsubscribeEvent<E extends keyof M>(event: E, callback: (eventInfo: M[E]) => void): void
}

/**
 * Wraps `subscribe` (which returns its unsubscribe) so a subscription made in a component or effect scope
 * ends with it: a forgotten unsubscribe cannot leak.
 */
export function scoped<A extends unknown[]>(subscribe: (...args: A) => () => void): (...args: A) => () => void {
  return (...args) => {
    const off = subscribe(...args)
    tryOnScopeDispose(off)
    return off
  }
}

/** A store's event API with `subscribeEvent` `scoped`. */
export function scopedEvents<M>(store: EventApi<M>): EventApi<M> {
  return { subscribeEvent: scoped(store.subscribeEvent), unsubscribeEvent: store.unsubscribeEvent }
}

/** One event with its payload, as pure transitions return them. */
export type Emission<M> = { [E in keyof M]: { readonly event: E; readonly info: M[E] } }[keyof M]

/** Emits a list of emissions in order. */
export function emitAll<M>(emitter: Emitter<M>, emissions: readonly Emission<M>[]): void {
  for (const { event, info } of emissions) emitter.emit(event, info)
}
