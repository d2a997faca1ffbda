/** Runs tasks one after another per key (a device, the room, a remote stream). */
export interface KeyedQueue {
  /**
   * Runs `task` after every task queued earlier under `key` has settled. If it fails with an error
   * `isAbort` recognises while a later task waits under the same key, it resolves instead: the SDK
   * aborted a call the user already superseded (a double click), which is not a failure.
   */
  run<T>(key: string, task: () => Promise<T>): Promise<T | undefined>
}

/** Creates a per-key serial queue; `isAbort` recognises the SDK's "aborted" error. */
export function createKeyedQueue(isAbort: (error: unknown) => boolean): KeyedQueue {
  const tails = new Map<string, { readonly done: Promise<void>; readonly seq: number }>()
  return {
    run(key, task) {
      const prev = tails.get(key)
      const seq = (prev?.seq ?? 0) + 1
      const result = (prev?.done ?? Promise.resolve()).then(task).catch((error: unknown) => {
        if (isAbort(error) && tails.get(key)?.seq !== seq) return undefined
        throw error
      })
      const done = result.then(() => {}, () => {}).then(() => {
        // the last task of a key removes it, so idle keys cost nothing
        if (tails.get(key)?.seq === seq) tails.delete(key)
      })
      tails.set(key, { done, seq })
      return result
    },
  }
}
