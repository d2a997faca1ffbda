import { triggerRef, type ShallowRef } from 'vue'

// Lists that can be large live in insertion-ordered Maps held by a shallowRef and changed in place, then
// `triggerRef`: an event costs O(1) whatever the list's size. Their public arrays are `computed` over
// the values, so one is built when read (once per render), not once per event.

/** A Map changed in place: readers depend on the ref, so every change must go through these helpers. */
export type MapRef<V> = ShallowRef<Map<string, V>>

/** Sets `key` to `value` (a new key goes last, a known one keeps its place) and triggers the readers. */
export function setEntry<V>(map: MapRef<V>, key: string, value: V): void {
  map.value.set(key, value)
  triggerRef(map)
}

/** Sets every entry like `setEntry`, triggering the readers once (not at all when there is none). Returns whether any was set. */
export function setEntries<V>(map: MapRef<V>, entries: Iterable<readonly [string, V]>): boolean {
  let changed = false
  for (const [key, value] of entries) {
    map.value.set(key, value)
    changed = true
  }
  if (changed) triggerRef(map)
  return changed
}

/** Deletes `key` and triggers the readers; an absent key triggers nothing, so nothing re-renders. Returns whether it was there. */
export function deleteEntry<V>(map: MapRef<V>, key: string): boolean {
  if (!map.value.delete(key)) return false
  triggerRef(map)
  return true
}
