import { createLocalHub, ErrorCode, type Hub } from '@atomicx-vue/engine'
import { createFakeBackend, type FakeBackend } from '@atomicx-vue/engine/testing'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import { useAtomicxClient } from '../core/context'
import { useCoGuestState } from '../coGuest'
import { createLive, createTestUser, expectCode, flush, tearDown, type TestUser } from '../core/testing'
import { useLiveListState } from '../liveList'
import { useLiveSeatState } from '../liveSeat'
import { CoGuestEvent, DeviceError, DeviceStatus, MirrorType, NetworkQuality, VideoQuality } from '../types'
import { useDeviceState } from './useDeviceState'

const seatOf = (who: TestUser, userId: string) => who.use(useLiveSeatState).seatList.value.find((seat) => seat.userInfo.userId === userId)?.userInfo
const element = (tag = 'div') => document.createElement(tag)
const lastVideoRequest = (backend: FakeBackend) => backend.requests.filter((r) => r.method === 'getUserMedia' && 'video' in r.constraints && r.constraints.video).at(-1)

let hub: Hub
let host: TestUser
let guest: TestUser

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
  hub = createLocalHub()
  ;[host, guest] = await createLive(hub, ['host', 'guest'])
})

afterEach(() => tearDown(hub, [host, guest]))

/** The guest applies, the host accepts; resolves once the guest sits. */
async function seatGuest(): Promise<void> {
  await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
  await flush()
  await host.use(useCoGuestState).acceptApplication({ userId: 'guest' })
  await flush()
}

describe('publishing', () => {
  it("the owner's microphone and camera go On when published; every member's seat list shows them", async () => {
    const { openLocalMicrophone, openLocalCamera, microphoneStatus, cameraStatus, microphoneLastError } = host.use(useDeviceState)
    await openLocalMicrophone()
    expect(microphoneStatus.value).toBe(DeviceStatus.On)
    await openLocalCamera()
    expect(cameraStatus.value).toBe(DeviceStatus.On)
    expect(microphoneLastError.value).toBe(DeviceError.NoError)
    await flush()
    for (const side of [host, guest]) expect(seatOf(side, 'host')).toMatchObject({ microphoneStatus: DeviceStatus.On, cameraStatus: DeviceStatus.On })
  })

  it('the moment: On when the engine reports the stream published, which comes before the open resolves', async () => {
    const { openLocalMicrophone, microphoneStatus } = host.use(useDeviceState)
    const seen: string[] = []
    const stop = watch(microphoneStatus, (status) => seen.push(`status ${DeviceStatus[status]}`), { flush: 'sync' })
    host.use(useAtomicxClient).onMedia('localPublish', ({ state }) => seen.push(`engine ${state}`))
    await openLocalMicrophone().then(() => seen.push('resolved'))
    stop()
    expect(seen).toEqual(['engine starting', 'status On', 'engine started', 'resolved'])
  })

  it('seed 001: opening without await in the accept callback works, and the host renders that very stream', async () => {
    const { openLocalMicrophone, openLocalCamera } = guest.use(useDeviceState)
    guest.use(useCoGuestState).subscribeEvent(CoGuestEvent.onGuestApplicationResponded, ({ isAccept }) => {
      if (isAccept) {
        openLocalMicrophone()
        openLocalCamera()
      }
    })
    await seatGuest()
    await flush()
    const state = guest.use(useDeviceState)
    expect([state.microphoneStatus.value, state.cameraStatus.value]).toEqual([DeviceStatus.On, DeviceStatus.On])
    expect(seatOf(host, 'guest')).toMatchObject({ microphoneStatus: DeviceStatus.On, cameraStatus: DeviceStatus.On })

    const view = element()
    await host.use(useLiveSeatState).playUserVideo({ userId: 'guest', view })
    const published = guest.backend.streams.find((stream) => stream.getVideoTracks().length > 0)
    expect(published).toBeDefined()
    expect(host.backend.playing(view)).toBe(published)
  })

  it('a failure of an un-awaited open is no unhandled rejection: it lands in microphoneLastError', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    host.backend.deny('microphone')
    host.use(useDeviceState).openLocalMicrophone()
    await flush()
    await flush()
    process.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
    expect(host.use(useDeviceState).microphoneLastError.value).toBe(DeviceError.NoSystemPermission)
  })

  it.each([
    ['denied', (b: FakeBackend) => b.deny('camera'), DeviceError.NoSystemPermission],
    ['busy', (b: FakeBackend) => b.busy('camera'), DeviceError.OccupiedError],
    ['missing', (b: FakeBackend) => b.noDevice('camera'), DeviceError.NoDeviceDetected],
  ])('a %s camera: cameraLastError and the rejection carry the same DeviceError; status stays Off', async (_, fail, kind) => {
    fail(host.backend)
    const { openLocalCamera, cameraLastError, cameraStatus } = host.use(useDeviceState)
    await expectCode(openLocalCamera(), kind)
    expect(cameraLastError.value).toBe(kind)
    expect(cameraStatus.value).toBe(DeviceStatus.Off)
    host.backend.allow('camera')
    await openLocalCamera()
    expect(cameraLastError.value).toBe(DeviceError.NoError)
  })

  it('a browser without getUserMedia: NotSupportCapture, nothing asked', async () => {
    const backend = createFakeBackend({ supported: { userMedia: false } })
    const owner = await createTestUser(hub, 'owner2', { media: { kind: 'local', backend } })
    await owner.use(useLiveListState).startLive({ liveId: 'live2', liveName: 'Live 2' })
    const { openLocalMicrophone, microphoneLastError } = owner.use(useDeviceState)
    await expectCode(openLocalMicrophone(), DeviceError.NotSupportCapture)
    expect(microphoneLastError.value).toBe(DeviceError.NotSupportCapture)
    expect(backend.requests).toEqual([])
    owner.unmount()
  })

  it.each([
    ['an audience member', () => guest, ErrorCode.USER_NOT_IN_SEAT],
    ['a user in no live', async () => {
      await guest.use(useLiveListState).leaveLive()
      return guest
    }, ErrorCode.NOT_IN_ROOM],
  ])('%s cannot open devices: a typed error, no state change, no capture', async (_, who, code) => {
    const side = await who()
    const state = side.use(useDeviceState)
    for (const open of [state.openLocalMicrophone, state.openLocalCamera, () => state.startScreenShare()]) {
      await expectCode(open(), code)
    }
    expect([state.microphoneStatus.value, state.cameraStatus.value, state.screenStatus.value]).toEqual([DeviceStatus.Off, DeviceStatus.Off, DeviceStatus.Off])
    expect([state.microphoneLastError.value, state.cameraLastError.value]).toEqual([DeviceError.NoError, DeviceError.NoError])
    expect(side.backend.requests).toEqual([])
  })

  it('closing turns the status Off at once and the room sees it', async () => {
    const { openLocalCamera, closeLocalCamera, cameraStatus } = host.use(useDeviceState)
    await openLocalCamera()
    const closing = closeLocalCamera()
    expect(cameraStatus.value).toBe(DeviceStatus.Off)
    await closing
    await flush()
    expect(seatOf(guest, 'host')?.cameraStatus).toBe(DeviceStatus.Off)
  })

  it('mute keeps the microphone open; the room sees it off until unmuted', async () => {
    const state = host.use(useDeviceState)
    await expect(state.muteLocalAudio()).rejects.toMatchObject({ code: ErrorCode.INVALID_ARGUMENT })
    await state.openLocalMicrophone()
    await state.muteLocalAudio()
    await flush()
    expect(state.microphoneStatus.value).toBe(DeviceStatus.On)
    expect(seatOf(guest, 'host')?.microphoneStatus).toBe(DeviceStatus.Off)
    await state.unmuteLocalAudio()
    await flush()
    expect(seatOf(guest, 'host')?.microphoneStatus).toBe(DeviceStatus.On)
  })

  it('leaving the seat stops every capture: statuses Off, the stream unpublished', async () => {
    await seatGuest()
    const state = guest.use(useDeviceState)
    await state.openLocalMicrophone()
    await state.openLocalCamera()
    await guest.use(useCoGuestState).disConnect()
    await flush()
    expect([state.microphoneStatus.value, state.cameraStatus.value]).toEqual([DeviceStatus.Off, DeviceStatus.Off])
    expect(guest.backend.streams.every((stream) => !stream.active)).toBe(true)
    await expectCode(state.openLocalCamera(), ErrorCode.USER_NOT_IN_SEAT)
  })

  it('kicked off the seat: the same', async () => {
    await seatGuest()
    await guest.use(useDeviceState).openLocalCamera()
    await host.use(useLiveSeatState).kickUserOutOfSeat({ userId: 'guest' })
    await flush()
    await flush()
    expect(guest.use(useDeviceState).cameraStatus.value).toBe(DeviceStatus.Off)
    expect(guest.backend.streams.every((stream) => !stream.active)).toBe(true)
  })

  it('an admin closing my microphone stops it; reopening is refused until they allow it', async () => {
    await seatGuest()
    const state = guest.use(useDeviceState)
    await state.openLocalMicrophone()
    await host.use(useLiveSeatState).closeRemoteMicrophone({ userId: 'guest' })
    await flush()
    await flush()
    expect(state.microphoneStatus.value).toBe(DeviceStatus.Off)
    await expectCode(state.openLocalMicrophone(), ErrorCode.DEVICE_LOCKED)
    await host.use(useLiveSeatState).openRemoteMicrophone({ userId: 'guest' })
    await flush()
    await state.openLocalMicrophone()
    expect(state.microphoneStatus.value).toBe(DeviceStatus.On)
  })

  it('leaving the live stops everything and leaves no timer', async () => {
    const state = host.use(useDeviceState)
    await state.openLocalMicrophone()
    await state.openLocalCamera()
    vi.advanceTimersByTime(2_000) // engines report the network every 2 s, as TRTC
    expect(state.networkInfo.value).toEqual({ userId: 'host', quality: NetworkQuality.Excellent, upLoss: 0, downLoss: 0, delay: 0 })
    await host.use(useLiveListState).endLive()
    await flush()
    expect([state.microphoneStatus.value, state.cameraStatus.value, state.networkInfo.value]).toEqual([DeviceStatus.Off, DeviceStatus.Off, null])
    expect(host.backend.streams.every((stream) => !stream.active)).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('currentMicVolume follows my published level', async () => {
    const state = host.use(useDeviceState)
    await state.openLocalMicrophone()
    host.backend.setLevel(37)
    vi.advanceTimersByTime(200)
    expect(state.currentMicVolume.value).toBe(37)
  })

  it('the own camera previews where setLocalVideoView says', async () => {
    const view = element()
    const state = host.use(useDeviceState)
    await state.setLocalVideoView({ view })
    await state.openLocalCamera()
    expect(host.backend.playing(view)?.getVideoTracks()).toHaveLength(1)
    await state.setLocalVideoView({ view: null })
    expect(host.backend.playing(view)).toBeUndefined()
  })
})

describe('screen share', () => {
  it('goes On; the browser stop button turns it Off', async () => {
    const state = host.use(useDeviceState)
    await state.startScreenShare()
    expect(state.screenStatus.value).toBe(DeviceStatus.On)
    host.backend.end(host.backend.streams.at(-1)!)
    expect(state.screenStatus.value).toBe(DeviceStatus.Off)
  })

  it('stopScreenShare turns it Off', async () => {
    const state = host.use(useDeviceState)
    await state.startScreenShare({ screenAudio: true })
    await state.stopScreenShare()
    expect(state.screenStatus.value).toBe(DeviceStatus.Off)
  })

  it('a dismissed picker rejects and records the failure', async () => {
    host.backend.deny('screen')
    const state = host.use(useDeviceState)
    await expectCode(state.startScreenShare(), DeviceError.UnknownError)
    expect(state.screenLastError.value).toBe(DeviceError.UnknownError)
    expect(state.screenStatus.value).toBe(DeviceStatus.Off)
  })
})

describe('devices', () => {
  it('lists devices and follows hot-plug', async () => {
    const state = host.use(useDeviceState)
    expect(await state.getMicrophoneList()).toEqual([{ deviceId: 'microphone-1', deviceName: 'Fake Microphone' }])
    await state.getCameraList()
    expect(state.currentMicrophone.value).toEqual({ deviceId: 'microphone-1', deviceName: 'Fake Microphone' })
    host.backend.addDevice({ kind: 'camera', deviceId: 'camera-2', label: 'USB Camera' })
    await flush()
    expect(state.cameraList.value).toEqual([{ deviceId: 'camera-1', deviceName: 'Fake Camera' }, { deviceId: 'camera-2', deviceName: 'USB Camera' }])
    host.backend.removeDevice('camera-1')
    await flush()
    expect(state.cameraList.value).toEqual([{ deviceId: 'camera-2', deviceName: 'USB Camera' }])
    expect(state.currentCamera.value).toEqual({ deviceId: 'camera-2', deviceName: 'USB Camera' })
  })

  it('an empty list records NoDeviceDetected', async () => {
    host.backend.removeDevice('microphone-1')
    const state = host.use(useDeviceState)
    expect(await state.getMicrophoneList()).toEqual([])
    expect(state.microphoneLastError.value).toBe(DeviceError.NoDeviceDetected)
  })

  it('switching the camera while open captures the new one', async () => {
    host.backend.addDevice({ kind: 'camera', deviceId: 'camera-2', label: 'USB Camera' })
    const state = host.use(useDeviceState)
    await state.openLocalCamera()
    await state.setCurrentCamera({ deviceId: 'camera-2' })
    expect(state.currentCamera.value?.deviceId).toBe('camera-2')
    expect(lastVideoRequest(host.backend)?.constraints).toMatchObject({ video: { deviceId: { exact: 'camera-2' } } })
    expect(state.cameraStatus.value).toBe(DeviceStatus.On)
  })

  it('switching the microphone while open reopens it on the new one', async () => {
    host.backend.addDevice({ kind: 'microphone', deviceId: 'microphone-2', label: 'Headset' })
    const state = host.use(useDeviceState)
    await state.openLocalMicrophone()
    await state.setCurrentMicrophone({ deviceId: 'microphone-2' })
    expect(host.backend.requests.at(-1)?.constraints).toEqual({ audio: { deviceId: { exact: 'microphone-2' } } })
    expect(state.microphoneStatus.value).toBe(DeviceStatus.On)
  })

  it.each([
    ['an unknown camera', () => host.use(useDeviceState).setCurrentCamera({ deviceId: 'nope' })],
    ['an empty microphone id', () => host.use(useDeviceState).setCurrentMicrophone({ deviceId: '' })],
    ['an unknown quality', () => host.use(useDeviceState).updateVideoQuality({ quality: 9 as VideoQuality })],
    ['an unknown mirror', () => host.use(useDeviceState).switchMirror({ mirror: 7 as MirrorType })],
    ['a volume above 100', () => host.use(useDeviceState).setCaptureVolume(101)],
    ['a negative volume', () => host.use(useDeviceState).setOutputVolume(-1)],
    ['a NaN capture volume', () => host.use(useDeviceState).setCaptureVolume(Number.NaN)],
    ['a string output volume', () => host.use(useDeviceState).setOutputVolume('50' as unknown as number)],
    ['a missing test view', () => host.use(useDeviceState).startCameraTest({ view: 'no-such-id' })],
    ['a zero test interval', () => host.use(useDeviceState).startMicrophoneTest({ interval: 0 })],
  ])('refuses %s with INVALID_ARGUMENT and changes nothing', async (_, act) => {
    const state = host.use(useDeviceState)
    const before = [state.currentCamera.value, state.localVideoQuality.value, state.localMirrorType.value, state.captureVolume.value, state.outputVolume.value]
    await expectCode(act(), ErrorCode.INVALID_ARGUMENT)
    expect([state.currentCamera.value, state.localVideoQuality.value, state.localMirrorType.value, state.captureVolume.value, state.outputVolume.value]).toEqual(before)
    expect(state.isCameraTesting.value || state.isMicrophoneTesting.value).toBe(false)
  })

  it('quality and mirror apply to the open camera', async () => {
    const state = host.use(useDeviceState)
    await state.openLocalCamera()
    await state.updateVideoQuality({ quality: VideoQuality.Quality1080P })
    expect(state.localVideoQuality.value).toBe(VideoQuality.Quality1080P)
    expect(lastVideoRequest(host.backend)?.constraints).toMatchObject({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } } })
    const view = element()
    await state.setLocalVideoView({ view })
    await state.switchMirror({ mirror: MirrorType.Disable })
    expect(state.localMirrorType.value).toBe(MirrorType.Disable)
    expect(host.backend.attachments.at(-1)).toMatchObject({ view, mirror: false, detached: false })
  })

  it('speaker: selection where the browser can route audio, refused where it cannot', async () => {
    const state = host.use(useDeviceState)
    await state.setCurrentSpeaker({ deviceId: 'speaker-1' })
    expect(state.currentSpeaker.value).toEqual({ deviceId: 'speaker-1', deviceName: 'Fake Speaker' })

    const backend = createFakeBackend({ supported: { sinkId: false } })
    const safari = await createTestUser(hub, 'safari', { media: { kind: 'local', backend } })
    const { setCurrentSpeaker, currentSpeaker } = safari.use(useDeviceState)
    await expectCode(setCurrentSpeaker({ deviceId: 'speaker-1' }), DeviceError.NotSupportCapture)
    expect(currentSpeaker.value).toBeNull()
    safari.unmount()
  })

  it('settings kept for the UI: audio route, facing', async () => {
    const state = host.use(useDeviceState)
    await state.switchCamera({ isFrontCamera: false })
    expect(state.isFrontCamera.value).toBe(false)
  })

  it('captureVolume: kept while the microphone is off, applied when it opens and to the open one', async () => {
    const state = host.use(useDeviceState)
    await state.setCaptureVolume(40)
    expect([state.captureVolume.value, host.backend.gains.length]).toEqual([40, 0])
    await state.openLocalMicrophone()
    const [mic] = host.backend.streams
    expect(host.backend.gains.map(({ source, volume }) => ({ source, volume }))).toEqual([{ source: mic, volume: 40 }])
    await state.setCaptureVolume(75)
    expect([state.captureVolume.value, host.backend.gains.map((g) => g.volume)]).toEqual([75, [75]])
    host.backend.setLevel(80, mic)
    vi.advanceTimersByTime(200)
    expect(state.currentMicVolume.value).toBe(60) // the level after the gain
  })

  it('outputVolume: the remote audio I play, now and in a live joined later', async () => {
    await host.use(useDeviceState).openLocalMicrophone()
    await flush()
    const played = (who: TestUser) => who.backend.attachments.filter((a) => !a.detached && a.element.tagName === 'AUDIO').map((a) => a.element.volume)
    expect(played(guest)).toEqual([1])
    await guest.use(useDeviceState).setOutputVolume(30)
    expect([guest.use(useDeviceState).outputVolume.value, played(guest)]).toEqual([30, [0.3]])

    const late = await createTestUser(hub, 'late')
    await late.use(useDeviceState).setOutputVolume(20) // outside a live: kept
    await late.use(useLiveListState).joinLive({ liveId: 'live1' })
    await flush()
    expect(played(late)).toEqual([0.2])
    late.unmount()
  })
})

describe('device tests', () => {
  it('microphone test: the level every interval from the meter, everything released on stop', async () => {
    const state = host.use(useDeviceState)
    await state.startMicrophoneTest({ interval: 100 })
    expect(state.isMicrophoneTesting.value).toBe(true)
    host.backend.setLevel(42)
    vi.advanceTimersByTime(100)
    expect(state.testingMicVolume.value).toBe(42)
    state.stopMicrophoneTest()
    expect([state.isMicrophoneTesting.value, state.testingMicVolume.value, host.backend.openMeters]).toEqual([false, 0, 0])
    expect(host.backend.streams.every((stream) => !stream.active)).toBe(true)
  })

  it('microphone test works outside a live and records a denial', async () => {
    await guest.use(useLiveListState).leaveLive()
    guest.backend.deny('microphone')
    const state = guest.use(useDeviceState)
    await expectCode(state.startMicrophoneTest(), DeviceError.NoSystemPermission)
    expect([state.microphoneLastError.value, state.isMicrophoneTesting.value]).toEqual([DeviceError.NoSystemPermission, false])
    guest.backend.allow('microphone')
    await state.startMicrophoneTest()
    expect(state.isMicrophoneTesting.value).toBe(true)
  })

  it('camera test previews into an element given by id, mirrored by default, and stops', async () => {
    const view = element()
    view.id = 'preview'
    document.body.append(view)
    const state = host.use(useDeviceState)
    await state.startCameraTest({ view: 'preview' })
    expect([state.isCameraTesting.value, state.isCameraTestLoading.value]).toEqual([true, false])
    expect(host.backend.attachments.at(-1)).toMatchObject({ view, mirror: true })
    expect(host.backend.playing(view)).toBeDefined()
    state.stopCameraTest()
    expect(host.backend.playing(view)).toBeUndefined()
    expect(state.isCameraTesting.value).toBe(false)
    view.remove()
  })

  it('speaker test plays the file in a loop at the output volume', async () => {
    const state = host.use(useDeviceState)
    await state.setOutputVolume(50)
    await state.startSpeakerTest({ filePath: '/ring.mp3' })
    expect(state.isSpeakerTesting.value).toBe(true)
    state.stopSpeakerTest()
    expect(state.isSpeakerTesting.value).toBe(false)
  })

  it('unmounting the app releases every test and timer', async () => {
    const state = host.use(useDeviceState)
    await state.startMicrophoneTest()
    await state.startCameraTest({ view: element() })
    host.unmount()
    guest.unmount()
    await flush()
    expect(host.backend.openMeters).toBe(0)
    expect(host.backend.streams.every((stream) => !stream.active)).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
    host = await createTestUser(hub, 'host2')
    guest = await createTestUser(hub, 'guest2')
  })
})
