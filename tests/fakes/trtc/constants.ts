/** `TRTC.EVENT` of trtc-sdk-v5 5.17 (the events the fake emits, plus the rest of the public list). */
export const EVENT = Object.freeze({
  ERROR: 'error',
  AUTOPLAY_FAILED: 'autoplay-failed',
  KICKED_OUT: 'kicked-out',
  REMOTE_USER_ENTER: 'remote-user-enter',
  REMOTE_USER_EXIT: 'remote-user-exit',
  REMOTE_AUDIO_AVAILABLE: 'remote-audio-available',
  REMOTE_AUDIO_UNAVAILABLE: 'remote-audio-unavailable',
  REMOTE_VIDEO_AVAILABLE: 'remote-video-available',
  REMOTE_VIDEO_UNAVAILABLE: 'remote-video-unavailable',
  AUDIO_VOLUME: 'audio-volume',
  AUDIO_FRAME: 'audio-frame',
  NETWORK_QUALITY: 'network-quality',
  CONNECTION_STATE_CHANGED: 'connection-state-changed',
  AUDIO_PLAY_STATE_CHANGED: 'audio-play-state-changed',
  VIDEO_PLAY_STATE_CHANGED: 'video-play-state-changed',
  SCREEN_SHARE_STOPPED: 'screen-share-stopped',
  DEVICE_CHANGED: 'device-changed',
  PUBLISH_STATE_CHANGED: 'publish-state-changed',
  TRACK: 'track',
  STATISTICS: 'statistics',
  SEI_MESSAGE: 'sei-message',
  CUSTOM_MESSAGE: 'custom-message',
  FIRST_VIDEO_FRAME: 'first-video-frame',
  PERMISSION_STATE_CHANGE: 'permission-state-change',
  VIDEO_SIZE_CHANGED: 'video-size-changed',
} as const)

/** `TRTC.TYPE` of trtc-sdk-v5 5.17. */
export const TYPE = Object.freeze({
  SCENE_LIVE: 'live',
  SCENE_RTC: 'rtc',
  ROLE_ANCHOR: 'anchor',
  ROLE_AUDIENCE: 'audience',
  STREAM_TYPE_MAIN: 'main',
  STREAM_TYPE_SUB: 'sub',
  AUDIO_PROFILE_STANDARD: 'standard',
  AUDIO_PROFILE_STANDARD_STEREO: 'standard-stereo',
  AUDIO_PROFILE_HIGH: 'high',
  AUDIO_PROFILE_HIGH_STEREO: 'high-stereo',
  QOS_PREFERENCE_SMOOTH: 'smooth',
  QOS_PREFERENCE_CLEAR: 'clear',
} as const)

/** Camera profile keys → size, as `videoProfileMap` (only width/height matter to the fake). */
export const VIDEO_PROFILES: Readonly<Record<string, { width: number; height: number }>> = {
  '120p': { width: 160, height: 120 },
  '180p': { width: 320, height: 180 },
  '240p': { width: 320, height: 240 },
  '360p': { width: 640, height: 360 },
  '480p': { width: 640, height: 480 },
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
  '1440p': { width: 2560, height: 1440 },
  '4K': { width: 3840, height: 2160 },
}
