import { ErrorCode } from '../errors'
import { fail, requireBoolean, requireInteger, requireOneOf, requireText } from './tx'
import { SeatMode, type LiveId, type Room, type UpdateLiveInfoInput } from './types'

/** The stored part of a live's info. */
export type RoomInfo = Room['info']

/** TRTC's `strRoomId` charset; shorter than its 64 so that derived media room ids still fit. */
const LIVE_ID = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,48}$/

/** Seats per layout template (the anchor's `SeatLayoutTemplate` and co-host layouts). */
export const SEATS_BY_LAYOUT: ReadonlyMap<number, number> = new Map([[600, 9], [800, 9], [601, 7], [801, 7], [200, 4], [400, 2]])
/** The layout a live gets when none is given. */
export const DEFAULT_LAYOUT = 600
/** The largest seat count a live may ask for. */
export const MAX_SEAT_COUNT = 50

/** A valid live id, or INVALID_ARGUMENT. */
export function requireLiveId(value: unknown): LiveId {
  if (typeof value !== 'string' || !LIVE_ID.test(value)) {
    fail(ErrorCode.INVALID_ARGUMENT, 'liveId must be 1–48 characters of letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,')
  }
  return value
}

/** A seat count from 1 to 50, or INVALID_ARGUMENT. */
export function requireSeatCount(value: unknown): number {
  const count = requireInteger(value, 'maxSeatCount')
  if (count < 1 || count > MAX_SEAT_COUNT) fail(ErrorCode.INVALID_ARGUMENT, `maxSeatCount must be 1–${MAX_SEAT_COUNT}, got ${count}`)
  return count
}

function requireCategoryList(value: unknown): readonly number[] {
  if (!Array.isArray(value) || !value.every(Number.isInteger)) fail(ErrorCode.INVALID_ARGUMENT, 'categoryList must be an array of integers')
  return [...(value as number[])]
}

type Checks = { readonly [K in keyof UpdateLiveInfoInput]-?: (value: unknown, name: string) => NonNullable<UpdateLiveInfoInput[K]> }

const checks: Checks = {
  liveName: (v, name) => requireText(v, name, 100),
  notice: (v, name) => requireText(v, name, 500),
  coverUrl: (v, name) => requireText(v, name, 1024),
  backgroundUrl: (v, name) => requireText(v, name, 1024),
  categoryList: requireCategoryList,
  activityStatus: requireInteger,
  isPublicVisible: requireBoolean,
  isMessageDisableForAllUser: requireBoolean,
  isGiftEnabled: requireBoolean,
  isLikeEnabled: requireBoolean,
  seatMode: (v, name) => requireOneOf(v, [SeatMode.FreeToTake, SeatMode.ApplyToTake], name),
  layoutTemplate: (v, name) => requireOneOf(v, [...SEATS_BY_LAYOUT.keys()], name),
}

/** The info fields `input` sets, validated (INVALID_ARGUMENT for the first bad one); others are ignored. */
export function infoPatch(input: UpdateLiveInfoInput): Partial<RoomInfo> {
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(checks) as (keyof Checks)[]) {
    const value = input[key]
    if (value !== undefined) patch[key] = checks[key](value, key)
  }
  return patch as Partial<RoomInfo>
}
