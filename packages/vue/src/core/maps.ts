// Lists that can be large live in insertion-ordered Maps: an event touches its key, never scans the list.

/** `map` with `key` set to `value` (a new map). */
export function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V): ReadonlyMap<string, V> {
  return new Map(map).set(key, value)
}

/** `map` without `key`; the same map when the key is absent, so nothing re-renders. */
export function withoutKey<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map
  const next = new Map(map)
  next.delete(key)
  return next
}
