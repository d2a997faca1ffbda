import type { OrderedMap } from 'immutable'
import type { UserId, UserProfile } from './types'

// Calls between users (1-to-1 and group), independent of live rooms. Values equal TUICallEngine's.

/** Audio or video call (= `CALL_MEDIA_TYPE`). */
export enum CallMediaType { Unknown = 0, Audio = 1, Video = 2 }
/** Why a call ended or never connected (= TUICallEngine `CallEndReason`). */
export enum CallEndReason {
  Unknown = 0, Hangup = 1, Reject = 2, NoResponse = 3, Offline = 4, LineBusy = 5, Canceled = 6,
  OtherDeviceAccepted = 7, OtherDeviceReject = 8, EndByServer = 9,
}
/** A participant's part in a call. */
export enum CallRole { None = 'none', Caller = 'caller', Callee = 'callee' }
/** A participant's answer: invited and ringing (Waiting), or in the call (Accept) (= `TUICallStatus`). */
export enum CallParticipantStatus { None = 0, Waiting = 1, Accept = 2 }

/** At most this many people in one call, caller included (the kits' cap). */
export const MAX_CALL_PARTICIPANTS = 9
/** Seconds an invitee rings when the caller gives no timeout (or 0). */
export const DEFAULT_CALL_TIMEOUT = 30
/** Accepted range of a call's ring timeout, in seconds. */
export const CALL_TIMEOUT_RANGE = { min: 10, max: 600 } as const

/** Options of `call.start` and `call.invite`. */
export interface CallInviteOptions {
  /** seconds each invitee rings: 10–600; 0 or undefined = 30 */
  readonly timeout?: number
  /** free text handed to the invitees (at most 4096 characters) */
  readonly userData?: string
}

/** Options of `call.start`. */
export interface CallStartOptions extends CallInviteOptions {
  /** the media room: an integer 1…2147483647 or a TRTC string room id (1–64 characters); default: the generated call id */
  readonly roomId?: number | string
  /** binds the call to a chat group: then every participant hears who declined */
  readonly chatGroupId?: string
}

/** One participant of a `CallView`. */
export interface CallParticipantView extends UserProfile {
  readonly role: CallRole.Caller | CallRole.Callee
  readonly status: CallParticipantStatus.Waiting | CallParticipantStatus.Accept
}

/** A call as its participants see it. */
export interface CallView {
  readonly callId: string
  readonly roomId: number | string
  readonly mediaType: CallMediaType
  readonly callerId: UserId
  readonly chatGroupId: string
  readonly userData: string
  /** a chat-group call, or more than one invitee at any time */
  readonly isGroup: boolean
  /** calling: nobody but the caller is in yet; connected: someone accepted or joined */
  readonly status: 'calling' | 'connected'
  /** ms (hub clock) when the call connected, 0 before */
  readonly startedAt: number
  /** caller first, then invitees in invitation order */
  readonly participants: readonly CallParticipantView[]
}

/** Why an invitee left a call without entering it: the reasons `call.userDeclined` carries. */
export type CallDeclineReason = CallEndReason.Reject | CallEndReason.NoResponse | CallEndReason.LineBusy | CallEndReason.Offline

/** The call commands (each reaches the model through `reduce`; the actor is the transport's). */
export type CallCommand =
  | ({ readonly type: 'call.start'; readonly userIdList: readonly UserId[]; readonly mediaType: CallMediaType } & CallStartOptions)
  /** callee: answer the ringing call */
  | { readonly type: 'call.accept' }
  /** callee: decline the ringing call */
  | { readonly type: 'call.reject' }
  /** callee: stop ringing without answering; the inviter hears line busy (native semantics) */
  | { readonly type: 'call.ignore' }
  /** caller before anyone answered: cancel; anyone in the call: leave; a ringing callee: reject */
  | { readonly type: 'call.hangup' }
  /** enter an ongoing call without ringing */
  | { readonly type: 'call.join'; readonly callId: string }
  /** anyone in the call: ring more users */
  | ({ readonly type: 'call.invite'; readonly userIdList: readonly UserId[] } & CallInviteOptions)
  /** 1-to-1 connected calls only */
  | { readonly type: 'call.switchMediaType'; readonly mediaType: CallMediaType }

/** What `call.start` resolves with (the call may already have ended if nobody could ring). */
export interface CallStartResult {
  readonly callId: string
  readonly roomId: number | string
}

/**
 * What participants hear. Every event carries the call as it is after the change, so clients
 * replace their copy instead of patching it.
 */
export type CallModelEvent =
  /** caller: the call exists (invitees that can ring are in it) */
  | { readonly type: 'call.created'; readonly call: CallView }
  /** each invitee: it rings; `userData` is the invitation's (the call's, or the one given to `call.invite`) */
  | { readonly type: 'call.received'; readonly call: CallView; readonly inviterId: UserId; readonly userData: string }
  /** participants who need the new state but hear no callback (a ringing invitee, a decline outside a chat group) */
  | { readonly type: 'call.changed'; readonly call: CallView }
  /** everyone already in the call: `userIds` were invited */
  | { readonly type: 'call.usersInvited'; readonly call: CallView; readonly userIds: readonly UserId[] }
  /** the user who accepted or joined: they are connected */
  | { readonly type: 'call.connected'; readonly call: CallView }
  /** the others in the call: `userId` accepted or joined (the caller's call connects on the first one) */
  | { readonly type: 'call.userJoined'; readonly call: CallView; readonly userId: UserId }
  /** the others in the call: `userId` left */
  | { readonly type: 'call.userLeft'; readonly call: CallView; readonly userId: UserId }
  /** the inviter (a chat-group call: every participant): `userId` declined, did not answer, was busy or offline */
  | { readonly type: 'call.userDeclined'; readonly call: CallView; readonly userId: UserId; readonly reason: CallDeclineReason }
  /** both sides of a 1-to-1 call */
  | { readonly type: 'call.mediaTypeChanged'; readonly call: CallView; readonly oldMediaType: CallMediaType; readonly newMediaType: CallMediaType }
  /** a participant whose connected call ended; `userId` ended it; `totalTime` ms since it connected */
  | { readonly type: 'call.ended'; readonly call: CallView; readonly reason: CallEndReason; readonly userId: UserId; readonly totalTime: number }
  /** a participant whose call ended before they were connected */
  | { readonly type: 'call.notConnected'; readonly call: CallView; readonly reason: CallEndReason; readonly userId: UserId }

/** Internal: one participant of a call. */
export interface CallMemberRecord {
  readonly role: CallRole.Caller | CallRole.Callee
  readonly status: CallParticipantStatus.Waiting | CallParticipantStatus.Accept
  /** who rang this user (the caller, or whoever invited them mid-call); themselves for joiners */
  readonly inviterId: UserId
}

/** Internal: an ongoing call (removed when it ends); what its view shows, with participants keyed by user. */
export interface CallRecord extends Omit<CallView, 'participants'> {
  /** caller first, then invitees in invitation order */
  readonly participants: OrderedMap<UserId, CallMemberRecord>
}
