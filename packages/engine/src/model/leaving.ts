import { putRoom, requireRoom, setUserLive } from './access'
import { dropRoomCoHost } from './coHost'
import { endApplication, endInvitation, endPendingOf } from './pending'
import { vacate } from './seating'
import { send, type Tx } from './tx'
import { LiveEndedReason, RoomRole, type LiveId, type LiveKickedOutReason, type UserId } from './types'
import { memberView } from './views'

/** Why a member goes: `left` on their own, or the kicked-out reason they are told. */
export type ExitReason = 'left' | LiveKickedOutReason

/**
 * Takes a member other than the owner out of a live (the owner's leaving ends it: `endLive`).
 * A kicked member hears `live.kickedOut` first; then their application and invitation end as `left`,
 * their seat is freed and the room hears `member.left`. Invitations they sent as admin stay: they
 * belong to the room.
 */
export function removeMember(tx: Tx, liveId: LiveId, userId: UserId, reason: ExitReason): void {
  if (reason !== 'left') send(tx, [userId], { type: 'live.kickedOut', liveId, reason })
  endPendingOf(tx, liveId, userId, 'left')
  vacate(tx, liveId, userId)
  const room = requireRoom(tx.state, liveId)
  const member = room.members.get(userId)!
  const adminIds = member.role === RoomRole.Administrator ? room.adminIds.filter((id) => id !== userId) : room.adminIds
  putRoom(tx, liveId, { ...room, members: room.members.delete(userId), adminIds })
  setUserLive(tx, userId, null)
  send(tx, { room: liveId }, { type: 'member.left', liveId, member: memberView(tx.state, member) })
}

/**
 * Ends a live: its co-host links first, then every pending application and invitation (outcome
 * `liveEnded`, both sides told), then the room itself. Every member but the owner (who ended it, or
 * was told why it ended) hears `live.ended`.
 */
export function endLive(tx: Tx, liveId: LiveId, reason: LiveEndedReason): void {
  dropRoomCoHost(tx, liveId, 'liveEnded')
  const before = requireRoom(tx.state, liveId)
  for (const userId of before.applications.keys()) endApplication(tx, liveId, userId, 'liveEnded', null)
  for (const inviteeId of before.invitations.keys()) endInvitation(tx, liveId, inviteeId, 'liveEnded')
  const room = requireRoom(tx.state, liveId)
  const memberIds = [...room.members.keys()]
  for (const userId of memberIds) setUserLive(tx, userId, null)
  tx.state = { ...tx.state, rooms: tx.state.rooms.delete(liveId) }
  send(tx, memberIds.filter((id) => id !== room.ownerId), { type: 'live.ended', liveId, reason })
}

/** Takes `userId` out of whatever live they are in: the owner's leaving ends it. */
export function leaveLive(tx: Tx, userId: UserId, reason: ExitReason): void {
  const liveId = tx.state.users.get(userId)?.liveId
  if (!liveId) return
  if (requireRoom(tx.state, liveId).ownerId !== userId) return removeMember(tx, liveId, userId, reason)
  if (reason !== 'left') send(tx, [userId], { type: 'live.kickedOut', liveId, reason })
  endLive(tx, liveId, LiveEndedReason.endedByHost)
}
