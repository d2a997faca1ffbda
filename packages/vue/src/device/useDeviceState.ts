import type { ComputedRef } from 'vue'
import { pick, refsOf } from '../core/expose'
import type { AudioRoute, DeviceError, DeviceStatus, MirrorType, TUIDeviceInfo, VideoQuality } from '../types/device'
import type { NetworkInfo, ViewTarget } from '../types/seat'
import type { MicrophoneTestParams } from './deviceTests'
import { useDeviceStore, type ScreenShareParams } from './store'

/** What `useDeviceState()` returns. */
export interface UseDeviceStateReturn {
  /** On once the engine publishes the opened microphone; Off after close, leaving the seat or the live */
  microphoneStatus: ComputedRef<DeviceStatus>
  cameraStatus: ComputedRef<DeviceStatus>
  /** Off again when the browser's "Stop sharing" is pressed */
  screenStatus: ComputedRef<DeviceStatus>
  microphoneList: ComputedRef<readonly TUIDeviceInfo[]>
  cameraList: ComputedRef<readonly TUIDeviceInfo[]>
  speakerList: ComputedRef<readonly TUIDeviceInfo[]>
  currentMicrophone: ComputedRef<TUIDeviceInfo | null>
  currentCamera: ComputedRef<TUIDeviceInfo | null>
  currentSpeaker: ComputedRef<TUIDeviceInfo | null>
  /** the last failure opening, testing or listing the microphone (NoError after a success) */
  microphoneLastError: ComputedRef<DeviceError>
  cameraLastError: ComputedRef<DeviceError>
  screenLastError: ComputedRef<DeviceError>
  /** 0–100 */
  captureVolume: ComputedRef<number>
  /** 0–100 */
  outputVolume: ComputedRef<number>
  /** my published microphone's level, 0–100, every 200 ms while in a live */
  currentMicVolume: ComputedRef<number>
  isMicrophoneTesting: ComputedRef<boolean>
  /** the microphone test's level, 0–100 */
  testingMicVolume: ComputedRef<number>
  isCameraTesting: ComputedRef<boolean>
  isCameraTestLoading: ComputedRef<boolean>
  isFrontCamera: ComputedRef<boolean>
  localMirrorType: ComputedRef<MirrorType>
  localVideoQuality: ComputedRef<VideoQuality>
  currentAudioRoute: ComputedRef<AudioRoute>
  isSpeakerTesting: ComputedRef<boolean>
  /** my network quality while in a live, null outside */
  networkInfo: ComputedRef<NetworkInfo | null>

  /** Opens and publishes the microphone: only the owner or a seated user of a live may. */
  openLocalMicrophone(): Promise<void>
  closeLocalMicrophone(): Promise<void>
  muteLocalAudio(): Promise<void>
  unmuteLocalAudio(): Promise<void>
  getMicrophoneList(): Promise<TUIDeviceInfo[]>
  setCurrentMicrophone(params: { deviceId: string }): Promise<void>
  startMicrophoneTest(params?: MicrophoneTestParams): Promise<void>
  stopMicrophoneTest(): void
  setCaptureVolume(volume: number): Promise<void>
  getSpeakerList(): Promise<TUIDeviceInfo[]>
  setCurrentSpeaker(params: { deviceId: string }): Promise<void>
  setAudioRoute(route: AudioRoute): Promise<void>
  startSpeakerTest(params: { filePath: string }): Promise<void>
  stopSpeakerTest(): void
  setOutputVolume(volume: number): Promise<void>
  /** Opens and publishes the camera: only the owner or a seated user of a live may. */
  openLocalCamera(): Promise<void>
  closeLocalCamera(): Promise<void>
  getCameraList(): Promise<TUIDeviceInfo[]>
  setCurrentCamera(params: { deviceId: string }): Promise<void>
  switchCamera(params: { isFrontCamera: boolean }): Promise<void>
  switchMirror(params: { mirror: MirrorType }): Promise<void>
  updateVideoQuality(params: { quality: VideoQuality }): Promise<void>
  /** Not in the anchor: shows the own camera in `view` (element or id) while it is open; null stops. */
  setLocalVideoView(params: { view: ViewTarget | null }): Promise<void>
  startCameraTest(params: { view: ViewTarget }): Promise<void>
  stopCameraTest(): void
  startScreenShare(params?: ScreenShareParams): Promise<void>
  stopScreenShare(): Promise<void>
}

/**
 * The promise of an action whose failure is also kept in `xxxLastError`, marked as handled: called
 * without `await` (as the seed docs do right after an accept) a failure is no unhandled rejection,
 * while a caller that awaits still gets it.
 */
function settled<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return (...args) => {
    const run = action(...args)
    run.catch(() => undefined)
    return run
  }
}

/**
 * Local devices: microphone, camera, screen share, speaker, tests and settings. Opening publishes to
 * the live, which only its owner and seated users may do.
 * @example
 * const { openLocalMicrophone, openLocalCamera, microphoneLastError } = useDeviceState()
 * useCoGuestState().subscribeEvent(CoGuestEvent.onGuestApplicationResponded, ({ isAccept }) => {
 *   if (isAccept) { openLocalMicrophone(); openLocalCamera() } // failures land in xxxLastError
 * })
 */
export function useDeviceState(): UseDeviceStateReturn {
  const store = useDeviceStore()
  return {
    ...refsOf(store, [
      'microphoneStatus', 'cameraStatus', 'screenStatus', 'microphoneList', 'cameraList', 'speakerList', 'currentMicrophone',
      'currentCamera', 'currentSpeaker', 'microphoneLastError', 'cameraLastError', 'screenLastError', 'captureVolume', 'outputVolume',
      'currentMicVolume', 'isMicrophoneTesting', 'testingMicVolume', 'isCameraTesting', 'isCameraTestLoading', 'isFrontCamera',
      'localMirrorType', 'localVideoQuality', 'currentAudioRoute', 'isSpeakerTesting', 'networkInfo'
    ]),
    ...pick(store, [
      'closeLocalMicrophone', 'muteLocalAudio', 'unmuteLocalAudio', 'getMicrophoneList', 'setCurrentMicrophone', 'stopMicrophoneTest',
      'setCaptureVolume', 'getSpeakerList', 'setCurrentSpeaker', 'setAudioRoute', 'startSpeakerTest', 'stopSpeakerTest', 'setOutputVolume',
      'closeLocalCamera', 'getCameraList', 'setCurrentCamera', 'switchCamera', 'switchMirror', 'updateVideoQuality', 'setLocalVideoView',
      'stopCameraTest', 'stopScreenShare'
    ]),
    openLocalMicrophone: settled(store.openLocalMicrophone),
    startMicrophoneTest: settled(store.startMicrophoneTest),
    openLocalCamera: settled(store.openLocalCamera),
    startCameraTest: settled(store.startCameraTest),
    startScreenShare: settled(store.startScreenShare),
  }
}
