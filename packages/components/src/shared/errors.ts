import { ErrorCode } from '@atomicx-vue/vue'
import type { MessageKey } from '../i18n'

const MESSAGE_OF_CODE: ReadonlyMap<number, MessageKey> = new Map([
  [ErrorCode.USER_ALREADY_ON_SEAT, 'errorSeatOccupied'],
  [ErrorCode.SEAT_OCCUPIED, 'errorSeatOccupied'],
  [ErrorCode.ALL_SEAT_OCCUPIED, 'errorNoFreeSeat'],
  [ErrorCode.MAX_SEAT_COUNT_LIMIT, 'errorNoFreeSeat'],
  [ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, 'errorNoPermission'],
  [ErrorCode.SEAT_LOCKED, 'errorSeatLocked'],
  [ErrorCode.ALREADY_ON_THE_SEAT_QUEUE, 'errorAlreadyApplied'],
  [ErrorCode.ALREADY_IN_SEAT, 'errorAlreadySeated'],
  [ErrorCode.NOT_ON_THE_SEAT_QUEUE, 'errorRequestGone'],
  [ErrorCode.USER_NOT_IN_SEAT, 'errorNotSeated'],
  [ErrorCode.SEAT_INDEX_NOT_EXIST, 'errorSeatMissing'],
  [ErrorCode.REQUEST_NOT_FOUND, 'errorRequestGone'],
  [ErrorCode.USER_NOT_FOUND, 'errorUserGone'],
  [ErrorCode.NOT_IN_ROOM, 'errorNotInLive'],
  [ErrorCode.NOT_LOGGED_IN, 'errorNotLoggedIn'],
  [ErrorCode.DEVICE_LOCKED, 'errorDeviceLocked'],
  [ErrorCode.CO_HOST_REQUEST_PENDING, 'errorCoHostPending'],
  [ErrorCode.BATTLE_NO_VALID_ROOM, 'errorNoBattleRoom'],
  [ErrorCode.ALREADY_IN_BATTLE, 'errorAlreadyInBattle'],
  [ErrorCode.NOT_CONNECTED, 'errorNotConnected'],
  [ErrorCode.CALL_REQUEST_PENDING, 'errorCallPending'],
  [ErrorCode.CALL_FULL, 'errorCallFull'],
  [ErrorCode.INVALID_ARGUMENT, 'errorInvalidInput'],
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
