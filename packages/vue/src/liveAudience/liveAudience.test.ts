import { createLocalHub, ErrorCode, RoomRole, type Hub, type MemberView } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLive, createTestUser, expectCode, flush, recordEvents, tearDown, type TestUser } from '../core/testing'
import { useLiveListState } from '../liveList'
import { LiveAudienceEvent, TUIRole } from '../types'
import { useLiveAudienceStore } from './store'
import { audienceEntries, changeEmissions, presenceEmission, toAudienceInfo } from './transitions'
import { liveAudienceActions, useLiveAudienceState } from './useLiveAudienceState'

const user = (userId: string) => ({ userId, userName: `Name of ${userId}`, avatarUrl: '' })
const ids = (who: TestUser) => who.use(useLiveAudienceState).audienceList.value.map((member) => member.userId)

const record = (who: TestUser) => recordEvents(who, useLiveAudienceState, Object.values(LiveAudienceEvent))

let hub: Hub
let host: TestUser
let guest: TestUser

beforeEach(async () => {
  hub = createLocalHub()
  ;[host, guest] = await createLive(hub, ['host', 'guest'])
})

afterEach(() => tearDown(hub, [host, guest]))

it('lists every member but the owner, on both sides, fetched on join', () => {
  expect(ids(host)).toEqual(['guest'])
  expect(ids(guest)).toEqual(['guest'])
  expect(guest.use(useLiveAudienceState).audienceList.value[0]).toEqual({
    ...user('guest'), customInfo: {}, userRole: TUIRole.kGeneralUser, isMessageDisabled: false, joinedTimestamp: expect.any(Number),
  })
  expect(host.use(useLiveAudienceState).audienceCount.value).toBe(1)
})

it('joins and leaves reach the others in order, never the user themself', async () => {
  const hostLog = record(host)
  const guestLog = record(guest)
  const viewer = await createTestUser(hub, 'viewer')
  await viewer.use(useLiveListState).joinLive({ liveId: 'live1' })
  const viewerLog = record(viewer)
  await viewer.use(useLiveListState).leaveLive()
  await flush()
  const expected = [
    [LiveAudienceEvent.onAudienceJoined, { audience: user('viewer') }],
    [LiveAudienceEvent.onAudienceLeft, { audience: user('viewer') }],
  ]
  expect(hostLog).toEqual(expected)
  expect(guestLog).toEqual(expected)
  expect(viewerLog).toEqual([])
  expect(ids(host)).toEqual(['guest'])
  viewer.unmount()
})

it('an administrator leaving is onAdminLeft; the owner ending the live clears the list', async () => {
  await host.use(useLiveAudienceState).setAdministrator({ userId: 'guest' })
  await flush()
  expect(host.use(useLiveAudienceState).audienceList.value[0]!.userRole).toBe(TUIRole.kAdministrator)
  const hostLog = record(host)
  await guest.use(useLiveListState).leaveLive()
  await flush()
  expect(hostLog).toEqual([[LiveAudienceEvent.onAdminLeft, { admin: user('guest') }]])
  await host.use(useLiveListState).endLive()
  expect(host.use(useLiveAudienceState).audienceList.value).toEqual([])
})

it('disableSendMessage bans and unbans: messageBannedUserList and onAudienceMessageDisabled on both sides', async () => {
  const hostLog = record(host)
  const guestLog = record(guest)
  await host.use(useLiveAudienceState).disableSendMessage({ userId: 'guest', isDisable: true })
  await flush()
  expect(host.use(useLiveAudienceState).messageBannedUserList.value).toEqual([user('guest')])
  expect(guest.use(useLiveAudienceState).messageBannedUserList.value).toEqual([user('guest')])
  await host.use(useLiveAudienceState).disableSendMessage({ userId: 'guest', isDisable: false })
  await flush()
  const expected = [
    [LiveAudienceEvent.onAudienceMessageDisabled, { audience: user('guest'), isDisable: true }],
    [LiveAudienceEvent.onAudienceMessageDisabled, { audience: user('guest'), isDisable: false }],
  ]
  expect(hostLog).toEqual(expected)
  expect(guestLog).toEqual(expected)
  expect(host.use(useLiveAudienceState).messageBannedUserList.value).toEqual([])
})

it('a member change keeps the join order; the list changes in place', async () => {
  const viewer = await createTestUser(hub, 'viewer')
  await viewer.use(useLiveListState).joinLive({ liveId: 'live1' })
  await flush()
  const store = host.use(useLiveAudienceStore)
  const map = store.audience
  await host.use(useLiveAudienceState).setAdministrator({ userId: 'guest' })
  await flush()
  expect(host.use(useLiveAudienceState).audienceList.value.map((member) => [member.userId, member.userRole])).toEqual([
    ['guest', TUIRole.kAdministrator], ['viewer', TUIRole.kGeneralUser],
  ])
  expect(store.audience).toBe(map)
  viewer.unmount()
})

it('liveAudienceActions: setAdministrator, revokeAdministrator, kickUserOutOfRoom on the active app', async () => {
  await host.use(() => liveAudienceActions.setAdministrator({ userId: 'guest' }))
  await flush()
  expect(guest.use(useLiveAudienceState).audienceList.value[0]!.userRole).toBe(TUIRole.kAdministrator)
  await host.use(() => liveAudienceActions.revokeAdministrator({ userId: 'guest' }))
  await flush()
  expect(host.use(useLiveAudienceState).audienceList.value[0]!.userRole).toBe(TUIRole.kGeneralUser)
  await host.use(() => liveAudienceActions.kickUserOutOfRoom({ userId: 'guest' }))
  await flush()
  expect(ids(host)).toEqual([])
  expect(guest.use(useLiveListState).currentLive.value).toBeNull()
})

describe('refusals change nothing', () => {
  it.each([
    ['audience appointing an admin', () => guest.use(useLiveAudienceState).setAdministrator({ userId: 'guest' }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['audience revoking', () => guest.use(useLiveAudienceState).revokeAdministrator({ userId: 'guest' }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['audience kicking', () => guest.use(useLiveAudienceState).kickUserOutOfRoom({ userId: 'host' }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['audience banning', () => guest.use(useLiveAudienceState).disableSendMessage({ userId: 'guest', isDisable: true }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['kicking a non-member', () => host.use(useLiveAudienceState).kickUserOutOfRoom({ userId: 'nobody' }), ErrorCode.USER_NOT_FOUND],
    ['kicking oneself', () => host.use(useLiveAudienceState).kickUserOutOfRoom({ userId: 'host' }), ErrorCode.INVALID_ARGUMENT],
    ['banning with a non-boolean', () => host.use(useLiveAudienceState).disableSendMessage({ userId: 'guest', isDisable: 'yes' as unknown as boolean }), ErrorCode.INVALID_ARGUMENT],
  ])('%s', async (_, act, code) => {
    await expectCode(act(), code)
    await flush()
    expect(ids(host)).toEqual(['guest'])
    expect(host.use(useLiveAudienceState).audienceList.value[0]).toMatchObject({ userRole: TUIRole.kGeneralUser, isMessageDisabled: false })
  })

  it('fetchAudienceList outside a live is NOT_IN_ROOM', async () => {
    await guest.use(useLiveListState).leaveLive()
    await expectCode(guest.use(useLiveAudienceState).fetchAudienceList(), ErrorCode.NOT_IN_ROOM)
  })
})

it('fetches audiences larger than one page completely', async () => {
  const viewers = await Promise.all(Array.from({ length: 105 }, (_, i) => createTestUser(hub, `v${i}`)))
  for (const viewer of viewers) await viewer.use(useLiveListState).joinLive({ liveId: 'live1' })
  const late = await createTestUser(hub, 'late')
  await late.use(useLiveListState).joinLive({ liveId: 'live1' })
  await flush()
  expect(late.use(useLiveAudienceState).audienceCount.value).toBe(107)
  expect(await late.use(useLiveAudienceState).fetchAudienceList()).toHaveLength(107)
  for (const viewer of [...viewers, late]) viewer.unmount()
})

describe('transitions', () => {
  const member = (userId: string, role: RoomRole, isMessageDisabled = false): MemberView => ({ ...user(userId), role, isMessageDisabled, joinedAt: 5 })

  it('audienceEntries keys members by userId in order and skips the owner', () => {
    const members = [member('o', RoomRole.Owner), member('a', RoomRole.GeneralUser), member('b', RoomRole.Administrator)]
    expect(audienceEntries(members)).toEqual([['a', toAudienceInfo(members[1]!)], ['b', toAudienceInfo(members[2]!)]])
    expect(audienceEntries([member('o', RoomRole.Owner)])).toEqual([])
  })

  it.each([
    [RoomRole.Owner, true, { event: LiveAudienceEvent.onOwnerJoined, info: { owner: user('x') } }],
    [RoomRole.Owner, false, { event: LiveAudienceEvent.onOwnerLeft, info: { owner: user('x') } }],
    [RoomRole.Administrator, true, { event: LiveAudienceEvent.onAdminJoined, info: { admin: user('x') } }],
    [RoomRole.GeneralUser, false, { event: LiveAudienceEvent.onAudienceLeft, info: { audience: user('x') } }],
  ])('presenceEmission(role %i, joined %s)', (role, joined, expected) => {
    expect(presenceEmission(member('x', role), joined)).toEqual(expected)
  })

  it('changeEmissions reports only a message-ban flip', () => {
    const before = toAudienceInfo(member('x', RoomRole.GeneralUser))
    expect(changeEmissions(before, member('x', RoomRole.Administrator))).toEqual([])
    expect(changeEmissions(undefined, member('x', RoomRole.GeneralUser, true))).toEqual([])
    expect(changeEmissions(before, member('x', RoomRole.GeneralUser, true))).toHaveLength(1)
  })
})
