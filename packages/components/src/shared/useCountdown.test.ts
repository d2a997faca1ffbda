import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useCountdown } from './useCountdown'

const NOW = 1_700_000_000_000

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: NOW })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('useCountdown', () => {
  it('counts whole seconds down to each deadline on Date.now(), 0 once due, null without a deadline', () => {
    const deadlines = shallowRef<(number | null)[]>([NOW + 30_000, NOW + 1_500, null])
    const scope = effectScope()
    const left = scope.run(() => useCountdown(() => deadlines.value))!
    expect([left(NOW + 30_000), left(NOW + 1_500), left(null)]).toEqual([30, 2, null])
    vi.advanceTimersByTime(2_000)
    expect([left(NOW + 30_000), left(NOW + 1_500)]).toEqual([28, 0])
    scope.stop()
  })

  it('runs one 1 s interval only while a deadline is pending, and none once the scope ends', async () => {
    const deadlines = shallowRef<(number | null)[]>([])
    const scope = effectScope()
    scope.run(() => useCountdown(() => deadlines.value))
    expect(vi.getTimerCount()).toBe(0)
    deadlines.value = [null]
    await nextTick()
    expect(vi.getTimerCount()).toBe(0)
    deadlines.value = [NOW + 10_000, NOW + 20_000]
    await nextTick()
    expect(vi.getTimerCount()).toBe(1)
    deadlines.value = []
    await nextTick()
    expect(vi.getTimerCount()).toBe(0)
    deadlines.value = [NOW + 10_000]
    await nextTick()
    scope.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a deadline that arrives between ticks counts from the current time, not the last tick', async () => {
    const deadlines = shallowRef<(number | null)[]>([NOW + 60_000])
    const scope = effectScope()
    const left = scope.run(() => useCountdown(() => deadlines.value))!
    vi.advanceTimersByTime(1_900) // one tick at +1 s, the clock now reads +1.9 s
    deadlines.value = [NOW + 60_000, NOW + 1_900 + 10_000]
    await nextTick()
    expect(left(NOW + 11_900)).toBe(10)
    scope.stop()
  })
})
