import { createLocalHub, RoomRole, type ConnectionView, type Hub, type SeatView } from '@atomicx-vue/engine'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeMediaUser, flush, type FakeMediaEngine, type TestUser } from '../core/testing'
import { useLiveAudienceState } from '../liveAudience'
import { useLiveListState } from '../liveList'
import { useLiveSeatState } from '../liveSeat'
import { useLoginState } from '../login'
import { TUISeatMode } from '../types'
import { useMediaStore } from './store'
import { applyStep, mediaSteps, OUT, placementOf, type MediaLive, type MediaPlacement } from './transitions'

const seat = (index: number, userId: string | null): SeatView => ({
  index,
  isLocked: false,
  isAudioLocked: false,
  isVideoLocked: false,
  user: userId
    ? {
        userId, userName: userId, avatarUrl: '', liveId: 'L1', role: RoomRole.GeneralUser, microphoneOn: false, cameraOn: false,
        allowOpenMicrophone: true, allowOpenCamera: true, onSeatAt: 0,
      }
    : null,
})
const connection = (...hosts: Array<[userId: string, liveId: string]>): ConnectionView => ({
  connectionId: 'c1',
  layoutTemplate: 600,
  hosts: hosts.map(([userId, liveId]) => ({ userId, liveId, userName: userId, avatarUrl: '' })),
})
const live = (seats: SeatView[], conn: ConnectionView | null = null): MediaLive => ({ liveId: 'L1', ownerId: 'host', seats, connection: conn })
const at = (roomId: string | null, role: MediaPlacement['role'] = 'audience', partners: string[] = []): MediaPlacement => ({ roomId, role, partners })

describe('placementOf', () => {
  it.each([
    ['no live', null, 'guest', OUT],
    ['logged out', live([seat(0, 'host')]), null, OUT],
    ['the owner', live([seat(0, 'host')]), 'host', at('L1', 'anchor')],
    ['an audience member', live([seat(0, 'host'), seat(1, null)]), 'guest', at('L1', 'audience')],
    ['a seated guest', live([seat(0, 'host'), seat(1, 'guest')]), 'guest', at('L1', 'anchor')],
    ['a connected owner: links to every partner', live([seat(0, 'host')], connection(['other', 'L2'], ['host', 'L1'], ['third', 'L3'])), 'host', at('L1', 'anchor', ['L2', 'L3'])],
    ['a seated guest of a connected live: no links', live([seat(0, 'host'), seat(1, 'guest')], connection(['host', 'L1'], ['other', 'L2'])), 'guest', at('L1', 'anchor')],
  ])('%s', (_, liveState, userId, expected) => {
    expect(placementOf(liveState, userId)).toEqual(expected)
  })
})

describe('mediaSteps', () => {
  it.each([
    ['stays out', OUT, OUT, []],
    ['joins as audience', OUT, at('L1'), [{ op: 'join', roomId: 'L1', role: 'audience' }]],
    ['joins as anchor and links', OUT, at('L1', 'anchor', ['L2']), [{ op: 'join', roomId: 'L1', role: 'anchor' }, { op: 'connect', roomId: 'L2' }]],
    ['takes a seat', at('L1'), at('L1', 'anchor'), [{ op: 'setRole', role: 'anchor' }]],
    ['leaves the seat: stops local media first', at('L1', 'anchor'), at('L1'), [{ op: 'stopLocal' }, { op: 'setRole', role: 'audience' }]],
    ['leaves the live', at('L1', 'anchor', ['L2']), OUT, [{ op: 'leave' }]],
    ['switches lives', at('L1', 'anchor'), at('L2'), [{ op: 'leave' }, { op: 'join', roomId: 'L2', role: 'audience' }]],
    ['partners change', at('L1', 'anchor', ['L2', 'L3']), at('L1', 'anchor', ['L3', 'L4']), [
      { op: 'disconnect', roomId: 'L2' },
      { op: 'connect', roomId: 'L4' },
    ]],
    ['nothing changed', at('L1', 'anchor', ['L2']), at('L1', 'anchor', ['L2']), []],
  ])('%s', (_, applied, desired, steps) => {
    expect(mediaSteps(applied, desired)).toEqual(steps)
  })

  it('applying the steps reaches the desired placement', () => {
    const cases: Array<[MediaPlacement, MediaPlacement]> = [
      [OUT, at('L1', 'anchor', ['L2'])],
      [at('L1', 'anchor', ['L2', 'L3']), at('L1', 'anchor', ['L3', 'L4'])],
      [at('L1', 'anchor'), at('L2')],
      [at('L1', 'anchor', ['L2']), OUT],
    ]
    for (const [applied, desired] of cases) {
      expect(mediaSteps(applied, desired).reduce(applyStep, applied)).toEqual(desired)
    }
  })
})

describe('the media store', () => {
  let hub: Hub
  let host: TestUser
  let guest: TestUser
  let engines: Map<string, FakeMediaEngine>
  const errors = vi.fn()

  /** The engine calls of `userId`, in the order they were made (volume reports left out). */
  function calls(userId: string): unknown[][] {
    const engine = engines.get(userId)!
    const made = Object.entries(engine).flatMap(([name, fn]) =>
      vi.isMockFunction(fn) && name !== 'setVolumeInterval' ? fn.mock.calls.map((args, i) => ({ order: fn.mock.invocationCallOrder[i]!, call: [name, ...args] })) : [])
    return made.sort((a, b) => a.order - b.order).map(({ call }) => call)
  }

  const user = (userId: string): Promise<TestUser> => createFakeMediaUser(hub, userId, engines, errors)

  beforeEach(async () => {
    errors.mockReset()
    engines = new Map()
    hub = createLocalHub()
    host = await user('host')
    guest = await user('guest')
    await host.use(useLiveListState).startLive({ liveId: 'live1', liveName: 'Live 1', seatMode: TUISeatMode.kFreeToTake })
    await flush()
  })

  afterEach(() => {
    host.unmount()
    guest.unmount()
    hub.dispose()
  })

  it('the owner joins as anchor and has volumes reported every 200 ms; no engine before a live', async () => {
    expect(calls('host')).toEqual([['join', { roomId: 'live1', userId: 'host', role: 'anchor', scene: 'live' }]])
    expect(engines.get('host')!.setVolumeInterval).toHaveBeenCalledWith(200)
    expect(engines.has('guest')).toBe(false)
  })

  it('an audience member joins as audience, takes a seat as anchor, and stops local media before stepping down', async () => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await guest.use(useLiveSeatState).takeSeat({ seatIndex: 1 })
    await flush()
    await guest.use(useLiveSeatState).leaveSeat()
    await flush()
    await guest.use(useLiveListState).leaveLive()
    await flush()
    expect(calls('guest')).toEqual([
      ['join', { roomId: 'live1', userId: 'guest', role: 'audience', scene: 'live' }],
      ['setRole', 'anchor'],
      ['stopMicrophone'], ['stopCamera'], ['stopScreenShare'],
      ['setRole', 'audience'],
      ['leave'],
    ])
    expect(engines.get('guest')!.setVolumeInterval).toHaveBeenLastCalledWith(0)
    expect(guest.use(useMediaStore).placement).toEqual(OUT)
  })

  it.each([
    ['the live ends', () => host.use(useLiveListState).endLive()],
    ['the owner kicks the member out', () => host.use(useLiveAudienceState).kickUserOutOfRoom({ userId: 'guest' })],
  ])('%s: the member leaves the media room', async (_, act) => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await flush()
    await act()
    await flush()
    expect(calls('guest').map(([name]) => name)).toEqual(['join', 'leave'])
    expect(guest.use(useMediaStore).placement).toEqual(OUT)
  })

  it('a fast sequence ends where the hub is: seat taken and left in one go', async () => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await flush()
    const seat = guest.use(useLiveSeatState)
    await Promise.all([seat.takeSeat({ seatIndex: 1 }), seat.leaveSeat()])
    await flush()
    const roles = calls('guest').filter(([name]) => name === 'setRole').map(([, role]) => role)
    expect(roles.filter((role) => role === 'anchor')).toHaveLength(roles.filter((role) => role === 'audience').length)
    expect(guest.use(useMediaStore).placement).toEqual({ roomId: 'live1', role: 'audience', partners: [] })
  })

  it("a failed step goes to the app's error handler; the placement keeps what the engine really did", async () => {
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await guest.use(useLiveSeatState).takeSeat({ seatIndex: 1 })
    await flush()
    const engine = engines.get('guest')!
    engine.setRole.mockRejectedValueOnce(new Error('network down'))
    await guest.use(useLiveSeatState).leaveSeat()
    await flush()
    await guest.use(useLiveSeatState).takeSeat({ seatIndex: 1 })
    await flush()
    expect(errors).toHaveBeenCalledWith(new Error('network down'), null, expect.any(String))
    expect(guest.use(useMediaStore).placement.role).toBe('anchor')
  })

  it('logging out forgets the room without calling the disposed engine', async () => {
    const before = calls('host').length
    await host.use(useLoginState).logout()
    await flush()
    expect(host.use(useMediaStore).placement).toEqual(OUT)
    expect(calls('host').slice(before)).toEqual([['dispose']])
  })
})
