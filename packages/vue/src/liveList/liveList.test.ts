import { createLocalHub, ErrorCode, LiveEndedReason, LiveKickedOutReason, type Hub, type LiveInfoView } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestUser, expectCode, flush, tearDown, type TestUser } from '../core/testing'
import { useLiveAudienceState } from '../liveAudience'
import { useLiveSeatState } from '../liveSeat'
import { useLoginState } from '../login'
import { LiveListEvent, LiveType, SeatLayoutTemplate, TUISeatMode, type LiveInfo } from '../types'
import { mergeLivePage, startInput, toLiveInfo } from './transitions'
import { liveListActions, useLiveListState } from './useLiveListState'

/** LiveListEvents `who` receives, each with the `currentLive` it saw then. */
function record(who: TestUser): Array<[string, unknown, LiveInfo | null]> {
  const log: Array<[string, unknown, LiveInfo | null]> = []
  const { subscribeEvent, currentLive } = who.use(useLiveListState)
  for (const name of Object.values(LiveListEvent)) subscribeEvent(name, (info) => log.push([name, info, currentLive.value]))
  return log
}

let hub: Hub
let host: TestUser
let guest: TestUser

beforeEach(async () => {
  hub = createLocalHub()
  host = await createTestUser(hub, 'host')
  guest = await createTestUser(hub, 'guest')
})

afterEach(() => tearDown(hub, [host, guest]))

describe('startLive', () => {
  it('creates the live with this user as owner on seat 0', async () => {
    await host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'Live 1', seatMode: TUISeatMode.kFreeToTake })
    expect(host.use(useLiveListState).currentLive.value).toMatchObject({
      liveId: 'live1',
      liveName: 'Live 1',
      liveType: LiveType.kLive,
      liveOwner: { userId: 'host', userName: 'Name of host', avatarUrl: '', customInfo: {} },
      seatMode: TUISeatMode.kFreeToTake,
      maxSeatCount: 9,
      layoutTemplate: 600,
      seatTemplate: SeatLayoutTemplate.VideoDynamicGrid9Seats,
      currentViewerCount: 1,
    })
    expect(host.use(useLiveSeatState).seatList.value[0]!.userInfo.userId).toBe('host')
  })

  it('createLive is the same action (deprecated alias), also as liveListActions', async () => {
    await host.use(useLiveListState).createLive({ liveId: 'live1', liveName: 'Live 1' })
    await guest.use(() => liveListActions.createLive({ liveId: 'live2', liveName: 'Live 2' }))
    expect(host.use(useLiveListState).currentLive.value?.liveId).toBe('live1')
    expect(guest.use(useLiveListState).currentLive.value?.liveId).toBe('live2')
  })

  it('uses what updateLiveInfo() stored before the live; seatTemplate wins over seatLayoutTemplateId', async () => {
    const { updateLiveInfo, startLive, currentLive } = host.use(useLiveListState)
    await updateLiveInfo({ layoutTemplate: SeatLayoutTemplate.VideoDynamicFloat7Seats, coverUrl: 'cover.png' })
    expect(currentLive.value).toBeNull()
    await startLive({ liveId: 'live1', liveName: 'Live 1' })
    expect(currentLive.value).toMatchObject({ layoutTemplate: 601, maxSeatCount: 7, coverUrl: 'cover.png' })
    await host.use(useLiveListState).endLive()
    await startLive({ liveId: 'live2', liveName: 'Live 2', seatLayoutTemplateId: 800, seatTemplate: SeatLayoutTemplate.VideoLandscape4Seats })
    expect(currentLive.value).toMatchObject({ layoutTemplate: 200, maxSeatCount: 4, coverUrl: '' })
  })

  it.each([
    ['a bad liveId', { liveId: '', liveName: 'x' }, ErrorCode.INVALID_ARGUMENT],
    ['an unknown layout', { liveId: 'live1', liveName: 'x', seatLayoutTemplateId: 123 }, ErrorCode.INVALID_ARGUMENT],
  ])('refuses %s with INVALID_ARGUMENT and changes nothing', async (_, params, code) => {
    await expectCode(host.use(useLiveListState).startLive(params), code)
    expect(host.use(useLiveListState).currentLive.value).toBeNull()
    expect(hub.state.rooms.size).toBe(0)
  })

  it('refuses a running liveId (ROOM_ALREADY_EXISTS) and a second live (ALREADY_IN_ROOM)', async () => {
    await host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'Live 1' })
    await expectCode(guest.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'Mine' }), ErrorCode.ROOM_ALREADY_EXISTS)
    await expectCode(host.use(useLiveListState).startLive({ liveId: 'live2', liveName: 'Live 2' }), ErrorCode.ALREADY_IN_ROOM)
    expect(guest.use(useLiveListState).currentLive.value).toBeNull()
    expect(host.use(useLiveListState).currentLive.value?.liveId).toBe('live1')
  })

  it('needs a login: NOT_LOGGED_IN', async () => {
    await host.use(useLoginState).logout()
    await expectCode(host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'Live 1' }), ErrorCode.NOT_LOGGED_IN)
  })
})

describe('joining and leaving', () => {
  beforeEach(async () => {
    await host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'Live 1' })
  })

  it('joinLive sets currentLive and shows the seats at once', async () => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    expect(guest.use(useLiveListState).currentLive.value).toMatchObject({ liveId: 'live1', currentViewerCount: 2 })
    expect(guest.use(useLiveSeatState).seatList.value).toHaveLength(9)
    await flush()
    expect(host.use(useLiveAudienceState).audienceList.value.map((a) => a.userId)).toEqual(['guest'])
  })

  it.each([
    ['an unknown live', 'nope', ErrorCode.ROOM_NOT_FOUND],
    ['a bad liveId', '', ErrorCode.INVALID_ARGUMENT],
  ])('joinLive refuses %s', async (_, liveId, code) => {
    await expectCode(guest.use(useLiveListState).joinLive({ liveId }), code)
    expect(guest.use(useLiveListState).currentLive.value).toBeNull()
  })

  it('joinLive refuses a second live with ALREADY_IN_ROOM', async () => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await expectCode(guest.use(useLiveListState).joinLive({ liveId: 'live1' }), ErrorCode.ALREADY_IN_ROOM)
  })

  it('leaveLive sets currentLive to null (no event) and the host sees the member go', async () => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    const log = record(guest)
    await guest.use(useLiveListState).leaveLive()
    expect(guest.use(useLiveListState).currentLive.value).toBeNull()
    expect(guest.use(useLiveSeatState).seatList.value).toEqual([])
    await flush()
    expect(log).toEqual([])
    expect(host.use(useLiveAudienceState).audienceList.value).toEqual([])
    await expectCode(guest.use(useLiveListState).leaveLive(), ErrorCode.NOT_IN_ROOM)
  })

  it.each(['endLive', 'leaveLive'] as const)('the owner calling %s ends the live: the audience hears onLiveEnded with currentLive already null', async (action) => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    const guestLog = record(guest)
    const hostLog = record(host)
    await host.use(useLiveListState)[action]()
    await flush()
    expect(guestLog).toEqual([[LiveListEvent.onLiveEnded, { liveId: 'live1', reason: LiveEndedReason.endedByHost, message: '' }, null]])
    expect(hostLog).toEqual([])
    expect(host.use(useLiveListState).currentLive.value).toBeNull()
    expect(guest.use(useLiveListState).currentLive.value).toBeNull()
    expect(guest.use(useLiveSeatState).seatList.value).toEqual([])
  })

  it('endLive by an audience member is refused with INSUFFICIENT_OPERATION_PERMISSIONS', async () => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await expectCode(guest.use(useLiveListState).endLive(), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
    expect(guest.use(useLiveListState).currentLive.value?.liveId).toBe('live1')
  })

  it('a kicked member hears onKickedOutOfLive(byAdmin) and is out of the live', async () => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    const log = record(guest)
    await host.use(useLiveAudienceState).kickUserOutOfRoom({ userId: 'guest' })
    await flush()
    expect(log).toEqual([[LiveListEvent.onKickedOutOfLive, { liveId: 'live1', reason: LiveKickedOutReason.byAdmin, message: '' }, null]])
    expect(guest.use(useLiveSeatState).seatList.value).toEqual([])
  })

  it('logging in elsewhere kicks the old app out of its live (byLoggedOnOtherDevice)', async () => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    const log = record(guest)
    const again = await createTestUser(hub, 'guest')
    await flush()
    expect(log).toEqual([[LiveListEvent.onKickedOutOfLive, { liveId: 'live1', reason: LiveKickedOutReason.byLoggedOnOtherDevice, message: '' }, null]])
    expect(again.use(useLiveListState).currentLive.value).toBeNull()
    again.unmount()
  })
})

describe('live info', () => {
  beforeEach(async () => {
    await host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'Live 1' })
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
  })

  it('updateLiveInfo changes currentLive on both sides', async () => {
    await host.use(useLiveListState).updateLiveInfo({ liveName: 'Renamed', coverUrl: 'c.png', seatTemplate: SeatLayoutTemplate.VideoFixedGrid9Seats })
    await flush()
    for (const side of [host, guest]) {
      expect(side.use(useLiveListState).currentLive.value).toMatchObject({ liveName: 'Renamed', coverUrl: 'c.png', layoutTemplate: 800 })
    }
    // the fixed grid shows every seat
    expect(guest.use(useLiveSeatState).seatList.value.every((seat) => seat.region)).toBe(true)
  })

  it('updateLiveInfo by the audience is refused and changes nothing', async () => {
    await expectCode(guest.use(useLiveListState).updateLiveInfo({ liveName: 'Mine' }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
    expect(guest.use(useLiveListState).currentLive.value?.liveName).toBe('Live 1')
  })

  it('fetchLiveInfo looks a live up; an unknown one is ROOM_NOT_FOUND', async () => {
    expect(await guest.use(useLiveListState).fetchLiveInfo('live1')).toMatchObject({ liveId: 'live1', currentViewerCount: 2 })
    await expectCode(guest.use(useLiveListState).fetchLiveInfo('nope'), ErrorCode.ROOM_NOT_FOUND)
  })

  it('metadata: the host sets, everyone reads; the audience cannot set', async () => {
    await host.use(useLiveListState).updateLiveMetaData({ metaData: { topic: 'cats', mood: 'happy' } })
    expect(await guest.use(useLiveListState).queryMetaData({ keys: ['topic', 'unknown'] })).toEqual({ topic: 'cats' })
    await expectCode(guest.use(useLiveListState).updateLiveMetaData({ metaData: { topic: 'dogs' } }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
    expect(await host.use(useLiveListState).queryMetaData({ keys: ['topic'] })).toEqual({ topic: 'cats' })
  })
})

describe('fetchLiveList', () => {
  it('cursor "" replaces the list, later cursors append; liveListCursor is "" at the end', async () => {
    const viewer = await createTestUser(hub, 'viewer')
    await host.use(useLiveListState).startLive({ liveId: 'a', liveName: 'A' })
    await guest.use(useLiveListState).startLive({ liveId: 'b', liveName: 'B' })
    const { fetchLiveList, liveList, liveListCursor } = viewer.use(useLiveListState)
    await fetchLiveList({ count: 1 })
    expect(liveList.value.map((l) => l.liveId)).toEqual(['a'])
    await fetchLiveList({ cursor: liveListCursor.value, count: 1 })
    expect(liveList.value.map((l) => l.liveId)).toEqual(['a', 'b'])
    expect(liveListCursor.value).toBe('')
    await fetchLiveList()
    expect(liveList.value.map((l) => l.liveId)).toEqual(['a', 'b'])
    viewer.use(useLiveListState).reset()
    expect([liveList.value, liveListCursor.value]).toEqual([[], ''])
    await expectCode(fetchLiveList({ count: 0 }), ErrorCode.INVALID_ARGUMENT)
    viewer.unmount()
  })
})

describe('transitions', () => {
  const live = (liveId: string) => ({ liveId }) as LiveInfo

  it.each([
    ['', [live('x')], ['x']],
    ['5', [live('b'), live('c')], ['a', 'b', 'c']],
  ])('mergeLivePage with cursor %j', (cursor, page, expected) => {
    expect(mergeLivePage([live('a'), live('b')], page, cursor).map((l) => l.liveId)).toEqual(expected)
  })

  it('toLiveInfo leaves seatTemplate out for non-seat layouts', () => {
    const view = { liveId: 'l', categoryList: [], owner: { userId: 'o', userName: '', avatarUrl: '' }, layoutTemplate: 400 } as unknown as LiveInfoView
    expect(toLiveInfo(view)).not.toHaveProperty('seatTemplate')
  })

  it('startInput prefers its own fields over the pre-live draft', () => {
    const input = startInput({ liveId: 'l', liveName: 'Mine', coverUrl: 'own.png' }, { liveName: 'Draft', coverUrl: 'draft.png', backgroundUrl: 'bg.png', layoutTemplate: 601 })
    expect(input).toMatchObject({ liveId: 'l', liveName: 'Mine', coverUrl: 'own.png', backgroundUrl: 'bg.png', layoutTemplate: 601 })
  })
})

it('liveListActions act on the active app', async () => {
  await host.use(() => liveListActions.startLive({ liveId: 'live1', liveName: 'L' }))
  await guest.use(() => liveListActions.joinLive({ liveId: 'live1' }))
  const spy = vi.fn()
  guest.use(useLiveListState).subscribeEvent(LiveListEvent.onLiveEnded, spy)
  await host.use(() => liveListActions.endLive())
  await flush()
  expect(spy).toHaveBeenCalledTimes(1)
})
