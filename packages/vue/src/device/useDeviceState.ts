import { computed, type ComputedRef } from 'vue'
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
    microphoneStatus: computed(() => store.microphoneStatus),
    cameraStatus: computed(() => store.cameraStatus),
    screenStatus: computed(() => store.screenStatus),
    microphoneList: computed(() => store.microphoneList),
    cameraList: computed(() => store.cameraList),
    speakerList: computed(() => store.speakerList),
    currentMicrophone: computed(() => store.currentMicrophone),
    currentCamera: computed(() => store.currentCamera),
    currentSpeaker: computed(() => store.currentSpeaker),
    microphoneLastError: computed(() => store.microphoneLastError),
    cameraLastError: computed(() => store.cameraLastError),
    screenLastError: computed(() => store.screenLastError),
    captureVolume: computed(() => store.captureVolume),
    outputVolume: computed(() => store.outputVolume),
    currentMicVolume: computed(() => store.currentMicVolume),
    isMicrophoneTesting: computed(() => store.isMicrophoneTesting),
    testingMicVolume: computed(() => store.testingMicVolume),
    isCameraTesting: computed(() => store.isCameraTesting),
    isCameraTestLoading: computed(() => store.isCameraTestLoading),
    isFrontCamera: computed(() => store.isFrontCamera),
    localMirrorType: computed(() => store.localMirrorType),
    localVideoQuality: computed(() => store.localVideoQuality),
    currentAudioRoute: computed(() => store.currentAudioRoute),
    isSpeakerTesting: computed(() => store.isSpeakerTesting),
    networkInfo: computed(() => store.networkInfo),

    openLocalMicrophone: settled(store.openLocalMicrophone),
    closeLocalMicrophone: store.closeLocalMicrophone,
    muteLocalAudio: store.muteLocalAudio,
    unmuteLocalAudio: store.unmuteLocalAudio,
    getMicrophoneList: store.getMicrophoneList,
    setCurrentMicrophone: store.setCurrentMicrophone,
    startMicrophoneTest: settled(store.startMicrophoneTest),
    stopMicrophoneTest: store.stopMicrophoneTest,
    setCaptureVolume: store.setCaptureVolume,
    getSpeakerList: store.getSpeakerList,
    setCurrentSpeaker: store.setCurrentSpeaker,
    setAudioRoute: store.setAudioRoute,
    startSpeakerTest: store.startSpeakerTest,
    stopSpeakerTest: store.stopSpeakerTest,
    setOutputVolume: store.setOutputVolume,
    openLocalCamera: settled(store.openLocalCamera),
    closeLocalCamera: store.closeLocalCamera,
    getCameraList: store.getCameraList,
    setCurrentCamera: store.setCurrentCamera,
    switchCamera: store.switchCamera,
    switchMirror: store.switchMirror,
    updateVideoQuality: store.updateVideoQuality,
    setLocalVideoView: store.setLocalVideoView,
    startCameraTest: settled(store.startCameraTest),
    stopCameraTest: store.stopCameraTest,
    startScreenShare: settled(store.startScreenShare),
    stopScreenShare: store.stopScreenShare,
  }
}
