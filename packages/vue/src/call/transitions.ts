import {
  CallEndReason, CallMediaType as HubMediaType, CallParticipantStatus, CallRole, type CallModelEvent, type CallParticipantView, type CallView,
  type MediaVideoQuality,
} from '@atomicx-vue/engine'
import type { Emission } from '../core/events'
import { CallMediaType } from '../types/device'
import { CallEvent, type CallEmittedInfoMap } from './events'
import { CallStatus, StatusChange, type ActiveCall, type CallParticipant, type CallVideoResolution } from './types'

/** Everything the call store derives from hub events, replaced as a whole on each change. */
export interface CallSnapshot {
  readonly status: CallStatus
  readonly role: CallRole
  readonly activeCall: ActiveCall | null
  /** everyone in or ringing in the call, self included, caller first then by invitation */
  readonly participants: readonly CallParticipant[]
  /** kept after the caller left, and after the call ended */
  readonly callerInfo: CallParticipant | null
}

/** One event the store emits, with its payload. */
export type CallEmission = Emission<CallEmittedInfoMap>

/** A snapshot and the events to emit once it is in place. */
export interface CallStep {
  readonly state: CallSnapshot
  readonly emissions: readonly CallEmission[]
}

/** Calling, ringing or connected: the statuses that make a user busy. */
export const isCallOngoing = (status: CallStatus): boolean =>
  status === CallStatus.Calling || status === CallStatus.Ringing || status === CallStatus.Connected

/** No call yet. */
export const IDLE_CALL: CallSnapshot = { status: CallStatus.Idle, role: CallRole.None, activeCall: null, participants: [], callerInfo: null }

const MEDIA_TO_PUBLIC: Readonly<Record<HubMediaType, CallMediaType>> = {
  [HubMediaType.Unknown]: CallMediaType.UNKNOWN, [HubMediaType.Audio]: CallMediaType.AUDIO, [HubMediaType.Video]: CallMediaType.VIDEO,
}
const MEDIA_TO_HUB: Readonly<Record<CallMediaType, HubMediaType>> = {
  [CallMediaType.UNKNOWN]: HubMediaType.Unknown, [CallMediaType.AUDIO]: HubMediaType.Audio, [CallMediaType.VIDEO]: HubMediaType.Video,
}

/** The hub's media type as the public enum. */
export const toCallMediaType = (type: HubMediaType): CallMediaType => MEDIA_TO_PUBLIC[type]
/** The public media type as the hub's; anything else goes through as is, so the hub refuses it with INVALID_ARGUMENT. */
export const toHubMediaType = (type: CallMediaType): HubMediaType => MEDIA_TO_HUB[type] ?? type

/** The hub's participant list, keeping the media flags of those still there. */
export function withParticipants(list: readonly CallParticipant[], views: readonly CallParticipantView[]): CallParticipant[] {
  const previous = new Map(list.map((p) => [p.userId, p]))
  return views.map(({ userId, userName, avatarUrl, role, status }) => {
    const old = previous.get(userId)
    return {
      userId, userName, avatarUrl, remark: '', displayName: userName || userId, role, status,
      isEntered: old?.isEntered ?? false, isAudioAvailable: old?.isAudioAvailable ?? false, isVideoAvailable: old?.isVideoAvailable ?? false,
    }
  })
}

/** One participant's media flags changed (media room presence, published audio/video). */
export function withMediaFlags(
  list: readonly CallParticipant[],
  userId: string,
  patch: Partial<Pick<CallParticipant, 'isEntered' | 'isAudioAvailable' | 'isVideoAvailable'>>,
): readonly CallParticipant[] {
  return list.some((p) => p.userId === userId) ? list.map((p) => (p.userId === userId ? { ...p, ...patch } : p)) : list
}

/** `HH:MM:SS` of a duration in seconds. */
export function formatCallDuration(seconds: number): string {
  const two = (n: number) => String(Math.floor(n)).padStart(2, '0')
  return `${two(seconds / 3600)}:${two((seconds % 3600) / 60)}:${two(seconds % 60)}`
}

function activeCallOf(view: CallView, inviterId: string, userData: string): ActiveCall {
  return {
    callId: view.callId,
    roomId: view.roomId,
    chatGroupId: view.chatGroupId,
    mediaType: toCallMediaType(view.mediaType),
    inviterId,
    inviteeIds: view.participants.filter((p) => p.role === CallRole.Callee).map((p) => p.userId),
    isGroupCall: view.isGroup,
    userData,
    startTime: view.startedAt,
  }
}

/** The snapshot with the hub's newer view of the same call. */
function refreshed(state: CallSnapshot, view: CallView): CallSnapshot {
  const participants = withParticipants(state.participants, view.participants)
  const active = state.activeCall!
  return {
    ...state,
    activeCall: activeCallOf(view, active.inviterId, active.userData),
    participants,
    callerInfo: participants.find((p) => p.role === CallRole.Caller) ?? state.callerInfo,
  }
}

function started(status: CallStatus, role: CallRole, view: CallView, inviterId: string, userData: string): CallSnapshot {
  const participants = withParticipants([], view.participants)
  return {
    status, role, participants,
    activeCall: activeCallOf(view, inviterId, userData),
    callerInfo: participants.find((p) => p.role === CallRole.Caller) ?? null,
  }
}

const emit = <E extends keyof CallEmittedInfoMap>(event: E, info: CallEmittedInfoMap[E]): CallEmission => ({ event, info }) as CallEmission

function callStarted(active: ActiveCall): CallEmission {
  return emit(CallEvent.onCallStarted, { callId: active.callId, mediaType: active.mediaType, roomId: active.roomId })
}

function declined(reason: CallEndReason, userId: string): CallEmission {
  if (reason === CallEndReason.Reject) return emit(CallEvent.onUserRejected, { userId })
  if (reason === CallEndReason.LineBusy) return emit(CallEvent.onUserLineBusy, { userId })
  return emit(CallEvent.onUserNoResponse, { userIdList: [userId] }) // NoResponse, Offline
}

/** The call is over for me: remotes cleared, why kept; the store settles it to idle after emitting. */
function ended(state: CallSnapshot, reason: CallEndReason, endedBy: string): CallSnapshot {
  return { ...state, status: CallStatus.Ended, participants: [], activeCall: { ...state.activeCall!, endReason: reason, endedBy } }
}

/** The TUICallObserver `onCallCancelled` rule: a callee whose caller cancelled hears the caller, everyone else hears self. */
function cancelledBy(state: CallSnapshot, reason: CallEndReason, userId: string, selfId: string): string {
  return reason === CallEndReason.Canceled && state.role === CallRole.Callee ? userId : selfId
}

function notConnected(state: CallSnapshot, reason: CallEndReason, userId: string, selfId: string): CallStep {
  const { callId, mediaType } = state.activeCall!
  return {
    state: ended(state, reason, userId),
    emissions: [
      emit(CallEvent.onCallNotConnected, { callId, mediaType, reason, userId }),
      emit(CallEvent.onCallCancelled, { userId: cancelledBy(state, reason, userId, selfId) }),
    ],
  }
}

function endedConnected(state: CallSnapshot, reason: CallEndReason, userId: string, totalTime: number): CallStep {
  const { callId, mediaType } = state.activeCall!
  return { state: ended(state, reason, userId), emissions: [emit(CallEvent.onCallEnded, { callId, mediaType, reason, userId, totalTime })] }
}

/**
 * Applies one hub call event for user `selfId`. Events of another call than mine are ignored
 * (e.g. the end of a call my previous device was in), except those that start one while I am idle.
 */
export function applyCallEvent(state: CallSnapshot, event: CallModelEvent, selfId: string): CallStep {
  const view = event.call
  const idle = state.status === CallStatus.Idle
  const mine = !idle && state.activeCall?.callId === view.callId
  const same: CallStep = { state, emissions: [] }
  switch (event.type) {
    case 'call.created':
      return idle ? { state: started(CallStatus.Calling, CallRole.Caller, view, selfId, view.userData), emissions: [] } : same
    case 'call.received': {
      if (!idle) return same
      const next = started(CallStatus.Ringing, CallRole.Callee, view, event.inviterId, event.userData)
      const { callId, chatGroupId, mediaType, inviteeIds } = next.activeCall!
      return {
        state: next,
        emissions: [emit(CallEvent.onCallReceived, { callId, callerId: view.callerId, calleeIdList: inviteeIds, chatGroupId, mediaType, userData: event.userData })],
      }
    }
    case 'call.connected': {
      if (!idle && !mine) return same
      // accepted (mine, ringing) or joined (idle: enter as a callee)
      const base = mine ? refreshed(state, view) : started(CallStatus.Connected, CallRole.Callee, view, view.callerId, '')
      const next = { ...base, status: CallStatus.Connected }
      const others = view.participants.filter((p) => p.userId !== selfId && p.status === CallParticipantStatus.Accept)
      return { state: next, emissions: [callStarted(next.activeCall!), ...others.map((p) => emit(CallEvent.onUserJoined, { userId: p.userId }))] }
    }
  }
  if (!mine) return same
  switch (event.type) {
    case 'call.changed':
      return { state: refreshed(state, view), emissions: [] }
    case 'call.usersInvited':
      return { state: refreshed(state, view), emissions: event.userIds.map((userId) => emit(CallEvent.onUserInviting, { userId })) }
    case 'call.userJoined': {
      const next = refreshed(state, view)
      const joined = emit(CallEvent.onUserJoined, { userId: event.userId })
      // the caller connects on the first callee in (TUICallEngine web may not send it onCallBegin)
      if (state.status !== CallStatus.Calling) return { state: next, emissions: [joined] }
      return { state: { ...next, status: CallStatus.Connected }, emissions: [joined, callStarted(next.activeCall!)] }
    }
    case 'call.userLeft':
      return { state: refreshed(state, view), emissions: [emit(CallEvent.onUserLeft, { userId: event.userId })] }
    case 'call.userDeclined':
      return { state: refreshed(state, view), emissions: [declined(event.reason, event.userId)] }
    case 'call.mediaTypeChanged':
      return {
        state: refreshed(state, view),
        emissions: [emit(CallEvent.onCallMediaTypeChanged, { oldMediaType: toCallMediaType(event.oldMediaType), newMediaType: toCallMediaType(event.newMediaType) })],
      }
    case 'call.ended':
      return endedConnected(refreshed(state, view), event.reason, event.userId, event.totalTime)
    case 'call.notConnected':
      return notConnected(refreshed(state, view), event.reason, event.userId, selfId)
  }
}

/**
 * Ends my call here without the hub (my session closed: kicked offline, logged out): `reason` by me,
 * `now` in hub ms for the connected time.
 */
export function endCallLocally(state: CallSnapshot, reason: CallEndReason, selfId: string, now: number): CallStep {
  if (state.status === CallStatus.Idle) return { state, emissions: [] }
  if (state.status === CallStatus.Connected) return endedConnected(state, reason, selfId, now - state.activeCall!.startTime)
  return notConnected(state, reason, selfId, selfId)
}

/** After the end events ran: back to idle, keeping the last call and caller for the end screen. */
export function settled(state: CallSnapshot): CallSnapshot {
  return { ...state, status: CallStatus.Idle, role: CallRole.None, participants: [] }
}

// the media engines have no 480p profile: the next larger one, so the picture is never smaller than asked
const CAMERA_QUALITY: Readonly<Record<CallVideoResolution, MediaVideoQuality>> = {
  '360p': '360p', '480p': '540p', '540p': '540p', '720p': '720p', '1080p': '1080p',
}

/** The media engine's camera quality for a call resolution. */
export const toCameraQuality = (resolution: CallVideoResolution): MediaVideoQuality => CAMERA_QUALITY[resolution]

/** The kit's status of a snapshot: `idle` also while `ended`; c2c/group and audio/video from the call. */
export function toStatusChange({ status, activeCall }: CallSnapshot): StatusChange {
  const kind = activeCall?.isGroupCall ? 'group' : 'c2c'
  switch (status) {
    case CallStatus.Ringing:
      return StatusChange.BE_INVITED
    case CallStatus.Calling:
      return kind === 'group' ? StatusChange.DIALING_GROUP : StatusChange.DIALING_C2C
    case CallStatus.Connected:
      return `calling-${kind}-${activeCall!.mediaType === CallMediaType.VIDEO ? 'video' : 'audio'}` as StatusChange
    default:
      return StatusChange.IDLE
  }
}

/** The user to show big when a call connects: the other one of a 1-to-1 call, nobody in a group. */
export function defaultFocus(state: CallSnapshot, selfId: string): string {
  if (state.activeCall?.isGroupCall) return ''
  return state.participants.find((p) => p.userId !== selfId)?.userId ?? ''
}
