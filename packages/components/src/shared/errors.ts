import { SeatApplicationErrorCode as Seat } from '@atomicx-vue/vue'
import type { MessageKey } from '../i18n'

// Codes of the engine's ErrorCode that @atomicx-vue/vue does not re-export (SeatApplicationErrorCode covers the seat ones).
const INVALID_ARGUMENT = -1001
const NOT_LOGGED_IN = -1002
const NOT_IN_ROOM = -2101
const USER_NOT_FOUND = -2200
const REQUEST_NOT_FOUND = -2311
const DEVICE_LOCKED = -2360
const NOT_CONNECTED = -2400
const ALREADY_IN_BATTLE = -2411
const CO_HOST_REQUEST_PENDING = 100402
const BATTLE_NO_VALID_ROOM = 100412
const CALL_REQUEST_PENDING = -1204
const CALL_FULL = -2504

const MESSAGE_OF_CODE: ReadonlyMap<number, MessageKey> = new Map([
  [Seat.USER_ALREADY_ON_SEAT, 'errorSeatOccupied'],
  [Seat.SEAT_OCCUPIED, 'errorSeatOccupied'],
  [Seat.ALL_SEAT_OCCUPIED, 'errorNoFreeSeat'],
  [Seat.MAX_SEAT_COUNT_LIMIT, 'errorNoFreeSeat'],
  [Seat.INSUFFICIENT_OPERATION_PERMISSIONS, 'errorNoPermission'],
  [Seat.SEAT_LOCKED, 'errorSeatLocked'],
  [Seat.ALREADY_ON_THE_SEAT_QUEUE, 'errorAlreadyApplied'],
  [Seat.ALREADY_IN_SEAT, 'errorAlreadySeated'],
  [Seat.NOT_ON_THE_SEAT_QUEUE, 'errorRequestGone'],
  [Seat.USER_NOT_IN_SEAT, 'errorNotSeated'],
  [Seat.SEAT_INDEX_NOT_EXIST, 'errorSeatMissing'],
  [REQUEST_NOT_FOUND, 'errorRequestGone'],
  [USER_NOT_FOUND, 'errorUserGone'],
  [NOT_IN_ROOM, 'errorNotInLive'],
  [NOT_LOGGED_IN, 'errorNotLoggedIn'],
  [DEVICE_LOCKED, 'errorDeviceLocked'],
  [CO_HOST_REQUEST_PENDING, 'errorCoHostPending'],
  [BATTLE_NO_VALID_ROOM, 'errorNoBattleRoom'],
  [ALREADY_IN_BATTLE, 'errorAlreadyInBattle'],
  [NOT_CONNECTED, 'errorNotConnected'],
  [CALL_REQUEST_PENDING, 'errorCallPending'],
  [CALL_FULL, 'errorCallFull'],
  [INVALID_ARGUMENT, 'errorInvalidInput'],
])

/** A failed action of a component, as its `error` event reports it. */
export interface ActionFailure {
  /** the composable action that failed, e.g. `'acceptApplication'` */
  readonly action: string
  /** what it rejected with (an `EngineError` with a numeric `code`, usually) */
  readonly error: unknown
}

/** The message for a failure, chosen by its `code` (never by its message); `fallback` for unknown codes. */
export function errorMessageKey(error: unknown, fallback: MessageKey): MessageKey {
  const code = (error as { code?: unknown } | null)?.code
  return (typeof code === 'number' && MESSAGE_OF_CODE.get(code)) || fallback
}
