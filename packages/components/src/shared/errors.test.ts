import { EngineError, ErrorCode, SeatApplicationErrorCode } from '@atomicx-vue/vue'
import { describe, expect, it } from 'vitest'
import { errorMessageKey } from './errors'

describe('errorMessageKey', () => {
  it.each([
    [{ code: SeatApplicationErrorCode.USER_ALREADY_ON_SEAT }, 'errorSeatOccupied'],
    [{ code: SeatApplicationErrorCode.ALL_SEAT_OCCUPIED }, 'errorNoFreeSeat'],
    [{ code: SeatApplicationErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS }, 'errorNoPermission'],
    [{ code: 100402 }, 'errorCoHostPending'],
    [{ code: -2311 }, 'errorRequestGone'],
    [new EngineError(ErrorCode.NOT_IN_ROOM), 'errorNotInLive'],
    [new EngineError(ErrorCode.CALL_FULL), 'errorCallFull'],
  ])('chooses by code: %o → %s', (error, key) => {
    expect(errorMessageKey(error, 'acceptFailed')).toBe(key)
  })

  it.each([
    [{ code: 424242, message: 'This seat is already occupied' }],
    [{ code: '100210' }],
    [new Error('no code')],
    [null],
    ['a string'],
  ])('falls back for an unknown or missing code, never reading the message: %o', (error) => {
    expect(errorMessageKey(error, 'acceptFailed')).toBe('acceptFailed')
  })
})
