import { createEmitter } from '../../emitter'
import { MediaError } from '../errors'
import { MediaErrorCode, type CameraOptions, type DeviceKind, type JoinOptions, type MediaEngine, type MediaEngineEvents, type MediaRole } from '../types'
import { loadTrtcSdk } from './load'
import { CONNECTION_OF, fromSdkError, isRoomFatal, isSdkError, MEDIA_OF, QUALITY_PROFILES, SOURCE_OF, STREAM_OF, toDeviceInfo, toLeaveReason, toNetwork, toStatistics, toTrtcMirror } from './mapping'
import { createKeyedQueue } from './queue'
import { createRemotePlayback } from './remote'
import type { TrtcCheckedModules, TrtcClient, TrtcLocalVideoConfig, TrtcModules, TrtcScene, TrtcSdk } from './sdk'
import { assertFlag, assertNonEmpty, assertObject, assertView, checkSdk, invalid, isValidRoomId, isValidUserId, isVideoQuality } from './validate'

/** Options of `createTrtcEngine`. */
export interface TrtcEngineOptions {
  readonly sdkAppId: number
  readonly userId: string
  readonly userSig: string
  /** `trtc-sdk-v5`'s default export (`import TRTC from 'trtc-sdk-v5'`; tests pass the fake's). Without it, `load` runs on first use. */
  readonly TRTC?: TrtcSdk
  /** The CrossRoom plugin class (`import { CrossRoom } from 'trtc-sdk-v5/plugins/cross-room'`), needed for co-host. */
  readonly CrossRoom?: unknown
  /**
   * Loads the SDK on first use, when `TRTC` is not given. Default: `loadTrtcSdk`, whose run-time
   * import a bundler cannot resolve, so bundled apps pass their own.
   * @example
   * load: async () => ({
   *   TRTC: (await import('trtc-sdk-v5')).default,
   *   CrossRoom: (await import('trtc-sdk-v5/plugins/cross-room')).CrossRoom,
   * })
   */
  readonly load?: () => Promise<TrtcModules>
}

const LIST: Readonly<Record<DeviceKind, 'getCameraList' | 'getMicrophoneList' | 'getSpeakerList'>> = {
  camera: 'getCameraList',
  microphone: 'getMicrophoneList',
  speaker: 'getSpeakerList',
}

const isAbort = (error: unknown) => isSdkError(error) && error.code === 5998
const isRole = (role: unknown): role is MediaRole => role === 'anchor' || role === 'audience'
const isVolume = (volume: unknown): volume is number => typeof volume === 'number' && volume >= 0 && volume <= 100

/** Drops `undefined` fields: SDK updates are incremental, so an absent field must stay absent. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

function videoConfig(o: CameraOptions): TrtcLocalVideoConfig {
  assertObject(o)
  if (o.quality !== undefined && !isVideoQuality(o.quality)) throw invalid(`Unknown quality "${String(o.quality)}": use 360p, 540p, 720p or 1080p`)
  assertFlag(o.mirror, 'mirror')
  assertNonEmpty(o.deviceId, 'deviceId', true)
  assertView(o.view, true)
  const option = compact({
    cameraId: o.deviceId,
    profile: o.quality && QUALITY_PROFILES[o.quality],
    mirror: o.mirror === undefined ? undefined : toTrtcMirror(o.mirror),
  })
  return compact({ view: o.view, option })
}

/**
 * The MediaEngine over `trtc-sdk-v5`. The SDK is never imported at module load: it is injected, or
 * loaded on first use. It papers over the SDK's traps: string room ids only, explicit roles, audience
 * publishing refused, leave = stop media + exitRoom, views replayed after the SDK forgets them, and
 * start/stop serialised per device.
 * @example
 * const media = createTrtcEngine({ sdkAppId, userId: 'alice', userSig })
 * await media.join({ roomId: 'live_1', userId: 'alice', role: 'anchor' })
 */
export function createTrtcEngine(options: TrtcEngineOptions): MediaEngine {
  const { sdkAppId, userId: me, userSig } = options
  if (!Number.isInteger(sdkAppId) || sdkAppId <= 0) throw invalid('sdkAppId must be a positive integer')
  if (!isValidUserId(me)) throw invalid('userId must be 1–32 characters of letters, digits, _ or -')
  if (typeof userSig !== 'string' || !userSig.trim()) throw invalid('userSig must be a non-empty string')
  if (options.load !== undefined && typeof options.load !== 'function') throw invalid('load must be a function')

  const events = createEmitter<MediaEngineEvents>()
  const queue = createKeyedQueue(isAbort)
  const local = { audio: false, camera: false, screen: false }
  const muted = { audio: false, camera: false }
  /** co-host links: target room → the anchor there (user level) or `undefined` (room level) */
  const links = new Map<string, string | undefined>()
  const linkMutes = new Map<string, { audio: boolean; video: boolean }>()
  let room: { readonly roomId: string; readonly role: MediaRole; readonly scene: TrtcScene } | undefined
  /** from `leave()` until its exit: nothing may start any more */
  let leaving = false
  let volumeInterval = 0
  let captureVolume = 100
  /** remote audio volumes by userId ('*' = the others), reapplied when a user's audio comes */
  const playbackVolume = new Map<string, number>()
  let disposed = false
  let modules: Promise<TrtcCheckedModules> | undefined = options.TRTC === undefined ? undefined : Promise.resolve(checkSdk(options, 'TRTC'))
  let created: Promise<TrtcClient> | undefined
  let client: TrtcClient | undefined

  function sdk(): Promise<TrtcCheckedModules> {
    modules ??= (options.load ?? loadTrtcSdk)()
      .then((loaded: unknown) => checkSdk(loaded, 'The TRTC that load() resolved'), (error: unknown) => {
        const why = error instanceof Error ? error.message : String(error)
        throw new MediaError(MediaErrorCode.NOT_SUPPORTED, `trtc-sdk-v5 could not be loaded (${why}): install it, or pass TRTC or load`, { cause: error })
      })
      .catch((error: unknown) => {
        // the next use loads again
        modules = undefined
        throw error
      })
    return modules
  }

  function getClient(): Promise<TrtcClient> {
    if (disposed) return Promise.reject(new MediaError(MediaErrorCode.DISPOSED, 'This engine is disposed: create a new one'))
    created ??= sdk().then(({ TRTC, CrossRoom }) => {
      const c = TRTC.create({ plugins: CrossRoom ? [CrossRoom] : [] })
      wire(c)
      if (volumeInterval > 0) c.enableAudioVolumeEvaluation(volumeInterval)
      client = c
      return c
    }, (error: unknown) => {
      created = undefined
      throw error
    })
    return created
  }

  /** Runs a task in its queue; rejects with a `MediaError`. */
  function run(key: string, task: () => Promise<unknown>, context: { screen?: boolean } = {}): Promise<void> {
    return queue.run(key, task).then(() => undefined, (error: unknown) => Promise.reject(fromSdkError(error, context)))
  }

  /** Same, for a task that needs the SDK instance (created, and the SDK loaded, on first use). */
  function call(key: string, task: (c: TrtcClient) => Promise<unknown>, context: { screen?: boolean } = {}): Promise<void> {
    return run(key, async () => task(await getClient()), context)
  }

  const remote = createRemotePlayback({ client: getClient, queue, warn: (error) => events.emit('warning', error) })

  function inRoom() {
    if (!room || leaving) throw new MediaError(MediaErrorCode.NOT_IN_ROOM, 'Not in a media room: call join() first')
    return room
  }

  function publisher() {
    const r = inRoom()
    if (r.scene === 'live' && r.role === 'audience') throw new MediaError(MediaErrorCode.NOT_PUBLISHER, 'An audience cannot publish: call setRole("anchor") first')
    return r
  }

  /** Runs a start in its device queue; I must be a publisher when calling and again at its turn (a leave or step-down may come between). */
  function start(media: keyof typeof local, task: (c: TrtcClient) => Promise<unknown>): Promise<void> {
    publisher()
    return call(media, async (c) => {
      publisher()
      await task(c)
    }, { screen: media === 'screen' })
  }

  // Stops run in the device's queue (after a pending start) and only touch the SDK if we started
  // something, so leaving never loads the SDK just to stop nothing.
  const stopper = (media: keyof typeof local, stop: (c: TrtcClient) => Promise<void>) => () =>
    run(media, async () => {
      if (local[media] && client) await stop(client)
      local[media] = false
    }, { screen: media === 'screen' })
  const stopMicrophone = stopper('audio', (c) => c.stopLocalAudio())
  const stopCamera = stopper('camera', (c) => c.stopLocalVideo())
  const stopScreenShare = stopper('screen', (c) => c.stopScreenShare())
  // the SDK's order when a publisher leaves (main video, audio, sub), which the local engine follows too
  const stopLocalMedia = () => Promise.all([stopCamera(), stopMicrophone(), stopScreenShare()])

  /** Stops local media, then exits; the exit is queued at once, so a join called right after runs after it. */
  function leave(): Promise<void> {
    leaving = true
    // exitRoom keeps capture and would republish it on the next enterRoom, hence the stops first
    const stopped = stopLocalMedia().catch((error: MediaError) => events.emit('warning', error))
    return run('room', async () => {
      try {
        await stopped
        if (room && client) await client.exitRoom()
        outOfRoom()
      } finally {
        leaving = false
      }
    })
  }

  async function unlink(c: TrtcClient, roomId: string) {
    await c.stopPlugin('CrossRoom', { strRoomId: roomId })
    links.delete(roomId)
    for (const k of linkMutes.keys()) if (k.startsWith(`${roomId}|`)) linkMutes.delete(k)
  }

  function outOfRoom() {
    room = undefined
    links.clear()
    linkMutes.clear()
    remote.reset()
  }

  /** The SDK already left the room (kicked, banned, disbanded, fatal error): no second exitRoom. */
  function removed(info: MediaEngineEvents['removed']) {
    outOfRoom()
    events.emit('removed', info)
    stopLocalMedia().catch((error: MediaError) => events.emit('warning', error))
  }

  /** `setRemoteAudioVolume` is sync and throws: a throw becomes a warning here, where nobody awaits. */
  function applyPlaybackVolume(c: TrtcClient, userId: string, volume: number) {
    try {
      c.setRemoteAudioVolume(userId, volume)
    } catch (error) {
      events.emit('warning', fromSdkError(error))
    }
  }

  function wire(c: TrtcClient) {
    c.on('connection-state-changed', ({ state, isReconnecting }) => events.emit('connection', { state: CONNECTION_OF[state], reconnecting: isReconnecting === true }))
    c.on('remote-user-enter', ({ userId }) => events.emit('userJoined', { userId }))
    // the SDK reports a leaver's streams unavailable before its exit, so playback needs nothing here
    c.on('remote-user-exit', ({ userId, reason }) => events.emit('userLeft', { userId, reason: toLeaveReason(reason) }))
    c.on('remote-audio-available', ({ userId }) => {
      // the SDK's '*' may not reach users who publish later: set theirs again
      const volume = playbackVolume.get(userId) ?? playbackVolume.get('*')
      if (volume !== undefined) applyPlaybackVolume(c, userId, volume)
      events.emit('remoteMedia', { userId, media: 'audio', available: true })
    })
    c.on('remote-audio-unavailable', ({ userId }) => events.emit('remoteMedia', { userId, media: 'audio', available: false }))
    for (const available of [true, false]) {
      c.on(available ? 'remote-video-available' : 'remote-video-unavailable', ({ userId, streamType }) => {
        const source = SOURCE_OF[streamType]
        events.emit('remoteMedia', { userId, media: source, available })
        remote.setAvailable(userId, source, available)
      })
    }
    c.on('publish-state-changed', ({ mediaType, state, error }) => {
      const media = MEDIA_OF[mediaType]
      const mapped = error && fromSdkError(error, { screen: media === 'screen' })
      events.emit('localPublish', mapped ? { media, state, error: mapped } : { media, state })
      if (mapped) events.emit('warning', mapped)
    })
    c.on('audio-volume', ({ result }) => events.emit('volumes', { levels: result.map(({ userId, volume }) => ({ userId: userId || me, volume })) }))
    c.on('network-quality', (quality) => events.emit('network', toNetwork(quality)))
    c.on('statistics', (statistics) => events.emit('statistics', toStatistics(statistics)))
    c.on('device-changed', ({ type, action, device }) => events.emit('device', { kind: type, action, device: toDeviceInfo(device, type) }))
    c.on('autoplay-failed', ({ userId, mediaType, resume }) => events.emit('autoplayBlocked', { userId, media: MEDIA_OF[mediaType], resume }))
    c.on('screen-share-stopped', () => {
      local.screen = false
      events.emit('screenShareEnded', {})
    })
    c.on('kicked-out', ({ reason }) => removed({ reason }))
    c.on('error', (error) => {
      if (isRoomFatal(error)) removed({ reason: 'error', error: fromSdkError(error) })
      else events.emit('warning', fromSdkError(error))
    })
  }

  return {
    kind: 'trtc',

    async join(o: JoinOptions) {
      assertObject(o)
      const { roomId, userId, role, scene = 'live' } = o
      if (!isValidRoomId(roomId)) throw invalid('roomId must be 1–64 characters of letters, digits, space or !#$%&()+-:;<=.>?@[]^_{}|~,')
      if (userId !== me) throw invalid(`This engine joins as "${me}": its userSig is bound to that userId`)
      if (!isRole(role)) throw invalid('role must be "anchor" or "audience"')
      if (scene !== 'live' && scene !== 'rtc') throw invalid('scene must be "live" or "rtc"')
      // roomId always maps to strRoomId ("123" and 123 are different TRTC rooms); role is always explicit
      await call('room', async (c) => {
        if (room) throw new MediaError(MediaErrorCode.ALREADY_IN_ROOM, `Already in room "${room.roomId}": call leave() first`)
        await c.enterRoom({ sdkAppId, userId, userSig, strRoomId: roomId, scene, role, enableAutoPlayDialog: false })
        room = { roomId, role, scene }
      })
    },

    leave,

    async setRole(role) {
      if (!isRole(role)) throw invalid('role must be "anchor" or "audience"')
      const joined = inRoom()
      // set first, so that starts are refused from now on; restored if the switch fails
      room = { ...joined, role }
      try {
        // step down: stop publishing first, the SDK would keep capturing and republish on the next switch
        if (role === 'audience' && joined.scene === 'live') await stopLocalMedia()
        // the latest wish wins when calls overlap
        await call('room', async (c) => room && c.switchRole(room.role))
      } catch (error) {
        if (room?.role === role) room = { ...room, role: joined.role }
        throw error
      }
    },

    async startMicrophone(o = {}) {
      assertObject(o)
      assertNonEmpty(o.deviceId, 'deviceId', true)
      await start('audio', async (c) => {
        if (local.audio) return o.deviceId === undefined ? undefined : c.updateLocalAudio({ option: { microphoneId: o.deviceId } })
        // read at its turn: a volume set while this start waited applies
        const option = compact({ microphoneId: o.deviceId, captureVolume: captureVolume === 100 ? undefined : captureVolume })
        await c.startLocalAudio({ mute: muted.audio, option })
        local.audio = true
      })
    },

    stopMicrophone,

    async setMicrophoneMuted(mute) {
      if (typeof mute !== 'boolean') throw invalid('muted must be a boolean')
      // remembered while the microphone is off (no SDK needed), applied when it starts
      await run('audio', async () => {
        if (local.audio) await client?.updateLocalAudio({ mute })
        muted.audio = mute
      })
    },

    async startCamera(o = {}) {
      const config = videoConfig(o)
      await start('camera', async (c) => {
        if (local.camera) return c.updateLocalVideo(config)
        await c.startLocalVideo({ ...config, mute: muted.camera })
        local.camera = true
      })
    },

    async updateCamera(o) {
      const config = videoConfig(o)
      await call('camera', async (c) => {
        if (!local.camera) throw invalid('Call startCamera() before updateCamera()')
        await c.updateLocalVideo(config)
      })
    },

    stopCamera,

    async setCameraMuted(mute) {
      if (typeof mute !== 'boolean') throw invalid('muted must be a boolean')
      await run('camera', async () => {
        if (local.camera) await client?.updateLocalVideo({ mute })
        muted.camera = mute
      })
    },

    async startScreenShare(o = {}) {
      assertObject(o)
      assertView(o.view, true)
      assertFlag(o.systemAudio, 'systemAudio')
      await start('screen', async (c) => {
        // a share runs on: a second start only moves its preview (system audio is chosen in the picker)
        if (local.screen) return o.view === undefined ? undefined : c.updateScreenShare({ view: o.view })
        await c.startScreenShare(compact({ view: o.view, option: compact({ systemAudio: o.systemAudio }) }))
        local.screen = true
      })
    },

    stopScreenShare,

    async playVideo(userId, source, view) {
      assertNonEmpty(userId, 'userId')
      if (!Object.hasOwn(STREAM_OF, source)) throw invalid('source must be "camera" or "screen"')
      assertView(view)
      inRoom()
      if (userId === me) throw invalid('Your own video is a local preview: pass `view` to startCamera(), updateCamera() or startScreenShare()')
      await remote.play(userId, source, view)
    },

    async stopVideo(userId, source) {
      assertNonEmpty(userId, 'userId')
      if (!Object.hasOwn(STREAM_OF, source)) throw invalid('source must be "camera" or "screen"')
      await remote.stop(userId, source)
    },

    async setRemoteAudioMuted(userId, mute) {
      if (typeof userId !== 'string' || !userId) throw invalid('userId must be a non-empty string or "*"')
      if (typeof mute !== 'boolean') throw invalid('muted must be a boolean')
      await call(`remote-audio|${userId}`, (c) => c.muteRemoteAudio(userId, mute))
    },

    async setCaptureVolume(volume) {
      if (!isVolume(volume)) throw invalid('volume must be a number from 0 to 100')
      // remembered while the microphone is off (no SDK needed), applied when it starts
      await run('audio', async () => {
        if (local.audio) await client?.updateLocalAudio({ option: { captureVolume: volume } })
        captureVolume = volume
      })
    },

    async setPlaybackVolume(userId, volume) {
      if (typeof userId !== 'string' || !userId) throw invalid('userId must be a non-empty string or "*"')
      if (!isVolume(volume)) throw invalid('volume must be a number from 0 to 100')
      await call(`remote-audio|${userId}`, async (c) => {
        try {
          c.setRemoteAudioVolume(userId, volume)
        } catch (error) {
          throw fromSdkError(error)
        }
        if (userId === '*') playbackVolume.clear()
        playbackVolume.set(userId, volume)
      })
    },

    async listDevices(kind) {
      if (!Object.hasOwn(LIST, kind)) throw invalid('kind must be "camera", "microphone" or "speaker"')
      const { TRTC } = await sdk()
      const list = await TRTC[LIST[kind]]().catch((error: unknown) => Promise.reject(fromSdkError(error)))
      return list.map((device) => toDeviceInfo(device, kind))
    },

    async setSpeaker(deviceId) {
      assertNonEmpty(deviceId, 'deviceId')
      const { TRTC } = await sdk()
      const speakers = await TRTC.getSpeakerList().catch((error: unknown) => Promise.reject(fromSdkError(error)))
      // the SDK silently ignores an unknown id
      if (!speakers.some((s) => s.deviceId === deviceId)) throw new MediaError(MediaErrorCode.DEVICE_NOT_FOUND, `No speaker "${String(deviceId)}": pick one from listDevices("speaker")`)
      await TRTC.setCurrentSpeaker(deviceId).catch((error: unknown) => Promise.reject(fromSdkError(error)))
    },

    setVolumeInterval(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw invalid('The volume interval must be a number of milliseconds ≥ 0')
      volumeInterval = ms
      client?.enableAudioVolumeEvaluation(ms)
    },

    async connectRoom(link) {
      assertObject(link)
      const { roomId, userId } = link
      if (!isValidRoomId(roomId)) throw invalid('roomId must be a valid room id')
      if (userId !== undefined && !isValidUserId(userId)) throw invalid('userId must be 1–32 characters of letters, digits, _ or -')
      if (roomId === publisher().roomId) throw invalid('connectRoom needs another room than mine')
      if (!(await sdk()).CrossRoom) throw new MediaError(MediaErrorCode.NOT_SUPPORTED, 'Co-host needs the CrossRoom plugin (trtc-sdk-v5/plugins/cross-room)')
      await call('cross', async (c) => {
        if (links.has(roomId) && links.get(roomId) === userId) return
        // another level or anchor: the new link replaces the old one
        if (links.has(roomId)) await unlink(c, roomId)
        await c.startPlugin('CrossRoom', compact({ strRoomId: roomId, userId }))
        links.set(roomId, userId)
      })
    },

    async setConnectedMuted(mute) {
      assertObject(mute)
      const { roomId, userId, audio, video } = mute
      assertNonEmpty(roomId, 'roomId')
      assertNonEmpty(userId, 'userId', true)
      assertFlag(audio, 'audio')
      assertFlag(video, 'video')
      inRoom()
      const muteKey = `${roomId}|${userId ?? ''}`
      await call('cross', async (c) => {
        if (!links.has(roomId)) throw invalid(`Not connected to room "${roomId}": call connectRoom() first`)
        const prev = linkMutes.get(muteKey) ?? { audio: false, video: false }
        const next = { audio: audio ?? prev.audio, video: video ?? prev.video }
        await c.updatePlugin('CrossRoom', {
          updateList: [compact({ strRoomId: roomId, userId, muteAudio: next.audio, muteVideo: next.video, muteSubStream: next.video })],
        })
        linkMutes.set(muteKey, next)
      })
    },

    async disconnectRoom(roomId) {
      assertNonEmpty(roomId, 'roomId', true)
      // run, not call: with no link there is nothing to stop and no SDK to load
      await run('cross', async () => {
        for (const target of roomId === undefined ? [...links.keys()] : links.has(roomId) ? [roomId] : []) {
          if (client) await unlink(client, target)
        }
      })
    },

    async dispose() {
      if (disposed) return
      // an unmount hook must be able to rely on dispose: a failed exit is reported, never thrown
      await leave().catch((error: MediaError) => events.emit('warning', error))
      disposed = true
      client?.off('*')
      // the SDK refuses destroy() while still in the room, which a failed exit leaves it in
      if (!room) client?.destroy()
      client = undefined
      events.clear()
    },

    on: events.on,
  }
}
