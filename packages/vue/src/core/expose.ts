// How a composable hands out its store: state as read-only refs, actions as they are, and the same
// actions for code outside components.
import { computed, type ComputedRef } from 'vue'

/** Read-only refs that follow these members of `store`. */
export function refsOf<S extends object, K extends keyof S>(store: S, keys: readonly K[]): { [P in K]: ComputedRef<S[P]> } {
  return Object.fromEntries(keys.map((key) => [key, computed(() => store[key])])) as { [P in K]: ComputedRef<S[P]> }
}

/** These members of `store`, as they are. */
export function pick<S extends object, K extends keyof S>(store: S, keys: readonly K[]): Pick<S, K> {
  return Object.fromEntries(keys.map((key) => [key, store[key]])) as Pick<S, K>
}

/** These actions of a store, each run on the store of the active app (the active Pinia) when called. */
export function activeActions<S, K extends keyof S>(useStore: () => S, keys: readonly K[]): Pick<S, K> {
  const run = (key: K) => (...args: unknown[]) => (useStore()[key] as (...args: unknown[]) => unknown)(...args)
  return Object.fromEntries(keys.map((key) => [key, run(key)])) as Pick<S, K>
}
