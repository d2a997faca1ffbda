/**
 * The narrow media interface. Signalling (seats, co-guest, co-host negotiation, presence) stays in
 * the hub; a MediaEngine only moves audio and video. Implementations: the local engine (getUserMedia,
 * in-page hand-over) and the TRTC engine (trtc-sdk-v5).
 */

export type MediaRole = 'anchor' | 'audience'
/** TRTC main | sub */
export type VideoSource = 'camera' | 'screen'
export type Media = 'audio' | 'camera' | 'screen'
export type MediaVideoQuality = '360p' | '540p' | '720p' | '1080p'
export type DeviceKind = 'camera' | 'microphone' | 'speaker'

export interface DeviceInfo {
  readonly deviceId: string
  readonly label: string
  readonly kind: DeviceKind
}

export enum MediaErrorCode {
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  NOT_IN_ROOM = 'NOT_IN_ROOM',
  REMOTE_NOT_PUBLISHING = 'REMOTE_NOT_PUBLISHING',
  NOT_PUBLISHER = 'NOT_PUBLISHER',
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  DEVICE_NOT_FOUND = 'DEVICE_NOT_FOUND',
  DEVICE_BUSY = 'DEVICE_BUSY',
  DEVICE_CONSTRAINT = 'DEVICE_CONSTRAINT',
  CANCELLED = 'CANCELLED',
  NOT_SUPPORTED = 'NOT_SUPPORTED',
  SERVER = 'SERVER',
  NETWORK = 'NETWORK',
  UNKNOWN = 'UNKNOWN',
}

export interface MediaEngineErrorInfo {
  readonly code: MediaErrorCode
  readonly message: string
  readonly sdkCode?: number
  readonly sdkExtraCode?: number
}

export interface CameraOptions {
  readonly deviceId?: string
  readonly view?: HTMLElement | null
  readonly quality?: MediaVideoQuality
  readonly mirror?: boolean
}

export interface JoinOptions {
  readonly roomId: string
  readonly userId: string
  readonly role: MediaRole
  /** 'live' for live rooms (default), 'rtc' for calls */
  readonly scene?: 'live' | 'rtc'
}

export interface MediaEngineEvents {
  connection: { readonly state: 'disconnected' | 'connecting' | 'connected'; readonly reconnecting: boolean }
  userJoined: { readonly userId: string }
  userLeft: { readonly userId: string; readonly reason: 'leave' | 'timeout' | 'kicked' | 'role' | 'unknown' }
  remoteMedia: { readonly userId: string; readonly media: Media; readonly available: boolean }
  localPublish: { readonly media: Media; readonly state: 'starting' | 'started' | 'stopped'; readonly error?: MediaEngineErrorInfo }
  /** levels 0–100; my own userId, never '' */
  volumes: { readonly levels: ReadonlyArray<{ readonly userId: string; readonly volume: number }> }
  /** 0–6 scale (= NetworkQuality) */
  network: { readonly up: number; readonly down: number; readonly rtt: number; readonly loss: number }
  device: { readonly kind: DeviceKind; readonly action: 'add' | 'remove' | 'active'; readonly device: DeviceInfo }
  autoplayBlocked: { readonly userId: string; readonly media: Media; resume(): Promise<void> }
  screenShareEnded: Record<string, never>
  /** I am already out of the media room */
  removed: { readonly reason: 'kick' | 'banned' | 'room_disband' | 'error'; readonly error?: MediaEngineErrorInfo }
  /** non-fatal: firewall, recapture failure, publish errors */
  warning: MediaEngineErrorInfo
}

export interface MediaEngine {
  /** 'local' or 'trtc' */
  readonly kind: string
  join(options: JoinOptions): Promise<void>
  /** Also stops local media. */
  leave(): Promise<void>
  setRole(role: MediaRole): Promise<void>
  startMicrophone(options?: { readonly deviceId?: string }): Promise<void>
  stopMicrophone(): Promise<void>
  setMicrophoneMuted(muted: boolean): Promise<void>
  startCamera(options?: CameraOptions): Promise<void>
  updateCamera(options: CameraOptions): Promise<void>
  stopCamera(): Promise<void>
  setCameraMuted(muted: boolean): Promise<void>
  startScreenShare(options?: { readonly view?: HTMLElement | null; readonly systemAudio?: boolean }): Promise<void>
  stopScreenShare(): Promise<void>
  /** Idempotent: plays (or moves) a remote user's video into `view`; replays when it becomes available again. */
  playVideo(userId: string, source: VideoSource, view: HTMLElement | null): Promise<void>
  stopVideo(userId: string, source: VideoSource): Promise<void>
  setRemoteAudioMuted(userId: string | '*', muted: boolean): Promise<void>
  listDevices(kind: DeviceKind): Promise<DeviceInfo[]>
  setSpeaker(deviceId: string): Promise<void>
  /** 0 = off */
  setVolumeInterval(ms: number): void
  /** co-host: forward media between my room and `roomId` */
  connectRoom(options: { readonly roomId: string; readonly userId?: string }): Promise<void>
  setConnectedMuted(options: { readonly roomId: string; readonly userId?: string; readonly audio?: boolean; readonly video?: boolean }): Promise<void>
  disconnectRoom(roomId?: string): Promise<void>
  dispose(): Promise<void>
  on<E extends keyof MediaEngineEvents>(event: E, fn: (info: MediaEngineEvents[E]) => void): () => void
}
