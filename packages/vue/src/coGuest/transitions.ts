import type { ApplicationView, InvitationView, LiveSessionView, RequestOutcome, UserProfile } from '@atomicx-vue/engine'
import { toLiveUserInfo } from '../core/convert'
import type { Emission } from '../core/events'
import { GuestEvent, HostEvent, NoResponseReason } from '../types/coGuest'
import type { AudienceInfo } from '../types/audience'
import type { SeatInfo } from '../types/seat'
import type { LiveUserInfo, PendingUserInfo, SeatUserInfo } from '../types/user'
import type { CoGuestEventInfoMap } from './events'

type CoGuestEmission = Emission<CoGuestEventInfoMap>
type Entry = readonly [key: string, user: PendingUserInfo]

const NOBODY: UserProfile = { userId: '', userName: '', avatarUrl: '' }

/** An application in `applicants`: keyed and shown by the applicant (on the applicant's device too), with its deadline. */
export function applicantEntry(application: ApplicationView): Entry {
  return [application.user.userId, { ...toLiveUserInfo(application.user), expiresAt: application.expiresAt }]
}

/** An invitation in `invitees`: hosts key it by the invitee; the invitee keys it by (and sees) the inviter. With its deadline. */
export function inviteeEntry(invitation: InvitationView, me: string): Entry {
  const other = invitation.invitee.userId === me ? invitation.inviter : invitation.invitee
  return [other.userId, { ...toLiveUserInfo(other), expiresAt: invitation.expiresAt }]
}

/** Both lists rebuilt from a full view of the live (empty outside a live). */
export function listsFrom(live: Pick<LiveSessionView, 'applications' | 'invitations'> | null, me: string): { applicants: Map<string, PendingUserInfo>; invitees: Map<string, PendingUserInfo> } {
  return {
    applicants: new Map(live?.applications.map(applicantEntry)),
    invitees: new Map(live?.invitations.map((invitation) => inviteeEntry(invitation, me))),
  }
}

/** A new application: the hosts hear about it, the applicant already knows. */
export function applicationAddedEmissions(application: ApplicationView, me: string): CoGuestEmission[] {
  if (application.user.userId === me) return []
  return [{ event: HostEvent.onGuestApplicationReceived, info: { guestUser: toLiveUserInfo(application.user) } }]
}

/** A new invitation: the invitee hears about it, the hosts already see it in `invitees`. */
export function invitationAddedEmissions(invitation: InvitationView, me: string): CoGuestEmission[] {
  if (invitation.invitee.userId !== me) return []
  return [{ event: GuestEvent.onHostInvitationReceived, info: { hostUser: toLiveUserInfo(invitation.inviter) } }]
}

/**
 * What an ended application tells each side. Applicant: the answer, or why none came. Hosts: who else
 * answered, or that it went away unanswered. Nobody hears about what they did themselves, and a live
 * ending has its own event.
 */
export function applicationEndedEmissions(
  application: ApplicationView,
  outcome: RequestOutcome,
  hostUser: UserProfile | null,
  me: string,
): CoGuestEmission[] {
  const host = toLiveUserInfo(hostUser ?? NOBODY)
  const answered = outcome === 'accepted' || outcome === 'rejected'
  if (application.user.userId === me) {
    if (answered) return [{ event: GuestEvent.onGuestApplicationResponded, info: { isAccept: outcome === 'accepted', hostUser: host } }]
    if (outcome === 'timeout') return [{ event: GuestEvent.onGuestApplicationNoResponse, info: { reason: NoResponseReason.timeout } }]
    if (outcome === 'seated') return [{ event: GuestEvent.onGuestApplicationNoResponse, info: { reason: NoResponseReason.alreadySeated } }]
    return []
  }
  const guestUser = toLiveUserInfo(application.user)
  if (answered) return host.userId === me ? [] : [{ event: HostEvent.onGuestApplicationProcessedByOtherHost, info: { guestUser, hostUser: host } }]
  return outcome === 'liveEnded' ? [] : [{ event: HostEvent.onGuestApplicationCancelled, info: { guestUser } }]
}

/**
 * What an ended invitation tells each side. Invitee: that it went away unanswered (so a prompt can
 * close). Inviting host: the answer, or why none came. Other hosts only see `invitees` change.
 */
export function invitationEndedEmissions(invitation: InvitationView, outcome: RequestOutcome, me: string): CoGuestEmission[] {
  if (invitation.invitee.userId === me) {
    const unanswered = outcome === 'cancelled' || outcome === 'timeout'
    return unanswered ? [{ event: GuestEvent.onHostInvitationCancelled, info: { hostUser: toLiveUserInfo(invitation.inviter) } }] : []
  }
  if (invitation.inviter.userId !== me) return []
  const guestUser = toLiveUserInfo(invitation.invitee)
  switch (outcome) {
    case 'accepted':
    case 'rejected':
      return [{ event: HostEvent.onHostInvitationResponded, info: { isAccept: outcome === 'accepted', guestUser } }]
    case 'timeout':
      return [{ event: HostEvent.onHostInvitationNoResponse, info: { guestUser, reason: NoResponseReason.timeout } }]
    case 'seated':
      return [{ event: HostEvent.onHostInvitationNoResponse, info: { guestUser, reason: NoResponseReason.alreadySeated } }]
    default:
      return []
  }
}

/** Users on the current live's own seats (owner included, co-host partners excluded). */
export function connectedFrom(seats: readonly SeatInfo[], liveId: string): SeatUserInfo[] {
  return seats.filter((seat) => seat.userInfo.userId !== '' && seat.userInfo.liveId === liveId).map((seat) => seat.userInfo)
}

/** Who a host can invite: members of the live not on a seat, except oneself. */
export function candidatesFrom(audience: readonly AudienceInfo[], seats: readonly SeatInfo[], me: string): LiveUserInfo[] {
  const seated = new Set(seats.map((seat) => seat.userInfo.userId))
  return audience.filter((member) => !seated.has(member.userId) && member.userId !== me).map(toLiveUserInfo)
}
