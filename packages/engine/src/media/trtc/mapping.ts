import { MediaError } from '../errors'
import { MediaErrorCode, type DeviceInfo, type DeviceKind, type Media, type MediaEngineEvents, type MediaStreamStatistics, type MediaVideoQuality, type VideoSource } from '../types'
import type { TrtcConnectionState, TrtcDeviceInfo, TrtcError, TrtcMediaType, TrtcNetworkQuality, TrtcStatistics, TrtcStreamStatistics, TrtcStreamType, TrtcVideoProfile } from './sdk'

/**
 * Explicit encoding profiles: the SDK has no `540p` key and silently ignores unknown keys, so every
 * quality is sent as an object (the others equal the SDK's own keys).
 */
export const QUALITY_PROFILES: Readonly<Record<MediaVideoQuality, TrtcVideoProfile>> = {
  '360p': { width: 640, height: 360, frameRate: 15, bitrate: 800 },
  '540p': { width: 960, height: 540, frameRate: 15, bitrate: 1000 },
  '720p': { width: 1280, height: 720, frameRate: 15, bitrate: 1500 },
  '1080p': { width: 1920, height: 1080, frameRate: 15, bitrate: 2000 },
}

/** `mirror: true` mirrors my preview only (TRTC `'view'`, the anchor's Auto); `false` mirrors nothing. */
export function toTrtcMirror(mirror: boolean): 'view' | false {
  return mirror ? 'view' : false
}

/** The SDK's device record, reduced to ours; `kind` comes from the list or event it arrived in. */
export function toDeviceInfo(device: TrtcDeviceInfo, kind: DeviceKind): DeviceInfo {
  return { deviceId: device.deviceId, label: device.label, kind }
}

/** `network-quality` → `network`: round trip to the server is the uplink RTT; loss is the worse direction. */
export function toNetwork(q: TrtcNetworkQuality): MediaEngineEvents['network'] {
  return { up: q.uplinkNetworkQuality, down: q.downlinkNetworkQuality, rtt: q.uplinkRTT, loss: Math.max(q.uplinkLoss, q.downlinkLoss) }
}

function toStreamStatistics({ audio, video }: TrtcStreamStatistics): MediaStreamStatistics {
  // the camera ('big') when there is one, else the screen; the web SDK reports no audio sample rate
  const shown = video.find((v) => v.videoType === 'big') ?? video.find((v) => v.videoType === 'sub')
  return {
    videoBitrate: shown?.bitrate ?? 0,
    videoWidth: shown?.width ?? 0,
    videoHeight: shown?.height ?? 0,
    frameRate: shown?.frameRate ?? 0,
    audioBitrate: audio.bitrate,
    audioSampleRate: 0,
  }
}

/** `statistics` payload → ours (my stream, then each remote user's). */
export function toStatistics(s: TrtcStatistics): MediaEngineEvents['statistics'] {
  return {
    local: toStreamStatistics(s.localStatistics),
    remote: s.remoteStatistics.map((r) => ({ userId: r.userId, ...toStreamStatistics(r) })),
  }
}

const EXIT_REASONS = ['leave', 'timeout', 'kicked', 'role'] as const

/** `remote-user-exit` reason number → ours. */
export function toLeaveReason(reason: number | undefined): MediaEngineEvents['userLeft']['reason'] {
  return EXIT_REASONS[reason ?? 0] ?? 'unknown'
}

/** SDK media types → ours (`video` is the camera). */
export const MEDIA_OF: Readonly<Record<TrtcMediaType, Media>> = { audio: 'audio', video: 'camera', screen: 'screen' }

const DEVICE_CODES: Readonly<Record<number, MediaErrorCode>> = {
  5301: MediaErrorCode.DEVICE_NOT_FOUND,
  5302: MediaErrorCode.PERMISSION_DENIED,
  5303: MediaErrorCode.DEVICE_BUSY,
  5304: MediaErrorCode.DEVICE_CONSTRAINT,
}

const OPERATION_CODES: Readonly<Record<number, MediaErrorCode>> = {
  5101: MediaErrorCode.NOT_IN_ROOM,
  5102: MediaErrorCode.REMOTE_NOT_PUBLISHING,
  5103: MediaErrorCode.REMOTE_NOT_PUBLISHING,
  5107: MediaErrorCode.NOT_PUBLISHER,
}

function codeOf(code: number, extra: number | undefined, screen: boolean): MediaErrorCode {
  if (code === 5000) return MediaErrorCode.INVALID_ARGUMENT
  if (code === 5100) return OPERATION_CODES[extra ?? 0] ?? MediaErrorCode.UNKNOWN
  if (code === 5200) return MediaErrorCode.NOT_SUPPORTED
  // the screen picker's "cancel" arrives as a denial
  if (code === 5300) return screen && extra === 5302 ? MediaErrorCode.CANCELLED : DEVICE_CODES[extra ?? 0] ?? MediaErrorCode.UNKNOWN
  if (code === 5400) return MediaErrorCode.SERVER
  if (code === 5500) return extra === undefined || extra === 5501 || extra === 5502 ? MediaErrorCode.NETWORK : MediaErrorCode.UNKNOWN
  if (code === 5998) return MediaErrorCode.CANCELLED
  return MediaErrorCode.UNKNOWN
}

/** True for an SDK `RtcError` (duck-typed: the fake has its own class). */
export function isSdkError(raw: unknown): raw is TrtcError {
  return typeof raw === 'object' && raw !== null && typeof (raw as { code?: unknown }).code === 'number'
}

/** Maps anything the SDK threw to a `MediaError`, keeping the SDK's codes and the raw error as `cause`. */
export function fromSdkError(raw: unknown, context: { readonly screen?: boolean } = {}): MediaError {
  if (raw instanceof MediaError) return raw
  if (!isSdkError(raw)) return new MediaError(MediaErrorCode.UNKNOWN, raw instanceof Error ? raw.message : String(raw), { cause: raw })
  const { code, extraCode, message } = raw
  return new MediaError(codeOf(code, extraCode, context.screen === true), message || `TRTC error ${code}`, { cause: raw, sdkCode: code, sdkExtraCode: extraCode })
}

/** Firewall (5501) and recapture failures (5308/5309) leave the room as is; every other `error` means I am out. */
export function isRoomFatal(error: { readonly code: number; readonly extraCode?: number }): boolean {
  return !(error.code === 5500 && error.extraCode === 5501) && !(error.code === 5300 && (error.extraCode === 5308 || error.extraCode === 5309))
}

/** SDK stream types ↔ our video sources. */
export const SOURCE_OF = { main: 'camera', sub: 'screen' } as const satisfies Record<TrtcStreamType, VideoSource>
export const STREAM_OF = { camera: 'main', screen: 'sub' } as const satisfies Record<VideoSource, TrtcStreamType>

/** SDK connection states → ours. */
export const CONNECTION_OF = {
  DISCONNECTED: 'disconnected',
  CONNECTING: 'connecting',
  CONNECTED: 'connected',
} as const satisfies Record<TrtcConnectionState, MediaEngineEvents['connection']['state']>
