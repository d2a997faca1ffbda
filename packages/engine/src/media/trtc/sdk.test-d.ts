// Injecting the real trtc-sdk-v5 must type-check without casts. The package is not installed here, so
// `RealTrtc` stands in for its default export as its index.d.ts declares it (5.x): enum stream types,
// enum scene and role, profile key lists, a narrower updateScreenShare option, statics without the
// requestPermission flag in older releases. Exported for the vue package's option test.
import { describe, expectTypeOf, it } from 'vitest'
import { createFakeCloud } from '../../../../../tests/fakes/trtc'
import { createTrtcEngine, type TrtcEngineOptions } from './engine'
import type { TrtcModules, TrtcSdk, TrtcStatic } from './sdk'

declare const enum TRTCStreamType { Main = 'main', Sub = 'sub' }
declare enum Scene { LIVE = 'live', RTC = 'rtc' }
declare enum UserRole { ANCHOR = 'anchor', AUDIENCE = 'audience' }
declare enum TRTCDeviceType { Camera = 'camera', Microphone = 'microphone', Speaker = 'speaker' }
declare enum TRTCDeviceAction { Remove = 'remove', Add = 'add', Active = 'active' }

type VideoProfileKey = '120p' | '180p' | '240p' | '360p' | '480p' | '720p' | '1080p' | '1440p' | '4K'
type ScreenProfileKey = '480p' | '480p_2' | '720p' | '720p_2' | '1080p' | '1080p_2'
interface VideoProfile { width: number; height: number; frameRate: number; bitrate: number }
type View = string | HTMLElement | HTMLElement[] | null
type Fill = 'contain' | 'cover' | 'fill'

interface PluginClass { new (...args: never[]): object; Name?: string }
interface Options { plugins?: PluginClass[]; enableSEI?: boolean; assetsPath?: string }
interface EnterRoomConfig { sdkAppId: number; userId: string; userSig: string; roomId?: number; strRoomId?: string; role?: UserRole; scene?: Scene; enableAutoPlayDialog?: boolean }
interface LocalAudioConfig { publish?: boolean; mute?: boolean; option?: { microphoneId?: string; profile?: 'standard' | 'standard-stereo' | 'high' | 'high-stereo' } }
interface LocalVideoConfig { view?: View; publish?: boolean; mute?: boolean | string; option?: { cameraId?: string; profile?: VideoProfileKey | VideoProfile; mirror?: boolean | string; fillMode?: Fill } }
interface ScreenShareConfig { view?: View; publish?: boolean; option?: { profile?: ScreenProfileKey | VideoProfile; systemAudio?: boolean; fillMode?: Fill } }
interface UpdateScreenShareConfig extends ScreenShareConfig { option?: { fillMode?: Fill; qosPreference?: 'smooth' | 'clear' } }
interface RemoteVideoConfig { userId: string; streamType: TRTCStreamType; view?: View; option?: { fillMode?: Fill; mirror?: boolean; small?: boolean } }
interface RtcError extends Error { readonly code: number; readonly extraCode?: number; readonly functionName?: string }
interface DeviceInfo { deviceId: string; groupId: string; kind: MediaDeviceKind; label: string }
interface EventTypes {
  'error': [RtcError]
  'remote-video-available': [{ userId: string; streamType: TRTCStreamType }]
  'remote-video-unavailable': [{ userId: string; streamType: TRTCStreamType }]
  'device-changed': [{ type: TRTCDeviceType; action: TRTCDeviceAction; device: DeviceInfo }]
  'screen-share-stopped': []
}

/** The SDK's default export as its own declarations have it. */
export declare class RealTrtc {
  static create(options?: Options): RealTrtc
  static getCameraList(requestPermission?: boolean): Promise<DeviceInfo[]>
  static getMicrophoneList(): Promise<DeviceInfo[]>
  static getSpeakerList(): Promise<DeviceInfo[]>
  static setCurrentSpeaker(speakerId: string): Promise<void>
  static setLogLevel(level: 0 | 1 | 2 | 3 | 4 | 5, enableUploadLog?: boolean): void
  static readonly TYPE: { readonly STREAM_TYPE_MAIN: TRTCStreamType.Main; readonly STREAM_TYPE_SUB: TRTCStreamType.Sub; readonly SCENE_LIVE: Scene.LIVE; readonly ROLE_ANCHOR: UserRole.ANCHOR }
  on<K extends keyof EventTypes>(event: K, fn: (...args: EventTypes[K]) => void, context?: unknown): this
  off<K extends keyof EventTypes>(event: K | '*', fn?: (...args: EventTypes[K]) => void): this
  enterRoom(config: EnterRoomConfig): Promise<void>
  exitRoom(): Promise<void>
  switchRole(role: UserRole, option?: { privateMapKey: string }): Promise<void>
  destroy(): void
  startLocalAudio(config?: LocalAudioConfig): Promise<void>
  updateLocalAudio(config: LocalAudioConfig): Promise<void>
  startLocalVideo(config?: LocalVideoConfig): Promise<void>
  updateLocalVideo(config: LocalVideoConfig): Promise<void>
  startScreenShare(config?: ScreenShareConfig): Promise<void>
  updateScreenShare(config: UpdateScreenShareConfig): Promise<void>
  startRemoteVideo(config: RemoteVideoConfig): Promise<void>
  stopRemoteVideo(config: { userId: string; streamType?: TRTCStreamType }): Promise<void>
  sendCustomMessage(message: { cmdId: number; data: ArrayBuffer }): void
}

/** `import { CrossRoom } from 'trtc-sdk-v5/plugins/cross-room'`. */
export declare class RealCrossRoom {
  start(option: { roomId?: number; strRoomId?: string; userId?: string }): Promise<void>
  stop(option?: { roomId?: number; strRoomId?: string }): Promise<void>
}

/** What `load` resolves when written the bundler-friendly way. */
export type RealModules = { TRTC: typeof RealTrtc; CrossRoom: typeof RealCrossRoom }

declare const sdkModule: { default: typeof RealTrtc }
const credentials = { sdkAppId: 1400000001, userId: 'alice', userSig: 'sig' }

describe('injecting trtc-sdk-v5', () => {
  it('is needed: the SDK\'s own declarations do not fit our precise types', () => {
    expectTypeOf<typeof RealTrtc>().not.toExtend<TrtcStatic>()
  })

  it('accepts the default export and the plugin class as TRTC and CrossRoom', () => {
    expectTypeOf<typeof RealTrtc>().toExtend<TrtcSdk>()
    expectTypeOf(createTrtcEngine).toBeCallableWith({ ...credentials, TRTC: RealTrtc, CrossRoom: RealCrossRoom })
  })

  it('accepts a bundler-friendly load', () => {
    expectTypeOf<() => Promise<RealModules>>().toExtend<NonNullable<TrtcEngineOptions['load']>>()
    expectTypeOf(createTrtcEngine).toBeCallableWith({
      ...credentials,
      load: async () => ({ TRTC: sdkModule.default, CrossRoom: RealCrossRoom }),
    })
  })

  it('still accepts the fake', () => {
    expectTypeOf(createFakeCloud().TRTC).toExtend<TrtcSdk>()
  })

  it('refuses the module namespace instead of its default export', () => {
    expectTypeOf<typeof sdkModule>().not.toExtend<TrtcSdk>()
    expectTypeOf<() => Promise<typeof sdkModule>>().not.toExtend<() => Promise<TrtcModules>>()
  })
})
