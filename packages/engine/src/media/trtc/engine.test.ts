// The TRTC-specific side of the engine: which SDK calls it makes, and how SDK events and errors come
// out. Shared MediaEngine behaviour lives in tests/contract; this file runs over the same fake cloud.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeCloud, type FakeCloud, type FakeCloudOptions } from '../../../../../tests/fakes/trtc'
import { joined } from '../../../../../tests/fakes/trtc/testing'
import { MediaErrorCode, type MediaEngine, type MediaEngineEvents } from '../types'
import { createTrtcEngine } from './engine'

type Call = [method: string, ...args: unknown[]]
type Entry = readonly [keyof MediaEngineEvents, unknown]

const SDK_APP_ID = 1400000001
let cloud: FakeCloud
let engine: MediaEngine

/** A cloud whose instances record every method call the engine makes. */
function setup(options: FakeCloudOptions & { crossRoom?: boolean } = {}) {
  cloud = createFakeCloud(options)
  const calls: Call[] = []
  const create = cloud.TRTC.create
  vi.spyOn(cloud.TRTC, 'create').mockImplementation((opts) => {
    calls.push(['create', opts])
    const client = create(opts)
    return new Proxy(client, {
      get(target, key) {
        const value = Reflect.get(target, key)
        if (typeof value !== 'function' || key === 'on' || key === 'off') return value
        return (...args: unknown[]) => {
          calls.push([String(key), ...args])
          return value.apply(target, args)
        }
      },
    })
  })
  engine = createTrtcEngine({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', TRTC: cloud.TRTC, CrossRoom: options.crossRoom === false ? undefined : cloud.CrossRoom })
  const events: Entry[] = []
  for (const e of ['connection', 'userJoined', 'userLeft', 'remoteMedia', 'localPublish', 'volumes', 'network', 'device', 'autoplayBlocked', 'screenShareEnded', 'removed', 'warning'] as const) {
    engine.on(e, (info) => events.push([e, info]))
  }
  const named = (...names: string[]) => calls.filter(([m]) => names.includes(m))
  const of = (...names: string[]) => events.filter(([e]) => names.includes(e))
  return { calls, named, events, of }
}

const join = (role: 'anchor' | 'audience' = 'anchor', scene?: 'live' | 'rtc') => engine.join({ roomId: 'room', userId: 'alice', role, scene })
const view = () => ({}) as HTMLElement

afterEach(async () => {
  await engine.dispose()
  await cloud.flush()
  expect(cloud.listenerErrors).toEqual([])
})

describe('loading', () => {
  it('loads the SDK once, on first use, and retries after a failed load', async () => {
    cloud = createFakeCloud()
    const load = vi.fn()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ TRTC: cloud.TRTC, CrossRoom: cloud.CrossRoom })
    engine = createTrtcEngine({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', load })
    engine.setVolumeInterval(500)
    await engine.stopVideo('bob', 'camera')
    expect(load).not.toHaveBeenCalled()
    await expect(join()).rejects.toMatchObject({ code: MediaErrorCode.NOT_SUPPORTED, message: expect.stringContaining('offline') })
    await Promise.all([join(), engine.listDevices('camera')])
    expect(load).toHaveBeenCalledTimes(2)
    expect(cloud.session('alice')).toMatchObject({ room: `${SDK_APP_ID}|s|room` })
  })

  it('refuses at creation a TRTC that is not the SDK\'s default export, and a load that is not a function', () => {
    cloud = createFakeCloud()
    engine = createTrtcEngine({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', TRTC: cloud.TRTC })
    const create = vi.spyOn(cloud.TRTC, 'create')
    for (const [bad, why] of [
      [{ TRTC: { default: cloud.TRTC } }, 'it has no create(), getCameraList(), getMicrophoneList(), getSpeakerList(), setCurrentSpeaker()'],
      [{ TRTC: { ...cloud.TRTC, getSpeakerList: undefined } }, 'it has no getSpeakerList()'],
      [{ TRTC: null }, 'it has no create()'],
    ] as const) {
      expect(() => createTrtcEngine({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', ...(bad as object) })).toThrow(expect.objectContaining({
        code: MediaErrorCode.INVALID_ARGUMENT,
        message: expect.stringContaining(`TRTC must be the default export of trtc-sdk-v5 (import TRTC from 'trtc-sdk-v5'): ${why}`),
      }))
    }
    expect(() => createTrtcEngine({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', load: 'trtc-sdk-v5' as never })).toThrow(expect.objectContaining({ code: MediaErrorCode.INVALID_ARGUMENT, message: 'load must be a function' }))
    expect(create).not.toHaveBeenCalled()
  })

  it('a load that resolves no SDK (the module namespace) fails the use with INVALID_ARGUMENT, joins nothing, and loads again next time', async () => {
    cloud = createFakeCloud()
    const load = vi.fn()
      .mockResolvedValueOnce({ default: cloud.TRTC })
      .mockResolvedValue({ TRTC: cloud.TRTC })
    const create = vi.spyOn(cloud.TRTC, 'create')
    engine = createTrtcEngine({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', load })
    await expect(join()).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT, message: expect.stringContaining('The TRTC that load() resolved must be the default export of trtc-sdk-v5') })
    expect(create).not.toHaveBeenCalled()
    expect(cloud.session('alice')).toBeUndefined()
    await join()
    expect(load).toHaveBeenCalledTimes(2)
    expect(create).toHaveBeenCalledTimes(1)
    expect(cloud.session('alice')).toMatchObject({ room: `${SDK_APP_ID}|s|room` })
  })

  it('without TRTC or load, imports trtc-sdk-v5 at first use (which fails in Node)', async () => {
    cloud = createFakeCloud()
    engine = createTrtcEngine({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig' })
    await expect(join()).rejects.toMatchObject({ code: MediaErrorCode.NOT_SUPPORTED, message: expect.stringContaining('trtc-sdk-v5 could not be loaded') })
  })

  it('refuses bad credentials at creation', () => {
    cloud = createFakeCloud()
    engine = createTrtcEngine({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', TRTC: cloud.TRTC })
    for (const bad of [{ sdkAppId: 0 }, { sdkAppId: 1.5 }, { userId: 'a b' }, { userId: '' }, { userSig: ' ' }]) {
      expect(() => createTrtcEngine({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', TRTC: cloud.TRTC, ...bad })).toThrow(expect.objectContaining({ code: MediaErrorCode.INVALID_ARGUMENT }))
    }
  })
})

describe('join, roles, leave', () => {
  it('enters with strRoomId, an explicit role, live by default, and no autoplay dialog', async () => {
    const { named } = setup()
    await join('audience')
    expect(named('create', 'enterRoom')).toEqual([
      ['create', { plugins: [cloud.CrossRoom] }],
      ['enterRoom', { sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', strRoomId: 'room', scene: 'live', role: 'audience', enableAutoPlayDialog: false }],
    ])
  })

  it('checks its input before touching the SDK', async () => {
    const { calls } = setup()
    await expect(engine.join({ roomId: 'room', userId: 'bob', role: 'anchor' })).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await expect(engine.join({ roomId: 'a/b', userId: 'alice', role: 'anchor' })).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await expect(engine.startCamera({ mirror: 'yes' as never })).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await expect(engine.startMicrophone({ deviceId: '' })).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await expect(engine.setMicrophoneMuted('yes' as never)).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await expect(engine.playVideo('', 'camera', null)).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await expect(engine.playVideo('bob', 'sub' as never, null)).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    for (const call of [
      () => engine.join(null as never),
      () => engine.startMicrophone(null as never),
      () => engine.startScreenShare({ systemAudio: 'yes' as never }),
      () => engine.startScreenShare({ view: 'preview' as never }),
      () => engine.updateCamera(undefined as never),
      () => engine.playVideo('bob', 'camera', undefined as never),
      () => engine.stopVideo('', 'camera'),
      () => engine.setSpeaker(''),
      () => engine.connectRoom(null as never),
      () => engine.setConnectedMuted({ roomId: '', audio: true }),
      () => engine.disconnectRoom(''),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    }
    expect(calls).toEqual([])
  })

  it('reports the SDK refusing the userSig as SERVER with its account code', async () => {
    setup()
    cloud.sigCheck = () => 70001
    await expect(join()).rejects.toMatchObject({ code: MediaErrorCode.SERVER, sdkCode: 5400, sdkExtraCode: 70001 })
  })

  it('maps connection states', async () => {
    const { of } = setup()
    await join()
    cloud.dropConnection('alice')
    await cloud.flush()
    expect(of('connection').map(([, i]) => i)).toEqual([
      { state: 'connecting', reconnecting: false },
      { state: 'connected', reconnecting: false },
      { state: 'disconnected', reconnecting: false },
      { state: 'connecting', reconnecting: true },
      { state: 'connected', reconnecting: false },
    ])
  })

  it('refuses devices before join without touching the SDK; a live audience may not publish; rtc has no such rule', async () => {
    const { calls, named } = setup()
    for (const start of [() => engine.startMicrophone(), () => engine.startCamera(), () => engine.startScreenShare(), () => engine.playVideo('bob', 'camera', view())]) {
      await expect(start()).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
    }
    await engine.setMicrophoneMuted(true) // remembered: needs no SDK
    expect(calls).toEqual([])
    await join('audience')
    await expect(engine.startCamera()).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
    expect(named('startLocalVideo')).toEqual([])
    await engine.leave()
    await join('audience', 'rtc')
    await engine.startCamera()
    expect(cloud.session('alice')?.published).toEqual(['video'])
  })

  it('refuses starts from the moment of a step-down, also one still waiting for its turn', async () => {
    const { named } = setup()
    await join()
    await engine.startCamera()
    const waiting = engine.startMicrophone()
    const down = engine.setRole('audience')
    await expect(engine.startScreenShare()).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
    await expect(waiting).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
    await down
    expect(named('startLocalAudio', 'startScreenShare')).toEqual([])
    expect(cloud.session('alice')?.capturing).toEqual([])
  })

  it('keeps the role when the switch fails', async () => {
    setup()
    await join()
    cloud.failNext('switchRole', { code: 5400, extraCode: -1 })
    await expect(engine.setRole('audience')).rejects.toMatchObject({ code: MediaErrorCode.SERVER })
    await expect(engine.startMicrophone()).resolves.toBeUndefined()
  })

  it('steps down by stopping media before switchRole; stepping up is switchRole only', async () => {
    const { calls } = setup()
    await join()
    await engine.startMicrophone()
    await engine.startCamera()
    calls.splice(0)
    await engine.setRole('audience')
    expect(calls.map(([m]) => m).sort()).toEqual(['stopLocalAudio', 'stopLocalVideo', 'switchRole'])
    expect(calls.at(-1)).toEqual(['switchRole', 'audience'])
    calls.splice(0)
    await engine.setRole('anchor')
    expect(calls).toEqual([['switchRole', 'anchor']])
  })

  it('leave stops local media then exits; dispose destroys after that', async () => {
    const { calls } = setup()
    await join()
    await engine.startMicrophone()
    await engine.startScreenShare()
    calls.splice(0)
    await engine.dispose()
    expect(calls.map(([m]) => m)).toEqual(['stopLocalAudio', 'stopScreenShare', 'exitRoom', 'destroy'])
    expect(cloud.rooms()).toEqual([])
    await expect(join()).rejects.toMatchObject({ code: MediaErrorCode.DISPOSED })
    await expect(engine.startMicrophone()).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
  })

  it('dispose releases the engine even when the exit fails: a warning, then no join', async () => {
    const { of } = setup()
    await join()
    cloud.failNext('exitRoom', { code: 5999, message: 'stuck' })
    await expect(engine.dispose()).resolves.toBeUndefined()
    expect(of('warning')).toEqual([['warning', expect.objectContaining({ code: MediaErrorCode.UNKNOWN, message: 'stuck' })]])
    await expect(join()).rejects.toMatchObject({ code: MediaErrorCode.DISPOSED })
  })

  it('refuses a second join with ALREADY_IN_ROOM, but lets a join called right after leave run after the exit', async () => {
    const { named } = setup()
    await join()
    await expect(engine.join({ roomId: 'other', userId: 'alice', role: 'anchor' })).rejects.toMatchObject({ code: MediaErrorCode.ALREADY_IN_ROOM })
    expect(named('enterRoom')).toHaveLength(1)
    await Promise.all([engine.leave(), engine.join({ roomId: 'other', userId: 'alice', role: 'anchor' })])
    expect(named('exitRoom', 'enterRoom').map(([m]) => m)).toEqual(['enterRoom', 'exitRoom', 'enterRoom'])
    expect(cloud.session('alice')).toMatchObject({ room: `${SDK_APP_ID}|s|other` })
  })

  it('a stop that fails on leave is a warning: the exit still happens', async () => {
    const { named, of } = setup()
    await join()
    await engine.startMicrophone()
    cloud.failNext('stopLocalAudio', { code: 5999, message: 'stuck' })
    await expect(engine.leave()).resolves.toBeUndefined()
    expect(of('warning')).toEqual([['warning', expect.objectContaining({ code: MediaErrorCode.UNKNOWN, message: 'stuck' })]])
    expect(named('exitRoom')).toHaveLength(1)
    expect(cloud.rooms()).toEqual([])
  })

  it('refuses starts from the moment leave is called: nothing captures after the exit', async () => {
    const { named } = setup()
    await join()
    const leaving = engine.leave()
    await expect(engine.startMicrophone()).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
    await leaving
    expect(named('startLocalAudio')).toEqual([])
  })
})

describe('local media', () => {
  it('maps quality, mirror and device; a second start updates instead of aborting', async () => {
    const { named } = setup()
    await join()
    const v = view()
    await engine.startCamera({ quality: '540p', mirror: true, deviceId: 'camera-1', view: v })
    await engine.startCamera({ mirror: false })
    await engine.updateCamera({ quality: '1080p', view: null })
    expect(named('startLocalVideo', 'updateLocalVideo')).toEqual([
      ['startLocalVideo', { view: v, mute: false, option: { cameraId: 'camera-1', profile: { width: 960, height: 540, frameRate: 15, bitrate: 1000 }, mirror: 'view' } }],
      ['updateLocalVideo', { option: { mirror: false } }],
      ['updateLocalVideo', { view: null, option: { profile: { width: 1920, height: 1080, frameRate: 15, bitrate: 2000 } } }],
    ])
  })

  it('updateCamera needs a started camera', async () => {
    const { named } = setup()
    await expect(engine.updateCamera({ quality: '720p' })).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    expect(named('updateLocalVideo')).toEqual([])
  })

  it('a second start of the microphone switches device, of the screen moves its preview', async () => {
    const { named } = setup()
    await join()
    const v = view()
    await engine.startMicrophone()
    await engine.startMicrophone()
    await engine.startMicrophone({ deviceId: 'mic-1' })
    await engine.startScreenShare()
    await engine.startScreenShare({ systemAudio: true })
    await engine.startScreenShare({ view: v })
    expect(named('startLocalAudio', 'updateLocalAudio', 'startScreenShare', 'updateScreenShare')).toEqual([
      ['startLocalAudio', { mute: false, option: {} }],
      ['updateLocalAudio', { option: { microphoneId: 'mic-1' } }],
      ['startScreenShare', { option: {} }],
      ['updateScreenShare', { view: v }],
    ])
  })

  it('remembers mute while off and applies it at start', async () => {
    const { named } = setup()
    await join()
    await engine.setMicrophoneMuted(true)
    await engine.startMicrophone({ deviceId: 'mic-1' })
    await engine.setMicrophoneMuted(false)
    expect(named('startLocalAudio', 'updateLocalAudio')).toEqual([
      ['startLocalAudio', { mute: true, option: { microphoneId: 'mic-1' } }],
      ['updateLocalAudio', { mute: false }],
    ])
  })

  it('serialises double clicks per device: one start, and a stop after a start wins', async () => {
    const { named } = setup()
    await join()
    await Promise.all([engine.startCamera(), engine.startCamera(), engine.startMicrophone(), engine.stopMicrophone()])
    expect(named('startLocalVideo')).toHaveLength(1)
    expect(named('startLocalAudio', 'stopLocalAudio').map(([m]) => m)).toEqual(['startLocalAudio', 'stopLocalAudio'])
    expect(cloud.session('alice')?.capturing).toEqual(['video'])
  })

  it('an SDK abort (5998) of a start the user already undid is benign; a lone abort is CANCELLED', async () => {
    setup()
    await join()
    cloud.failNext('startLocalVideo', { code: 5998 })
    await expect(Promise.all([engine.startCamera(), engine.stopCamera()])).resolves.toEqual([undefined, undefined])
    cloud.failNext('startLocalVideo', { code: 5998 })
    await expect(engine.startCamera()).rejects.toMatchObject({ code: MediaErrorCode.CANCELLED, sdkCode: 5998 })
  })

  it.each([
    ['denied', () => cloud.devices.permission('camera', 'denied'), MediaErrorCode.PERMISSION_DENIED, 5302],
    ['busy', () => cloud.devices.busy('camera-1'), MediaErrorCode.DEVICE_BUSY, 5303],
    ['missing', () => cloud.devices.remove('camera-1'), MediaErrorCode.DEVICE_NOT_FOUND, 5301],
  ])('a %s camera rejects with its code and keeps the SDK codes', async (_, arrange, code, extra) => {
    setup()
    await join()
    arrange()
    await expect(engine.startCamera()).rejects.toMatchObject({ code, sdkCode: 5300, sdkExtraCode: extra })
    // nothing started: a retry after fixing it works
    cloud.devices.permission('camera', 'granted')
    cloud.devices.busy('camera-1', false)
    cloud.devices.add('camera', { deviceId: 'camera-1' })
    await expect(engine.startCamera()).resolves.toBeUndefined()
  })

  it('a cancelled screen picker is CANCELLED; the browser stopping the share ends it', async () => {
    const { of } = setup()
    await join()
    cloud.screenPicker = 'cancel'
    await expect(engine.startScreenShare()).rejects.toMatchObject({ code: MediaErrorCode.CANCELLED, sdkExtraCode: 5302 })
    cloud.screenPicker = 'allow'
    await engine.startScreenShare({ systemAudio: true })
    cloud.endScreenShare('alice')
    await cloud.flush()
    expect(of('screenShareEnded')).toEqual([['screenShareEnded', {}]])
    await engine.startScreenShare()
    expect(cloud.session('alice')?.published).toEqual(['screen'])
  })

  it('reports publishing as localPublish', async () => {
    const { of } = setup()
    await join()
    await engine.startMicrophone()
    await engine.stopMicrophone()
    await cloud.flush()
    expect(of('localPublish').map(([, i]) => i)).toEqual([
      { media: 'audio', state: 'starting' },
      { media: 'audio', state: 'started' },
      { media: 'audio', state: 'stopped' },
    ])
  })
})

describe('remote video', () => {
  async function withPeer() {
    const ctx = setup()
    await join()
    const bob = await joined(cloud, 'bob')
    return { ...ctx, bob }
  }

  it('starts, moves with updateRemoteVideo, ignores the same view, and replays after unavailable', async () => {
    const { named, bob } = await withPeer()
    const [v1, v2] = [view(), view()]
    await engine.playVideo('bob', 'camera', v1)
    await bob.client.startLocalVideo()
    await cloud.flush()
    await engine.playVideo('bob', 'camera', v2)
    await engine.playVideo('bob', 'camera', v2)
    await bob.client.stopLocalVideo()
    await bob.client.startLocalVideo()
    await cloud.flush()
    await engine.stopVideo('bob', 'camera')
    expect(named('startRemoteVideo', 'updateRemoteVideo', 'stopRemoteVideo')).toEqual([
      ['startRemoteVideo', { userId: 'bob', streamType: 'main', view: v1 }],
      ['updateRemoteVideo', { userId: 'bob', streamType: 'main', view: v2 }],
      ['startRemoteVideo', { userId: 'bob', streamType: 'main', view: v2 }],
      ['stopRemoteVideo', { userId: 'bob', streamType: 'main' }],
    ])
  })

  it('replays after the user leaves and comes back; a failed replay is a warning', async () => {
    const { named, of, bob } = await withPeer()
    await bob.client.startLocalVideo()
    await cloud.flush()
    await engine.playVideo('bob', 'camera', null)
    await bob.client.exitRoom()
    await cloud.flush()
    cloud.failNext('startRemoteVideo', { code: 5500, message: 'decoder' })
    await bob.client.enterRoom({ sdkAppId: SDK_APP_ID, userId: 'bob', userSig: 'sig', strRoomId: 'room', scene: 'live', role: 'anchor' })
    await cloud.flush()
    expect(of('warning')).toEqual([['warning', expect.objectContaining({ code: MediaErrorCode.NETWORK, message: 'decoder' })]])
    await bob.client.stopLocalVideo()
    await bob.client.startLocalVideo()
    await cloud.flush()
    expect(named('startRemoteVideo')).toHaveLength(3)
    expect(cloud.session('alice')?.playing.has('bob|main')).toBe(true)
  })

  it('reports blocked autoplay with a working resume', async () => {
    const { of, bob } = await withPeer()
    cloud.autoplay = false
    await bob.client.startLocalVideo()
    await engine.playVideo('bob', 'camera', view())
    await cloud.flush()
    const [[, info]] = of('autoplayBlocked') as [[string, MediaEngineEvents['autoplayBlocked']]]
    expect([info.userId, info.media]).toEqual(['bob', 'camera'])
    await expect(info.resume()).resolves.toBeUndefined()
  })

  it('mutes remote audio through muteRemoteAudio', async () => {
    const { named } = await withPeer()
    await engine.setRemoteAudioMuted('*', true)
    expect(named('muteRemoteAudio')).toEqual([['muteRemoteAudio', '*', true]])
    expect(cloud.session('alice')?.remoteAudioMuted.get('*')).toBe(true)
  })
})

describe('capture and playback volume', () => {
  it('sends the capture volume with the next microphone start, and updates a running one', async () => {
    const { named } = setup()
    await engine.setCaptureVolume(60) // before the SDK exists: remembered, nothing loaded
    expect(named('create')).toEqual([])
    await join()
    await engine.startMicrophone()
    expect(cloud.session('alice')?.captureVolume).toBe(60)
    await engine.setCaptureVolume(20)
    expect(cloud.session('alice')?.captureVolume).toBe(20)
    await engine.stopMicrophone()
    await engine.startMicrophone({ deviceId: 'mic-1' })
    expect(named('startLocalAudio', 'updateLocalAudio')).toEqual([
      ['startLocalAudio', { mute: false, option: { captureVolume: 60 } }],
      ['updateLocalAudio', { option: { captureVolume: 20 } }],
      ['startLocalAudio', { mute: false, option: { microphoneId: 'mic-1', captureVolume: 20 } }],
    ])
  })

  it('the capture volume scales my reported level', async () => {
    const { of } = setup()
    engine.setVolumeInterval(100)
    await join()
    await engine.setCaptureVolume(50)
    await engine.startMicrophone()
    cloud.setVolume('alice', 80)
    cloud.advance(100)
    await cloud.flush()
    expect(of('volumes')).toEqual([['volumes', { levels: [{ userId: 'alice', volume: 40 }] }]])
  })

  it('sets remote volumes through setRemoteAudioVolume, and again for a user whose audio comes later', async () => {
    const { named } = setup()
    await join()
    const bob = await joined(cloud, 'bob')
    await engine.setPlaybackVolume('*', 30)
    await engine.setPlaybackVolume('carol', 70)
    await bob.client.startLocalAudio()
    await cloud.flush()
    expect(named('setRemoteAudioVolume')).toEqual([
      ['setRemoteAudioVolume', '*', 30],
      ['setRemoteAudioVolume', 'carol', 70],
      ['setRemoteAudioVolume', 'bob', 30],
    ])
    expect(cloud.session('alice')?.remoteAudioVolume).toEqual(new Map([['*', 30], ['carol', 70], ['bob', 30]]))
  })

  it('refuses bad volumes before the SDK, and turns a throw of the SDK into a rejection', async () => {
    const { named } = setup()
    await join()
    for (const bad of [-1, 101, Number.NaN, '50' as unknown as number]) {
      await expect(engine.setCaptureVolume(bad)).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
      await expect(engine.setPlaybackVolume('bob', bad)).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    }
    await expect(engine.setPlaybackVolume('', 50)).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await engine.startMicrophone()
    expect(named('setRemoteAudioVolume', 'updateLocalAudio')).toEqual([])
    expect(named('startLocalAudio')).toEqual([['startLocalAudio', { mute: false, option: {} }]])

    const client = (await vi.mocked(cloud.TRTC.create).mock.results[0]!.value) as { setRemoteAudioVolume: (...a: unknown[]) => void }
    vi.spyOn(client, 'setRemoteAudioVolume').mockImplementation(() => { throw new cloud.FakeRtcError(5000, 5002, 'volume must be a number') })
    await expect(engine.setPlaybackVolume('bob', 50)).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT, sdkCode: 5000 })
  })
})

describe('statistics', () => {
  it('maps the SDK report: the camera (else the screen) of me and of each peer I receive', async () => {
    const stats: Array<MediaEngineEvents['statistics']> = []
    setup()
    engine.on('statistics', (info) => stats.push(info))
    await join()
    const bob = await joined(cloud, 'bob')
    await engine.startCamera({ quality: '540p' })
    await engine.startMicrophone()
    await bob.client.startScreenShare()
    await cloud.flush()
    cloud.advance(2000)
    await cloud.flush()
    expect(stats).toEqual([{
      local: { videoBitrate: 1000, videoWidth: 960, videoHeight: 540, frameRate: 15, audioBitrate: 40, audioSampleRate: 0 },
      remote: [{ userId: 'bob', videoBitrate: 1600, videoWidth: 1920, videoHeight: 1080, frameRate: 5, audioBitrate: 0, audioSampleRate: 0 }],
    }])
  })
})

describe('volumes, network, devices', () => {
  it('applies an interval set before the SDK exists, and names me instead of ""', async () => {
    const { of, named } = setup()
    engine.setVolumeInterval(200)
    await join()
    await engine.startMicrophone()
    cloud.setVolume('alice', 42)
    cloud.advance(200)
    await cloud.flush()
    expect(named('enableAudioVolumeEvaluation')).toEqual([['enableAudioVolumeEvaluation', 200]])
    expect(of('volumes')).toEqual([['volumes', { levels: [{ userId: 'alice', volume: 42 }] }]])
  })

  it('maps network quality', async () => {
    const { of } = setup()
    await join()
    cloud.setNetwork('alice', { up: 3, down: 2, rtt: 120, loss: 8 })
    cloud.advance(2000)
    await cloud.flush()
    expect(of('network')).toEqual([['network', { up: 3, down: 2, rtt: 120, loss: 8 }]])
  })

  it('lists devices as DeviceInfo and reports hot-plug', async () => {
    const { of } = setup()
    expect(await engine.listDevices('microphone')).toEqual([{ deviceId: 'mic-1', label: 'Fake microphone 1', kind: 'microphone' }])
    await join()
    cloud.devices.add('camera', { deviceId: 'cam-usb', label: 'USB' })
    await cloud.flush()
    expect(of('device')).toEqual([['device', { kind: 'camera', action: 'add', device: { deviceId: 'cam-usb', label: 'USB', kind: 'camera' } }]])
  })

  it('setSpeaker checks the id, then switches through the static', async () => {
    const { of } = setup()
    const set = vi.spyOn(cloud.TRTC, 'setCurrentSpeaker')
    await join()
    await expect(engine.setSpeaker('nope')).rejects.toMatchObject({ code: MediaErrorCode.DEVICE_NOT_FOUND })
    expect(set).not.toHaveBeenCalled()
    await engine.setSpeaker('speaker-1')
    await cloud.flush()
    expect(of('device')).toEqual([['device', { kind: 'speaker', action: 'active', device: { deviceId: 'speaker-1', label: 'Fake speaker 1', kind: 'speaker' } }]])
  })

  it('a camera that cannot be recaptured is a warning, not a removal', async () => {
    const { of } = setup()
    await join()
    await engine.startCamera()
    cloud.devices.remove('camera-1')
    await cloud.flush()
    expect(of('warning', 'removed')).toEqual([['warning', expect.objectContaining({ code: MediaErrorCode.UNKNOWN, sdkCode: 5300, sdkExtraCode: 5308 })]])
    expect(cloud.session('alice')).toBeDefined()
  })
})

describe('removal', () => {
  it('kicked-out: reports the reason, stops local media, never calls exitRoom', async () => {
    const { of, named } = setup()
    await join()
    await engine.startMicrophone()
    cloud.removeUser('room', 'alice')
    await cloud.flush()
    expect(of('removed')).toEqual([['removed', { reason: 'banned' }]])
    expect(named('stopLocalAudio')).toHaveLength(1)
    await engine.leave()
    expect(named('exitRoom')).toEqual([])
    // out of the room: the next join is a fresh one
    await join()
    expect(cloud.session('alice')?.capturing).toEqual([])
  })

  it('a fatal error removes with the mapped error', async () => {
    const { of, named } = setup()
    await join()
    cloud.dropConnection('alice', { recover: false })
    await cloud.flush()
    expect(of('removed')).toEqual([['removed', { reason: 'error', error: expect.objectContaining({ code: MediaErrorCode.NETWORK, sdkCode: 5500, sdkExtraCode: 5502 }) }]])
    await expect(engine.setRole('anchor')).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
    expect(named('switchRole')).toEqual([])
  })
})

describe('co-host', () => {
  it('maps connect / mute / disconnect to the CrossRoom plugin', async () => {
    const { named } = setup()
    await join()
    await joined(cloud, 'bob', { strRoomId: 'r2' })
    await joined(cloud, 'carol', { strRoomId: 'r3' })
    await expect(engine.connectRoom({ roomId: 'room' })).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await engine.connectRoom({ roomId: 'r2' })
    await engine.connectRoom({ roomId: 'r3', userId: 'carol' })
    await engine.setConnectedMuted({ roomId: 'r2', audio: true })
    await engine.setConnectedMuted({ roomId: 'r2', video: true })
    await engine.disconnectRoom()
    expect(named('startPlugin', 'updatePlugin', 'stopPlugin')).toEqual([
      ['startPlugin', 'CrossRoom', { strRoomId: 'r2' }],
      ['startPlugin', 'CrossRoom', { strRoomId: 'r3', userId: 'carol' }],
      ['updatePlugin', 'CrossRoom', { updateList: [{ strRoomId: 'r2', muteAudio: true, muteVideo: false, muteSubStream: false }] }],
      ['updatePlugin', 'CrossRoom', { updateList: [{ strRoomId: 'r2', muteAudio: true, muteVideo: true, muteSubStream: true }] }],
      ['stopPlugin', 'CrossRoom', { strRoomId: 'r2' }],
      ['stopPlugin', 'CrossRoom', { strRoomId: 'r3' }],
    ])
    expect(cloud.rooms().flatMap((r) => r.links)).toEqual([])
  })

  it('connecting again to a linked room keeps the link, or replaces it for another anchor', async () => {
    const { named } = setup()
    await join()
    await joined(cloud, 'bob', { strRoomId: 'r2' })
    await joined(cloud, 'bert', { strRoomId: 'r2' })
    await engine.connectRoom({ roomId: 'r2' })
    await engine.setConnectedMuted({ roomId: 'r2', audio: true })
    await engine.connectRoom({ roomId: 'r2' })
    await engine.connectRoom({ roomId: 'r2', userId: 'bert' })
    await engine.setConnectedMuted({ roomId: 'r2', video: true })
    expect(named('startPlugin', 'updatePlugin', 'stopPlugin')).toEqual([
      ['startPlugin', 'CrossRoom', { strRoomId: 'r2' }],
      ['updatePlugin', 'CrossRoom', { updateList: [{ strRoomId: 'r2', muteAudio: true, muteVideo: false, muteSubStream: false }] }],
      ['stopPlugin', 'CrossRoom', { strRoomId: 'r2' }],
      ['startPlugin', 'CrossRoom', { strRoomId: 'r2', userId: 'bert' }],
      // the old link's mutes went with it
      ['updatePlugin', 'CrossRoom', { updateList: [{ strRoomId: 'r2', muteAudio: false, muteVideo: true, muteSubStream: true }] }],
    ])
    expect(cloud.rooms().flatMap((r) => r.links)).toEqual([{ owner: 'alice', to: `${SDK_APP_ID}|s|r2`, userId: 'bert' }])
  })

  it('needs the CrossRoom plugin', async () => {
    setup({ crossRoom: false })
    await join()
    await expect(engine.connectRoom({ roomId: 'r2' })).rejects.toMatchObject({ code: MediaErrorCode.NOT_SUPPORTED })
  })
})
