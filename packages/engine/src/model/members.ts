import { ErrorCode } from '../errors'
import { putRoom, requireHost, requireMember, requireOwner, seatIndexOf } from './access'
import { sendPendingToNewHost } from './coGuest'
import { removeMember } from './leaving'
import type { Handlers } from './reduce'
import { sendSeats } from './seating'
import { fail, requireBoolean, send, type Tx } from './tx'
import { LiveKickedOutReason, RoomRole, type LiveId, type Member, type Room } from './types'
import { memberView } from './views'

/** Stores a changed member and tells the room. */
function putMember(tx: Tx, liveId: LiveId, room: Room, member: Member, adminIds = room.adminIds): void {
  putRoom(tx, liveId, { ...room, adminIds, members: room.members.set(member.userId, member) })
  send(tx, { room: liveId }, { type: 'member.changed', liveId, member: memberView(tx.state, member) })
}

function setRole(tx: Tx, userId: unknown, role: RoomRole.Administrator | RoomRole.GeneralUser): void {
  const { liveId, room } = requireOwner(tx, role === RoomRole.Administrator ? 'appoint administrators' : 'revoke administrators')
  const member = requireMember(room, userId)
  if (member.role === RoomRole.Owner) fail(ErrorCode.INVALID_ARGUMENT, 'The owner cannot change role')
  if (member.role === role) return // already so: nothing changes
  const adminIds = role === RoomRole.Administrator ? [...room.adminIds, member.userId] : room.adminIds.filter((id) => id !== member.userId)
  putMember(tx, liveId, room, { ...member, role }, adminIds)
  if (seatIndexOf(room, member.userId) >= 0) sendSeats(tx, liveId) // seat views show the role
  // host-side events reach the new admin from now on; catch them up on what is already pending
  if (role === RoomRole.Administrator) sendPendingToNewHost(tx, room, member.userId)
}

/** Member commands: administrators, kicking out, disabling messages. */
export const memberHandlers: Handlers = {
  'member.setAdmin': (tx, { userId }) => setRole(tx, userId, RoomRole.Administrator),

  'member.revokeAdmin': (tx, { userId }) => setRole(tx, userId, RoomRole.GeneralUser),

  'member.kick': (tx, { userId }) => {
    const { user, liveId, room, member } = requireHost(tx, 'kick members out of the live')
    const target = requireMember(room, userId)
    if (target.userId === user.userId) fail(ErrorCode.INVALID_ARGUMENT, 'You cannot kick yourself out: call leaveLive()')
    if (member.role !== RoomRole.Owner && target.role !== RoomRole.GeneralUser) {
      fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, 'Administrators can only kick audience members out')
    }
    removeMember(tx, liveId, target.userId, LiveKickedOutReason.byAdmin)
  },

  'member.disableMessage': (tx, { userId, isDisable }) => {
    const { liveId, room } = requireHost(tx, "disable members' messages")
    const target = requireMember(room, userId)
    const disabled = requireBoolean(isDisable, 'isDisable')
    if (target.role === RoomRole.Owner) fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, "The owner's messages cannot be disabled")
    putMember(tx, liveId, room, { ...target, isMessageDisabled: disabled })
  },
}
