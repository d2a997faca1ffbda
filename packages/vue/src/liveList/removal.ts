import { EngineError, ErrorCode, MediaError, MediaErrorCode, type MediaEngineErrorInfo, type MediaEngineEvents } from '@atomicx-vue/engine'
import { LiveEndedReason, LiveKickedOutReason, LiveListEvent, type LiveListEventInfo } from '../types/live'

/** Why the media engine put the user out of the live's media room. */
export type MediaRemovedReason = MediaEngineEvents['removed']['reason']

/** One `LiveListEvent` with its payload. */
export interface LiveListEmission {
  readonly event: LiveListEvent
  readonly info: LiveListEventInfo
}

/**
 * What the app hears of `liveId` when the media engine was put out of its room: the same userId
 * entering it elsewhere is a login elsewhere (`byLoggedOnOtherDevice`), a server removal `byServer`, a
 * dismissed room `onLiveEnded` `endedByServer`, a room-fatal error `forNetworkDisconnected`.
 */
export function removalEmission(reason: MediaRemovedReason, liveId: string): LiveListEmission {
  if (reason === 'room_disband') return { event: LiveListEvent.onLiveEnded, info: { liveId, reason: LiveEndedReason.endedByServer, message: '' } }
  const kicked = {
    kick: LiveKickedOutReason.byLoggedOnOtherDevice,
    banned: LiveKickedOutReason.byServer,
    error: LiveKickedOutReason.forNetworkDisconnected,
  }[reason]
  return { event: LiveListEvent.onKickedOutOfLive, info: { liveId, reason: kicked, message: '' } }
}

/** The typed error a room-fatal media error (`removed{error}`) reaches the app as: `NOT_IN_ROOM`, the `MediaError` as `cause`. */
export function mediaLostError(info: MediaEngineErrorInfo | undefined): EngineError {
  const { code = MediaErrorCode.UNKNOWN, message, sdkCode, sdkExtraCode } = info ?? {}
  const cause = new MediaError(code, message, { sdkCode, sdkExtraCode })
  return new EngineError(ErrorCode.NOT_IN_ROOM, `The media connection of the live was lost (${cause.message}): join the live again`, { cause })
}

/** `live.leave` refusals that mean the user is already out of the live (or logged out): nothing left to leave. */
export function isAlreadyOut(error: unknown): boolean {
  return error instanceof EngineError && (error.code === ErrorCode.NOT_IN_ROOM || error.code === ErrorCode.NOT_LOGGED_IN)
}
