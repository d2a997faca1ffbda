import { ErrorCode } from '../errors'
import { putRoom, requireHost, requireInRoom, requireMember, seatIndexOf } from './access'
import { applicationKey, bothSides, endApplication, endInvitation, invitationKey, parseRequestKey } from './pending'
import type { Expirer, Handlers } from './reduce'
import { freeSeatFor, requireSeatIndex, seatUser } from './seating'
import { deadlineFrom, fail, requireString, send, setDeadline, type Tx } from './tx'
import type { Invitation, LiveId, Room, UserId } from './types'
import { profileOf, toApplicationView, toInvitationView } from './views'

/** The invitation `inviterId` sent to the actor, or REQUEST_NOT_FOUND. */
function requireInvitationFrom(tx: Tx, inviterId: unknown): { liveId: LiveId; room: Room; invitation: Invitation } {
  const { user, liveId, room } = requireInRoom(tx)
  const from = requireString(inviterId, 'inviterId')
  const invitation = room.invitations.get(user.userId)
  if (!invitation || invitation.inviterId !== from) fail(ErrorCode.REQUEST_NOT_FOUND, `No pending invitation from "${from}"`)
  return { liveId, room, invitation }
}

/** The pending application of `userId` in the actor's room (actor must be owner/admin), or NOT_ON_THE_SEAT_QUEUE. */
function requireApplication(tx: Tx, userId: unknown, what: string) {
  const { liveId, room } = requireHost(tx, what)
  const id = requireString(userId, 'userId')
  const application = room.applications.get(id)
  if (!application) fail(ErrorCode.NOT_ON_THE_SEAT_QUEUE, `User "${id}" has no pending seat application`)
  return { liveId, room, application }
}

/** Co-guest commands: seat applications (audience → hosts) and seat invitations (hosts → audience). */
export const coGuestHandlers: Handlers = {
  'coGuest.apply': (tx, { seatIndex, timeout }) => {
    const { user, liveId, room } = requireInRoom(tx)
    const wanted = requireSeatIndex(room, seatIndex, true)
    const expiresAt = deadlineFrom(tx, timeout)
    if (seatIndexOf(room, user.userId) >= 0) fail(ErrorCode.ALREADY_IN_SEAT, 'You already have a seat')
    if (room.applications.has(user.userId)) fail(ErrorCode.ALREADY_ON_THE_SEAT_QUEUE, 'You already applied: cancelApplication() first')
    freeSeatFor(room, wanted)
    const application = { userId: user.userId, seatIndex: wanted, createdAt: tx.ctx.now, expiresAt }
    putRoom(tx, liveId, { ...room, applications: room.applications.set(user.userId, application) })
    setDeadline(tx, applicationKey(liveId, user.userId), expiresAt)
    send(tx, bothSides(room, user.userId), { type: 'coGuest.applicationAdded', application: toApplicationView(tx.state, liveId, application) })
  },

  'coGuest.cancelApplication': (tx) => {
    const { user, liveId, room } = requireInRoom(tx)
    if (!room.applications.has(user.userId)) fail(ErrorCode.NOT_ON_THE_SEAT_QUEUE, 'You have no pending seat application')
    endApplication(tx, liveId, user.userId, 'cancelled', null)
  },

  'coGuest.accept': (tx, { userId }) => {
    const { liveId, room, application } = requireApplication(tx, userId, 'accept seat applications')
    // the seat may have been taken or locked since the user applied: refuse and leave the application pending
    const index = freeSeatFor(room, application.seatIndex, ErrorCode.USER_ALREADY_ON_SEAT)
    endApplication(tx, liveId, application.userId, 'accepted', profileOf(tx.state, tx.ctx.actor))
    seatUser(tx, liveId, application.userId, index)
  },

  'coGuest.reject': (tx, { userId }) => {
    const { liveId, application } = requireApplication(tx, userId, 'reject seat applications')
    endApplication(tx, liveId, application.userId, 'rejected', profileOf(tx.state, tx.ctx.actor))
  },

  'coGuest.invite': (tx, { userId, seatIndex, timeout }) => {
    const { user, liveId, room } = requireHost(tx, 'invite users to seats')
    const { userId: inviteeId } = requireMember(room, userId)
    const wanted = requireSeatIndex(room, seatIndex, true)
    const expiresAt = deadlineFrom(tx, timeout)
    if (inviteeId === user.userId) fail(ErrorCode.INVALID_ARGUMENT, 'You cannot invite yourself: take a seat instead')
    if (seatIndexOf(room, inviteeId) >= 0) fail(ErrorCode.ALREADY_IN_SEAT, `User "${inviteeId}" already has a seat`)
    if (room.invitations.has(inviteeId)) fail(ErrorCode.ALREADY_ON_THE_SEAT_QUEUE, `User "${inviteeId}" already has a pending invitation`)
    freeSeatFor(room, wanted)
    const invitation = { inviteeId, inviterId: user.userId, seatIndex: wanted, createdAt: tx.ctx.now, expiresAt }
    putRoom(tx, liveId, { ...room, invitations: room.invitations.set(inviteeId, invitation) })
    setDeadline(tx, invitationKey(liveId, inviteeId), expiresAt)
    send(tx, bothSides(room, inviteeId), { type: 'coGuest.invitationAdded', invitation: toInvitationView(tx.state, liveId, invitation) })
  },

  // any owner/admin may cancel: an invitation belongs to the room, not only to the admin who sent it
  'coGuest.cancelInvitation': (tx, { userId }) => {
    const { liveId, room } = requireHost(tx, 'cancel seat invitations')
    const inviteeId = requireString(userId, 'userId')
    if (!room.invitations.has(inviteeId)) fail(ErrorCode.REQUEST_NOT_FOUND, `User "${inviteeId}" has no pending invitation`)
    endInvitation(tx, liveId, inviteeId, 'cancelled')
  },

  'coGuest.acceptInvitation': (tx, { inviterId }) => {
    const { liveId, room, invitation } = requireInvitationFrom(tx, inviterId)
    const index = freeSeatFor(room, invitation.seatIndex, ErrorCode.USER_ALREADY_ON_SEAT)
    endInvitation(tx, liveId, invitation.inviteeId, 'accepted')
    seatUser(tx, liveId, invitation.inviteeId, index)
  },

  'coGuest.rejectInvitation': (tx, { inviterId }) => {
    const { liveId, invitation } = requireInvitationFrom(tx, inviterId)
    endInvitation(tx, liveId, invitation.inviteeId, 'rejected')
  },
}

/** Timeouts of applications (`app|liveId|userId`) and invitations (`inv|liveId|inviteeId`). */
export const coGuestExpirers: Record<string, Expirer> = {
  app: (tx, key) => {
    const { liveId, userId } = parseRequestKey(key)
    endApplication(tx, liveId, userId, 'timeout', null)
  },
  inv: (tx, key) => {
    const { liveId, userId } = parseRequestKey(key)
    endInvitation(tx, liveId, userId, 'timeout')
  },
}

/** Pending applications and invitations a newly promoted admin must now see (not their own: they know those). */
export function sendPendingToNewHost(tx: Tx, room: Room, hostId: UserId): void {
  const liveId = room.info.liveId
  for (const application of room.applications.values()) {
    if (application.userId !== hostId) send(tx, [hostId], { type: 'coGuest.applicationAdded', application: toApplicationView(tx.state, liveId, application) })
  }
  for (const invitation of room.invitations.values()) {
    if (invitation.inviteeId !== hostId) send(tx, [hostId], { type: 'coGuest.invitationAdded', invitation: toInvitationView(tx.state, liveId, invitation) })
  }
}
