import type { TrtcDeviceInfo, TrtcDeviceType } from '../../../packages/engine/src/media/trtc/sdk'
import { FakeRtcError } from './errors'

export type Permission = 'granted' | 'denied' | 'prompt'

/** A device plugged into the fake machine. */
export interface FakeDevice {
  readonly deviceId: string
  readonly groupId: string
  readonly kind: TrtcDeviceType
  readonly label: string
}

/** Initial devices per kind; labels default to "Fake <kind> <n>". */
export type DeviceSeed = Partial<Record<TrtcDeviceType, ReadonlyArray<{ readonly deviceId: string; readonly label?: string; readonly groupId?: string }>>>

/** The devices of one cloud, with permissions and "busy" (opened by another app) flags. */
export interface DeviceRegistry {
  readonly all: FakeDevice[]
  readonly permissions: Record<'camera' | 'microphone', Permission>
  readonly busy: Set<string>
  currentSpeaker?: string
}

const BROWSER_KIND: Readonly<Record<TrtcDeviceType, string>> = { camera: 'videoinput', microphone: 'audioinput', speaker: 'audiooutput' }

const DEFAULT_SEED: DeviceSeed = {
  camera: [{ deviceId: 'camera-1' }],
  microphone: [{ deviceId: 'mic-1' }],
  speaker: [{ deviceId: 'speaker-1' }],
}

/** Builds a device record, with a default label and group. */
export function makeDevice(kind: TrtcDeviceType, seed: { readonly deviceId: string; readonly label?: string; readonly groupId?: string }, n: number): FakeDevice {
  return { deviceId: seed.deviceId, groupId: seed.groupId ?? `group-${seed.deviceId}`, kind, label: seed.label ?? `Fake ${kind} ${n}` }
}

/** Creates the registry: one camera, one microphone, one speaker unless `seed` says otherwise; all granted. */
export function createDeviceRegistry(seed: DeviceSeed = DEFAULT_SEED): DeviceRegistry {
  const all = (Object.keys(BROWSER_KIND) as TrtcDeviceType[]).flatMap((kind) => (seed[kind] ?? []).map((d, i) => makeDevice(kind, d, i + 1)))
  return { all, permissions: { camera: 'granted', microphone: 'granted' }, busy: new Set() }
}

/** What the fake's device lists and events carry: a `MediaDeviceInfo`-shaped copy. */
export type FakeDeviceInfo = TrtcDeviceInfo & { toJSON(): object }

/** A `MediaDeviceInfo`-shaped copy; the label is hidden while permission is still to be asked. */
export function deviceInfo(registry: DeviceRegistry, device: FakeDevice, requestPermission = true): FakeDeviceInfo {
  const permission = registry.permissions[device.kind === 'camera' ? 'camera' : 'microphone']
  const label = permission === 'prompt' && !requestPermission ? '' : device.label
  const info = { deviceId: device.deviceId, groupId: device.groupId, kind: BROWSER_KIND[device.kind], label }
  return { ...info, toJSON: () => ({ ...info }) }
}

const deviceError = (fn: string, extraCode: number, message: string) => new FakeRtcError(5300, extraCode, message, fn, 'DEVICE_ERROR')

/** The device a capture opens, or the SDK's DEVICE_ERROR: denied 5302, none 5301, unknown id 5304, busy 5303. */
export function openDevice(registry: DeviceRegistry, kind: 'camera' | 'microphone', deviceId: string | undefined, fn: string): FakeDevice {
  if (registry.permissions[kind] === 'denied') throw deviceError(fn, 5302, `NotAllowedError: ${kind} permission denied`)
  const candidates = registry.all.filter((d) => d.kind === kind)
  if (!candidates.length) throw deviceError(fn, 5301, `NotFoundError: no ${kind}`)
  const device = deviceId === undefined ? candidates[0]! : candidates.find((d) => d.deviceId === deviceId)
  if (!device) throw deviceError(fn, 5304, `OverconstrainedError: no ${kind} "${deviceId}"`)
  if (registry.busy.has(device.deviceId)) throw deviceError(fn, 5303, `NotReadableError: ${kind} "${device.deviceId}" is in use`)
  return device
}
