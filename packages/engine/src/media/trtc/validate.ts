import type { MediaVideoQuality } from '../types'
import { QUALITY_PROFILES } from './mapping'

// TRTC's strRoomId charset (the SDK rejects others with 5012); we check first to report INVALID_ARGUMENT clearly.
const ROOM_ID = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/
// the SDK does not check userIds; TRTC recommends this set, ≤ 32 bytes
const USER_ID = /^[A-Za-z0-9_-]{1,32}$/

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
