import { describe, expect, it } from 'vitest'
import { MediaError, toMediaError } from './errors'
import { MediaErrorCode } from './types'

describe('toMediaError', () => {
  it.each([
    ['NotAllowedError', MediaErrorCode.PERMISSION_DENIED],
    ['NotFoundError', MediaErrorCode.DEVICE_NOT_FOUND],
    ['NotReadableError', MediaErrorCode.DEVICE_BUSY],
    ['OverconstrainedError', MediaErrorCode.DEVICE_CONSTRAINT],
    ['AbortError', MediaErrorCode.CANCELLED],
    ['NotSupportedError', MediaErrorCode.NOT_SUPPORTED],
    ['SecurityError', MediaErrorCode.UNKNOWN],
    ['InvalidStateError', MediaErrorCode.UNKNOWN],
  ])('maps the DOMException %s to %s and keeps it as cause', (name, code) => {
    const raw = new DOMException('the browser said no', name)
    const error = toMediaError(raw)
    expect(error).toBeInstanceOf(MediaError)
    expect(error).toMatchObject({ code, message: 'the browser said no', cause: raw })
  })

  it('maps a TypeError (an API the browser lacks) to NOT_SUPPORTED', () => {
    const raw = new TypeError("Cannot read properties of undefined (reading 'getUserMedia')")
    expect(toMediaError(raw)).toMatchObject({ code: MediaErrorCode.NOT_SUPPORTED, cause: raw })
  })

  it('uses the name when the message is empty (Chrome OverconstrainedError)', () => {
    expect(toMediaError({ name: 'OverconstrainedError', message: '', constraint: 'deviceId' })).toMatchObject({
      code: MediaErrorCode.DEVICE_CONSTRAINT,
      message: 'OverconstrainedError',
    })
  })

  it.each([['a string'], [undefined], [42], [{ name: 'constructor' }]])('maps %j to UNKNOWN', (raw) => {
    const error = toMediaError(raw)
    expect(error.code).toBe(MediaErrorCode.UNKNOWN)
    expect(error.cause).toBe(raw)
  })

  it('returns a MediaError unchanged', () => {
    const error = new MediaError(MediaErrorCode.NOT_IN_ROOM)
    expect(toMediaError(error)).toBe(error)
  })
})

describe('MediaError', () => {
  it('serialises to MediaEngineErrorInfo, without absent SDK numbers', () => {
    expect(JSON.parse(JSON.stringify(new MediaError(MediaErrorCode.NOT_PUBLISHER, 'step up first')))).toEqual({
      code: MediaErrorCode.NOT_PUBLISHER,
      message: 'step up first',
    })
    expect(new MediaError(MediaErrorCode.SERVER, 'refused', { sdkCode: 5400, sdkExtraCode: -1 }).toJSON()).toEqual({
      code: MediaErrorCode.SERVER,
      message: 'refused',
      sdkCode: 5400,
      sdkExtraCode: -1,
    })
  })

  it('defaults its message to the code and is an Error named MediaError', () => {
    const error = new MediaError(MediaErrorCode.CANCELLED)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('MediaError')
    expect(error.message).toBe('CANCELLED')
  })
})
