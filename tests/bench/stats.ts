import { Bench, type FnOptions, type Statistics } from 'tinybench'

/**
 * Runs one tinybench task and returns its latency statistics (ms). `fn` returns the duration it
 * measured itself, so setup and clean-up inside an iteration stay out of the figures; the time
 * budget still counts each iteration's whole cost.
 */
export async function measure(fn: () => Promise<number> | number, hooks: FnOptions = {}, time = 1000): Promise<Statistics> {
  const bench = new Bench({ time, warmupTime: 200 })
  bench.add('task', async () => {
    const startedAt = performance.now()
    const overriddenDuration = await fn()
    return { overriddenDuration, overriddenIterationCost: performance.now() - startedAt }
  }, hooks)
  await bench.run()
  const { result } = bench.tasks[0]!
  if (result.state === 'errored') throw result.error
  if (result.state !== 'completed') throw new Error(`benchmark ${result.state}`)
  return result.latency
}
