/** The fake's event queue: FIFO, delivered in microtasks, drained by `flush()`. */
export interface Delivery {
  push(deliver: () => void): void
  /** Resolves once nothing is queued and nothing new arrives for a while; throws on a runaway loop. */
  flush(): Promise<void>
}

// No timers allowed: "quiet" means this many microtask turns without a queued event, enough for the
// engine's own promise chains (queue → SDK call → events) to settle.
const QUIET_TURNS = 50
const MAX_DELIVERIES = 10_000

/** Creates an empty delivery queue. */
export function createDelivery(): Delivery {
  const queue: Array<() => void> = []
  let scheduled = false
  let delivered = 0

  function pump() {
    scheduled = false
    for (const deliver of queue.splice(0)) {
      delivered++
      deliver()
    }
  }

  return {
    push(deliver) {
      queue.push(deliver)
      if (!scheduled) {
        scheduled = true
        queueMicrotask(pump)
      }
    },
    async flush() {
      const start = delivered
      let seen = delivered
      for (let quiet = 0; quiet < QUIET_TURNS; quiet++) {
        await Promise.resolve()
        if (delivered - start > MAX_DELIVERIES) throw new Error(`flush(): more than ${MAX_DELIVERIES} deliveries, an event loop?`)
        if (scheduled || delivered !== seen) quiet = -1
        seen = delivered
      }
    },
  }
}
