import { ErrorCode, NoResponseReason } from '@atomicx-vue/engine'

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

/** The seed docs' name for `GuestEvent`: the same enum, so either works with `subscribeEvent`. */
export { GuestEvent as CoGuestEvent }

/** Error codes of seat applications and seat actions (`EngineError.code`): the engine's own codes of these names. */
export enum SeatApplicationErrorCode {
  MAX_SEAT_COUNT_LIMIT = ErrorCode.MAX_SEAT_COUNT_LIMIT,
  SEAT_INDEX_NOT_EXIST = ErrorCode.SEAT_INDEX_NOT_EXIST,
  INSUFFICIENT_OPERATION_PERMISSIONS = ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS,
  SEAT_LOCKED = ErrorCode.SEAT_LOCKED,
  SEAT_OCCUPIED = ErrorCode.SEAT_OCCUPIED,
  ALREADY_ON_THE_SEAT_QUEUE = ErrorCode.ALREADY_ON_THE_SEAT_QUEUE,
  ALREADY_IN_SEAT = ErrorCode.ALREADY_IN_SEAT,
  NOT_ON_THE_SEAT_QUEUE = ErrorCode.NOT_ON_THE_SEAT_QUEUE,
  ALL_SEAT_OCCUPIED = ErrorCode.ALL_SEAT_OCCUPIED,
  USER_NOT_IN_SEAT = ErrorCode.USER_NOT_IN_SEAT,
  USER_ALREADY_ON_SEAT = ErrorCode.USER_ALREADY_ON_SEAT,
  SEAT_NOT_SUPPORT_LINK_MIC = ErrorCode.SEAT_NOT_SUPPORT_LINK_MIC,
  EMPTY_SEAT_LIST = ErrorCode.EMPTY_SEAT_LIST,
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
