import { NoResponseReason } from '@atomicx-vue/engine'

/** Why a co-guest request ended unanswered: `timeout = 0`, `alreadySeated = 1`. */
export { NoResponseReason }

/** Co-guest events for the owner and administrators. Values equal the names. */
export enum HostEvent {
  onGuestApplicationReceived = 'onGuestApplicationReceived',
  onGuestApplicationCancelled = 'onGuestApplicationCancelled',
  onGuestApplicationProcessedByOtherHost = 'onGuestApplicationProcessedByOtherHost',
  onHostInvitationResponded = 'onHostInvitationResponded',
  onHostInvitationNoResponse = 'onHostInvitationNoResponse',
}

/** Co-guest events for audience members and guests. Values equal the names. */
export enum GuestEvent {
  onHostInvitationReceived = 'onHostInvitationReceived',
  onHostInvitationCancelled = 'onHostInvitationCancelled',
  onGuestApplicationResponded = 'onGuestApplicationResponded',
  onGuestApplicationNoResponse = 'onGuestApplicationNoResponse',
  onGuestApplicationError = 'onGuestApplicationError',
  onKickedOffSeat = 'onKickedOffSeat',
}

/** The seed docs' name for `GuestEvent`: same members, same values, so either works with `subscribeEvent`. */
export enum CoGuestEvent {
  onHostInvitationReceived = 'onHostInvitationReceived',
  onHostInvitationCancelled = 'onHostInvitationCancelled',
  onGuestApplicationResponded = 'onGuestApplicationResponded',
  onGuestApplicationNoResponse = 'onGuestApplicationNoResponse',
  onGuestApplicationError = 'onGuestApplicationError',
  onKickedOffSeat = 'onKickedOffSeat',
}

/** Error codes of seat applications and seat actions (`EngineError.code`). */
export enum SeatApplicationErrorCode {
  MAX_SEAT_COUNT_LIMIT = -2340,
  SEAT_INDEX_NOT_EXIST = -2344,
  INSUFFICIENT_OPERATION_PERMISSIONS = 100006,
  SEAT_LOCKED = 100200,
  SEAT_OCCUPIED = 100201,
  ALREADY_ON_THE_SEAT_QUEUE = 100202,
  ALREADY_IN_SEAT = 100203,
  NOT_ON_THE_SEAT_QUEUE = 100204,
  ALL_SEAT_OCCUPIED = 100205,
  USER_NOT_IN_SEAT = 100206,
  USER_ALREADY_ON_SEAT = 100210,
  SEAT_NOT_SUPPORT_LINK_MIC = 100211,
  EMPTY_SEAT_LIST = 100251,
}

/** A co-guest request as the anchor declares it (not used by the composables, which list `LiveUserInfo`). */
export interface CoGuestRequestInfo {
  timestamp: number
  requestId: string
  userId: string
  userName: string
  nameCard: string
  avatarUrl: string
}

/** `applyForSeat()` parameters: `seatIndex -1` = any free seat; `timeout` in seconds, 0 = none. */
export interface ApplyForSeatParams {
  seatIndex: number
  timeout: number
}

/** `inviteToSeat()` parameters: `timeout` in seconds, 0 = none. */
export interface InviteToSeatParams {
  userId: string
  seatIndex: number
  timeout: number
}

/** `cancelInvitation()` parameters. */
export interface CancelInvitationParams {
  inviteeId: string
}

/** `acceptInvitation()` / `rejectInvitation()` parameters: `inviterId` = `hostUser.userId` of the invitation event. */
export interface InvitationResponseParams {
  inviterId: string
}
