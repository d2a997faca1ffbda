/** On/off state of a local device. */
export enum DeviceStatus { Off = 0, On = 1 }

/** The last failure of a device action. */
export enum DeviceError {
  NoError = 0, NoDeviceDetected = 1, NoSystemPermission = 2, NotSupportCapture = 3, OccupiedError = 4, UnknownError = 5,
}

/** The kinds of local media. */
export enum DeviceType { Microphone = 0, Camera = 1, ScreenShare = 2 }

/** Local preview mirroring. */
export enum MirrorType { Auto = 0, Enable = 1, Disable = 2 }

/** Published camera quality. */
export enum VideoQuality { Quality360P = 1, Quality540P = 2, Quality720P = 3, Quality1080P = 4 }

/** Audio output route (mobile). */
export enum AudioRoute { Speakerphone = 0, Earpiece = 1 }

/** Network quality scale, best to worst. */
export enum NetworkQuality { Unknown = 0, Excellent = 1, Good = 2, Poor = 3, Bad = 4, VeryBad = 5, Down = 6 }

/** How the kit's media settings are shown. */
export enum MediaSettingDisplayMode { Icon = 'Icon', IconWithPanel = 'IconWithPanel', Panel = 'Panel' }

/** Legacy: how the kit plays a stream (unused by the composables). */
export enum StreamPlayMode { PLAY = 'play', STOP = 'stop', PLAY_IN_VISIBLE = 'playInVisible' }

/** Legacy: which stream quality the kit plays (unused by the composables). */
export enum StreamPlayQuality { HIGH = 'high', LOW = 'low', Default = 'default' }

/** Media of a call (the anchor's kit enum; the call composable uses it). */
export enum CallMediaType { UNKNOWN = 0, AUDIO = 1, VIDEO = 2 }

/** A capture or output device. */
export interface TUIDeviceInfo {
  deviceId: string
  deviceName: string
}
