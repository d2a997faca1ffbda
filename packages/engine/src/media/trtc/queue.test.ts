import { describe, expect, it } from 'vitest'
import { createKeyedQueue } from './queue'

const abort = { code: 5998 }
const isAbort = (e: unknown) => e === abort

function deferred() {
  let resolve!: () => void
  let reject!: (e: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('createKeyedQueue', () => {
  it('runs tasks of one key in order, one at a time, and other keys independently', async () => {
    const q = createKeyedQueue(isAbort)
    const log: string[] = []
    const gate = deferred()
    const first = q.run('camera', async () => {
      log.push('camera 1 start')
      await gate.promise
      log.push('camera 1 end')
    })
    const second = q.run('camera', async () => {
      log.push('camera 2')
      return 2
    })
    const other = q.run('audio', async () => {
      log.push('audio')
    })
    await other
    expect(log).toEqual(['camera 1 start', 'audio'])
    gate.resolve()
    await first
    expect(await second).toBe(2)
    expect(log).toEqual(['camera 1 start', 'audio', 'camera 1 end', 'camera 2'])
  })

  it('a failure rejects its own call only; the next task still runs', async () => {
    const q = createKeyedQueue(isAbort)
    const failing = q.run('k', async () => {
      throw new Error('no')
    })
    const next = q.run('k', async () => 'ok')
    await expect(failing).rejects.toThrow('no')
    await expect(next).resolves.toBe('ok')
  })

  it('an abort of a superseded task resolves; an abort of the last task rejects', async () => {
    const q = createKeyedQueue(isAbort)
    const superseded = q.run('k', async () => {
      throw abort
    })
    const latest = q.run('k', async () => 'stopped')
    await expect(superseded).resolves.toBeUndefined()
    await expect(latest).resolves.toBe('stopped')
    await expect(q.run('k', async () => {
      throw abort
    })).rejects.toBe(abort)
  })
})
