/** Runs tasks one after another: each starts when the previous one settled, whatever its outcome. */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>

/** A new, empty queue. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return (task) => {
    const run = tail.then(task)
    tail = run.catch(() => undefined)
    return run
  }
}
