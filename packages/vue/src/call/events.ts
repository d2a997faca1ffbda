import type { CallEndReason } from '@atomicx-vue/engine'
import type { CallMediaType } from '../types/device'
import type { CallError } from './types'

/**
 * Call events: values equal their names. The second block are aliases with TUICallObserver's names
 * (seed 004, TUICallEngine web): subscribing to one subscribes to the event it stands for.
 */
export enum CallEvent {
  onCallReceived = 'onCallReceived',
  /** connected: once per call, for the caller too (when the first callee joins) */
  onCallStarted = 'onCallStarted',
  /** a connected call ended for me */
  onCallEnded = 'onCallEnded',
  /** my call ended before I was connected (cancelled, rejected, missed, busy…) */
  onCallNotConnected = 'onCallNotConnected',
  /** deprecated TUICallObserver event, fired with `onCallNotConnected`; its `userId` follows the legacy rule */
  onCallCancelled = 'onCallCancelled',
  onCallMediaTypeChanged = 'onCallMediaTypeChanged',
  onUserInviting = 'onUserInviting',
  onUserJoined = 'onUserJoined',
  onUserLeft = 'onUserLeft',
  onUserRejected = 'onUserRejected',
  onUserLineBusy = 'onUserLineBusy',
  onUserNoResponse = 'onUserNoResponse',
  onKickedOffline = 'onKickedOffline',
  onUserSigExpired = 'onUserSigExpired',
  onError = 'onError',
  // ── aliases ──
  onCallBegin = 'onCallBegin',
  onCallEnd = 'onCallEnd',
  onUserJoin = 'onUserJoin',
  onUserLeave = 'onUserLeave',
  onUserReject = 'onUserReject',
  onKickedOffLine = 'onKickedOffLine',
}

/** Alias → the event it subscribes to. */
export const CALL_EVENT_ALIASES = {
  [CallEvent.onCallBegin]: CallEvent.onCallStarted,
  [CallEvent.onCallEnd]: CallEvent.onCallEnded,
  [CallEvent.onUserJoin]: CallEvent.onUserJoined,
  [CallEvent.onUserLeave]: CallEvent.onUserLeft,
  [CallEvent.onUserReject]: CallEvent.onUserRejected,
  [CallEvent.onKickedOffLine]: CallEvent.onKickedOffline,
} as const

type Alias = keyof typeof CALL_EVENT_ALIASES

/** The payload of each event the store emits. */
export interface CallEmittedInfoMap {
  [CallEvent.onCallReceived]: {
    callId: string
    callerId: string
    /** every callee, self included */
    calleeIdList: string[]
    chatGroupId: string
    mediaType: CallMediaType
    userData: string
  }
  [CallEvent.onCallStarted]: { callId: string; mediaType: CallMediaType; roomId: number | string }
  /** `totalTime` in ms since the call connected; `userId` ended it */
  [CallEvent.onCallEnded]: { callId: string; mediaType: CallMediaType; reason: CallEndReason; userId: string; totalTime: number }
  [CallEvent.onCallNotConnected]: { callId: string; mediaType: CallMediaType; reason: CallEndReason; userId: string }
  /** the caller who cancelled (for a callee), else self */
  [CallEvent.onCallCancelled]: { userId: string }
  [CallEvent.onCallMediaTypeChanged]: { oldMediaType: CallMediaType; newMediaType: CallMediaType }
  [CallEvent.onUserInviting]: { userId: string }
  [CallEvent.onUserJoined]: { userId: string }
  [CallEvent.onUserLeft]: { userId: string }
  [CallEvent.onUserRejected]: { userId: string }
  [CallEvent.onUserLineBusy]: { userId: string }
  /** a list, like TUICallEngine web (offline callees too) */
  [CallEvent.onUserNoResponse]: { userIdList: string[] }
  [CallEvent.onKickedOffline]: Record<string, never>
  [CallEvent.onUserSigExpired]: Record<string, never>
  [CallEvent.onError]: CallError
}

/** The payload of every `CallEvent`, aliases included: what `subscribeEvent` callbacks receive. */
export type CallEventInfoMap = CallEmittedInfoMap & { [A in Alias]: CallEmittedInfoMap[(typeof CALL_EVENT_ALIASES)[A]] }

/** The event an alias stands for (an event name stands for itself). */
export function canonicalCallEvent<E extends CallEvent>(event: E): keyof CallEmittedInfoMap {
  return (CALL_EVENT_ALIASES as Partial<Record<CallEvent, keyof CallEmittedInfoMap>>)[event] ?? (event as keyof CallEmittedInfoMap)
}
