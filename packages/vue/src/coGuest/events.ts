import type { NoResponseReason, SeatApplicationErrorCode } from '../types/coGuest'
import type { LiveUserInfo } from '../types/user'

/**
 * Payload of each co-guest event. Keys are the plain event names (not one enum's members) because
 * `HostEvent`, `GuestEvent`, `CoGuestEvent` and the co-guest members of `CoHostEvent` all carry these
 * values: a member of any of them subscribes.
 */
export interface CoGuestEventInfoMap {
  /** to owner and admins: an audience member applied */
  onGuestApplicationReceived: { guestUser: LiveUserInfo }
  /** to owner and admins: an application went away unanswered (withdrawn, timed out, applicant left or got a seat) */
  onGuestApplicationCancelled: { guestUser: LiveUserInfo }
  /** to the other owner/admins: `hostUser` accepted or rejected the application */
  onGuestApplicationProcessedByOtherHost: { guestUser: LiveUserInfo; hostUser: LiveUserInfo }
  /** to the inviting host: the invitee answered */
  onHostInvitationResponded: { isAccept: boolean; guestUser: LiveUserInfo }
  /** to the inviting host: the invitation timed out, or the invitee got a seat another way */
  onHostInvitationNoResponse: { guestUser: LiveUserInfo; reason: NoResponseReason }
  /** to the invitee; `hostUser.userId` is the `inviterId` to answer with */
  onHostInvitationReceived: { hostUser: LiveUserInfo }
  /** to the invitee: the invitation went away unanswered (withdrawn or timed out) */
  onHostInvitationCancelled: { hostUser: LiveUserInfo }
  /** to the applicant */
  onGuestApplicationResponded: { isAccept: boolean; hostUser: LiveUserInfo }
  /** to the applicant: timed out, or seated another way (`alreadySeated`) */
  onGuestApplicationNoResponse: { reason: NoResponseReason }
  /** to the applicant; the hub refuses bad applications synchronously instead (applyForSeat rejects), so it never fires */
  onGuestApplicationError: { code: SeatApplicationErrorCode; message: string }
  /** to the guest an admin took off their seat */
  onKickedOffSeat: { seatIndex: number; hostUser: LiveUserInfo }
}
