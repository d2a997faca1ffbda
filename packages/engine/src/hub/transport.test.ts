import { describe, expect, it, vi } from 'vitest'
import { createPortPair } from './transport'

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

describe('createPortPair', () => {
  it('delivers in FIFO order in later microtasks, never inside send()', async () => {
    const [a, b] = createPortPair<string, number>()
    const got: number[] = []
    b.onMessage((n) => got.push(n))
    a.send(1)
    a.send(2)
    a.send(3)
    expect(got).toEqual([])
    await flush()
    expect(got).toEqual([1, 2, 3])
  })

  it('works both ways and keeps the order of a reply after what was already queued', async () => {
    const [a, b] = createPortPair<string, string>()
    const log: string[] = []
    a.onMessage((m) => log.push(`a got ${m}`))
    b.onMessage((m) => {
      log.push(`b got ${m}`)
      b.send(`re:${m}`)
    })
    a.send('x')
    a.send('y')
    await flush()
    expect(log).toEqual(['b got x', 'b got y', 'a got re:x', 'a got re:y'])
  })

  it('keeps messages sent before the receiver registers, in order, ahead of later ones', async () => {
    const [a, b] = createPortPair<string, number>()
    a.send(1)
    a.send(2)
    await flush()
    const got: number[] = []
    b.onMessage((n) => got.push(n))
    a.send(3)
    expect(got).toEqual([])
    await flush()
    expect(got).toEqual([1, 2, 3])
  })

  it('passes messages by reference (plain data, no copy)', async () => {
    const [a, b] = createPortPair<string, { n: number }>()
    const sent = { n: 1 }
    const received = vi.fn()
    b.onMessage(received)
    a.send(sent)
    await flush()
    expect(received).toHaveBeenCalledWith(sent)
    expect(received.mock.calls[0]?.[0]).toBe(sent)
  })

  it('close() tells the other side once, after the messages already on the way, and not itself', async () => {
    const [a, b] = createPortPair<string, string>()
    const log: string[] = []
    b.onMessage((m) => log.push(m))
    b.onClose(() => log.push('b closed'))
    a.onClose(() => log.push('a closed'))
    a.send('last words')
    a.close()
    a.close()
    await flush()
    expect(log).toEqual(['last words', 'b closed'])
  })

  it('ignores sends after close from either side', async () => {
    const [a, b] = createPortPair<string, string>()
    const toA = vi.fn()
    const toB = vi.fn()
    a.onMessage(toA)
    b.onMessage(toB)
    a.close()
    a.send('late')
    b.send('late')
    await flush()
    expect(toA).not.toHaveBeenCalled()
    expect(toB).not.toHaveBeenCalled()
  })

  it('a side that closed itself receives nothing more and hears no close', async () => {
    const [a, b] = createPortPair<string, string>()
    const toB = vi.fn()
    const bClosed = vi.fn()
    b.onMessage(toB)
    b.onClose(bClosed)
    a.send('in flight')
    b.close()
    await flush()
    expect(toB).not.toHaveBeenCalled()
    expect(bClosed).not.toHaveBeenCalled()
  })

  it('a throwing receiver does not stop later deliveries', async () => {
    const [a, b] = createPortPair<string, number>()
    a.send(1)
    a.send(2)
    await flush()
    const got: number[] = []
    const errors: unknown[] = []
    const realQueue = queueMicrotask
    // collect what would surface as an uncaught error
    vi.stubGlobal('queueMicrotask', (task: () => void) => realQueue(() => {
      try {
        task()
      } catch (error) {
        errors.push(error)
      }
    }))
    b.onMessage((n) => {
      got.push(n)
      if (n === 1) throw new Error('boom')
    })
    a.send(3)
    await flush()
    vi.unstubAllGlobals()
    expect(got).toEqual([1, 2, 3])
    expect(errors).toEqual([new Error('boom')])
  })
})
