import { expect, vi } from 'vitest'
import { createLocalMediaEngine, createLocalMediaNetwork, type LocalMediaNetwork } from '@atomicx-vue/engine'
import { createFakeBackend } from '@atomicx-vue/engine/testing'
import { describeMediaEngineContract, type MakeMediaWorld } from './media-contract'

type Sink = Parameters<LocalMediaNetwork['join']>[1]

/**
 * Local engines over one in-page network, each with its own fake devices; timers are faked, so
 * `advance` drives the volume and network reports. `'prompt'`: the network's own delivery, which hands
 * a joiner its peers before `join` resolves. `'held'`: every delivery waits for `flush()`, so peers
 * arrive after `join` resolves (the TRTC fake's default order).
 */
function localWorld(order: 'prompt' | 'held'): MakeMediaWorld {
  return (userIds) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const network = createLocalMediaNetwork()
    const held: Array<() => void> = []

    async function flush() {
      for (;;) {
        await network.flush()
        if (!held.length) return
        for (const deliver of held.splice(0)) deliver()
      }
    }

    const shared: LocalMediaNetwork = order === 'prompt'
      ? network
      : { join: (options, sink: Sink) => network.join(options, (event) => held.push(() => sink(event))), flush }
    const backends = userIds.map(() => createFakeBackend())
    const engines = userIds.map((userId, i) => createLocalMediaEngine({ network: shared, backend: backends[i], userId }))

    return {
      engines,
      flush,
      view: () => document.createElement('div'),
      async advance(ms) {
        vi.advanceTimersByTime(ms)
        await flush()
      },
      playing(index, userId, source) {
        const owners = backends.filter((_, j) => userIds[j] === userId)
        const shown = backends[index]!.attachments.filter((a) => !a.detached && owners.some((b) => b.captureOf(a.stream) === source))
        return shown.at(-1)?.view
      },
      async dispose() {
        try {
          for (const engine of engines) await engine.dispose()
          await flush()
          for (const b of backends) {
            expect(b.streams.flatMap((s) => s.getTracks().map((t) => t.readyState)).filter((state) => state !== 'ended')).toEqual([])
            expect(b.attachments.filter((a) => !a.detached)).toEqual([])
            expect([b.openMeters, b.deviceListeners]).toEqual([0, 0])
          }
          expect(vi.getTimerCount()).toBe(0)
        } finally {
          vi.useRealTimers()
        }
      },
    }
  }
}

describeMediaEngineContract('local', localWorld('prompt'))
describeMediaEngineContract('local, peers announced after join resolves', localWorld('held'))
