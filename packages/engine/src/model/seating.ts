import { ErrorCode } from '../errors'
import { putRoom, requireRoom, seatIndexOf } from './access'
import { endPendingOf } from './pending'
import { fail, requireInteger, send, type Tx } from './tx'
import type { LiveId, Room, Seat, SeatDevice, UserId } from './types'
import { seatViews } from './views'

/** The seat flags each device maps to: an admin lock, and the occupant's own on/off report. */
export const DEVICE_FIELDS = {
  microphone: { lock: 'isAudioLocked', on: 'microphoneOn' },
  camera: { lock: 'isVideoLocked', on: 'cameraOn' },
} as const satisfies Record<SeatDevice, { lock: keyof Seat; on: keyof Seat }>

/** The devices a seat controls. */
export const SEAT_DEVICES: readonly SeatDevice[] = ['microphone', 'camera']

/** A new, empty, unlocked seat. */
export function emptySeat(index: number): Seat {
  return { index, userId: '', isLocked: false, isAudioLocked: false, isVideoLocked: false, microphoneOn: false, cameraOn: false, onSeatAt: 0 }
}

/** `seat` emptied: its locks stay (they belong to the seat), the occupant's devices go. */
export function vacant(seat: Seat): Seat {
  return { ...seat, userId: '', microphoneOn: false, cameraOn: false, onSeatAt: 0 }
}

/** `seat` taken over by the occupant of `from`, who keeps their devices where `seat`'s locks allow. */
export function occupiedBy(seat: Seat, from: Seat): Seat {
  return {
    ...seat,
    userId: from.userId,
    onSeatAt: from.onSeatAt,
    microphoneOn: from.microphoneOn && !seat.isAudioLocked,
    cameraOn: from.cameraOn && !seat.isVideoLocked,
  }
}

/** A seat index of `room` (or -1 = any free seat where `anyAllowed`), else SEAT_INDEX_NOT_EXIST. */
export function requireSeatIndex(room: Room, value: unknown, anyAllowed: boolean): number {
  const index = requireInteger(value, 'seatIndex')
  if ((anyAllowed && index === -1) || (index >= 0 && index < room.seats.length)) return index
  const range = `0–${room.seats.length - 1}${anyAllowed ? ' or -1 for any free seat' : ''}`
  return fail(ErrorCode.SEAT_INDEX_NOT_EXIST, `Seat ${index} does not exist: use ${range}`)
}

/** Where a new guest can sit: `index` if it is free and unlocked, or the first such seat for -1. */
export function freeSeatFor(room: Room, index: number, occupiedCode = ErrorCode.SEAT_OCCUPIED): number {
  if (index === -1) {
    const free = room.seats.findIndex((seat) => !seat.userId && !seat.isLocked)
    return free >= 0 ? free : fail(ErrorCode.ALL_SEAT_OCCUPIED, 'Every seat is taken or locked')
  }
  const seat = room.seats[index]!
  if (seat.isLocked) fail(ErrorCode.SEAT_LOCKED, `Seat ${index} is locked`)
  if (seat.userId) fail(occupiedCode, `Seat ${index} is already taken`)
  return index
}

/** Replaces the given seats (by their index) in a room. */
export function putSeats(tx: Tx, liveId: LiveId, changed: readonly Seat[]): void {
  const room = requireRoom(tx.state, liveId)
  const seats = [...room.seats]
  for (const seat of changed) seats[seat.index] = seat
  putRoom(tx, liveId, { ...room, seats })
}

/** Tells the whole room its seat list. */
export function sendSeats(tx: Tx, liveId: LiveId): void {
  send(tx, { room: liveId }, { type: 'seat.listChanged', liveId, seats: seatViews(tx.state, requireRoom(tx.state, liveId)) })
}

/** Seats `userId` on a free seat, devices off; their pending application/invitation ends as `seated`. */
export function seatUser(tx: Tx, liveId: LiveId, userId: UserId, index: number): void {
  const seat = requireRoom(tx.state, liveId).seats[index]!
  putSeats(tx, liveId, [{ ...vacant(seat), userId, onSeatAt: tx.ctx.now }])
  sendSeats(tx, liveId)
  endPendingOf(tx, liveId, userId, 'seated')
}

/** Frees `userId`'s seat, if they have one. */
export function vacate(tx: Tx, liveId: LiveId, userId: UserId): void {
  const room = requireRoom(tx.state, liveId)
  const index = seatIndexOf(room, userId)
  if (index < 0) return
  putSeats(tx, liveId, [vacant(room.seats[index]!)])
  sendSeats(tx, liveId)
}

/** `seat` with `device` locked or unlocked by an admin; locking also turns the device off. */
export function withDeviceLock(seat: Seat, device: SeatDevice, locked: boolean): Seat {
  const { lock, on } = DEVICE_FIELDS[device]
  return { ...seat, [lock]: locked, [on]: seat[on] && !locked }
}
