// @vitest-environment node
// Every package imports in plain Node (SSR, tooling): nothing reads window, navigator or document at import time.
import { describe, expect, it } from 'vitest'

describe('importing in Node', () => {
  it('has no DOM to lean on', () => {
    expect([typeof window, typeof document, typeof navigator === 'undefined' || !('mediaDevices' in navigator)]).toEqual(['undefined', 'undefined', true])
  })

  it.each([
    ['@atomicx-vue/engine', ['createLocalHub', 'connectInPage', 'createLocalMediaEngine', 'EngineError']],
    ['@atomicx-vue/engine/testing', ['createFakeBackend']],
    ['@atomicx-vue/vue', ['createAtomicx', 'useCoGuestState', 'useLiveListState', 'useDeviceState', 'CoGuestEvent', 'CoHostEvent']],
    ['tuikit-atomicx-vue3', ['createAtomicx', 'useCoGuestState', 'GuestEvent', 'HostEvent']],
    ['@atomicx-vue/components', ['CoGuestPanel', 'CoHostPanel', 'LiveView', 'CallView', 'DeviceSettings']],
  ])('%s', async (name, names) => {
    const module: Record<string, unknown> = await import(/* @vite-ignore */ name)
    for (const exported of names) expect(module[exported], exported).toBeDefined()
  })

  it('runs the live API without a DOM: login, start, join, apply, accept', async () => {
    const { createLocalHub } = await import('@atomicx-vue/engine')
    const { createAtomicx, useLiveListState, useLoginState, useCoGuestState } = await import('@atomicx-vue/vue')
    const { createSSRApp } = await import('vue')
    const hub = createLocalHub()
    // signalling needs no media: a failing engine factory shows it
    const media = () => Promise.reject(new Error('no media in Node'))
    const host = createSSRApp({ render: () => null }).use(createAtomicx({ hub, media }))
    const guest = createSSRApp({ render: () => null }).use(createAtomicx({ hub, media }))
    const errors: unknown[] = []
    for (const app of [host, guest]) app.config.errorHandler = (error) => errors.push(error)
    await host.runWithContext(useLoginState).login({ userId: 'host' })
    await guest.runWithContext(useLoginState).login({ userId: 'guest' })
    await host.runWithContext(useLiveListState).startLive({ liveId: 'ssr', liveName: 'SSR' })
    await guest.runWithContext(useLiveListState).joinLive({ liveId: 'ssr' })
    await guest.runWithContext(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await new Promise((resolve) => setTimeout(resolve, 0))
    await host.runWithContext(useCoGuestState).acceptApplication({ userId: 'guest' })
    expect(host.runWithContext(useCoGuestState).connected.value.map((user) => user.userId)).toEqual(['host', 'guest'])
    hub.dispose()
    // going live asked for a media engine: its failure reached the app's errorHandler and broke nothing else
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.every((error) => (error as Error).message === 'no media in Node')).toBe(true)
  })
})
