import { MediaError } from '../errors'
import { MediaErrorCode, type MediaVideoQuality } from '../types'
import { QUALITY_PROFILES } from './mapping'
import type { TrtcCheckedModules, TrtcStatic } from './sdk'

// TRTC's strRoomId charset (the SDK rejects others with 5012); we check first to report INVALID_ARGUMENT clearly.
const ROOM_ID = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/
// the SDK does not check userIds; TRTC recommends this set, ≤ 32 bytes
const USER_ID = /^[A-Za-z0-9_-]{1,32}$/
// the statics of the SDK's default export the engine calls
const STATICS = ['create', 'getCameraList', 'getMicrophoneList', 'getSpeakerList', 'setCurrentSpeaker'] as const

/** A TRTC `strRoomId`: 1–64 characters of letters, digits, space and ``!#$%&()+-:;<=.>?@[]^_{}|~,``. */
export function isValidRoomId(roomId: unknown): roomId is string {
  return typeof roomId === 'string' && ROOM_ID.test(roomId)
}

/** A TRTC userId: 1–32 characters of letters, digits, `_` and `-`. */
export function isValidUserId(userId: unknown): userId is string {
  return typeof userId === 'string' && USER_ID.test(userId)
}

/** One of the four qualities we map to explicit profiles. */
export function isVideoQuality(quality: unknown): quality is MediaVideoQuality {
  return typeof quality === 'string' && Object.hasOwn(QUALITY_PROFILES, quality)
}

/** The engine's refusal of bad input: INVALID_ARGUMENT, checked before any SDK call. */
export const invalid = (message: string) => new MediaError(MediaErrorCode.INVALID_ARGUMENT, message)

/** Refuses anything but a non-null object (an options bag). */
export function assertObject(value: unknown, name = 'options'): asserts value is object {
  if (typeof value !== 'object' || value === null) throw invalid(`${name} must be an object`)
}

/** Refuses anything but a non-empty string; `optional` lets `undefined` through. */
export function assertNonEmpty(value: unknown, name: string, optional = false): void {
  if (optional && value === undefined) return
  if (typeof value !== 'string' || !value) throw invalid(`${name} must be a non-empty string`)
}

/** Refuses anything but an element (any object) or `null`; `optional` lets `undefined` through. */
export function assertView(view: unknown, optional = false): void {
  if (optional && view === undefined) return
  if (view !== null && typeof view !== 'object') throw invalid('view must be an HTMLElement or null')
}

/** Refuses a present non-boolean. */
export function assertFlag(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== 'boolean') throw invalid(`${name} must be a boolean`)
}

/**
 * Checks injected or loaded `{ TRTC, CrossRoom }` and types them as the surface the engine calls. The
 * one cast from the caller's SDK to sdk.ts: the real package's declarations differ from ours in detail
 * (enums, profile key lists), not in behaviour. `source` names `TRTC` in the error.
 */
export function checkSdk(modules: unknown, source: string): TrtcCheckedModules {
  const { TRTC, CrossRoom } = (modules ?? {}) as { readonly TRTC?: unknown; readonly CrossRoom?: unknown }
  const missing = STATICS.filter((name) => typeof (TRTC as Partial<Record<string, unknown>> | null | undefined)?.[name] !== 'function')
  if (missing.length) {
    const why = TRTC === undefined ? 'it is missing' : `it has no ${missing.join('(), ')}()`
    throw invalid(`${source} must be the default export of trtc-sdk-v5 (import TRTC from 'trtc-sdk-v5'): ${why}`)
  }
  return { TRTC: TRTC as TrtcStatic, CrossRoom }
}
