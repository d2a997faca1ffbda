import { EngineError, MediaError, MediaErrorCode } from '@atomicx-vue/engine'
import type { Ref } from 'vue'
import { DeviceError } from '../types/device'

const BY_MEDIA_CODE: ReadonlyMap<MediaErrorCode, DeviceError> = new Map([
  [MediaErrorCode.PERMISSION_DENIED, DeviceError.NoSystemPermission],
  [MediaErrorCode.DEVICE_NOT_FOUND, DeviceError.NoDeviceDetected],
  // the chosen device is gone
  [MediaErrorCode.DEVICE_CONSTRAINT, DeviceError.NoDeviceDetected],
  [MediaErrorCode.DEVICE_BUSY, DeviceError.OccupiedError],
  [MediaErrorCode.NOT_SUPPORTED, DeviceError.NotSupportCapture],
])

const HINT: Readonly<Record<DeviceError, string>> = {
  [DeviceError.NoError]: '',
  [DeviceError.NoDeviceDetected]: 'No such device is plugged in',
  [DeviceError.NoSystemPermission]: 'The browser or the system denied access: allow it in the site or system settings',
  [DeviceError.NotSupportCapture]: 'This browser cannot capture here: use a recent browser on https or localhost',
  [DeviceError.OccupiedError]: 'Another application is using the device',
  [DeviceError.UnknownError]: 'The device failed',
}

/**
 * What a failed device action reports: the `DeviceError` kind, and the `EngineError` it rejects with,
 * whose `code` is that same `DeviceError` value (the media error stays its `cause`). Errors that are not
 * the device's (not logged in, not seated) pass through unchanged, with no kind.
 */
export function deviceFailure(error: unknown): { readonly kind: DeviceError | null; readonly error: unknown } {
  if (!(error instanceof MediaError)) return { kind: null, error }
  const kind = BY_MEDIA_CODE.get(error.code) ?? DeviceError.UnknownError
  return { kind, error: new EngineError(kind, `${HINT[kind]} (${error.message})`, { cause: error }) }
}

/** Records a device failure in `lastError` and gives the error to reject with. */
export function recordFailure(lastError: Ref<DeviceError>, raw: unknown): unknown {
  const { kind, error } = deviceFailure(raw)
  if (kind !== null) lastError.value = kind
  return error
}

/** Refuses (and records in `lastError`) a capture the browser cannot do at all: `api` is missing. */
export function requireSupport(supported: boolean, lastError: Ref<DeviceError>, api: string): void {
  if (supported) return
  lastError.value = DeviceError.NotSupportCapture
  throw new EngineError(DeviceError.NotSupportCapture, `${HINT[DeviceError.NotSupportCapture]} (no ${api})`)
}
