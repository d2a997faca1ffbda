import { createLocalHub, type Hub } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, defineComponent, type App, type Plugin } from 'vue'
import { useLiveListState } from './liveList/useLiveListState'
import { useLoginState } from './login/useLoginState'
import { createFakeBackend, createLive, createTestUser, flush, tearDown, type TestUser } from './testing'
import { LiveListEvent } from './types/live'

let hub: Hub
let users: TestUser[]
const liveIdOf = (user: TestUser) => user.use(useLiveListState).currentLive.value?.liveId
const nameOf = (user: TestUser) => user.use(useLoginState).loginUserInfo.value?.userName

beforeEach(() => {
  hub = createLocalHub()
  users = []
})
afterEach(() => tearDown(hub, users))

describe('@atomicx-vue/vue/testing', () => {
  it('createLive logs every user in, the first starts the live and the others join it', async () => {
    users = await createLive(hub, ['host', 'guest', 'viewer'], { live: { liveId: 'room9' } })
    expect(users.map(nameOf)).toEqual(['Name of host', 'Name of guest', 'Name of viewer'])
    expect(users.map(liveIdOf)).toEqual(['room9', 'room9', 'room9'])
    expect(new Set(users.map((u) => u.backend)).size).toBe(3) // each captures from its own devices
  })

  it('createTestUser shares a given backend, stays logged out with login: false, and mounts through mountApp', async () => {
    const backend = createFakeBackend()
    let given: Plugin | undefined
    let app: App | undefined
    const mountApp = (atomicx: Plugin) => {
      given = atomicx
      app = createApp(defineComponent({ render: () => null })).use(atomicx)
      app.mount(document.createElement('div'))
      return app
    }
    const alice = await createTestUser(hub, 'alice', { backend, login: false, mountApp })
    users = [alice]
    expect(given).toBeDefined()
    expect(alice.app).toBe(app)
    expect(alice.backend).toBe(backend)
    expect(nameOf(alice)).toBeUndefined()
  })

  it("unmounting a user closes its session: the host's live ends for the others", async () => {
    const [host, guest] = await createLive(hub, ['host', 'guest'])
    users = [guest]
    const ended: string[] = []
    guest.use(useLiveListState).subscribeEvent(LiveListEvent.onLiveEnded, ({ liveId }) => ended.push(liveId))
    host.unmount()
    await flush()
    expect(ended).toEqual(['live1'])
    expect(liveIdOf(guest)).toBeUndefined()
  })
})

describe('the README example', () => {
  it('runs as written', async () => {
    const { createLocalHub: createHub, useCoGuestState } = await import('./index')
    const hub = createHub()
    const [host, guest] = await createLive(hub, ['host', 'guest']) // host starts a live, guest joins
    await guest!.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
    await flush()
    expect(host!.use(useCoGuestState).applicants.value.map((u) => u.userId)).toEqual(['guest'])
    tearDown(hub, [host!, guest!])
  })
})
