import type { TrtcRole, TrtcScene } from '../../../packages/engine/src/media/trtc/sdk'
import { invalidParameter } from './errors'

// The bundle's strRoomId charset (reference 1.2).
const STR_ROOM_ID = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/

/** 5001 missing, 5002 wrong type, 5003 empty: the SDK's checks of a required field. */
export function required(fn: string, name: string, value: unknown, type: 'number' | 'string'): void {
  if (value === undefined || value === null) throw invalidParameter(fn, 5001, `${name} is required`)
  if (typeof value !== type) throw invalidParameter(fn, 5002, `${name} must be a ${type}`)
  if (type === 'number' ? !value || Number.isNaN(value) : !(value as string).trim()) throw invalidParameter(fn, 5003, `${name} must not be empty`)
}

/** 5005: a value outside the allowed ones. */
export function oneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw invalidParameter(fn, 5005, `${name} must be one of ${allowed.join(', ')}`)
  return value as T
}

/** The room key of an `enterRoom`/CrossRoom target: numeric `roomId` wins when truthy, else `strRoomId`. */
export function roomKeyOf(fn: string, sdkAppId: number, target: { readonly roomId?: unknown; readonly strRoomId?: unknown }): string {
  const { roomId, strRoomId } = target
  if (roomId) {
    if (typeof roomId === 'string') throw invalidParameter(fn, 5016, 'roomId must be a number: use strRoomId for strings')
    // ⚠ the bundle reports 5013 here (the docs say 5012)
    if (!Number.isInteger(roomId) || (roomId as number) < 1 || (roomId as number) > 4294967294) throw invalidParameter(fn, 5013, 'roomId must be an integer in 1…4294967294')
    return `${sdkAppId}|n|${roomId as number}`
  }
  if (strRoomId === undefined) throw invalidParameter(fn, 5015, 'roomId or strRoomId is required')
  if (typeof strRoomId !== 'string') throw invalidParameter(fn, 5002, 'strRoomId must be a string')
  if (!STR_ROOM_ID.test(strRoomId)) throw invalidParameter(fn, 5012, 'strRoomId must be 1–64 characters of the allowed set')
  return `${sdkAppId}|s|${strRoomId}`
}

/** The `enterRoom` checks, in the bundle's order; returns the room key, scene and role (with the SDK's defaults). */
export function checkEnterRoom(config: unknown): { roomKey: string; scene: TrtcScene; role: TrtcRole; sdkAppId: number; userId: string; userSig: string } {
  const fn = 'enterRoom'
  if (typeof config !== 'object' || config === null) throw invalidParameter(fn, 5001, 'config is required')
  const c = config as Record<string, unknown>
  required(fn, 'sdkAppId', c.sdkAppId, 'number')
  required(fn, 'userId', c.userId, 'string')
  required(fn, 'userSig', c.userSig, 'string')
  const sdkAppId = c.sdkAppId as number
  const roomKey = roomKeyOf(fn, sdkAppId, c)
  // the SDK's defaults: rtc, and anchor even in live
  const scene = oneOf(fn, 'scene', c.scene ?? 'rtc', ['rtc', 'live'] as const)
  const role = oneOf(fn, 'role', c.role ?? 'anchor', ['anchor', 'audience'] as const)
  return { roomKey, scene, role, sdkAppId, userId: c.userId as string, userSig: c.userSig as string }
}

/** A string view must name an element, checked only where a document exists (5009). */
export function checkView(fn: string, view: unknown): void {
  const doc = (globalThis as { document?: Document }).document
  if (typeof view === 'string' && doc && !doc.getElementById(view)) throw invalidParameter(fn, 5009, `no element with id "${view}"`)
}

/** A message payload: an `ArrayBuffer` (5004) of 1…1000 bytes (5017/5018). */
export function checkPayload(fn: string, data: unknown): ArrayBuffer {
  if (!(data instanceof ArrayBuffer)) throw invalidParameter(fn, 5004, 'data must be an ArrayBuffer')
  if (data.byteLength === 0) throw invalidParameter(fn, 5017, 'data must not be empty')
  if (data.byteLength > 1000) throw invalidParameter(fn, 5018, 'data must be at most 1000 bytes')
  return data
}
