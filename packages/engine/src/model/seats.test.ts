import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { T0, accept, expectRefused, profile, roomOf, seatListDelivery, seating, world } from './testing'
import { MoveSeatPolicy, RoomRole, SeatMode, type Command, type ModelState, type StartLiveInput } from './types'
import { seatViews } from './views'

const LIVE = 'live1'

/** host owns live1 (9 seats), adam is admin, bob sits on seat 1; olga is logged in elsewhere. */
function base(options: Omit<StartLiveInput, 'liveId'> = {}): ModelState {
  return world({ users: ['olga'], lives: [{ liveId: LIVE, owner: 'host', admins: ['adam'], audience: ['alice', 'bob', 'carol'], seated: ['bob'], options }] })
}

const seat = (state: ModelState, index: number) => roomOf(state, LIVE).seats[index]!
const free = (options: Omit<StartLiveInput, 'liveId'> = {}) => base({ seatMode: SeatMode.FreeToTake, ...options })

describe('seat views', () => {
  it('show each seat with its occupant, role, devices and locks', () => {
    let state = accept(base(), 'bob', { type: 'seat.deviceState', device: 'microphone', on: true }).state
    state = accept(state, 'host', { type: 'seat.lockDevice', seatIndex: 1, device: 'camera', isLocked: true }).state
    const views = seatViews(state, roomOf(state, LIVE))
    expect(views).toHaveLength(9)
    expect(views[0]).toEqual({
      index: 0, isLocked: false, isAudioLocked: false, isVideoLocked: false,
      user: { ...profile('host'), liveId: LIVE, role: RoomRole.Owner, microphoneOn: false, cameraOn: false, allowOpenMicrophone: true, allowOpenCamera: true, onSeatAt: T0 },
    })
    expect(views[1]).toEqual({
      index: 1, isLocked: false, isAudioLocked: false, isVideoLocked: true,
      user: { ...profile('bob'), liveId: LIVE, role: RoomRole.GeneralUser, microphoneOn: true, cameraOn: false, allowOpenMicrophone: true, allowOpenCamera: false, onSeatAt: T0 },
    })
    expect(views[2]).toEqual({ index: 2, isLocked: false, isAudioLocked: false, isVideoLocked: false, user: null })
  })
})

describe('seat.take', () => {
  it.each([
    ['an audience member in a free-to-take live', free(), 'alice'],
    ['an admin in an apply-to-take live', base(), 'adam'],
  ])('seats %s on the chosen seat, devices off, and tells the room', (_, state, actor) => {
    const r = accept(state, actor, { type: 'seat.take', seatIndex: 4 }, T0 + 5)
    expect(seating(r.state, LIVE)).toEqual(['host', 'bob', '', '', actor, '', '', '', ''])
    expect(seat(r.state, 4)).toMatchObject({ microphoneOn: false, cameraOn: false, onSeatAt: T0 + 5 })
    expect(r.deliveries).toEqual([seatListDelivery(r.state, LIVE)])
    expect(r.timers).toEqual([])
  })

  it('takes the first free unlocked seat for -1', () => {
    const locked = accept(free(), 'host', { type: 'seat.lock', seatIndex: 2, isLocked: true }).state
    const r = accept(locked, 'alice', { type: 'seat.take', seatIndex: -1 })
    expect(seating(r.state, LIVE).indexOf('alice')).toBe(3)
  })

  it('ends the taker’s pending application and invitation as seated, on both sides', () => {
    let state = accept(free(), 'alice', { type: 'coGuest.apply', seatIndex: -1, timeout: 30 }).state
    state = accept(state, 'adam', { type: 'coGuest.invite', userId: 'alice', seatIndex: -1, timeout: 60 }).state
    const r = accept(state, 'alice', { type: 'seat.take', seatIndex: 5 })
    expect(roomOf(r.state, LIVE).applications.size).toBe(0)
    expect(roomOf(r.state, LIVE).invitations.size).toBe(0)
    expect(r.state.deadlines.size).toBe(0)
    expect(r.timers).toEqual([{ op: 'clear', key: 'app|live1|alice' }, { op: 'clear', key: 'inv|live1|alice' }])
    expect(r.deliveries.map((d) => [d.event.type, d.to, 'outcome' in d.event && d.event.outcome])).toEqual([
      ['seat.listChanged', { room: LIVE }, false],
      ['coGuest.applicationEnded', { users: ['alice', 'host', 'adam'] }, 'seated'],
      ['coGuest.invitationEnded', { users: ['alice', 'host', 'adam'] }, 'seated'],
    ])
  })

  it('tells an audience member of an apply-to-take live to apply instead', () => {
    const message = expectRefused(base(), 'alice', { type: 'seat.take', seatIndex: 4 }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
    expect(message).toContain('applyForSeat()')
  })

  const full = () => accept(free({ maxSeatCount: 3 }), 'carol', { type: 'seat.take', seatIndex: 2 }).state
  const lockedTwo = () => accept(free(), 'host', { type: 'seat.lock', seatIndex: 2, isLocked: true }).state
  it.each<[string, () => ModelState, string, unknown, ErrorCode]>([
    ['a seat past the last', free, 'alice', 9, ErrorCode.SEAT_INDEX_NOT_EXIST],
    ['a negative seat other than -1', free, 'alice', -2, ErrorCode.SEAT_INDEX_NOT_EXIST],
    ['a fractional seat', free, 'alice', 1.5, ErrorCode.INVALID_ARGUMENT],
    ['a seat given as a string', free, 'alice', '2', ErrorCode.INVALID_ARGUMENT],
    ['a seat String() cannot show', free, 'alice', { toString: 1 }, ErrorCode.INVALID_ARGUMENT],
    ['an occupied seat', free, 'alice', 1, ErrorCode.SEAT_OCCUPIED],
    ['the owner’s seat', free, 'alice', 0, ErrorCode.SEAT_OCCUPIED],
    ['a locked seat', lockedTwo, 'alice', 2, ErrorCode.SEAT_LOCKED],
    ['any seat when all are taken', full, 'alice', -1, ErrorCode.ALL_SEAT_OCCUPIED],
    ['a second seat', free, 'bob', 3, ErrorCode.ALREADY_IN_SEAT],
    ['a seat, by a user not logged in', free, 'ghost', 3, ErrorCode.NOT_LOGGED_IN],
    ['a seat, by a user in no live', free, 'olga', 3, ErrorCode.NOT_IN_ROOM],
  ])('refuses %s', (_, state, actor, seatIndex, code) => {
    expectRefused(state(), actor, { type: 'seat.take', seatIndex } as Command, code)
  })
})

describe('seat.leave', () => {
  it('frees the seat, keeping its locks, and tells the room', () => {
    let state = accept(base(), 'host', { type: 'seat.lockDevice', seatIndex: 1, device: 'microphone', isLocked: true }).state
    state = accept(state, 'bob', { type: 'seat.deviceState', device: 'camera', on: true }).state
    const r = accept(state, 'bob', { type: 'seat.leave' })
    expect(seat(r.state, 1)).toEqual({
      index: 1, userId: '', isLocked: false, isAudioLocked: true, isVideoLocked: false, microphoneOn: false, cameraOn: false, onSeatAt: 0,
    })
    expect(r.deliveries).toEqual([seatListDelivery(r.state, LIVE)])
  })

  it.each([
    ['the owner, who keeps seat 0', 'host', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['a member without a seat', 'alice', ErrorCode.USER_NOT_IN_SEAT],
    ['a user in no live', 'olga', ErrorCode.NOT_IN_ROOM],
  ])('refuses %s', (_, actor, code) => {
    expectRefused(base(), actor, { type: 'seat.leave' }, code)
  })
})

describe('seat.lock', () => {
  it('locks and unlocks a seat, keeping its occupant', () => {
    const locked = accept(base(), 'adam', { type: 'seat.lock', seatIndex: 1, isLocked: true })
    expect(seat(locked.state, 1)).toMatchObject({ userId: 'bob', isLocked: true })
    expect(locked.deliveries).toEqual([seatListDelivery(locked.state, LIVE)])
    const unlocked = accept(locked.state, 'host', { type: 'seat.lock', seatIndex: 1, isLocked: false })
    expect(seat(unlocked.state, 1).isLocked).toBe(false)
  })

  it.each<[string, string, number, unknown, ErrorCode]>([
    ['the owner’s seat', 'host', 0, true, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['a seat that does not exist', 'host', 9, true, ErrorCode.SEAT_INDEX_NOT_EXIST],
    ['-1', 'host', -1, true, ErrorCode.SEAT_INDEX_NOT_EXIST],
    ['a non-boolean lock', 'host', 2, 'yes', ErrorCode.INVALID_ARGUMENT],
    ['an audience member', 'alice', 2, true, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s', (_, actor, seatIndex, isLocked, code) => {
    expectRefused(base(), actor, { type: 'seat.lock', seatIndex, isLocked } as Command, code)
  })
})

describe('seat.lockDevice', () => {
  it('locking turns the occupant’s device off and tells them, then the room', () => {
    const on = accept(base(), 'bob', { type: 'seat.deviceState', device: 'microphone', on: true }).state
    const r = accept(on, 'adam', { type: 'seat.lockDevice', seatIndex: 1, device: 'microphone', isLocked: true })
    expect(seat(r.state, 1)).toMatchObject({ isAudioLocked: true, microphoneOn: false, isVideoLocked: false })
    expect(r.deliveries).toEqual([
      { to: { users: ['bob'] }, event: { type: 'seat.deviceByAdmin', liveId: LIVE, device: 'microphone', open: false, hostUser: profile('adam') } },
      seatListDelivery(r.state, LIVE),
    ])
  })

  it('unlocking tells the occupant they may open the device again', () => {
    const locked = accept(base(), 'host', { type: 'seat.lockDevice', seatIndex: 1, device: 'camera', isLocked: true }).state
    const r = accept(locked, 'host', { type: 'seat.lockDevice', seatIndex: 1, device: 'camera', isLocked: false })
    expect(seat(r.state, 1).isVideoLocked).toBe(false)
    expect(r.deliveries[0]).toEqual({
      to: { users: ['bob'] }, event: { type: 'seat.deviceByAdmin', liveId: LIVE, device: 'camera', open: true, hostUser: profile('host') },
    })
  })

  it.each([
    ['an empty seat', 4, false],
    ['a lock that is already set', 1, true],
  ])('on %s only updates the seat list', (_, seatIndex, lockTwice) => {
    let state = base()
    if (lockTwice) state = accept(state, 'host', { type: 'seat.lockDevice', seatIndex, device: 'camera', isLocked: true }).state
    const r = accept(state, 'host', { type: 'seat.lockDevice', seatIndex, device: 'camera', isLocked: true })
    expect(seat(r.state, seatIndex).isVideoLocked).toBe(true)
    expect(r.deliveries).toEqual([seatListDelivery(r.state, LIVE)])
  })

  it.each<[string, string, Record<string, unknown>, ErrorCode]>([
    ['the owner’s seat', 'host', { seatIndex: 0 }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['an unknown device', 'host', { device: 'screen' }, ErrorCode.INVALID_ARGUMENT],
    ['a seat that does not exist', 'host', { seatIndex: 12 }, ErrorCode.SEAT_INDEX_NOT_EXIST],
    ['a non-boolean lock', 'host', { isLocked: 1 }, ErrorCode.INVALID_ARGUMENT],
    ['an audience member', 'alice', {}, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s', (_, actor, change, code) => {
    expectRefused(base(), actor, { type: 'seat.lockDevice', seatIndex: 1, device: 'microphone', isLocked: true, ...change } as Command, code)
  })
})

describe('seat.kick', () => {
  it('tells the guest they were kicked off, then frees the seat', () => {
    const r = accept(base(), 'adam', { type: 'seat.kick', userId: 'bob' })
    expect(seating(r.state, LIVE)[1]).toBe('')
    expect(r.deliveries).toEqual([
      { to: { users: ['bob'] }, event: { type: 'seat.kickedOff', liveId: LIVE, seatIndex: 1, hostUser: profile('adam') } },
      seatListDelivery(r.state, LIVE),
    ])
  })

  it.each<[string, string, unknown, ErrorCode]>([
    ['the owner', 'adam', 'host', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['a member without a seat', 'host', 'alice', ErrorCode.USER_NOT_IN_SEAT],
    ['a user not in the live', 'host', 'olga', ErrorCode.USER_NOT_FOUND],
    ['an empty userId', 'host', '', ErrorCode.INVALID_ARGUMENT],
    ['a request by an audience member', 'alice', 'bob', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s', (_, actor, userId, code) => {
    expectRefused(base(), actor, { type: 'seat.kick', userId } as Command, code)
  })
})

describe('seat.move', () => {
  /** bob on seat 1 with his microphone on, carol on seat 2. */
  function twoGuests(): ModelState {
    let state = accept(base(), 'bob', { type: 'seat.deviceState', device: 'microphone', on: true }).state
    state = accept(state, 'host', { type: 'coGuest.invite', userId: 'carol', seatIndex: 2, timeout: 0 }).state
    return accept(state, 'carol', { type: 'coGuest.acceptInvitation', inviterId: 'host' }).state
  }

  it.each([MoveSeatPolicy.AbortWhenOccupied, MoveSeatPolicy.ForceReplace, MoveSeatPolicy.SwapPosition])(
    'moves a guest to a free seat with their devices (policy %i)',
    (policy) => {
      const r = accept(twoGuests(), 'adam', { type: 'seat.move', userId: 'bob', targetIndex: 5, policy })
      expect(seating(r.state, LIVE)).toEqual(['host', '', 'carol', '', '', 'bob', '', '', ''])
      expect(seat(r.state, 5)).toMatchObject({ microphoneOn: true, onSeatAt: T0 })
      expect(r.deliveries).toEqual([seatListDelivery(r.state, LIVE)])
    },
  )

  it('ForceReplace kicks the occupant off the target seat and tells them', () => {
    const r = accept(twoGuests(), 'host', { type: 'seat.move', userId: 'bob', targetIndex: 2, policy: MoveSeatPolicy.ForceReplace })
    expect(seating(r.state, LIVE).slice(0, 3)).toEqual(['host', '', 'bob'])
    expect(r.deliveries).toEqual([
      { to: { users: ['carol'] }, event: { type: 'seat.kickedOff', liveId: LIVE, seatIndex: 2, hostUser: profile('host') } },
      seatListDelivery(r.state, LIVE),
    ])
  })

  it('SwapPosition swaps the two guests, each keeping their devices', () => {
    const r = accept(twoGuests(), 'host', { type: 'seat.move', userId: 'bob', targetIndex: 2, policy: MoveSeatPolicy.SwapPosition })
    expect(seating(r.state, LIVE).slice(0, 3)).toEqual(['host', 'carol', 'bob'])
    expect(seat(r.state, 2).microphoneOn).toBe(true)
    expect(seat(r.state, 1).microphoneOn).toBe(false)
    expect(r.deliveries).toEqual([seatListDelivery(r.state, LIVE)])
  })

  it('a seat whose microphone is locked turns the mover’s microphone off and tells them; the swapped guest is told of the unlock', () => {
    const state = accept(twoGuests(), 'host', { type: 'seat.lockDevice', seatIndex: 2, device: 'microphone', isLocked: true }).state
    const r = accept(state, 'host', { type: 'seat.move', userId: 'bob', targetIndex: 2, policy: MoveSeatPolicy.SwapPosition })
    expect(seat(r.state, 2)).toMatchObject({ userId: 'bob', microphoneOn: false, isAudioLocked: true })
    const device = (userId: string, open: boolean) => ({
      to: { users: [userId] }, event: { type: 'seat.deviceByAdmin', liveId: LIVE, device: 'microphone', open, hostUser: profile('host') },
    })
    expect(r.deliveries).toEqual([device('bob', false), device('carol', true), seatListDelivery(r.state, LIVE)])
  })

  const lockedFive = () => accept(twoGuests(), 'host', { type: 'seat.lock', seatIndex: 5, isLocked: true }).state
  it.each<[string, () => ModelState, Record<string, unknown>, ErrorCode]>([
    ['onto an occupied seat with AbortWhenOccupied', twoGuests, { targetIndex: 2, policy: MoveSeatPolicy.AbortWhenOccupied }, ErrorCode.SEAT_OCCUPIED],
    ['onto the owner’s seat', twoGuests, { targetIndex: 0, policy: MoveSeatPolicy.ForceReplace }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['the owner', twoGuests, { userId: 'host' }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['onto the seat the guest has', twoGuests, { targetIndex: 1 }, ErrorCode.ALREADY_IN_SEAT],
    ['onto a locked seat', lockedFive, {}, ErrorCode.SEAT_LOCKED],
    ['onto a seat that does not exist', twoGuests, { targetIndex: 9 }, ErrorCode.SEAT_INDEX_NOT_EXIST],
    ['with an unknown policy', twoGuests, { policy: 3 }, ErrorCode.INVALID_ARGUMENT],
    ['a member without a seat', twoGuests, { userId: 'alice' }, ErrorCode.USER_NOT_IN_SEAT],
  ])('refuses a move %s', (_, state, change, code) => {
    expectRefused(state(), 'host', { type: 'seat.move', userId: 'bob', targetIndex: 5, policy: MoveSeatPolicy.AbortWhenOccupied, ...change } as Command, code)
  })

  it('refuses an audience member', () => {
    expectRefused(twoGuests(), 'alice', { type: 'seat.move', userId: 'bob', targetIndex: 5, policy: MoveSeatPolicy.SwapPosition }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS)
  })
})

describe('seat.remoteDevice', () => {
  it('close turns the guest’s device off and locks it; open unlocks it; the guest is told each time', () => {
    const on = accept(base(), 'bob', { type: 'seat.deviceState', device: 'camera', on: true }).state
    const closed = accept(on, 'adam', { type: 'seat.remoteDevice', userId: 'bob', device: 'camera', open: false })
    expect(seat(closed.state, 1)).toMatchObject({ cameraOn: false, isVideoLocked: true })
    expect(closed.deliveries).toEqual([
      { to: { users: ['bob'] }, event: { type: 'seat.deviceByAdmin', liveId: LIVE, device: 'camera', open: false, hostUser: profile('adam') } },
      seatListDelivery(closed.state, LIVE),
    ])
    const opened = accept(closed.state, 'host', { type: 'seat.remoteDevice', userId: 'bob', device: 'camera', open: true })
    expect(seat(opened.state, 1)).toMatchObject({ cameraOn: false, isVideoLocked: false })
    expect(opened.deliveries).toEqual([
      { to: { users: ['bob'] }, event: { type: 'seat.deviceByAdmin', liveId: LIVE, device: 'camera', open: true, hostUser: profile('host') } },
      seatListDelivery(opened.state, LIVE),
    ])
  })

  it.each<[string, string, Record<string, unknown>, ErrorCode]>([
    ['the owner’s device', 'adam', { userId: 'host' }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['a member without a seat', 'host', { userId: 'alice' }, ErrorCode.USER_NOT_IN_SEAT],
    ['an unknown device', 'host', { device: 'speaker' }, ErrorCode.INVALID_ARGUMENT],
    ['a non-boolean open', 'host', { open: 'no' }, ErrorCode.INVALID_ARGUMENT],
    ['an audience member', 'alice', {}, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
  ])('refuses %s', (_, actor, change, code) => {
    expectRefused(base(), actor, { type: 'seat.remoteDevice', userId: 'bob', device: 'microphone', open: false, ...change } as Command, code)
  })
})

describe('seat.deviceState', () => {
  it.each([['microphone', 'microphoneOn'], ['camera', 'cameraOn']] as const)('records the %s the guest reports and tells the room', (device, field) => {
    const on = accept(base(), 'bob', { type: 'seat.deviceState', device, on: true })
    expect(seat(on.state, 1)[field]).toBe(true)
    expect(on.deliveries).toEqual([seatListDelivery(on.state, LIVE)])
    const off = accept(on.state, 'bob', { type: 'seat.deviceState', device, on: false })
    expect(seat(off.state, 1)[field]).toBe(false)
  })

  it('lets a guest close a locked device but not open it', () => {
    const locked = accept(base(), 'host', { type: 'seat.remoteDevice', userId: 'bob', device: 'microphone', open: false }).state
    expectRefused(locked, 'bob', { type: 'seat.deviceState', device: 'microphone', on: true }, ErrorCode.DEVICE_LOCKED)
    expect(accept(locked, 'bob', { type: 'seat.deviceState', device: 'microphone', on: false }).ok).toBe(true)
  })

  it.each<[string, string, Record<string, unknown>, ErrorCode]>([
    ['a member without a seat', 'alice', {}, ErrorCode.USER_NOT_IN_SEAT],
    ['an unknown device', 'bob', { device: 'screen' }, ErrorCode.INVALID_ARGUMENT],
    ['a non-boolean state', 'bob', { on: 1 }, ErrorCode.INVALID_ARGUMENT],
    ['a user not logged in', 'ghost', {}, ErrorCode.NOT_LOGGED_IN],
  ])('refuses %s', (_, actor, change, code) => {
    expectRefused(base(), actor, { type: 'seat.deviceState', device: 'microphone', on: true, ...change } as Command, code)
  })
})
