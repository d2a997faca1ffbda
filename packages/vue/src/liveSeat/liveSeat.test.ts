import { createLocalHub, ErrorCode, MoveSeatPolicy, RoomRole, type Hub, type SeatView } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useAtomicxClient } from '../core/context'
import { createFakeMediaEngine, createLive, createTestUser, expectCode, flush, tearDown, type FakeMediaEngine, type TestUser } from '../core/testing'
import { useDeviceState } from '../device'
import { useLiveListState } from '../liveList'
import { DeviceControlPolicy, DeviceStatus, LiveSeatEvent, TUISeatMode } from '../types'
import { canvasOf, seatRegions } from './layout'
import { speakingFrom, toAVStatistics } from './transitions'
import { useLiveSeatState } from './useLiveSeatState'

const occupants = (who: TestUser) => who.use(useLiveSeatState).seatList.value.map((seat) => seat.userInfo.userId)
const mediaOf = (who: TestUser) => who.use(useAtomicxClient).media() as Promise<FakeMediaEngine>

let hub: Hub
let host: TestUser
let guest: TestUser

beforeEach(async () => {
  hub = createLocalHub()
  // a fake media engine: these tests drive its events (volumes, network) by hand
  ;[host, guest] = await createLive(hub, ['host', 'guest'], { media: () => createFakeMediaEngine(), live: { seatMode: TUISeatMode.kFreeToTake } })
})

afterEach(() => tearDown(hub, [host, guest]))

describe('seatList', () => {
  it('lists every seat; empty ones have a userInfo with userId "" and, in the dynamic grid, no region', () => {
    const { seatList, canvas } = guest.use(useLiveSeatState)
    expect(seatList.value).toHaveLength(9)
    expect(seatList.value[0]).toEqual({
      index: 0,
      isLocked: false,
      isAudioLocked: false,
      isVideoLocked: false,
      userInfo: {
        userId: 'host', userName: 'Name of host', avatarUrl: '', liveId: 'live1', role: RoomRole.Owner,
        microphoneStatus: DeviceStatus.Off, allowOpenMicrophone: true, cameraStatus: DeviceStatus.Off, allowOpenCamera: true, userSuspendStatus: 0,
      },
      region: { x: 0, y: 0, w: 720, h: 1280, zOrder: 0 },
    })
    expect(seatList.value[1]!.userInfo).toMatchObject({ userId: '', liveId: 'live1' })
    expect(seatList.value[1]!.region).toBeUndefined()
    expect(canvas.value).toEqual({ width: 720, height: 1280, background: '#000000' })
  })

  it('takeSeat (free-to-take live): both sides see the guest, and the grid makes room', async () => {
    await guest.use(useLiveSeatState).takeSeat({ seatIndex: 2 })
    await flush()
    expect(occupants(host)).toEqual(occupants(guest))
    expect(occupants(host).slice(0, 3)).toEqual(['host', '', 'guest'])
    expect(host.use(useLiveSeatState).seatList.value[2]!.region).toEqual({ x: 360, y: 0, w: 360, h: 1280, zOrder: 0 })
  })

  it('takeSeat is refused in an apply-to-take live (INSUFFICIENT_OPERATION_PERMISSIONS) and on a taken seat', async () => {
    await expectCode(guest.use(useLiveSeatState).takeSeat({ seatIndex: 0 }), ErrorCode.SEAT_OCCUPIED)
    await host.use(useLiveListState).endLive()
    await host.use(useLiveListState).startLive({ liveId: 'live2', liveName: 'Live 2' })
    await guest.use(useLiveListState).joinLive({ liveId: 'live2' })
    await expectCode(guest.use(useLiveSeatState).takeSeat({ seatIndex: 1 }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
    expect(occupants(guest).filter(Boolean)).toEqual(['host'])
  })

  it('leaveSeat frees the seat on both sides; the owner cannot leave seat 0', async () => {
    await guest.use(useLiveSeatState).takeSeat({ seatIndex: -1 })
    await guest.use(useLiveSeatState).leaveSeat()
    await flush()
    expect(occupants(host).filter(Boolean)).toEqual(['host'])
    await expectCode(guest.use(useLiveSeatState).leaveSeat(), ErrorCode.USER_NOT_IN_SEAT)
    await expectCode(host.use(useLiveSeatState).leaveSeat(), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
  })

  it('lockSeat / unlockSeat / unLockSeat toggle isLocked for everyone; a locked seat cannot be taken', async () => {
    const { lockSeat, unlockSeat, unLockSeat } = host.use(useLiveSeatState)
    await lockSeat({ seatIndex: 3 })
    await flush()
    expect(guest.use(useLiveSeatState).seatList.value[3]!.isLocked).toBe(true)
    await expectCode(guest.use(useLiveSeatState).takeSeat({ seatIndex: 3 }), ErrorCode.SEAT_LOCKED)
    await unlockSeat({ seatIndex: 3 })
    await lockSeat({ seatIndex: 4 })
    await unLockSeat({ seatIndex: 4 })
    await flush()
    expect(guest.use(useLiveSeatState).seatList.value.some((seat) => seat.isLocked)).toBe(false)
    await expectCode(guest.use(useLiveSeatState).lockSeat({ seatIndex: 3 }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
    await expectCode(lockSeat({ seatIndex: 42 }), ErrorCode.SEAT_INDEX_NOT_EXIST)
  })

  it('moveUserToSeat moves, refuses an occupied target by default and swaps on request', async () => {
    const viewer = await createTestUser(hub, 'viewer', { media: () => createFakeMediaEngine() })
    await viewer.use(useLiveListState).joinLive({ liveId: 'live1' })
    await guest.use(useLiveSeatState).takeSeat({ seatIndex: 1 })
    await viewer.use(useLiveSeatState).takeSeat({ seatIndex: 2 })
    const { moveUserToSeat } = host.use(useLiveSeatState)
    await expectCode(moveUserToSeat({ userId: 'guest', targetIndex: 2 }), ErrorCode.SEAT_OCCUPIED)
    await moveUserToSeat({ userId: 'guest', targetIndex: 2, policy: MoveSeatPolicy.SwapPosition })
    await moveUserToSeat({ userId: 'viewer', targetIndex: 5 })
    await flush()
    expect(occupants(guest).slice(0, 6)).toEqual(['host', '', 'guest', '', '', 'viewer'])
    await expectCode(moveUserToSeat({ userId: 'nobody', targetIndex: 3 }), ErrorCode.USER_NOT_FOUND)
    viewer.unmount()
  })

  it('kickUserOutOfSeat of a member without a seat is refused with USER_NOT_IN_SEAT', async () => {
    await expectCode(host.use(useLiveSeatState).kickUserOutOfSeat({ userId: 'guest' }), ErrorCode.USER_NOT_IN_SEAT)
  })
})

describe('remote device control', () => {
  beforeEach(async () => {
    await guest.use(useLiveSeatState).takeSeat({ seatIndex: 1 })
    await flush()
  })

  it('close/open remote camera and microphone: the guest hears LiveSeatEvents, everyone sees the locks', async () => {
    const log: Array<[string, unknown]> = []
    const { subscribeEvent } = guest.use(useLiveSeatState)
    for (const name of Object.values(LiveSeatEvent)) subscribeEvent(name, (info) => log.push([name, info]))
    const seat = host.use(useLiveSeatState)
    await seat.closeRemoteCamera({ userId: 'guest' })
    await seat.closeRemoteMicrophone({ userId: 'guest' })
    await flush()
    expect(host.use(useLiveSeatState).seatList.value[1]).toMatchObject({
      isVideoLocked: true, isAudioLocked: true, userInfo: { allowOpenCamera: false, allowOpenMicrophone: false },
    })
    await seat.openRemoteCamera({ userId: 'guest', policy: DeviceControlPolicy.UnlockOnly })
    await seat.openRemoteMicrophone({ userId: 'guest' })
    await flush()
    expect(log).toEqual([
      [LiveSeatEvent.onLocalCameraClosedByAdmin, undefined],
      [LiveSeatEvent.onLocalMicrophoneClosedByAdmin, undefined],
      [LiveSeatEvent.onLocalCameraOpenedByAdmin, { policy: DeviceControlPolicy.UnlockOnly }],
      [LiveSeatEvent.onLocalMicrophoneOpenedByAdmin, { policy: DeviceControlPolicy.UnlockOnly }],
    ])
    expect(guest.use(useLiveSeatState).seatList.value[1]).toMatchObject({ isVideoLocked: false, isAudioLocked: false })
  })

  it('is refused for the audience and for unseated users', async () => {
    await expectCode(guest.use(useLiveSeatState).closeRemoteCamera({ userId: 'host' }), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
    await guest.use(useLiveSeatState).leaveSeat()
    await expectCode(host.use(useLiveSeatState).openRemoteMicrophone({ userId: 'guest' }), ErrorCode.USER_NOT_IN_SEAT)
  })
})

describe('media levels', () => {
  it('speakingUsers holds who speaks now and drops users who went silent; leaving clears it', async () => {
    const media = await mediaOf(guest)
    const { speakingUsers } = guest.use(useLiveSeatState)
    media.emit('volumes', { levels: [{ userId: 'host', volume: 40 }, { userId: 'guest', volume: 0 }] })
    expect([...speakingUsers.value]).toEqual([['host', 40]])
    const before = speakingUsers.value
    media.emit('volumes', { levels: [{ userId: 'host', volume: 40 }] })
    expect(speakingUsers.value).toBe(before) // unchanged: no re-render
    media.emit('volumes', { levels: [{ userId: 'host', volume: 0 }, { userId: 'guest', volume: 12 }] })
    expect([...speakingUsers.value]).toEqual([['guest', 12]])
    await guest.use(useLiveListState).leaveLive()
    expect(speakingUsers.value.size).toBe(0)
    media.emit('volumes', { levels: [{ userId: 'host', volume: 40 }] })
    expect(speakingUsers.value.size).toBe(0)
  })

  it('networkQualities holds the own network report', async () => {
    const media = await mediaOf(guest)
    media.emit('network', { up: 1, down: 3, rtt: 80, loss: 2 })
    expect([...guest.use(useLiveSeatState).networkQualities.value]).toEqual([
      ['guest', { userId: 'guest', quality: 3, upLoss: 2, downLoss: 2, delay: 80 }],
    ])
  })

  it('avStatistics: my figures (userID "") and the remote ones while I sit on a seat; cleared off a seat and on leave', async () => {
    const media = await mediaOf(guest)
    const { avStatistics, takeSeat, leaveSeat } = guest.use(useLiveSeatState)
    const figures = { videoBitrate: 0, videoWidth: 640, videoHeight: 480, frameRate: 15, audioBitrate: 40, audioSampleRate: 48000 }
    const report = { local: { ...figures, videoWidth: 1280 }, remote: [{ userId: 'host', ...figures }] }
    media.emit('statistics', report)
    expect(avStatistics.value).toEqual([]) // in the audience: nothing shown

    await takeSeat({ seatIndex: 1 })
    await flush()
    media.emit('statistics', report)
    expect(avStatistics.value).toEqual([{ userID: '', ...figures, videoWidth: 1280 }, { userID: 'host', ...figures }])
    await leaveSeat()
    await flush()
    expect(avStatistics.value).toEqual([])
    media.emit('statistics', report)
    expect(avStatistics.value).toEqual([])

    const hostMedia = await mediaOf(host)
    const hostState = host.use(useLiveSeatState)
    hostMedia.emit('statistics', { local: figures, remote: [] }) // the owner sits on seat 0
    expect(hostState.avStatistics.value).toEqual([{ userID: '', ...figures }])
    await host.use(useLiveListState).endLive()
    expect(hostState.avStatistics.value).toEqual([])
  })

  it('muteMicrophone / unmuteMicrophone mute the open microphone (useDeviceState rules), and the room sees it', async () => {
    const { muteMicrophone, unmuteMicrophone, takeSeat } = guest.use(useLiveSeatState)
    await expectCode(muteMicrophone(), ErrorCode.INVALID_ARGUMENT) // not open yet
    const media = await mediaOf(guest)
    media.startMicrophone.mockImplementation(async () => media.emit('localPublish', { media: 'audio', state: 'started' }))
    await takeSeat({ seatIndex: 1 })
    await guest.use(useDeviceState).openLocalMicrophone()
    await muteMicrophone()
    await flush()
    expect(host.use(useLiveSeatState).seatList.value[1]!.userInfo.microphoneStatus).toBe(DeviceStatus.Off)
    await unmuteMicrophone()
    await flush()
    expect(media.setMicrophoneMuted.mock.calls).toEqual([[true], [false]])
    expect(host.use(useLiveSeatState).seatList.value[1]!.userInfo.microphoneStatus).toBe(DeviceStatus.On)
  })
})

describe('playing video', () => {
  it('playUserVideo / stopUserVideo play one user into an element or an element id', async () => {
    const media = await mediaOf(guest)
    const element = document.createElement('div')
    element.id = 'host-view'
    document.body.append(element)
    const { playUserVideo, stopUserVideo } = guest.use(useLiveSeatState)
    await playUserVideo({ userId: 'host', view: 'host-view' })
    await playUserVideo({ userId: 'host', view: element, source: 'screen' })
    await stopUserVideo({ userId: 'host' })
    expect(media.playVideo.mock.calls).toEqual([['host', 'camera', element], ['host', 'screen', element]])
    expect(media.stopVideo.mock.calls).toEqual([['host', 'camera']])
    await expectCode(playUserVideo({ userId: 'host', view: 'missing' }), ErrorCode.INVALID_ARGUMENT)
    element.remove()
  })

  it('startPlayStream lays the seated users out like seatList and follows seat changes; stopPlayStream clears it', async () => {
    const media = await mediaOf(host)
    const view = document.createElement('div')
    const { startPlayStream, stopPlayStream } = host.use(useLiveSeatState)
    await startPlayStream({ view })
    const tiles = () => [...view.children].map((tile) => [(tile as HTMLElement).dataset.userId, (tile as HTMLElement).style.width])
    expect(tiles()).toEqual([['host', '100%']])
    await guest.use(useLiveSeatState).takeSeat({ seatIndex: 1 })
    await flush()
    expect(tiles()).toEqual([['host', '50%'], ['guest', '50%']])
    // the own tile stays for the local preview: only others are played
    expect(media.playVideo.mock.calls.map(([userId, source, tile]) => [userId, source, tile?.parentElement])).toEqual([['guest', 'camera', view]])
    await guest.use(useLiveSeatState).leaveSeat()
    await flush()
    expect(tiles()).toEqual([['host', '100%']])
    expect(media.stopVideo.mock.calls).toEqual([['guest', 'camera']])
    stopPlayStream()
    expect(view.children).toHaveLength(0)
  })
})

describe('layout (pure)', () => {
  const seats = (users: readonly string[]): SeatView[] =>
    users.map((userId, index) => ({ index, isLocked: false, isAudioLocked: false, isVideoLocked: false, user: userId ? ({ userId } as SeatView['user']) : null }))

  it.each([
    [600, ['a', '', 'b', ''], [[0, { x: 0, y: 0, w: 360, h: 1280, zOrder: 0 }], [2, { x: 360, y: 0, w: 360, h: 1280, zOrder: 0 }]]],
    [600, ['a', 'b', 'c', ''], [[0, { x: 0, y: 0, w: 360, h: 640, zOrder: 0 }], [1, { x: 360, y: 0, w: 360, h: 640, zOrder: 0 }], [2, { x: 0, y: 640, w: 360, h: 640, zOrder: 0 }]]],
    [800, ['a', '', '', ''], [[0, { x: 0, y: 0, w: 360, h: 640, zOrder: 0 }], [1, { x: 360, y: 0, w: 360, h: 640, zOrder: 0 }], [2, { x: 0, y: 640, w: 360, h: 640, zOrder: 0 }], [3, { x: 360, y: 640, w: 360, h: 640, zOrder: 0 }]]],
    [601, ['a', '', 'b'], [[0, { x: 0, y: 0, w: 720, h: 1280, zOrder: 0 }], [2, { x: 360, y: 960, w: 180, h: 320, zOrder: 1 }]]],
    [200, ['a', 'b'], [[0, { x: 0, y: 0, w: 640, h: 720, zOrder: 0 }], [1, { x: 640, y: 0, w: 640, h: 720, zOrder: 0 }]]],
  ])('template %i with seats %j', (template, users, expected) => {
    expect([...seatRegions(template, seats(users), canvasOf(template))]).toEqual(expected)
  })

  it('toAVStatistics puts mine first as userID "", then the remote users in report order', () => {
    const zero = { videoBitrate: 0, videoWidth: 0, videoHeight: 0, frameRate: 0, audioBitrate: 0, audioSampleRate: 0 }
    expect(toAVStatistics({ local: zero, remote: [{ userId: 'b', ...zero, frameRate: 5 }, { userId: 'a', ...zero }] })).toEqual([
      { userID: '', ...zero }, { userID: 'b', ...zero, frameRate: 5 }, { userID: 'a', ...zero },
    ])
  })

  it('speakingFrom keeps the map when nothing changed and drops silent users', () => {
    const previous = new Map([['a', 10]])
    expect(speakingFrom(previous, [{ userId: 'a', volume: 10 }, { userId: 'b', volume: 0 }])).toBe(previous)
    expect([...speakingFrom(previous, [{ userId: 'a', volume: 0 }])]).toEqual([])
  })
})
