import type { DeviceInfo, MediaVideoQuality } from '@atomicx-vue/engine'
import { MirrorType, VideoQuality, type TUIDeviceInfo } from '../types/device'

/** A device as the public API shows it. */
export function toDeviceInfo(device: DeviceInfo): TUIDeviceInfo {
  return { deviceId: device.deviceId, deviceName: device.label }
}

/** A device list after a hot-plug. */
export function withDevice(list: readonly TUIDeviceInfo[], action: 'add' | 'remove' | 'active', device: TUIDeviceInfo): readonly TUIDeviceInfo[] {
  const rest = list.filter((d) => d.deviceId !== device.deviceId)
  if (action === 'remove') return rest.length === list.length ? list : rest
  return rest.length === list.length ? [...list, device] : list
}

/** The selected device after the list changed: kept while plugged in, else the first one. */
export function pickCurrent(current: TUIDeviceInfo | null, list: readonly TUIDeviceInfo[]): TUIDeviceInfo | null {
  return (current && list.find((d) => d.deviceId === current.deviceId)) ?? list[0] ?? null
}

/** `VideoQuality` → the engine's profile names. */
export const QUALITY_NAME: Readonly<Record<VideoQuality, MediaVideoQuality>> = {
  [VideoQuality.Quality360P]: '360p',
  [VideoQuality.Quality540P]: '540p',
  [VideoQuality.Quality720P]: '720p',
  [VideoQuality.Quality1080P]: '1080p',
}

/** Whether the local preview is mirrored: Auto mirrors it (like a mirror), as Enable does; only Disable does not. */
export function isMirrored(type: MirrorType): boolean {
  return type !== MirrorType.Disable
}

/** Whether `value` is a member of the numeric enum `values`. */
export function isEnumValue<T extends number>(values: Readonly<Record<string, string | T>>, value: unknown): value is T {
  return typeof value === 'number' && values[value] !== undefined
}

/** Whether `value` is a volume: a number from 0 to 100. */
export function isVolume(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 100
}
