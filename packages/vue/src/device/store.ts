import { EngineError, ErrorCode, type DeviceKind, type Media, type MediaEngine } from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { onScopeDispose, ref, shallowRef } from 'vue'
import { useAtomicxClient } from '../core/context'
import { resolveView } from '../core/view'
import { toNetworkInfo } from '../liveSeat/transitions'
import { createSerialQueue } from '../media/queue'
import { useMediaStore } from '../media/store'
import { AudioRoute, DeviceError, DeviceStatus, MirrorType, VideoQuality, type TUIDeviceInfo } from '../types/device'
import type { NetworkInfo, ViewTarget } from '../types/seat'
import { useMediaBackend } from './backend'
import { useDeviceTests } from './deviceTests'
import { deviceFailure, recordFailure, requireSupport } from './errors'
import { isEnumValue, isMirrored, isVolume, pickCurrent, QUALITY_NAME, toDeviceInfo, withDevice } from './transitions'

/** A local capture of the device API. */
type Capture = 'microphone' | 'camera' | 'screen'

const CAPTURE_OF: Readonly<Record<Media, Capture>> = { audio: 'microphone', camera: 'camera', screen: 'screen' }
const NAME: Readonly<Record<Capture, string>> = { microphone: 'microphone', camera: 'camera', screen: 'screen share' }
const SEAT_FLAGS = {
  microphone: { allowed: 'allowOpenMicrophone', on: 'microphoneOn' },
  camera: { allowed: 'allowOpenCamera', on: 'cameraOn' },
} as const

const invalid = (message: string) => new EngineError(ErrorCode.INVALID_ARGUMENT, message)

/** `startScreenShare()` parameters: share the system audio too; preview into `view`. */
export interface ScreenShareParams {
  screenAudio?: boolean
  view?: ViewTarget
}

/** Local devices: capture, publishing while seated, tests, lists and settings (internal; use `useDeviceState`). */
export const useDeviceStore = defineStore('device', () => {
  const client = useAtomicxClient()
  const media = useMediaStore()
  const backend = useMediaBackend()
  const status = { microphone: ref(DeviceStatus.Off), camera: ref(DeviceStatus.Off), screen: ref(DeviceStatus.Off) }
  const lastError = { microphone: ref(DeviceError.NoError), camera: ref(DeviceError.NoError), screen: ref(DeviceError.NoError) }
  const lists = {
    microphone: shallowRef<readonly TUIDeviceInfo[]>([]),
    camera: shallowRef<readonly TUIDeviceInfo[]>([]),
    speaker: shallowRef<readonly TUIDeviceInfo[]>([]),
  }
  const current = {
    microphone: shallowRef<TUIDeviceInfo | null>(null),
    camera: shallowRef<TUIDeviceInfo | null>(null),
    speaker: shallowRef<TUIDeviceInfo | null>(null),
  }
  const captureVolume = ref(100)
  const outputVolume = ref(100)
  const currentMicVolume = ref(0)
  const isFrontCamera = ref(true)
  const localMirrorType = ref(MirrorType.Auto)
  const localVideoQuality = ref(VideoQuality.Quality720P)
  const currentAudioRoute = ref(AudioRoute.Speakerphone)
  const networkInfo = shallowRef<NetworkInfo | null>(null)
  // one action per capture at a time: a close never overtakes the open before it
  const serial = { microphone: createSerialQueue(), camera: createSerialQueue(), screen: createSerialQueue() }
  /** where the own camera previews while open */
  let localView: HTMLElement | null = null
  const tests = useDeviceTests({ backend, serial, current, lastError, localMirrorType, outputVolume })

  const me = (): string => client.session.value?.userId ?? ''

  onScopeDispose(client.onMedia('localPublish', ({ media: published, state }) => {
    if (state !== 'starting') status[CAPTURE_OF[published]].value = state === 'started' ? DeviceStatus.On : DeviceStatus.Off
  }))
  // the browser's "Stop sharing" button
  onScopeDispose(client.onMedia('screenShareEnded', () => {
    status.screen.value = DeviceStatus.Off
  }))
  onScopeDispose(client.onMedia('device', ({ kind, action, device }) => {
    const info = toDeviceInfo(device)
    lists[kind].value = withDevice(lists[kind].value, action, info)
    current[kind].value = action === 'active' ? info : pickCurrent(current[kind].value, lists[kind].value)
  }))
  onScopeDispose(client.onMedia('volumes', ({ levels }) => {
    currentMicVolume.value = levels.find((level) => level.userId === me())?.volume ?? 0
  }))
  onScopeDispose(client.onMedia('network', (report) => {
    networkInfo.value = toNetworkInfo(me(), report)
  }))
  // an engine made after the volume was set (a new login) plays at 100 until told: tell it when it joins
  onScopeDispose(client.onMedia('connection', ({ state }) => {
    if (state === 'connected') client.media().then((engine) => engine.setPlaybackVolume('*', outputVolume.value)).catch(client.reportError)
  }))
  // out of the live: leaving stopped every capture (and a logout took the engine away unheard)
  onScopeDispose(client.onView((view) => {
    if (view?.live) return
    for (const capture of Object.values(status)) capture.value = DeviceStatus.Off
    currentMicVolume.value = 0
    networkInfo.value = null
  }))
  // an admin closed my device: the hub already shows it off and locked
  onScopeDispose(client.on('seat.deviceByAdmin', ({ device, open }) => {
    if (!open) close(device, false).catch(client.reportError)
  }))
  /** Refuses to publish `capture` unless the user may: in a live, owner or seated, the device not locked by an admin. */
  function requirePublisher(capture: Capture): void {
    const { roomId, role } = media.desired
    const name = NAME[capture]
    if (roomId === null) throw new EngineError(ErrorCode.NOT_IN_ROOM, `Join or start a live before opening the ${name} (device tests work anywhere)`)
    if (role !== 'anchor') throw new EngineError(ErrorCode.USER_NOT_IN_SEAT, `Take a seat before opening the ${name}: the live audience cannot publish`)
    if (capture !== 'screen' && media.seat?.[SEAT_FLAGS[capture].allowed] === false) {
      throw new EngineError(ErrorCode.DEVICE_LOCKED, `An admin closed your ${name}: it opens again once they allow it`)
    }
  }

  function requireCapture(capture: Capture): void {
    const screen = capture === 'screen'
    requireSupport(screen ? backend.supported.displayMedia : backend.supported.userMedia, lastError[capture], screen ? 'getDisplayMedia' : 'getUserMedia')
  }

  const failed = (capture: Capture, raw: unknown) => recordFailure(lastError[capture], raw)

  /** Tells the room whether my seat's device is on; nothing to tell off a seat or when it already knows. */
  async function report(capture: 'microphone' | 'camera', on: boolean): Promise<void> {
    const seat = media.seat
    if (seat && seat[SEAT_FLAGS[capture].on] !== on) await client.request({ type: 'seat.deviceState', device: capture, on })
  }

  function stop(engine: MediaEngine, capture: Capture): Promise<void> {
    if (capture === 'microphone') return engine.stopMicrophone()
    return capture === 'camera' ? engine.stopCamera() : engine.stopScreenShare()
  }

  /**
   * Opens and publishes the microphone or camera. `xxxStatus` turns On when the engine reports it
   * published (before this resolves); then the room is told, so every member's seat list shows it.
   */
  function open(capture: 'microphone' | 'camera'): Promise<void> {
    return serial[capture](async () => {
      requirePublisher(capture)
      requireCapture(capture)
      if (status[capture].value === DeviceStatus.On) return
      const engine = await media.ready()
      try {
        if (capture === 'microphone') {
          // the engine may have been made after the volume was set
          await engine.setCaptureVolume(captureVolume.value)
          await engine.startMicrophone({ deviceId: current.microphone.value?.deviceId })
        } else {
          const quality = QUALITY_NAME[localVideoQuality.value]
          const mirror = isMirrored(localMirrorType.value)
          await engine.startCamera({ deviceId: current.camera.value?.deviceId, quality, mirror, view: localView })
        }
      } catch (error) {
        throw failed(capture, error)
      }
      lastError[capture].value = DeviceError.NoError
      try {
        requirePublisher(capture) // the seat may have gone (or been locked) while the device opened
        await report(capture, true)
      } catch (error) {
        await stop(engine, capture)
        throw error
      }
    })
  }

  /** Stops a capture; its status is Off at once. */
  function close(capture: Capture, tellRoom = true): Promise<void> {
    status[capture].value = DeviceStatus.Off
    return serial[capture](async () => {
      if (media.placement.roomId === null) return // leaving stopped it
      await stop(await media.ready(), capture)
      if (tellRoom && capture !== 'screen') await report(capture, false)
    })
  }

  /** Mutes or unmutes the published microphone without closing it; the seat list shows it off while muted. */
  function setLocalAudioMuted(muted: boolean): Promise<void> {
    return serial.microphone(async () => {
      if (!muted) requirePublisher('microphone')
      if (status.microphone.value !== DeviceStatus.On) throw invalid('Open the microphone first: openLocalMicrophone()')
      await (await media.ready()).setMicrophoneMuted(muted)
      await report('microphone', !muted)
    })
  }

  /** The engine's devices of `kind`, as the public API shows them. */
  async function fetchDevices(kind: DeviceKind): Promise<TUIDeviceInfo[]> {
    try {
      return (await (await client.media()).listDevices(kind)).map(toDeviceInfo)
    } catch (error) {
      throw kind === 'speaker' ? deviceFailure(error).error : failed(kind, error)
    }
  }

  /** Lists the devices of `kind`; keeps the selected one while it is plugged in. */
  async function listDevices(kind: DeviceKind): Promise<TUIDeviceInfo[]> {
    const list = await fetchDevices(kind)
    lists[kind].value = list
    current[kind].value = pickCurrent(current[kind].value, list)
    if (kind !== 'speaker' && list.length === 0) lastError[kind].value = DeviceError.NoDeviceDetected
    return list
  }

  /** The device `deviceId` of `kind`: listed, or plugged in since. */
  async function findDevice(kind: DeviceKind, deviceId: unknown): Promise<TUIDeviceInfo> {
    if (typeof deviceId !== 'string' || deviceId === '') throw invalid('deviceId must be a non-empty string')
    const byId = (list: readonly TUIDeviceInfo[]) => list.find((device) => device.deviceId === deviceId)
    const device = byId(lists[kind].value) ?? byId(await fetchDevices(kind))
    if (!device) throw invalid(`No ${kind} "${deviceId}" is plugged in: pick one of get${kind[0]!.toUpperCase()}${kind.slice(1)}List()`)
    return device
  }

  /** Selects the microphone or camera; an open one switches to it. */
  async function setCurrentCapture(capture: 'microphone' | 'camera', deviceId: unknown): Promise<void> {
    const device = await findDevice(capture, deviceId)
    await serial[capture](async () => {
      current[capture].value = device
      if (status[capture].value !== DeviceStatus.On) return
      const engine = await media.ready()
      try {
        if (capture === 'camera') await engine.updateCamera({ deviceId: device.deviceId })
        else {
          // the engine opens a microphone once: switching is closing and opening again
          await engine.stopMicrophone()
          await engine.startMicrophone({ deviceId: device.deviceId })
        }
      } catch (error) {
        throw failed(capture, error)
      }
    })
  }

  /** Applies camera settings to the open camera and the camera test. */
  function updateCamera(options: { readonly quality?: VideoQuality; readonly mirror?: MirrorType }): Promise<void> {
    return serial.camera(async () => {
      if (options.quality !== undefined) localVideoQuality.value = options.quality
      if (options.mirror !== undefined) {
        localMirrorType.value = options.mirror
        tests.remirror()
      }
      if (status.camera.value !== DeviceStatus.On) return
      const quality = options.quality === undefined ? undefined : QUALITY_NAME[options.quality]
      const mirror = options.mirror === undefined ? undefined : isMirrored(options.mirror)
      await (await media.ready()).updateCamera({ quality, mirror })
    })
  }

  /** Shows the own camera in `view` (an element or its id) while it is open; null stops showing it. */
  function setLocalVideoView({ view }: { view: ViewTarget | null }): Promise<void> {
    return serial.camera(async () => {
      localView = view === null ? null : resolveView(view)
      if (status.camera.value !== DeviceStatus.On) return
      const engine = await media.ready()
      // leaving the seat stops the camera before ready() resolves: no preview left to move
      if (status.camera.value === DeviceStatus.On) await engine.updateCamera({ view: localView })
    })
  }

  /** Selects the speaker for every played stream (where the browser can choose it: `setSinkId`). */
  async function setCurrentSpeaker({ deviceId }: { deviceId: string }): Promise<void> {
    const device = await findDevice('speaker', deviceId)
    try {
      await (await client.media()).setSpeaker(device.deviceId)
    } catch (error) {
      throw deviceFailure(error).error
    }
    current.speaker.value = device
    await tests.updateSpeakerTest()
  }

  /** Shares the screen (published as the screen stream), optionally previewed in `view`. */
  function startScreenShare({ screenAudio = false, view }: ScreenShareParams = {}): Promise<void> {
    return serial.screen(async () => {
      const element = view === undefined ? null : resolveView(view)
      requirePublisher('screen')
      requireCapture('screen')
      if (status.screen.value === DeviceStatus.On) return
      const engine = await media.ready()
      try {
        await engine.startScreenShare({ view: element, systemAudio: screenAudio })
      } catch (error) {
        throw failed('screen', error)
      }
      lastError.screen.value = DeviceError.NoError
    })
  }

  function requireVolume(volume: unknown): number {
    if (!isVolume(volume)) throw invalid(`volume must be a number from 0 to 100, got ${String(volume)}`)
    return volume
  }

  /** The microphone gain: applied to the open microphone now, to later opens when they start. */
  async function setCaptureVolume(volume: number): Promise<void> {
    const value = requireVolume(volume)
    await serial.microphone(async () => {
      captureVolume.value = value
      if (status.microphone.value === DeviceStatus.On) await (await media.ready()).setCaptureVolume(value)
    })
  }

  /** Remote audio loudness, in the live now (and in later lives: applied on join), and the speaker test's. */
  async function setOutputVolume(volume: number): Promise<void> {
    outputVolume.value = requireVolume(volume)
    if (media.placement.roomId !== null) await (await media.ready()).setPlaybackVolume('*', volume)
    await tests.updateSpeakerTest()
  }

  return {
    microphoneStatus: status.microphone,
    cameraStatus: status.camera,
    screenStatus: status.screen,
    microphoneList: lists.microphone,
    cameraList: lists.camera,
    speakerList: lists.speaker,
    currentMicrophone: current.microphone,
    currentCamera: current.camera,
    currentSpeaker: current.speaker,
    microphoneLastError: lastError.microphone,
    cameraLastError: lastError.camera,
    screenLastError: lastError.screen,
    captureVolume,
    outputVolume,
    currentMicVolume,
    isMicrophoneTesting: tests.isMicrophoneTesting,
    testingMicVolume: tests.testingMicVolume,
    isCameraTesting: tests.isCameraTesting,
    isCameraTestLoading: tests.isCameraTestLoading,
    isFrontCamera,
    localMirrorType,
    localVideoQuality,
    currentAudioRoute,
    isSpeakerTesting: tests.isSpeakerTesting,
    networkInfo,

    openLocalMicrophone: () => open('microphone'),
    closeLocalMicrophone: () => close('microphone'),
    muteLocalAudio: () => setLocalAudioMuted(true),
    unmuteLocalAudio: () => setLocalAudioMuted(false),
    getMicrophoneList: () => listDevices('microphone'),
    setCurrentMicrophone: ({ deviceId }: { deviceId: string }) => setCurrentCapture('microphone', deviceId),
    startMicrophoneTest: tests.startMicrophoneTest,
    stopMicrophoneTest: tests.stopMicrophoneTest,
    setCaptureVolume,
    getSpeakerList: () => listDevices('speaker'),
    setCurrentSpeaker,
    /** Web browsers have no earpiece route: the value is kept for the UI. */
    async setAudioRoute(route: AudioRoute): Promise<void> {
      if (!isEnumValue(AudioRoute, route)) throw invalid(`route must be an AudioRoute, got ${String(route)}`)
      currentAudioRoute.value = route
    },
    startSpeakerTest: tests.startSpeakerTest,
    stopSpeakerTest: tests.stopSpeakerTest,
    setOutputVolume,
    openLocalCamera: () => open('camera'),
    closeLocalCamera: () => close('camera'),
    getCameraList: () => listDevices('camera'),
    setCurrentCamera: ({ deviceId }: { deviceId: string }) => setCurrentCapture('camera', deviceId),
    /** Mobile facing; desktop cameras have none, so it is kept for the UI (pick a camera with `setCurrentCamera`). */
    async switchCamera({ isFrontCamera: front }: { isFrontCamera: boolean }): Promise<void> {
      if (typeof front !== 'boolean') throw invalid('isFrontCamera must be true or false')
      isFrontCamera.value = front
    },
    switchMirror({ mirror }: { mirror: MirrorType }): Promise<void> {
      if (!isEnumValue(MirrorType, mirror)) return Promise.reject(invalid(`mirror must be a MirrorType, got ${String(mirror)}`))
      return updateCamera({ mirror })
    },
    updateVideoQuality({ quality }: { quality: VideoQuality }): Promise<void> {
      if (!isEnumValue(VideoQuality, quality)) return Promise.reject(invalid(`quality must be a VideoQuality, got ${String(quality)}`))
      return updateCamera({ quality })
    },
    setLocalVideoView,
    startCameraTest: tests.startCameraTest,
    stopCameraTest: tests.stopCameraTest,
    startScreenShare,
    stopScreenShare: () => close('screen'),
  }
})
