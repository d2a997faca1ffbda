import { ErrorCode } from '../errors'
import { isHost, requireHost, requireInRoom, requireMember, seatIndexOf } from './access'
import type { Handlers } from './reduce'
import {
  DEVICE_FIELDS, SEAT_DEVICES, freeSeatFor, occupiedBy, putSeats, requireSeatIndex, seatUser, sendSeats, vacant, vacate, withDeviceLock,
} from './seating'
import { fail, requireBoolean, requireOneOf, send, type Tx } from './tx'
import { MoveSeatPolicy, SeatMode, type LiveId, type Room, type Seat, type SeatDevice, type UserId } from './types'
import { profileOf } from './views'

const OWNER_SEAT = 'Seat 0 belongs to the owner'
const MOVE_POLICIES = [MoveSeatPolicy.AbortWhenOccupied, MoveSeatPolicy.ForceReplace, MoveSeatPolicy.SwapPosition]

/** The seat of a seated member other than the owner: what an owner/admin may act on. */
function requireGuestSeat(room: Room, userId: unknown): Seat {
  const { userId: id } = requireMember(room, userId)
  const index = seatIndexOf(room, id)
  if (index < 0) fail(ErrorCode.USER_NOT_IN_SEAT, `User "${id}" is not on a seat`)
  if (id === room.ownerId) fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, OWNER_SEAT)
  return room.seats[index]!
}

function tellDevice(tx: Tx, liveId: LiveId, userId: UserId, device: SeatDevice, open: boolean): void {
  send(tx, [userId], { type: 'seat.deviceByAdmin', liveId, device, open, hostUser: profileOf(tx.state, tx.ctx.actor) })
}

/** Tells the occupant of `after` about each device whose admin lock differs from `before` (the seat they had). */
function tellLockChanges(tx: Tx, liveId: LiveId, before: Seat, after: Seat): void {
  for (const device of SEAT_DEVICES) {
    const { lock } = DEVICE_FIELDS[device]
    if (before[lock] !== after[lock]) tellDevice(tx, liveId, after.userId, device, !after[lock])
  }
}

/** Seat commands: taking, leaving, locking, kicking, moving and device control. */
export const seatHandlers: Handlers = {
  'seat.take': (tx, { seatIndex }) => {
    const { user, liveId, room, member } = requireInRoom(tx)
    const wanted = requireSeatIndex(room, seatIndex, true)
    if (seatIndexOf(room, user.userId) >= 0) fail(ErrorCode.ALREADY_IN_SEAT, 'You already have a seat')
    if (room.info.seatMode === SeatMode.ApplyToTake && !isHost(member)) {
      fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, 'Seats in this live are given by the host: call applyForSeat() instead')
    }
    seatUser(tx, liveId, user.userId, freeSeatFor(room, wanted))
  },

  'seat.leave': (tx) => {
    const { user, liveId, room } = requireInRoom(tx)
    if (seatIndexOf(room, user.userId) < 0) fail(ErrorCode.USER_NOT_IN_SEAT, 'You are not on a seat')
    if (user.userId === room.ownerId) fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, `${OWNER_SEAT}: call endLive() to stop`)
    vacate(tx, liveId, user.userId)
  },

  'seat.lock': (tx, { seatIndex, isLocked }) => {
    const { liveId, room } = requireHost(tx, 'lock seats')
    const index = requireSeatIndex(room, seatIndex, false)
    const locked = requireBoolean(isLocked, 'isLocked')
    if (index === 0) fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, OWNER_SEAT)
    putSeats(tx, liveId, [{ ...room.seats[index]!, isLocked: locked }])
    sendSeats(tx, liveId)
  },

  'seat.lockDevice': (tx, { seatIndex, device, isLocked }) => {
    const { liveId, room } = requireHost(tx, 'lock seat devices')
    const index = requireSeatIndex(room, seatIndex, false)
    const which = requireOneOf(device, SEAT_DEVICES, 'device')
    const locked = requireBoolean(isLocked, 'isLocked')
    if (index === 0) fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, OWNER_SEAT)
    const before = room.seats[index]!
    const after = withDeviceLock(before, which, locked)
    putSeats(tx, liveId, [after])
    if (after.userId) tellLockChanges(tx, liveId, before, after)
    sendSeats(tx, liveId)
  },

  'seat.kick': (tx, { userId }) => {
    const { liveId, room } = requireHost(tx, 'kick users off seats')
    const seat = requireGuestSeat(room, userId)
    send(tx, [seat.userId], { type: 'seat.kickedOff', liveId, seatIndex: seat.index, hostUser: profileOf(tx.state, tx.ctx.actor) })
    vacate(tx, liveId, seat.userId)
  },

  'seat.move': (tx, { userId, targetIndex, policy }) => {
    const { liveId, room } = requireHost(tx, 'move users between seats')
    const from = requireGuestSeat(room, userId)
    const to = room.seats[requireSeatIndex(room, targetIndex, false)]!
    const how = requireOneOf(policy, MOVE_POLICIES, 'policy')
    if (to.index === 0) fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, OWNER_SEAT)
    if (to.index === from.index) fail(ErrorCode.ALREADY_IN_SEAT, `User "${from.userId}" already sits on seat ${to.index}`)
    if (to.isLocked) fail(ErrorCode.SEAT_LOCKED, `Seat ${to.index} is locked`)
    if (to.userId && how === MoveSeatPolicy.AbortWhenOccupied) fail(ErrorCode.SEAT_OCCUPIED, `Seat ${to.index} is already taken`)
    const moved = occupiedBy(to, from)
    const swapped = to.userId !== '' && how === MoveSeatPolicy.SwapPosition
    const left = swapped ? occupiedBy(from, to) : vacant(from)
    putSeats(tx, liveId, [moved, left])
    if (to.userId && how === MoveSeatPolicy.ForceReplace) {
      send(tx, [to.userId], { type: 'seat.kickedOff', liveId, seatIndex: to.index, hostUser: profileOf(tx.state, tx.ctx.actor) })
    }
    tellLockChanges(tx, liveId, from, moved)
    if (swapped) tellLockChanges(tx, liveId, to, left)
    sendSeats(tx, liveId)
  },

  'seat.remoteDevice': (tx, { userId, device, open }) => {
    const { liveId, room } = requireHost(tx, "open or close guests' devices")
    const seat = requireGuestSeat(room, userId)
    const which = requireOneOf(device, SEAT_DEVICES, 'device')
    const allow = requireBoolean(open, 'open')
    putSeats(tx, liveId, [withDeviceLock(seat, which, !allow)])
    tellDevice(tx, liveId, seat.userId, which, allow)
    sendSeats(tx, liveId)
  },

  'seat.deviceState': (tx, { device, on }) => {
    const { user, liveId, room } = requireInRoom(tx)
    const which = requireOneOf(device, SEAT_DEVICES, 'device')
    const value = requireBoolean(on, 'on')
    const index = seatIndexOf(room, user.userId)
    if (index < 0) fail(ErrorCode.USER_NOT_IN_SEAT, `Take a seat before opening your ${which}`)
    const seat = room.seats[index]!
    const { lock, on: field } = DEVICE_FIELDS[which]
    if (value && seat[lock]) fail(ErrorCode.DEVICE_LOCKED, `An admin has locked your ${which}`)
    putSeats(tx, liveId, [{ ...seat, [field]: value }])
    sendSeats(tx, liveId)
  },
}
