import { hostsOf, putRoom } from './access'
import { clearDeadline, send, type Tx } from './tx'
import type { LiveId, RequestOutcome, Room, UserId, UserProfile } from './types'
import { toApplicationView, toInvitationView } from './views'

/** Deadline key of a seat application. */
export const applicationKey = (liveId: LiveId, userId: UserId): string => `app|${liveId}|${userId}`
/** Deadline key of a seat invitation. */
export const invitationKey = (liveId: LiveId, inviteeId: UserId): string => `inv|${liveId}|${inviteeId}`

/** Splits an `app|…`/`inv|…` key: a liveId may contain `|`, a userId may not, so the user is after the last one. */
export function parseRequestKey(key: string): { liveId: LiveId; userId: UserId } {
  const last = key.lastIndexOf('|')
  return { liveId: key.slice(key.indexOf('|') + 1, last), userId: key.slice(last + 1) }
}

/** Who hears about a co-guest request: the guest it concerns and every owner/admin (once each). */
export function bothSides(room: Room, guestId: UserId): UserId[] {
  const hosts = hostsOf(room)
  return hosts.includes(guestId) ? hosts : [guestId, ...hosts]
}

/**
 * Ends `userId`'s pending application, if any: removes it, drops its deadline and tells both sides.
 * `hostUser` is who answered (accepted/rejected), null otherwise.
 */
export function endApplication(tx: Tx, liveId: LiveId, userId: UserId, outcome: RequestOutcome, hostUser: UserProfile | null): void {
  clearDeadline(tx, applicationKey(liveId, userId))
  const room = tx.state.rooms.get(liveId)
  const application = room?.applications.get(userId)
  if (!room || !application) return
  const view = toApplicationView(tx.state, liveId, application)
  putRoom(tx, liveId, { ...room, applications: room.applications.delete(userId) })
  send(tx, bothSides(room, userId), { type: 'coGuest.applicationEnded', application: view, outcome, hostUser })
}

/** Ends the pending invitation sent to `inviteeId`, if any: removes it, drops its deadline and tells both sides. */
export function endInvitation(tx: Tx, liveId: LiveId, inviteeId: UserId, outcome: RequestOutcome): void {
  clearDeadline(tx, invitationKey(liveId, inviteeId))
  const room = tx.state.rooms.get(liveId)
  const invitation = room?.invitations.get(inviteeId)
  if (!room || !invitation) return
  const view = toInvitationView(tx.state, liveId, invitation)
  putRoom(tx, liveId, { ...room, invitations: room.invitations.delete(inviteeId) })
  send(tx, bothSides(room, inviteeId), { type: 'coGuest.invitationEnded', invitation: view, outcome })
}

/** Ends whatever `userId` has pending as a guest (their application, the invitation sent to them). */
export function endPendingOf(tx: Tx, liveId: LiveId, userId: UserId, outcome: RequestOutcome): void {
  endApplication(tx, liveId, userId, outcome, null)
  endInvitation(tx, liveId, userId, outcome)
}
