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
