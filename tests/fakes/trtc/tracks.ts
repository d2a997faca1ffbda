import type { TrtcLocalAudioConfig, TrtcLocalVideoConfig, TrtcScreenShareConfig, TrtcVideoProfile, TrtcView } from '../../../packages/engine/src/media/trtc/sdk'
import { VIDEO_PROFILES } from './constants'
import { broadcast, emit, type ClientState, type Core, type Track, type TrackKind } from './core'
import { deviceInfo, openDevice } from './devices'
import { aborted, FakeRtcError, invalidParameter } from './errors'
import { checkView } from './validate'
import { refreshPublishing, syncViews } from './views'

const DEVICE_KIND = { audio: 'microphone', video: 'camera' } as const

/** Opens a device for `kind`, granting a `prompt` permission (the user accepts the browser's prompt). */
function open(core: Core, client: ClientState, kind: 'audio' | 'video', deviceId: string | undefined, fn: string): string {
  const type = DEVICE_KIND[kind]
  const device = openDevice(core.devices, type, deviceId, fn)
  if (core.devices.permissions[type] === 'prompt') {
    core.devices.permissions[type] = 'granted'
    broadcast(core, 'permission-state-change', { ...core.devices.permissions })
  }
  emit(core, client, 'device-changed', { type, action: 'active', device: deviceInfo(core.devices, device) })
  return device.deviceId
}

function hasView(view: TrtcView | undefined): boolean {
  return view !== undefined && view !== null && !(Array.isArray(view) && !view.length)
}

function sizeOf(profile: string | { width: number; height: number } | undefined) {
  return typeof profile === 'object' ? profile : VIDEO_PROFILES[profile ?? ''] ?? { width: 640, height: 480 }
}

// the SDK's default camera encoding (640×480 at 15 fps, 500 kbps) unless a profile object says otherwise
function encodingOf(profile: string | TrtcVideoProfile | undefined): Track['encoding'] {
  return typeof profile === 'object' ? profile : { ...sizeOf(profile), frameRate: 15, bitrate: 500 }
}
const SCREEN_ENCODING = { width: 1920, height: 1080, frameRate: 5, bitrate: 1600 }

function captureVolumeOf(fn: string, config: TrtcLocalAudioConfig): number | undefined {
  const volume = config.option?.captureVolume
  if (volume !== undefined && !(typeof volume === 'number' && volume >= 0)) throw invalidParameter(fn, 5002, 'captureVolume must be a number ≥ 0')
  return volume
}

function begin(core: Core, client: ClientState, kind: TrackKind, track: Track) {
  client.tracks[kind] = track
  refreshPublishing(core, client)
  syncViews(core)
}

/** `startLocalAudio`: 5998 when started; device errors; then capture and (if allowed) publish. */
export function startLocalAudio(core: Core, client: ClientState, config: TrtcLocalAudioConfig = {}): void {
  if (client.tracks.audio) throw aborted('startLocalAudio', 'startLocalAudio is already started')
  const captureVolume = captureVolumeOf('startLocalAudio', config) ?? 100
  const deviceId = open(core, client, 'audio', config.option?.microphoneId, 'startLocalAudio')
  begin(core, client, 'audio', { deviceId, publish: config.publish !== false, muted: !!config.mute, state: 'stopped', captureVolume })
}

/** `startLocalVideo`: as audio, plus the local first frame when a view is given. */
export function startLocalVideo(core: Core, client: ClientState, config: TrtcLocalVideoConfig = {}): void {
  if (client.tracks.video) throw aborted('startLocalVideo', 'startLocalVideo is already started')
  checkView('startLocalVideo', config.view)
  const deviceId = open(core, client, 'video', config.option?.cameraId, 'startLocalVideo')
  // a string mute publishes that image instead: others still see video
  begin(core, client, 'video', { deviceId, publish: config.publish !== false, muted: config.mute === true, state: 'stopped', encoding: encodingOf(config.option?.profile) })
  if (hasView(config.view)) emit(core, client, 'first-video-frame', { userId: '', streamType: 'main', ...sizeOf(config.option?.profile) })
}

/** `startScreenShare`: a cancelled picker is a denial (5302), as in browsers. */
export function startScreenShare(core: Core, client: ClientState, config: TrtcScreenShareConfig = {}): void {
  if (client.tracks.screen) throw aborted('startScreenShare', 'startScreenShare is already started')
  checkView('startScreenShare', config.view)
  if (core.screenPicker === 'cancel') throw new FakeRtcError(5300, 5302, 'NotAllowedError: the user cancelled screen selection', 'startScreenShare', 'DEVICE_ERROR')
  begin(core, client, 'screen', { publish: config.publish !== false, muted: false, state: 'stopped', encoding: SCREEN_ENCODING })
  if (hasView(config.view)) emit(core, client, 'first-video-frame', { userId: '', streamType: 'sub', width: 1920, height: 1080 })
}

function update(core: Core, client: ClientState, kind: 'audio' | 'video', fn: string, change: { deviceId?: string; publish?: boolean; mute?: boolean | string }) {
  const track = client.tracks[kind]
  if (!track) throw aborted(fn, `${fn}: not started`)
  if (change.deviceId !== undefined && change.deviceId !== track.deviceId) track.deviceId = open(core, client, kind, change.deviceId, fn)
  if (change.publish !== undefined) track.publish = change.publish
  if (change.mute !== undefined) track.muted = kind === 'audio' ? !!change.mute : change.mute === true
  refreshPublishing(core, client)
  syncViews(core)
}

/** `updateLocalAudio`: switch microphone, toggle publish, (un)mute; 5998 before start. */
export function updateLocalAudio(core: Core, client: ClientState, config: TrtcLocalAudioConfig): void {
  const captureVolume = captureVolumeOf('updateLocalAudio', config)
  update(core, client, 'audio', 'updateLocalAudio', { deviceId: config.option?.microphoneId, publish: config.publish, mute: config.mute })
  if (captureVolume !== undefined) client.tracks.audio!.captureVolume = captureVolume
}

/** `updateLocalVideo`: switch camera, toggle publish, (un)mute; 5998 before start. */
export function updateLocalVideo(core: Core, client: ClientState, config: TrtcLocalVideoConfig): void {
  checkView('updateLocalVideo', config.view)
  update(core, client, 'video', 'updateLocalVideo', { deviceId: config.option?.cameraId, publish: config.publish, mute: config.mute })
  if (config.option?.profile !== undefined) client.tracks.video!.encoding = encodingOf(config.option.profile)
}

/** `updateScreenShare`: moves the preview; 5998 before start. */
export function updateScreenShare(client: ClientState, config: TrtcScreenShareConfig): void {
  if (!client.tracks.screen) throw aborted('updateScreenShare', 'updateScreenShare: not started')
  checkView('updateScreenShare', config.view)
}

/** `stopLocal*` / `stopScreenShare`: unpublish (`api-call`) and stop capture; resolves when not started. */
export function stopTrack(core: Core, client: ClientState, kind: TrackKind): void {
  const track = client.tracks[kind]
  if (!track) return
  track.publish = false
  refreshPublishing(core, client)
  delete client.tracks[kind]
  syncViews(core)
}
