import type { StoreGeneric } from 'pinia'

/**
 * Whether one of the `names` actions of `store` is running. The hub sends the events a command causes
 * before its answer, so this tells which events are the user's own doing (leaving a live ends its
 * requests too). Subscribed for the lifetime of the calling store.
 */
export function actionsInFlight(store: Pick<StoreGeneric, '$onAction'>, names: readonly string[]): () => boolean {
  let running = 0
  store.$onAction(({ name, after, onError }) => {
    if (!names.includes(name)) return
    running++
    const done = () => {
      running--
    }
    after(done)
    onError(done)
  })
  return () => running > 0
}
