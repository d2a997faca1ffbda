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
  /** Needs a joined room: `join()` first (starting devices, `playVideo`, `setRole`, co-host calls). */
  NOT_IN_ROOM = 'NOT_IN_ROOM',
  /** `join()` while already in (or joining) a room: `leave()` first. */
  ALREADY_IN_ROOM = 'ALREADY_IN_ROOM',
  /** `join()` on a disposed engine: create a new one. */
  DISPOSED = 'DISPOSED',
  REMOTE_NOT_PUBLISHING = 'REMOTE_NOT_PUBLISHING',
  /** A `live` audience cannot open devices or connect rooms: `setRole('anchor')` first. */
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

/** One stream's figures in a `statistics` report: kbps, px, fps, Hz; 0 where unknown. */
export interface MediaStreamStatistics {
  readonly videoBitrate: number
  readonly videoWidth: number
  readonly videoHeight: number
  readonly frameRate: number
  readonly audioBitrate: number
  readonly audioSampleRate: number
}

export interface MediaEngineEvents {
  connection: { readonly state: 'disconnected' | 'connecting' | 'connected'; readonly reconnecting: boolean }
  userJoined: { readonly userId: string }
  userLeft: { readonly userId: string; readonly reason: 'leave' | 'timeout' | 'kicked' | 'role' | 'unknown' }
  remoteMedia: { readonly userId: string; readonly media: Media; readonly available: boolean }
  localPublish: { readonly media: Media; readonly state: 'starting' | 'started' | 'stopped'; readonly error?: MediaEngineErrorInfo }
  /** levels 0–100; my own userId, never '' */
  volumes: { readonly levels: ReadonlyArray<{ readonly userId: string; readonly volume: number }> }
  /** every 2 s while in a room; 0–6 scale (= NetworkQuality) */
  network: { readonly up: number; readonly down: number; readonly rtt: number; readonly loss: number }
  /** every 2 s while in a room: what I send (muted media not), and each remote user I receive something of; the local engine's bitrates are 0 (nothing is encoded in-page) */
  statistics: { readonly local: MediaStreamStatistics; readonly remote: ReadonlyArray<MediaStreamStatistics & { readonly userId: string }> }
  device: { readonly kind: DeviceKind; readonly action: 'add' | 'remove' | 'active'; readonly device: DeviceInfo }
  autoplayBlocked: { readonly userId: string; readonly media: Media; resume(): Promise<void> }
  screenShareEnded: Record<string, never>
  /** I am already out of the media room */
  removed: { readonly reason: 'kick' | 'banned' | 'room_disband' | 'error'; readonly error?: MediaEngineErrorInfo }
  /** non-fatal: firewall, recapture failure, publish errors */
  warning: MediaEngineErrorInfo
}

/**
 * One user's media. Both implementations pass the same contract suite (tests/contract); its rules:
 * devices start only in a room (`NOT_IN_ROOM`) and not as a `live` audience (`NOT_PUBLISHER`); a start
 * of what runs already applies the new options (a concurrent double click shares one start); stops,
 * `leave`, `stopVideo`, `disconnectRoom` and `dispose` resolve whatever the state.
 */
export interface MediaEngine {
  /** 'local' or 'trtc' */
  readonly kind: string
  /** Rejects `ALREADY_IN_ROOM` while in (or joining) a room, `DISPOSED` after `dispose()`. */
  join(options: JoinOptions): Promise<void>
  /** Also stops local media; others see it go, then the user leave. What I played is forgotten. */
  leave(): Promise<void>
  /** `'audience'` in `live` first stops microphone, camera and screen; stepping up starts nothing. */
  setRole(role: MediaRole): Promise<void>
  startMicrophone(options?: { readonly deviceId?: string }): Promise<void>
  stopMicrophone(): Promise<void>
  /** Remembered while the microphone is off (also before `join`), applied when it starts. */
  setMicrophoneMuted(muted: boolean): Promise<void>
  /** When running already, acts as `updateCamera` with these options. */
  startCamera(options?: CameraOptions): Promise<void>
  /** `undefined` fields keep their value; `view: null` removes the preview. Needs a started camera (`INVALID_ARGUMENT`). */
  updateCamera(options: CameraOptions): Promise<void>
  stopCamera(): Promise<void>
  setCameraMuted(muted: boolean): Promise<void>
  /** When sharing already, only moves the preview to a given `view` (system audio is chosen in the picker). */
  startScreenShare(options?: { readonly view?: HTMLElement | null; readonly systemAudio?: boolean }): Promise<void>
  stopScreenShare(): Promise<void>
  /**
   * Idempotent: plays (or moves) a remote user's video into `view`. Needs a room; a user not (yet)
   * publishing is fine: it plays when the video becomes available, and again after each unavailable.
   */
  playVideo(userId: string, source: VideoSource, view: HTMLElement | null): Promise<void>
  stopVideo(userId: string, source: VideoSource): Promise<void>
  setRemoteAudioMuted(userId: string | '*', muted: boolean): Promise<void>
  /** Microphone gain 0–100 (100 = as captured): applies to the running microphone and to later starts, also before `join`. */
  setCaptureVolume(volume: number): Promise<void>
  /** Remote audio loudness 0–100 for one user or `'*'` (everybody, replacing per-user values); remembered across rooms. */
  setPlaybackVolume(userId: string | '*', volume: number): Promise<void>
  listDevices(kind: DeviceKind): Promise<DeviceInfo[]>
  setSpeaker(deviceId: string): Promise<void>
  /** 0 = off */
  setVolumeInterval(ms: number): void
  /** co-host: forward media between my room and `roomId` */
  connectRoom(options: { readonly roomId: string; readonly userId?: string }): Promise<void>
  setConnectedMuted(options: { readonly roomId: string; readonly userId?: string; readonly audio?: boolean; readonly video?: boolean }): Promise<void>
  disconnectRoom(roomId?: string): Promise<void>
  /** Leaves and releases everything (listeners, timers); the engine cannot join again. */
  dispose(): Promise<void>
  on<E extends keyof MediaEngineEvents>(event: E, fn: (info: MediaEngineEvents[E]) => void): () => void
}
