import { ErrorCode } from '../errors'
import type { LiveId, Member, ModelState, Room, UserId, UserRecord } from './types'
import { RoomRole } from './types'
import { fail, type Tx } from './tx'

/** The logged-in actor, or NOT_LOGGED_IN. */
export function requireUser(tx: Tx): UserRecord {
  const user = tx.state.users.get(tx.ctx.actor)
  if (!user) fail(ErrorCode.NOT_LOGGED_IN, 'Call login() before using live features')
  return user
}

/** A running live, or ROOM_NOT_FOUND. */
export function requireRoom(state: ModelState, liveId: LiveId): Room {
  const room = state.rooms.get(liveId)
  if (!room) fail(ErrorCode.ROOM_NOT_FOUND, `Live "${liveId}" does not exist or has ended`)
  return room
}

/** The actor as a member of their current live. */
export interface InRoom {
  readonly user: UserRecord
  readonly liveId: LiveId
  readonly room: Room
  readonly member: Member
}

/** The actor's current room and membership, or NOT_LOGGED_IN / NOT_IN_ROOM. */
export function requireInRoom(tx: Tx): InRoom {
  const user = requireUser(tx)
  if (!user.liveId) fail(ErrorCode.NOT_IN_ROOM, 'Call joinLive() or startLive() first')
  const room = requireRoom(tx.state, user.liveId)
  const member = room.members.get(user.userId)
  if (!member) fail(ErrorCode.NOT_IN_ROOM, 'Call joinLive() or startLive() first')
  return { user, liveId: user.liveId, room, member }
}

/** Owner or administrator: may answer co-guest requests and manage seats. */
export const isHost = (member: Member | undefined): boolean =>
  member !== undefined && (member.role === RoomRole.Owner || member.role === RoomRole.Administrator)

/** The actor's room, refusing anybody but its owner or an administrator. */
export function requireHost(tx: Tx, what: string): InRoom {
  const inRoom = requireInRoom(tx)
  if (!isHost(inRoom.member)) fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, `Only the owner or an administrator can ${what}`)
  return inRoom
}

/** The actor's room, refusing anybody but its owner. */
export function requireOwner(tx: Tx, what: string): InRoom {
  const inRoom = requireInRoom(tx)
  if (inRoom.member.role !== RoomRole.Owner) fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, `Only the owner can ${what}`)
  return inRoom
}

/** A member of the given room, or USER_NOT_FOUND. */
export function requireMember(room: Room, userId: unknown): Member {
  if (typeof userId !== 'string' || userId === '') fail(ErrorCode.INVALID_ARGUMENT, 'userId must be a non-empty string')
  const member = room.members.get(userId)
  if (!member) fail(ErrorCode.USER_NOT_FOUND, `User "${userId}" is not in this live`)
  return member
}

/** Owner and administrators of a room: the recipients of host-side co-guest events. */
export function hostsOf(room: Room): UserId[] {
  return [room.ownerId, ...room.adminIds]
}

/** The seat `userId` sits on, or -1. */
export function seatIndexOf(room: Room, userId: UserId): number {
  return room.seats.findIndex((seat) => seat.userId === userId)
}

/** Replaces a room in `tx.state`. */
export function putRoom(tx: Tx, liveId: LiveId, room: Room): void {
  tx.state = { ...tx.state, rooms: tx.state.rooms.set(liveId, room) }
}

/** Records which live a logged-in user is in (null = none). */
export function setUserLive(tx: Tx, userId: UserId, liveId: LiveId | null): void {
  const user = tx.state.users.get(userId)
  if (user) tx.state = { ...tx.state, users: tx.state.users.set(userId, { ...user, liveId }) }
}
