import { EngineError, ErrorCode, toMediaError, type AttachedMedia, type LevelMeter, type MediaBackend } from '@atomicx-vue/engine'
import { useIntervalFn } from '@vueuse/core'
import { onScopeDispose, ref, type Ref } from 'vue'
import { resolveView } from '../core/view'
import type { SerialQueue } from '../media/queue'
import { DeviceError, type MirrorType, type TUIDeviceInfo } from '../types/device'
import type { ViewTarget } from '../types/seat'
import { deviceFailure, recordFailure, requireSupport } from './errors'
import { isMirrored } from './transitions'

/** `startMicrophoneTest()` parameters: how often `testingMicVolume` updates, in ms. */
export interface MicrophoneTestParams {
  interval?: number
}

type TestedCapture = 'microphone' | 'camera'

/** The device store's state the tests read and record into. */
export interface DeviceTestContext {
  readonly backend: MediaBackend
  /** the store's queues: a test never overlaps an open or a switch of the same device */
  readonly serial: Readonly<Record<TestedCapture, SerialQueue>>
  readonly current: Readonly<Record<TestedCapture | 'speaker', Readonly<Ref<TUIDeviceInfo | null>>>>
  readonly lastError: Readonly<Record<TestedCapture, Ref<DeviceError>>>
  readonly localMirrorType: Readonly<Ref<MirrorType>>
  readonly outputVolume: Readonly<Ref<number>>
}

const stopTracks = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop())
const invalid = (message: string) => new EngineError(ErrorCode.INVALID_ARGUMENT, message)

/**
 * Microphone, camera and speaker tests. They capture straight from the backend and publish nothing, so
 * they work before login and outside a live; everything stops with the calling scope (the device store).
 */
export function useDeviceTests(context: DeviceTestContext) {
  const { backend, serial, current, lastError } = context
  const isMicrophoneTesting = ref(false)
  const testingMicVolume = ref(0)
  const isCameraTesting = ref(false)
  const isCameraTestLoading = ref(false)
  const isSpeakerTesting = ref(false)
  const micTestInterval = ref(200)
  let micTest: { readonly stream: MediaStream; readonly meter: LevelMeter } | null = null
  let cameraTest: { readonly stream: MediaStream; readonly view: HTMLElement; attached: AttachedMedia } | null = null
  let speakerTest: HTMLAudioElement | null = null
  const micTestTimer = useIntervalFn(() => {
    testingMicVolume.value = micTest ? Math.round(micTest.meter.read()) : 0
  }, micTestInterval, { immediate: false })

  async function capture(kind: TestedCapture): Promise<MediaStream> {
    requireSupport(backend.supported.userMedia, lastError[kind], 'getUserMedia')
    const device = current[kind].value
    const constraint = device ? { deviceId: { exact: device.deviceId } } : true
    try {
      const stream = await backend.getUserMedia(kind === 'microphone' ? { audio: constraint } : { video: constraint })
      lastError[kind].value = DeviceError.NoError
      return stream
    } catch (error) {
      throw recordFailure(lastError[kind], toMediaError(error))
    }
  }

  const preview = (stream: MediaStream, view: HTMLElement) => backend.attach(stream, view, { mirror: isMirrored(context.localMirrorType.value), muted: true })

  /** Captures the microphone (unpublished) and reads its level into `testingMicVolume` every `interval` ms. */
  function startMicrophoneTest({ interval = 200 }: MicrophoneTestParams = {}): Promise<void> {
    if (typeof interval !== 'number' || !(interval > 0)) return Promise.reject(invalid('interval must be a number of ms above 0'))
    return serial.microphone(async () => {
      micTestInterval.value = interval
      if (micTest) return
      const stream = await capture('microphone')
      micTest = { stream, meter: backend.createLevelMeter(stream) }
      micTestTimer.resume()
      isMicrophoneTesting.value = true
    })
  }

  /** Ends the microphone test and releases the device. */
  function stopMicrophoneTest(): void {
    micTestTimer.pause()
    micTest?.meter.stop()
    if (micTest) stopTracks(micTest.stream)
    micTest = null
    isMicrophoneTesting.value = false
    testingMicVolume.value = 0
  }

  /** Previews the camera in `view` (an element or its id) without publishing. */
  function startCameraTest({ view }: { view: ViewTarget }): Promise<void> {
    return serial.camera(async () => {
      const element = resolveView(view)
      stopCameraTest()
      isCameraTestLoading.value = true
      const stream = await capture('camera').finally(() => {
        isCameraTestLoading.value = false
      })
      cameraTest = { stream, view: element, attached: preview(stream, element) }
      isCameraTesting.value = true
    })
  }

  /** Ends the camera preview and releases the camera. */
  function stopCameraTest(): void {
    cameraTest?.attached.detach()
    if (cameraTest) stopTracks(cameraTest.stream)
    cameraTest = null
    isCameraTesting.value = false
  }

  /** Redraws the camera preview after `localMirrorType` changed. */
  function remirror(): void {
    if (!cameraTest) return
    cameraTest.attached.detach()
    cameraTest.attached = preview(cameraTest.stream, cameraTest.view)
  }

  /** Plays `filePath` in a loop on the selected speaker (where the browser can choose it) at `outputVolume`. */
  async function startSpeakerTest({ filePath }: { filePath: string }): Promise<void> {
    if (typeof filePath !== 'string' || filePath === '') throw invalid('filePath must be the URL of an audio file')
    stopSpeakerTest()
    const audio = document.createElement('audio')
    audio.src = filePath
    audio.loop = true
    audio.volume = context.outputVolume.value / 100
    speakerTest = audio
    isSpeakerTesting.value = true
    try {
      const speaker = current.speaker.value
      if (speaker && backend.supported.sinkId) await audio.setSinkId(speaker.deviceId)
      await audio.play()
    } catch (error) {
      stopSpeakerTest()
      throw deviceFailure(toMediaError(error)).error
    }
  }

  /** Stops the speaker test. */
  function stopSpeakerTest(): void {
    speakerTest?.pause()
    speakerTest?.removeAttribute('src')
    speakerTest = null
    isSpeakerTesting.value = false
  }

  /** Follows a new speaker or output volume while the speaker test plays. */
  async function updateSpeakerTest(): Promise<void> {
    if (!speakerTest) return
    speakerTest.volume = context.outputVolume.value / 100
    const speaker = current.speaker.value
    if (speaker && backend.supported.sinkId) await speakerTest.setSinkId(speaker.deviceId)
  }

  onScopeDispose(() => {
    stopMicrophoneTest()
    stopCameraTest()
    stopSpeakerTest()
  })

  return {
    isMicrophoneTesting,
    testingMicVolume,
    isCameraTesting,
    isCameraTestLoading,
    isSpeakerTesting,
    startMicrophoneTest,
    stopMicrophoneTest,
    startCameraTest,
    stopCameraTest,
    startSpeakerTest,
    stopSpeakerTest,
    remirror,
    updateSpeakerTest,
  }
}
