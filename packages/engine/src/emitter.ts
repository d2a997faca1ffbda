/** A typed event emitter: the payload type follows from the event name. Listeners run in subscription order. */
export interface Emitter<M> {
  /** Subscribes; returns the matching unsubscribe. */
  on<E extends keyof M>(event: E, fn: (info: M[E]) => void): () => void
  /** Unsubscribes one registration of `fn`; an unknown `fn` does nothing. */
  off<E extends keyof M>(event: E, fn: (info: M[E]) => void): void
  emit<E extends keyof M>(event: E, info: M[E]): void
  /** Removes every listener. */
  clear(): void
}

export function createEmitter<M>(onError?: (error: unknown) => void): Emitter<M> {
  const listeners = new Map<keyof M, Array<(info: never) => void>>()
  const off: Emitter<M>['off'] = (event, fn) => {
    const list = listeners.get(event)
    const at = list ? list.lastIndexOf(fn as (info: never) => void) : -1
    if (at >= 0) list!.splice(at, 1)
  }
  return {
    on(event, fn) {
      const list = listeners.get(event) ?? []
      list.push(fn as (info: never) => void)
      listeners.set(event, list)
      return () => off(event, fn)
    },
    off,
    emit(event, info) {
      // copy: a listener may unsubscribe itself while we iterate
      for (const fn of [...(listeners.get(event) ?? [])]) {
        try {
          ;(fn as (i: typeof info) => void)(info)
        } catch (error) {
          if (onError) onError(error)
          else queueMicrotask(() => { throw error })
        }
      }
    },
    clear: () => listeners.clear(),
  }
}
