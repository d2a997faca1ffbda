import { MediaErrorCode, type MediaEngineErrorInfo } from './types'

/** Extra fields of a `MediaError`: the raw error as `cause`, and the SDK's numbers when an SDK raised it. */
export interface MediaErrorOptions extends ErrorOptions {
  readonly sdkCode?: number
  readonly sdkExtraCode?: number
}

/** The error every `MediaEngine` method rejects with: callers branch on `code`, never on `message`. */
export class MediaError extends Error {
  override readonly name = 'MediaError'
  readonly sdkCode?: number
  readonly sdkExtraCode?: number

  constructor(
    readonly code: MediaErrorCode,
    message?: string,
    options?: MediaErrorOptions,
  ) {
    super(message ?? code, options)
    this.sdkCode = options?.sdkCode
    this.sdkExtraCode = options?.sdkExtraCode
  }

  toJSON(): MediaEngineErrorInfo {
    const { code, message, sdkCode, sdkExtraCode } = this
    return {
      code,
      message,
      ...(sdkCode === undefined ? {} : { sdkCode }),
      ...(sdkExtraCode === undefined ? {} : { sdkExtraCode }),
    }
  }
}

// DOMException names of getUserMedia/getDisplayMedia/setSinkId. A TypeError comes from calling an API
// the browser lacks (our constraints are always well-formed), hence NOT_SUPPORTED.
const BY_NAME: ReadonlyMap<unknown, MediaErrorCode> = new Map([
  ['NotAllowedError', MediaErrorCode.PERMISSION_DENIED],
  ['NotFoundError', MediaErrorCode.DEVICE_NOT_FOUND],
  ['NotReadableError', MediaErrorCode.DEVICE_BUSY],
  ['OverconstrainedError', MediaErrorCode.DEVICE_CONSTRAINT],
  ['AbortError', MediaErrorCode.CANCELLED],
  ['NotSupportedError', MediaErrorCode.NOT_SUPPORTED],
  ['TypeError', MediaErrorCode.NOT_SUPPORTED],
])

/** Maps a browser error (DOMException name) to a `MediaError`, keeping the raw error as `cause`. */
export function toMediaError(raw: unknown): MediaError {
  if (raw instanceof MediaError) return raw
  const { name, message } = (raw ?? {}) as { name?: unknown; message?: unknown }
  const code = BY_NAME.get(name) ?? MediaErrorCode.UNKNOWN
  const text = typeof message === 'string' && message ? message : typeof name === 'string' ? name : String(raw)
  return new MediaError(code, text, { cause: raw })
}
