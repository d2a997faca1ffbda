/** `TRTC.ERROR_CODE` of trtc-sdk-v5 5.17. */
export const ERROR_CODE = Object.freeze({
  INVALID_PARAMETER: 5000,
  INVALID_OPERATION: 5100,
  ENV_NOT_SUPPORTED: 5200,
  DEVICE_ERROR: 5300,
  SERVER_ERROR: 5400,
  OPERATION_FAILED: 5500,
  OPERATION_ABORT: 5998,
  UNKNOWN_ERROR: 5999,
})

const NAMES = new Map<number, string>(Object.entries(ERROR_CODE).map(([name, code]) => [code, name]))

/** The fake's `RtcError`: same fields as the SDK's (`name` is the code's name). */
export class FakeRtcError extends Error {
  override readonly name: string
  constructor(
    readonly code: number,
    readonly extraCode: number | undefined,
    message: string,
    readonly functionName = '',
    name?: string,
  ) {
    super(message)
    this.name = name ?? NAMES.get(code) ?? 'RtcError'
  }
}

/** Thrown when the code under test uses the SDK in a way whose real behaviour is undefined. */
export class FakeMisuseError extends Error {
  override readonly name = 'FakeMisuseError'
}

/** An argument error (5000 + extraCode) of `fn`. */
export const invalidParameter = (fn: string, extraCode: number, message: string) => new FakeRtcError(5000, extraCode, message, fn)

/** A state error (5100 + extraCode) of `fn`. */
export const invalidOperation = (fn: string, extraCode: number, message: string) => new FakeRtcError(5100, extraCode, message, fn)

/** A queued-out or repeated call of `fn`. */
export const aborted = (fn: string, message: string) => new FakeRtcError(5998, undefined, message, fn)
