/**
 * The part of the `trtc-sdk-v5` surface the TRTC engine uses, typed by us so that nothing depends on
 * the real package at compile time. Tests inject a fake that satisfies these types. The real package's
 * declarations differ in detail (enums, profile key lists), so what callers inject is typed `TrtcSdk`.
 */

export type TrtcScene = 'live' | 'rtc'
export type TrtcRole = 'anchor' | 'audience'
export type TrtcStreamType = 'main' | 'sub'
export type TrtcDeviceType = 'camera' | 'microphone' | 'speaker'
export type TrtcMediaType = 'audio' | 'video' | 'screen'
export type TrtcConnectionState = 'DISCONNECTED' | 'CONNECTING' | 'CONNECTED'
export type TrtcPermission = 'granted' | 'denied' | 'prompt' | null
/** An element id, an element, several elements, or `null` for no rendering. */
export type TrtcView = string | HTMLElement | HTMLElement[] | null

/** An explicit video encoding profile. */
export interface TrtcVideoProfile {
  readonly width: number
  readonly height: number
  readonly frameRate: number
  readonly bitrate: number
}

/** `RtcError`: duck-typed, the fake has its own class. */
export interface TrtcError {
  readonly name: string
  readonly code: number
  readonly extraCode?: number
  readonly message: string
  readonly functionName?: string
}

/** `enterRoom` config. */
export interface TrtcEnterRoomConfig {
  readonly sdkAppId: number
  readonly userId: string
  readonly userSig: string
  readonly roomId?: number
  readonly strRoomId?: string
  readonly scene?: TrtcScene
  readonly role?: TrtcRole
  readonly autoReceiveAudio?: boolean
  readonly autoReceiveVideo?: boolean
  readonly enableAutoPlayDialog?: boolean
}

/** `startLocalAudio` / `updateLocalAudio` config. */
export interface TrtcLocalAudioConfig {
  readonly publish?: boolean
  readonly mute?: boolean | 'microphone'
  /** `captureVolume` ≥ 0, 100 = as captured */
  readonly option?: { readonly microphoneId?: string; readonly captureVolume?: number }
}

/** `startLocalVideo` / `updateLocalVideo` config. */
export interface TrtcLocalVideoConfig {
  readonly view?: TrtcView
  readonly publish?: boolean
  /** `true` = remote sees video unavailable; a string = an image url published instead */
  readonly mute?: boolean | string
  readonly option?: {
    readonly cameraId?: string
    readonly profile?: string | TrtcVideoProfile
    readonly mirror?: boolean | 'view' | 'publish' | 'both'
    readonly fillMode?: 'contain' | 'cover' | 'fill'
  }
}

/** `startScreenShare` / `updateScreenShare` config. */
export interface TrtcScreenShareConfig {
  readonly view?: TrtcView
  readonly publish?: boolean
  readonly streamType?: TrtcStreamType
  readonly option?: { readonly profile?: string | TrtcVideoProfile; readonly systemAudio?: boolean }
}

/** `startRemoteVideo` / `updateRemoteVideo` config. */
export interface TrtcRemoteVideoConfig {
  readonly userId: string
  readonly streamType: TrtcStreamType
  readonly view?: TrtcView
}

/** Names a room on the CrossRoom plugin: a number is `roomId`, a string `strRoomId`. */
export interface TrtcCrossRoomTarget {
  readonly roomId?: number
  readonly strRoomId?: string
}

/** `startPlugin('CrossRoom', …)`: no `userId` = room level. */
export interface TrtcCrossRoomStartOptions extends TrtcCrossRoomTarget {
  readonly userId?: string
}

/** `updatePlugin('CrossRoom', …)`: blocks forwarded streams in my room, for everyone. */
export interface TrtcCrossRoomUpdateOptions {
  readonly updateList: ReadonlyArray<TrtcCrossRoomStartOptions & {
    readonly muteAudio: boolean
    readonly muteVideo: boolean
    readonly muteSubStream: boolean
  }>
}

/** A device as the SDK reports it (`MediaDeviceInfo`). */
export interface TrtcDeviceInfo {
  readonly deviceId: string
  readonly groupId: string
  readonly kind: string
  readonly label: string
}

/** `network-quality` payload; qualities on the 0–6 scale. */
export interface TrtcNetworkQuality {
  readonly uplinkNetworkQuality: number
  readonly downlinkNetworkQuality: number
  readonly uplinkRTT: number
  readonly downlinkRTT: number
  readonly uplinkLoss: number
  readonly downlinkLoss: number
}

/** One stream's figures in `statistics`: bitrates in kbps; `video` has one entry per stream (`big`, `small`, `sub`). */
export interface TrtcStreamStatistics {
  readonly audio: { readonly bitrate: number; readonly audioLevel: number }
  readonly video: ReadonlyArray<{ readonly width: number; readonly height: number; readonly frameRate: number; readonly bitrate: number; readonly videoType: 'big' | 'small' | 'sub' }>
}

/** `statistics` payload, every 2 s in a room. */
export interface TrtcStatistics {
  readonly rtt: number
  readonly upLoss: number
  readonly downLoss: number
  readonly bytesSent: number
  readonly bytesReceived: number
  readonly localStatistics: TrtcStreamStatistics
  readonly remoteStatistics: ReadonlyArray<TrtcStreamStatistics & { readonly userId: string }>
}

/** Event name → payload, for the events the engine listens to (and the fake emits). */
export interface TrtcEventMap {
  'error': TrtcError
  'kicked-out': { readonly reason: 'kick' | 'banned' | 'room_disband' }
  'connection-state-changed': { readonly prevState: TrtcConnectionState; readonly state: TrtcConnectionState; readonly isReconnecting?: boolean }
  'remote-user-enter': { readonly userId: string }
  /** reason 0 normal, 1 timeout, 2 kicked, 3 role change */
  'remote-user-exit': { readonly userId: string; readonly reason?: number }
  'remote-audio-available': { readonly userId: string }
  'remote-audio-unavailable': { readonly userId: string }
  'remote-video-available': { readonly userId: string; readonly streamType: TrtcStreamType }
  'remote-video-unavailable': { readonly userId: string; readonly streamType: TrtcStreamType }
  /** `userId: ''` is the local microphone */
  'audio-volume': { readonly result: ReadonlyArray<{ readonly userId: string; readonly volume: number; readonly floatVolume: number }> }
  'network-quality': TrtcNetworkQuality
  'statistics': TrtcStatistics
  'device-changed': { readonly type: TrtcDeviceType; readonly action: 'add' | 'remove' | 'active'; readonly device: TrtcDeviceInfo }
  'publish-state-changed': {
    readonly mediaType: TrtcMediaType
    readonly state: 'starting' | 'started' | 'stopped'
    readonly prevState: 'starting' | 'started' | 'stopped'
    readonly reason?: 'timeout' | 'error' | 'api-call'
    readonly error?: TrtcError
  }
  'autoplay-failed': { readonly userId: string; readonly mediaType: TrtcMediaType; resume(): Promise<void> }
  'audio-play-state-changed': { readonly userId: string; readonly state: 'PLAYING' | 'PAUSED' | 'STOPPED'; readonly reason: string }
  'video-play-state-changed': { readonly userId: string; readonly streamType: TrtcStreamType; readonly state: 'PLAYING' | 'PAUSED' | 'STOPPED'; readonly reason: string }
  'first-video-frame': { readonly userId: string; readonly streamType: TrtcStreamType; readonly width: number; readonly height: number }
  'permission-state-change': { readonly camera: TrtcPermission; readonly microphone: TrtcPermission }
  'screen-share-stopped': undefined
  'custom-message': { readonly userId: string; readonly cmdId: number; readonly seq: number; readonly data: ArrayBuffer }
  'sei-message': { readonly userId: string; readonly streamType: TrtcStreamType; readonly data: ArrayBuffer; readonly seiPayloadType: number }
}

/** A TRTC instance: one user session. */
export interface TrtcClient {
  enterRoom(config: TrtcEnterRoomConfig): Promise<void>
  exitRoom(): Promise<void>
  switchRole(role: TrtcRole): Promise<void>
  destroy(): void
  startLocalAudio(config?: TrtcLocalAudioConfig): Promise<void>
  updateLocalAudio(config: TrtcLocalAudioConfig): Promise<void>
  stopLocalAudio(): Promise<void>
  startLocalVideo(config?: TrtcLocalVideoConfig): Promise<void>
  updateLocalVideo(config: TrtcLocalVideoConfig): Promise<void>
  stopLocalVideo(): Promise<void>
  startScreenShare(config?: TrtcScreenShareConfig): Promise<void>
  /** Incremental, as `updateLocalVideo`: moves the preview (`view`); not started → 5998. */
  updateScreenShare(config: TrtcScreenShareConfig): Promise<void>
  stopScreenShare(): Promise<void>
  startRemoteVideo(config: TrtcRemoteVideoConfig): Promise<void>
  updateRemoteVideo(config: TrtcRemoteVideoConfig): Promise<void>
  stopRemoteVideo(config: { readonly userId: string; readonly streamType?: TrtcStreamType }): Promise<void>
  muteRemoteAudio(userId: string, mute: boolean): Promise<void>
  /** Sync: throws on bad input; `userId` `'*'` = every remote user. */
  setRemoteAudioVolume(userId: string, volume: number): void
  /** Sync; `interval <= 0` turns it off. */
  enableAudioVolumeEvaluation(interval?: number, enableInBackground?: boolean): void
  /** Typed void: argument errors come back as a rejected promise, rate-limit overflow throws. */
  sendCustomMessage(message: { readonly cmdId: number; readonly data: ArrayBuffer }): Promise<void> | void
  startPlugin(name: 'CrossRoom', options: TrtcCrossRoomStartOptions): Promise<unknown>
  updatePlugin(name: 'CrossRoom', options: TrtcCrossRoomUpdateOptions): Promise<unknown>
  stopPlugin(name: 'CrossRoom', options?: TrtcCrossRoomTarget): Promise<unknown>
  on<E extends keyof TrtcEventMap>(event: E, fn: (payload: TrtcEventMap[E]) => void): unknown
  off<E extends keyof TrtcEventMap>(event: E | '*', fn?: (payload: TrtcEventMap[E]) => void): unknown
}

/** The SDK's default export: the `TRTC` class statics. */
export interface TrtcStatic {
  create(options?: { readonly plugins?: readonly unknown[]; readonly enableSEI?: boolean; readonly enableAutoPlayDialog?: boolean }): TrtcClient
  getCameraList(requestPermission?: boolean): Promise<TrtcDeviceInfo[]>
  getMicrophoneList(requestPermission?: boolean): Promise<TrtcDeviceInfo[]>
  getSpeakerList(requestPermission?: boolean): Promise<TrtcDeviceInfo[]>
  setCurrentSpeaker(speakerId: string): Promise<void>
}

/**
 * What callers inject as `TRTC`: the least the engine needs of the SDK's default export. Loose on
 * purpose (method parameters are bivariant, results `unknown`), so that `trtc-sdk-v5`'s own class fits
 * whatever its declared enums and profile key lists, and so does the fake. The engine checks it at run
 * time and only then treats it as `TrtcStatic`.
 */
export interface TrtcSdk {
  create(options?: object): unknown
  getCameraList(): Promise<unknown>
  getMicrophoneList(): Promise<unknown>
  getSpeakerList(): Promise<unknown>
  setCurrentSpeaker(speakerId: string): unknown
}

/** What a loader returns: the SDK's default export and, when available, the CrossRoom plugin class. */
export interface TrtcModules {
  readonly TRTC: TrtcSdk
  readonly CrossRoom?: unknown
}

/** `TrtcModules` once the engine checked them: typed as the surface it calls. */
export interface TrtcCheckedModules {
  readonly TRTC: TrtcStatic
  readonly CrossRoom?: unknown
}
