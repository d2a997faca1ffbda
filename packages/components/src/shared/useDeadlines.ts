import { shallowRef, watch } from 'vue'
import { useNow } from './useNow'

/**
 * Countdowns for pending requests. The composables do not expose a request's deadline, so each key's
 * clock starts when the key first appears and runs `seconds()` (0 = no timeout); a key that goes away
 * is forgotten.
 */
export function useDeadlines(keys: () => readonly string[], seconds: () => number): (key: string) => number | null {
  const deadlines = shallowRef<ReadonlyMap<string, number>>(new Map())
  watch(keys, (list) => {
    const now = Date.now()
    deadlines.value = new Map(list.map((key) => [key, deadlines.value.get(key) ?? now + seconds() * 1000]))
  }, { immediate: true })
  const now = useNow(() => seconds() > 0 && deadlines.value.size > 0)
  /** Whole seconds left for `key` (0 once due), or null when it has no countdown. */
  return (key) => {
    const deadline = deadlines.value.get(key)
    if (deadline === undefined || seconds() <= 0) return null
    return Math.max(0, Math.ceil((deadline - now.value) / 1000))
  }
}
