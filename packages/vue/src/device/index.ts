export type { MicrophoneTestParams } from './deviceTests'
export type { ScreenShareParams } from './store'
export { useDeviceState } from './useDeviceState'
export type { UseDeviceStateReturn } from './useDeviceState'
