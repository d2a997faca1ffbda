import { createLocalHub, EngineError, ErrorCode, type Hub, type MediaEngine, MediaErrorCode } from '@atomicx-vue/engine'
import { createFakeBackend } from '@atomicx-vue/engine/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { useCoGuestState } from '../coGuest'
import { mediaBackendKey, useMediaBackend } from '../device/backend'
import * as api from '../index'
import { useLiveListState, liveListActions } from '../liveList'
import { useLoginStore } from '../login/store'
import { useLoginState } from '../login'
import { LoginStatus } from '../types'
import { createAtomicxClient } from './client'
import { atomicxClientKey, useAtomicxClient } from './context'
import { getDefaultHub } from './defaultHub'
import { bindStores, createAtomicx } from './plugin'
import { createFakeMediaEngine, createTestUser, expectCode, flush, type TestUser } from './testing'

let hub: Hub
const users: TestUser[] = []
const user = async (userId: string, options?: Parameters<typeof createTestUser>[2]) => {
  const created = await createTestUser(hub, userId, options)
  users.push(created)
  return created
}

beforeEach(() => {
  hub = createLocalHub()
})

afterEach(() => {
  for (const created of users.splice(0)) created.unmount()
  hub.dispose()
})

describe('createAtomicx', () => {
  it('installs Pinia when the app has none, and keeps the Pinia an app already has', () => {
    const bare = createApp({}).use(createAtomicx({ hub }))
    expect(bare.config.globalProperties.$pinia).toBeDefined()
    const own = createPinia()
    const withPinia = createApp({}).use(own).use(createAtomicx({ hub }))
    expect(withPinia.config.globalProperties.$pinia).toBe(own)
  })

  it('makes every app its own user: separate Pinia, separate login', async () => {
    const alice = await user('alice')
    const bob = await user('bob')
    expect(alice.app.config.globalProperties.$pinia).not.toBe(bob.app.config.globalProperties.$pinia)
    expect(alice.use(useLoginState).loginUserInfo.value?.userId).toBe('alice')
    expect(bob.use(useLoginState).loginUserInfo.value?.userId).toBe('bob')
    await bob.use(useLoginState).logout()
    expect(alice.use(useLoginState).loginStatus.value).toBe(LoginStatus.LOGINED)
  })

  it('without a hub, the apps of the page meet on the one default hub', async () => {
    const host = await createTestUser(getDefaultHub(), 'defaultHost')
    const viewer = createApp({}).use(createAtomicx())
    expect(viewer.runWithContext(useAtomicxClient).hub).toBe(getDefaultHub())
    await viewer.runWithContext(useLoginState).login({ userId: 'defaultViewer' })
    await host.use(useLiveListState).startLive({ liveId: 'onDefault', liveName: 'Default' })
    await viewer.runWithContext(useLiveListState).joinLive({ liveId: 'onDefault' })
    expect(viewer.runWithContext(useLiveListState).currentLive.value?.liveName).toBe('Default')
    await host.use(useLiveListState).endLive()
    await viewer.runWithContext(useLoginState).logout()
    host.unmount()
  })

  it('composables work in a component of the app', async () => {
    const Profile = defineComponent({
      setup() {
        const { login, loginUserInfo } = useLoginState()
        return { login, loginUserInfo }
      },
      render() {
        return h('span', this.loginUserInfo?.userName ?? 'nobody')
      },
    })
    const wrapper = mount(Profile, { global: { plugins: [createAtomicx({ hub })] } })
    expect(wrapper.text()).toBe('nobody')
    await wrapper.vm.login({ userId: 'carol', userName: 'Carol' })
    await flushPromises()
    expect(wrapper.text()).toBe('Carol')
    wrapper.unmount()
  })

  it('useAtomicxClient outside an app with the plugin throws a clear error', () => {
    expect(() => useAtomicxClient()).toThrow(/app\.use\(createAtomicx\(\)\)/)
    expect(() => createApp({}).runWithContext(useAtomicxClient)).toThrow(/createAtomicx/)
  })

  it('binds the stores at install: an invitation sent before any co-guest composable ran is not lost', async () => {
    const host = await user('host')
    const guest = await user('guest')
    await host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'L' })
    await guest.use(() => liveListActions.joinLive({ liveId: 'live1' }))
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: -1, timeout: 0 })
    await flush()
    expect(guest.use(useCoGuestState).invitees.value.map((u) => u.userId)).toEqual(['host'])
  })

  it('unmounting the app disposes its stores and logs its user out', async () => {
    const host = await user('host')
    const guest = await createTestUser(hub, 'guest')
    await host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'L' })
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    const store = guest.use(useLoginStore)
    expect(hub.sessionCount).toBe(2)
    guest.unmount()
    await flush()
    expect(hub.sessionCount).toBe(1)
    expect(hub.state.rooms.get('live1')!.members.has('guest')).toBe(false)
    expect(guest.use(useLoginStore)).not.toBe(store) // the old instance is gone
  })

  it('disposing the stores removes every listener they put on the client', () => {
    const client = createAtomicxClient({ hub })
    let active = 0
    const counted = <A extends unknown[]>(subscribe: (...args: A) => () => void) => (...args: A) => {
      const off = subscribe(...args)
      active++
      let done = false
      return () => {
        if (!done) active--
        done = true
        off()
      }
    }
    const app = createApp({}).use(createPinia())
    app.provide(mediaBackendKey, createFakeBackend())
    app.provide(atomicxClientKey, { ...client, on: counted(client.on), onView: counted(client.onView), onClose: counted(client.onClose), onMedia: counted(client.onMedia) })
    const unbind = bindStores(app)
    expect(active).toBeGreaterThan(10)
    unbind()
    expect(active).toBe(0)
  })

  it('provides the media backend device tests capture through: the local engine\'s, else the app\'s, else the browser\'s', () => {
    const local = createFakeBackend()
    expect(createApp({}).use(createAtomicx({ hub, media: { kind: 'local', backend: local } })).runWithContext(useMediaBackend)).toBe(local)
    const own = createFakeBackend()
    const withOwn = createApp({}).provide(mediaBackendKey, own).use(createAtomicx({ hub, media: () => createFakeMediaEngine() }))
    expect(withOwn.runWithContext(useMediaBackend)).toBe(own)
    const browser = createApp({}).use(createAtomicx({ hub })).runWithContext(useMediaBackend)
    expect(browser).not.toBe(own)
    expect(browser.supported).toEqual({ userMedia: expect.any(Boolean), displayMedia: expect.any(Boolean), sinkId: expect.any(Boolean) })
  })

  it('a store outside an app with the plugin has no media backend: a clear error', () => {
    expect(() => createApp({}).runWithContext(useMediaBackend)).toThrow(/createAtomicx/)
  })

  it('the xxxActions objects act on the active Pinia', async () => {
    const alice = await user('alice')
    const bob = await user('bob')
    setActivePinia(alice.app.config.globalProperties.$pinia as Pinia)
    await liveListActions.startLive({ liveId: 'byAlice', liveName: 'A' })
    setActivePinia(bob.app.config.globalProperties.$pinia as Pinia)
    await liveListActions.joinLive({ liveId: 'byAlice' })
    expect(hub.state.rooms.get('byAlice')!.ownerId).toBe('alice')
    expect(bob.use(useLiveListState).currentLive.value?.liveId).toBe('byAlice')
  })
})

describe('client', () => {
  it('rejects requests, queries and media before login with NOT_LOGGED_IN', async () => {
    const client = createAtomicxClient({ hub })
    await expectCode(client.request({ type: 'live.join', liveId: 'x' }), ErrorCode.NOT_LOGGED_IN)
    await expectCode(client.query({ type: 'live.list' }), ErrorCode.NOT_LOGGED_IN)
    await expectCode(client.media(), ErrorCode.NOT_LOGGED_IN)
  })

  it('creates one media engine per login, forwards its events to listeners registered before it existed, disposes it at logout', async () => {
    const engines: ReturnType<typeof createFakeMediaEngine>[] = []
    const client = createAtomicxClient({ hub, media: () => engines[engines.push(createFakeMediaEngine()) - 1]! })
    const volumes = vi.fn()
    client.onMedia('volumes', volumes)
    await client.login({ userId: 'dave' })
    const engine = await client.media()
    expect(await client.media()).toBe(engine)
    engines[0]!.emit('volumes', { levels: [{ userId: 'dave', volume: 3 }] })
    expect(volumes).toHaveBeenCalledWith({ levels: [{ userId: 'dave', volume: 3 }] })
    await client.logout()
    expect(engines[0]!.dispose).toHaveBeenCalledTimes(1)
    engines[0]!.emit('volumes', { levels: [] })
    expect(volumes).toHaveBeenCalledTimes(1)
    await client.login({ userId: 'dave' })
    expect(await client.media()).not.toBe(engine)
    await client.dispose()
  })

  it('keeps a media engine per channel: the call one apart from the live one, each forwarding its own events; releasing one disposes only it', async () => {
    const engines: ReturnType<typeof createFakeMediaEngine>[] = []
    const client = createAtomicxClient({ hub, media: () => engines[engines.push(createFakeMediaEngine()) - 1]! })
    const [liveVolumes, callVolumes] = [vi.fn(), vi.fn()]
    client.onMedia('volumes', liveVolumes)
    client.onMedia('volumes', callVolumes, 'call')
    await client.login({ userId: 'dave' })
    const [live, call] = [await client.media(), await client.media('call')]
    expect([await client.media('live'), await client.media('call')]).toEqual([live, call])
    expect(engines).toEqual([live, call])
    engines[1]!.emit('volumes', { levels: [{ userId: 'erin', volume: 5 }] })
    expect([liveVolumes.mock.calls, callVolumes.mock.calls]).toEqual([[], [[{ levels: [{ userId: 'erin', volume: 5 }] }]]])

    await client.releaseMedia('call')
    expect([engines[0]!.dispose.mock.calls.length, engines[1]!.dispose.mock.calls.length]).toEqual([0, 1])
    engines[1]!.emit('volumes', { levels: [] })
    expect(callVolumes).toHaveBeenCalledTimes(1)
    expect(await client.media()).toBe(live)
    const next = await client.media('call')
    expect(next).not.toBe(call)
    engines[2]!.emit('volumes', { levels: [] })
    expect(callVolumes).toHaveBeenCalledTimes(2) // listeners outlive the engine they first heard
    await client.logout()
    expect([engines[0]!.dispose.mock.calls.length, engines[2]!.dispose.mock.calls.length]).toEqual([1, 1])
    await client.dispose()
  })

  it('an engine released while it is still being built is disposed, not adopted', async () => {
    const engine = createFakeMediaEngine()
    let build!: (e: MediaEngine) => void
    const client = createAtomicxClient({ hub, media: () => new Promise<MediaEngine>((resolve) => (build = resolve)) })
    const volumes = vi.fn()
    client.onMedia('volumes', volumes, 'call')
    await client.login({ userId: 'dave' })
    const starting = client.media('call')
    const released = client.releaseMedia('call')
    build(engine)
    await expect(starting).rejects.toMatchObject({ name: 'MediaError', code: MediaErrorCode.DISPOSED })
    await released
    expect(engine.dispose).toHaveBeenCalledTimes(1)
    engine.emit('volumes', { levels: [] })
    expect(volumes).not.toHaveBeenCalled()
    await client.dispose()
  })

  it('retries a media engine that failed to start', async () => {
    const factory = vi.fn<() => Promise<MediaEngine>>()
      .mockRejectedValueOnce(new EngineError(ErrorCode.INVALID_ARGUMENT, 'no engine'))
      .mockResolvedValueOnce(createFakeMediaEngine())
    const client = createAtomicxClient({ hub, media: factory })
    await client.login({ userId: 'erin' })
    await expectCode(client.media(), ErrorCode.INVALID_ARGUMENT)
    await expect(client.media()).resolves.toMatchObject({ kind: 'fake' })
    await client.dispose()
  })

  it('with the TRTC engine, login needs a userSig', async () => {
    const client = createAtomicxClient({ hub, media: { kind: 'trtc', sdkAppId: 1400000000 } })
    await expectCode(client.login({ userId: 'frank' }), ErrorCode.INVALID_ARGUMENT)
    expect(client.session.value).toBeNull()
    await client.login({ userId: 'frank', userSig: 'sig' })
    expect(client.session.value?.userId).toBe('frank')
    await client.dispose()
    expect(client.session.value).toBeNull()
  })
})

describe('engine exports apps use without depending on the engine', () => {
  it('an app runs its own hub from createLocalHub and branches on EngineError / ErrorCode', async () => {
    expect([api.EngineError, api.ErrorCode, api.createLocalHub]).toEqual([EngineError, ErrorCode, createLocalHub])
    const ownHub: api.Hub = api.createLocalHub()
    const app = createApp({ render: () => null }).use(api.createAtomicx({ hub: ownHub }))
    app.mount(document.createElement('div'))
    expect(app.runWithContext(useAtomicxClient).hub).toBe(ownHub)
    const failure = await app.runWithContext(api.useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(api.EngineError)
    expect((failure as InstanceType<typeof api.EngineError>).code).toBe(api.ErrorCode.NOT_LOGGED_IN)
    app.unmount()
    ownHub.dispose()
  })
})
