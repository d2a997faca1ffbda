import type { CallEndReason, CallParticipantStatus, CallRole } from '@atomicx-vue/engine'
import type { CallMediaType } from '../types/device'

/**
 * This user's side of a call. `ended` is transient: it holds while the end events run, then the
 * status returns to `idle` (`activeCall.endReason` keeps why). Only `idle` can call, join or ring.
 */
export enum CallStatus { Idle = 'idle', Calling = 'calling', Ringing = 'ringing', Connected = 'connected', Ended = 'ended' }

/** One person of the call as the UI shows them. */
export interface CallParticipant {
  userId: string
  userName: string
  avatarUrl: string
  /** a friend remark; no friend list here, so always '' */
  remark: string
  /** remark || userName || userId */
  displayName: string
  role: CallRole
  status: CallParticipantStatus
  /** in the call's media room (false → a loading tile) */
  isEntered: boolean
  isAudioAvailable: boolean
  isVideoAvailable: boolean
}

/** The current (or, after it ended, the last) call. */
export interface ActiveCall {
  callId: string
  roomId: number | string
  chatGroupId: string
  mediaType: CallMediaType
  /** who rang me (callee), me (caller), the caller (after `join`) */
  inviterId: string
  /** every callee, ringing or in */
  inviteeIds: string[]
  isGroupCall: boolean
  userData: string
  /** ms (hub clock) when the call connected, 0 before */
  startTime: number
  endReason?: CallEndReason
  /** who ended it */
  endedBy?: string
}

/** Options of `calls()`. */
export interface CallParams {
  /** seconds each callee rings: 10–600, 0 or undefined = 30 */
  timeout?: number
  /** the media room: integer 1…2147483647 or a string; default: a generated one */
  roomId?: number | string
  /** handed to the callees in `onCallReceived` */
  userData?: string
  /** binds the call to a chat group: every participant hears who declined */
  chatGroupId?: string
}

/** `calls()` */
export interface CallsParams {
  userIdList: string[]
  mediaType: CallMediaType
  params?: CallParams
}

/** `inviteUser()` */
export interface InviteUserParams {
  userIdList: string[]
  params?: Pick<CallParams, 'timeout' | 'userData'>
}

/** The last failure of a background call step (opening media on connect…). */
export interface CallError {
  code: number | string
  message: string
}

/** The camera resolutions of `setVideoResolution` (the kit's `VideoResolution` values). */
export const CALL_VIDEO_RESOLUTIONS = ['360p', '480p', '540p', '720p', '1080p'] as const
/** A camera resolution for calls; it survives the end of a call. */
export type CallVideoResolution = (typeof CALL_VIDEO_RESOLUTIONS)[number]

/** The display modes of `setVideoDisplayMode`: CSS `object-fit` values (the kit's `VideoDisplayMode`). */
export const CALL_VIDEO_DISPLAY_MODES = ['contain', 'cover', 'fill'] as const
/** How videos fill their views; it survives the end of a call. */
export type CallVideoDisplayMode = (typeof CALL_VIDEO_DISPLAY_MODES)[number]

/** TUICallKit's `statusChanged` values (its `STATUS`), for code migrating from the kit: see `onStatusChanged`. */
export enum StatusChange {
  IDLE = 'idle',
  BE_INVITED = 'be-invited',
  DIALING_C2C = 'dialing-c2c',
  DIALING_GROUP = 'dialing-group',
  CALLING_C2C_AUDIO = 'calling-c2c-audio',
  CALLING_C2C_VIDEO = 'calling-c2c-video',
  CALLING_GROUP_AUDIO = 'calling-group-audio',
  CALLING_GROUP_VIDEO = 'calling-group-video',
}

/** What an `onStatusChanged` callback receives. */
export interface StatusChangeInfo {
  oldStatus: StatusChange
  newStatus: StatusChange
}
