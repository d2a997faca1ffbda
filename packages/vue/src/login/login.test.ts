import { createLocalHub, createState, ErrorCode, type Hub, type HubPort } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestUser, expectCode, flush, type TestUser } from '../core/testing'
import { useLiveAudienceState } from '../liveAudience'
import { useLiveListState } from '../liveList'
import { LiveListEvent, LoginEvent, LoginStatus } from '../types'
import { closeEvent, withProfile, withSelfInfo } from './transitions'
import { useLoginStore } from './store'
import { loginActions, useLoginState } from './useLoginState'

let hub: Hub
let alice: TestUser

beforeEach(async () => {
  hub = createLocalHub()
  alice = await createTestUser(hub, 'alice', { login: false })
})

afterEach(() => {
  alice.unmount()
  hub.dispose()
})

describe('login', () => {
  it('works on the local engine without sdkAppId or userSig', async () => {
    const { login, loginUserInfo, loginStatus } = alice.use(useLoginState)
    expect([loginUserInfo.value, loginStatus.value]).toEqual([null, LoginStatus.UNKNOWN])
    await login({ userId: 'alice', userName: 'Alice', avatarUrl: 'a.png' })
    expect(loginUserInfo.value).toEqual({ userId: 'alice', userName: 'Alice', avatarUrl: 'a.png', customInfo: {} })
    expect(loginStatus.value).toBe(LoginStatus.LOGINED)
    expect(hub.sessionCount).toBe(1)
  })

  it.each([[''], ['has space'], ['x'.repeat(33)], ['ünïcode'], [42], [undefined]])('refuses userId %j with INVALID_ARGUMENT and changes nothing', async (userId) => {
    const { login, loginUserInfo, loginStatus } = alice.use(useLoginState)
    await expectCode(login({ userId: userId as string }), ErrorCode.INVALID_ARGUMENT)
    expect([loginUserInfo.value, loginStatus.value, hub.sessionCount]).toEqual([null, LoginStatus.UNKNOWN, 0])
  })

  it('refuses a profile the hub rejects (userName too long)', async () => {
    await expectCode(alice.use(useLoginState).login({ userId: 'alice', userName: 'x'.repeat(200) }), ErrorCode.INVALID_ARGUMENT)
    expect(alice.use(useLoginState).loginStatus.value).toBe(LoginStatus.UNKNOWN)
  })

  it('logging in again as someone else first logs the previous user out', async () => {
    const { login, loginUserInfo } = alice.use(useLoginState)
    await login({ userId: 'alice' })
    await login({ userId: 'alice2' })
    expect(loginUserInfo.value?.userId).toBe('alice2')
    expect([...hub.state.users.keys()]).toEqual(['alice2'])
  })

  it('logout clears the profile and status, without events; it is a no-op when logged out', async () => {
    const { login, logout, loginUserInfo, loginStatus, subscribeEvent } = alice.use(useLoginState)
    const events: string[] = []
    for (const name of Object.values(LoginEvent)) subscribeEvent(name, () => events.push(name))
    await login({ userId: 'alice' })
    await logout()
    await logout()
    expect([loginUserInfo.value, loginStatus.value, events, hub.sessionCount]).toEqual([null, LoginStatus.UNKNOWN, [], 0])
  })

  it('loginActions act on the active app', async () => {
    await alice.use(() => loginActions.login({ userId: 'alice' }))
    expect(alice.use(useLoginState).loginStatus.value).toBe(LoginStatus.LOGINED)
    await alice.use(() => loginActions.setSelfInfo({ userName: 'A' }))
    await alice.use(() => loginActions.logout())
    expect(alice.use(useLoginState).loginStatus.value).toBe(LoginStatus.UNKNOWN)
  })
})

describe('setSelfInfo', () => {
  it('updates the hub profile (others see it) and keeps customInfo on this device', async () => {
    await alice.use(useLoginState).login({ userId: 'alice', userName: 'Alice' })
    const bob = await createTestUser(hub, 'bob')
    await bob.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'L' })
    await alice.use(useLiveListState).joinLive({ liveId: 'live1' })
    const { setSelfInfo, loginUserInfo } = alice.use(useLoginState)
    await setSelfInfo({ userName: 'Alice B', customInfo: { level: '3' } })
    await setSelfInfo({ avatarUrl: 'new.png', customInfo: { mood: 'ok' } })
    await flush()
    expect(loginUserInfo.value).toEqual({ userId: 'alice', userName: 'Alice B', avatarUrl: 'new.png', customInfo: { level: '3', mood: 'ok' } })
    expect(bob.use(useLiveAudienceState).audienceList.value[0]).toMatchObject({ userName: 'Alice B', avatarUrl: 'new.png' })
    bob.unmount()
  })

  it('refuses bad input and a logged-out user, changing nothing', async () => {
    const { setSelfInfo, login, loginUserInfo } = alice.use(useLoginState)
    await expectCode(setSelfInfo({ userName: 'x' }), ErrorCode.NOT_LOGGED_IN)
    await login({ userId: 'alice', userName: 'Alice' })
    await expectCode(setSelfInfo({ customInfo: 'x' as unknown as Record<string, string> }), ErrorCode.INVALID_ARGUMENT)
    await expectCode(setSelfInfo({ userName: 'x'.repeat(200) }), ErrorCode.INVALID_ARGUMENT)
    expect(loginUserInfo.value).toEqual({ userId: 'alice', userName: 'Alice', avatarUrl: '', customInfo: {} })
  })
})

describe('login events', () => {
  it('a second login of the same user elsewhere: the old app is kicked out of its live, then offline', async () => {
    const bob = await createTestUser(hub, 'bob')
    await bob.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'L' })
    await alice.use(useLoginState).login({ userId: 'alice' })
    await alice.use(useLiveListState).joinLive({ liveId: 'live1' })
    const events: string[] = []
    alice.use(useLiveListState).subscribeEvent(LiveListEvent.onKickedOutOfLive, () => events.push('kickedOutOfLive'))
    alice.use(useLoginState).subscribeEvent(LoginEvent.onKickedOffline, () => events.push('kickedOffline'))
    alice.use(useLoginState).subscribeEvent(LoginEvent.onLoginExpired, () => events.push('loginExpired'))
    const again = await createTestUser(hub, 'alice')
    await flush()
    expect(events).toEqual(['kickedOutOfLive', 'kickedOffline'])
    expect([alice.use(useLoginState).loginUserInfo.value, alice.use(useLoginState).loginStatus.value]).toEqual([null, LoginStatus.UNKNOWN])
    expect(again.use(useLoginState).loginStatus.value).toBe(LoginStatus.LOGINED)
    again.unmount()
    bob.unmount()
  })

  it('a hub refusing the logged-in session (expired userSig) is onLoginExpired', async () => {
    let port: HubPort | null = null
    const expiring: Hub = {
      accept(accepted) {
        port = accepted
        accepted.onMessage((message) => {
          if (message.kind === 'hello') accepted.send({ kind: 'welcome', version: 1, view: { user: { userId: message.userId, userName: '', avatarUrl: '' }, live: null } })
        })
        accepted.onClose(() => undefined)
      },
      state: createState(),
      sessionCount: 1,
      dispose: () => undefined,
    }
    const carol = await createTestUser(expiring, 'carol')
    const events: string[] = []
    carol.use(useLoginState).subscribeEvent(LoginEvent.onLoginExpired, () => events.push('loginExpired'))
    port!.send({ kind: 'closed', reason: 'refused', error: { code: ErrorCode.NOT_LOGGED_IN, message: 'UserSig expired' } })
    await flush()
    expect(events).toEqual(['loginExpired'])
    expect(carol.use(useLoginState).loginStatus.value).toBe(LoginStatus.UNKNOWN)
    carol.unmount()
  })

  it('kickedOffline (the media engine saw this user join elsewhere): logged out first, told once', async () => {
    await alice.use(useLoginState).login({ userId: 'alice' })
    const { subscribeEvent, loginStatus } = alice.use(useLoginState)
    const events: unknown[] = []
    for (const name of Object.values(LoginEvent)) subscribeEvent(name, () => events.push([name, loginStatus.value]))
    await alice.use(useLoginStore).kickedOffline()
    await alice.use(useLoginStore).kickedOffline()
    expect(events).toEqual([[LoginEvent.onKickedOffline, LoginStatus.UNKNOWN]])
    expect(hub.sessionCount).toBe(0)
  })

  it.each([
    ['kickedOffline', LoginEvent.onKickedOffline],
    ['refused', LoginEvent.onLoginExpired],
    ['loggedOut', null],
    ['shutdown', null],
    ['disconnected', null],
  ] as const)('closeEvent(%s)', (reason, expected) => {
    expect(closeEvent(reason)).toBe(expected)
  })
})

describe('transitions', () => {
  it('withProfile keeps customInfo for the same user only', () => {
    const info = { userId: 'a', userName: 'A', avatarUrl: '', customInfo: { k: 'v' } }
    expect(withProfile(info, { userId: 'a', userName: 'A2', avatarUrl: 'x' })).toEqual({ userId: 'a', userName: 'A2', avatarUrl: 'x', customInfo: { k: 'v' } })
    expect(withProfile(info, { userId: 'b', userName: 'B', avatarUrl: '' }).customInfo).toEqual({})
  })

  it('withSelfInfo merges only the given fields', () => {
    const info = { userId: 'a', userName: 'A', avatarUrl: 'a.png', customInfo: { k: 'v' } }
    expect(withSelfInfo(info, { customInfo: { j: 'w' } })).toEqual({ ...info, customInfo: { k: 'v', j: 'w' } })
  })
})
