import { createEmitter } from '../emitter'
import type { AttachedMedia, AudioGain, LevelMeter, MediaBackend } from './backend'
import { createBrowserBackend } from './browserBackend'
import { MediaError, toMediaError } from './errors'
import type { LocalMediaNetwork, Membership, NetworkEvent } from './localNetwork'
import {
  MediaErrorCode,
  type CameraOptions,
  type DeviceInfo,
  type DeviceKind,
  type Media,
  type MediaEngine,
  type MediaEngineEvents,
  type MediaRole,
  type MediaStreamStatistics,
  type MediaVideoQuality,
  type VideoSource,
} from './types'

/** What a local engine needs: the shared network, and where devices come from. */
export interface LocalMediaEngineOptions {
  /** The in-page registry shared by every local engine of the page or hub. */
  readonly network: LocalMediaNetwork
  /** Default: the browser (`createBrowserBackend()`); tests pass `createFakeBackend()`. */
  readonly backend?: MediaBackend
  /** The user this engine belongs to: `join` as anybody else is refused. */
  readonly userId?: string
}

// Same rules as the TRTC engine (userId recommendation, strRoomId charset), so both refuse the same input.
const USER_ID = /^[A-Za-z0-9_-]{1,32}$/
const ROOM_ID = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/
const ROLES: readonly MediaRole[] = ['anchor', 'audience']
const SCENES = ['live', 'rtc'] as const
const SOURCES: readonly VideoSource[] = ['camera', 'screen']
const KINDS: readonly DeviceKind[] = ['camera', 'microphone', 'speaker']
const ORDER: readonly Media[] = ['camera', 'audio', 'screen']

const ideal = (width: number, height: number): MediaTrackConstraints =>
  ({ width: { ideal: width }, height: { ideal: height }, frameRate: { ideal: 15 } })
const QUALITY: Readonly<Record<MediaVideoQuality, MediaTrackConstraints>> = {
  '360p': ideal(640, 360),
  '540p': ideal(960, 540),
  '720p': ideal(1280, 720),
  '1080p': ideal(1920, 1080),
}

const NAME: Readonly<Record<Media, string>> = { audio: 'Microphone', camera: 'Camera', screen: 'Screen share' }
const BROWSER_KIND: ReadonlyMap<string, DeviceKind> = new Map([
  ['videoinput', 'camera'],
  ['audioinput', 'microphone'],
  ['audiooutput', 'speaker'],
])

// A screen picker hangs forever without a user gesture (headless browsers): give up after a minute.
const PICKER_TIMEOUT_MS = 60_000
// TRTC's minimum volume interval
const MIN_VOLUME_INTERVAL_MS = 100
// In-page hand-over never loses a packet: excellent, no delay. Reported as often as TRTC does.
const IN_PAGE_NETWORK: MediaEngineEvents['network'] = { up: 1, down: 1, rtt: 0, loss: 0 }
const NETWORK_INTERVAL_MS = 2000

function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new MediaError(MediaErrorCode.INVALID_ARGUMENT, message)
}
const oneOf = <T>(value: unknown, allowed: readonly T[]): value is T => allowed.includes(value as T)
// an element (anything with a tagName, as fakes have too): a component instance or a plain object would
// only fail inside attach(), after the device was opened
const isView = (view: unknown) => view === undefined || view === null || (typeof view === 'object' && typeof (view as { tagName?: unknown }).tagName === 'string')
const isFlag = (flag: unknown) => flag === undefined || typeof flag === 'boolean'

function checkVolume(volume: unknown): asserts volume is number {
  check(typeof volume === 'number' && volume >= 0 && volume <= 100, 'volume must be a number from 0 to 100')
}

/**
 * One stream pair's figures from the tracks' settings. Bitrates stay 0: in-page hand-over encodes
 * nothing, so there is no bitrate to measure.
 */
function statisticsOf(streams: ReadonlyMap<Media, MediaStream>): MediaStreamStatistics {
  const video = (streams.get('camera') ?? streams.get('screen'))?.getVideoTracks()[0]?.getSettings()
  const audio = streams.get('audio')?.getAudioTracks()[0]?.getSettings()
  return {
    videoBitrate: 0,
    videoWidth: video?.width ?? 0,
    videoHeight: video?.height ?? 0,
    frameRate: Math.round(video?.frameRate ?? 0),
    audioBitrate: 0,
    audioSampleRate: audio?.sampleRate ?? 0,
  }
}

function checkDeviceId(deviceId: unknown): void {
  check(deviceId === undefined || (typeof deviceId === 'string' && deviceId !== ''), 'deviceId must be a non-empty string')
}

function checkCamera(options: CameraOptions): void {
  check(typeof options === 'object' && options !== null, 'options must be an object')
  checkDeviceId(options.deviceId)
  check(options.quality === undefined || Object.hasOwn(QUALITY, options.quality), `quality must be one of ${Object.keys(QUALITY).join(', ')}`)
  check(isFlag(options.mirror), 'mirror must be a boolean')
  check(isView(options.view), 'view must be an HTMLElement or null')
}

function videoConstraints(deviceId?: string, quality?: MediaVideoQuality): MediaTrackConstraints {
  return { ...(deviceId === undefined ? {} : { deviceId: { exact: deviceId } }), ...(quality && QUALITY[quality]) }
}

const stopTracks = (stream: MediaStream) => stream.getTracks().forEach((t) => t.stop())
const deviceOf = (stream: MediaStream) => stream.getTracks()[0]?.getSettings().deviceId

interface Joined {
  readonly roomId: string
  readonly userId: string
  readonly scene: 'live' | 'rtc'
  readonly membership: Membership
  role: MediaRole
}

/** What a capture was asked for; kept to redo it on a device or quality switch. */
interface CaptureSpec {
  readonly deviceId?: string
  readonly quality?: MediaVideoQuality
  readonly mirror: boolean
  readonly view?: HTMLElement
}

const FRESH: Readonly<Record<Media, CaptureSpec>> = { audio: { mirror: false }, camera: { mirror: true }, screen: { mirror: false } }

/** New options over a capture's: `undefined` keeps a value, a `null` view removes the preview. */
function merge(spec: CaptureSpec, change: CameraOptions): CaptureSpec {
  return {
    deviceId: change.deviceId ?? spec.deviceId,
    quality: change.quality ?? spec.quality,
    mirror: change.mirror ?? spec.mirror,
    view: change.view === undefined ? spec.view : change.view ?? undefined,
  }
}

interface Capture extends CaptureSpec {
  readonly stream: MediaStream
  /** the microphone through the capture volume, made once a volume other than 100 is asked for */
  readonly gain?: AudioGain
  readonly preview?: AttachedMedia
  /** removes the track `ended` listener */
  readonly unlisten: () => void
}

interface Play {
  readonly view: HTMLElement
  stream?: MediaStream
  attached?: AttachedMedia
}

/**
 * The embedded engine: getUserMedia/getDisplayMedia through `backend`, streams handed to the other
 * engines of the same `network` in-page. Same rules as TRTC: `live` audiences are invisible and
 * cannot publish, leave stops local media, remote plays are remembered and replayed.
 */
export function createLocalMediaEngine(options: LocalMediaEngineOptions): MediaEngine {
  const { network, backend = createBrowserBackend(), userId: owner } = options
  const events = createEmitter<MediaEngineEvents>()
  const local = new Map<Media, Capture>()
  const remote = new Map<string, Map<Media, MediaStream>>()
  const plays = new Map<string, Play>()
  const audios = new Map<string, { readonly stream: MediaStream; readonly attached: AttachedMedia }>()
  const audioMuted = new Map<string, boolean>()
  /** mic/camera mutes, kept while the device is off and applied when it starts (as the TRTC engine does) */
  const muted = new Map<Media, boolean>()
  const meters = new Map<MediaStream, LevelMeter>()
  const chains = new Map<Media, Promise<unknown>>()
  const starting = new Map<Media, Promise<void>>()
  const aborts = new Set<() => void>()
  let room: Joined | undefined
  let allAudioMuted = false
  let speaker: string | undefined
  let captureVolume = 100
  /** remote audio volumes 0–100 by userId, kept across rooms; `allPlaybackVolume` for the others */
  const playbackVolume = new Map<string, number>()
  let allPlaybackVolume = 100
  let volumeTimer: ReturnType<typeof setInterval> | undefined
  let networkTimer: ReturnType<typeof setInterval> | undefined
  let disposed = false

  // ── state helpers ─────────────────────────────────────────────────────────

  function inRoom(): Joined {
    if (!room) throw new MediaError(MediaErrorCode.NOT_IN_ROOM, 'Not in a media room: call join() first')
    return room
  }

  const canPublish = () => room !== undefined && (room.scene === 'rtc' || room.role === 'anchor')

  function publisher(): Joined {
    const r = inRoom()
    if (!canPublish()) throw new MediaError(MediaErrorCode.NOT_PUBLISHER, "A live audience cannot open devices: call setRole('anchor') first")
    return r
  }

  /** Runs device tasks one after another, so a stop or update never overtakes a start. */
  function queue<T>(media: Media, task: () => Promise<T>): Promise<T> {
    const run = (chains.get(media) ?? Promise.resolve()).then(task)
    chains.set(media, run.catch(() => {}))
    return run
  }

  /**
   * Starts `media`, or applies `change` to it when it runs already (as TRTC's start while started is an
   * update). A second start while one is in flight (a double click) shares its outcome.
   */
  function startOrUpdate(media: Media, change: CameraOptions, request: (spec: CaptureSpec) => Promise<MediaStream>, timeoutMs?: number): Promise<void> {
    publisher()
    const pending = starting.get(media)
    if (pending) return pending
    const run = queue(media, async () => {
      // again: a leave or a step-down may have come while this start waited for its turn
      const r = publisher()
      const c = local.get(media)
      if (c) await update(media, c, merge(c, change), request)
      else await start(media, r, merge(FRESH[media], change), request, timeoutMs)
    }).finally(() => starting.delete(media))
    starting.set(media, run)
    return run
  }

  /** Opens a device; leaving the room (or the timeout) rejects it at once and stops a late stream. */
  function capture(request: () => Promise<MediaStream>, timeoutMs?: number): Promise<MediaStream> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      const settle = (done: () => void) => {
        if (!aborts.delete(abort)) return false
        clearTimeout(timer)
        done()
        return true
      }
      const abort = () => settle(() => reject(new MediaError(MediaErrorCode.CANCELLED, 'Left the room before the device opened')))
      aborts.add(abort)
      if (timeoutMs) {
        const message = `No answer from the browser within ${timeoutMs / 1000} s (a screen picker needs a user gesture)`
        timer = setTimeout(() => settle(() => reject(new MediaError(MediaErrorCode.CANCELLED, message))), timeoutMs)
      }
      Promise.resolve().then(request).then(
        (stream) => { if (!settle(() => resolve(stream))) stopTracks(stream) },
        (error) => settle(() => reject(toMediaError(error))),
      )
    })
  }

  // ── local media ───────────────────────────────────────────────────────────

  function publishState(media: Media, on: boolean): void {
    if (on) events.emit('localPublish', { media, state: 'starting' })
    events.emit('localPublish', { media, state: on ? 'started' : 'stopped' })
  }

  /** What the others get of a capture: the microphone after its gain. */
  const sent = (c: Capture) => c.gain?.stream ?? c.stream
  /** The captures the room may see (not muted), by media. */
  const offered = () => new Map([...local].flatMap(([media, c]) => (muted.get(media) ? [] : [[media, sent(c)] as const])))

  /** Tells the room what it may see of `media`; the network hides it while I am a live audience. */
  function offer(media: Media): void {
    room?.membership.publish(media, offered().get(media) ?? null)
  }

  function activeDevice(media: Media, stream: MediaStream): void {
    const track = stream.getTracks()[0]
    if (media === 'screen' || !track) return
    const kind = media === 'audio' ? 'microphone' : 'camera'
    events.emit('device', { kind, action: 'active', device: { deviceId: deviceOf(stream) ?? '', label: track.label, kind } })
  }

  const enable = (stream: MediaStream, media: Media) => stream.getTracks().forEach((t) => { t.enabled = !muted.get(media) })

  function hold(media: Media, spec: CaptureSpec, stream: MediaStream): void {
    const track = media === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0]
    const onEnded = () => ended(media)
    track?.addEventListener('ended', onEnded)
    enable(stream, media)
    local.set(media, {
      ...spec,
      // the device it runs on: asking for it again changes nothing, and a quality switch keeps it
      deviceId: spec.deviceId ?? deviceOf(stream),
      stream,
      gain: media === 'audio' && captureVolume !== 100 ? backend.gain(stream, captureVolume) : undefined,
      preview: spec.view && backend.attach(stream, spec.view, { mirror: spec.mirror, muted: true }),
      unlisten: () => track?.removeEventListener('ended', onEnded),
    })
  }

  function release(c: Capture, keepStream = false): void {
    c.unlisten()
    c.preview?.detach()
    c.gain?.stop()
    if (!keepStream) stopTracks(c.stream)
  }

  function drop(media: Media): void {
    const c = local.get(media)
    if (!c) return
    local.delete(media)
    release(c)
    offer(media)
    publishState(media, false)
  }

  /** The browser ended a track: "Stop sharing" pressed, or the device was unplugged or taken. */
  function ended(media: Media): void {
    drop(media)
    if (media === 'screen') events.emit('screenShareEnded', {})
    else events.emit('warning', { code: MediaErrorCode.DEVICE_NOT_FOUND, message: `${NAME[media]} stopped: unplugged or taken by another app` })
  }

  const requestCamera = ({ deviceId, quality }: CaptureSpec) => backend.getUserMedia({ video: videoConstraints(deviceId, quality) })

  async function start(media: Media, r: Joined, spec: CaptureSpec, request: (spec: CaptureSpec) => Promise<MediaStream>, timeoutMs?: number): Promise<void> {
    const stream = await capture(() => request(spec), timeoutMs)
    if (room !== r) {
      stopTracks(stream)
      throw new MediaError(MediaErrorCode.CANCELLED, 'Left the room before the device opened')
    }
    hold(media, spec, stream)
    activeDevice(media, stream)
    offer(media)
    publishState(media, true)
  }

  /** Applies new options to a running capture: a device or quality change recaptures, the rest moves or mirrors the preview. */
  async function update(media: Media, c: Capture, spec: CaptureSpec, request: (spec: CaptureSpec) => Promise<MediaStream>): Promise<void> {
    let stream = c.stream
    if (spec.deviceId !== c.deviceId || spec.quality !== c.quality) {
      const r = room
      stream = await capture(() => request(spec))
      if (room !== r || local.get(media) !== c) {
        stopTracks(stream)
        throw new MediaError(MediaErrorCode.CANCELLED, `${NAME[media]} stopped while switching`)
      }
    }
    if (stream === c.stream && spec.view === c.view && spec.mirror === c.mirror) return
    release(c, stream === c.stream)
    hold(media, spec, stream)
    offer(media)
    if (stream !== c.stream) activeDevice(media, stream)
  }

  async function setMuted(media: Media, mute: boolean): Promise<void> {
    check(typeof mute === 'boolean', 'muted must be a boolean')
    await queue(media, async () => {
      muted.set(media, mute)
      const c = local.get(media)
      if (!c) return
      enable(c.stream, media)
      offer(media)
    })
  }

  // ── remote media ──────────────────────────────────────────────────────────

  const playKey = (userId: string, source: VideoSource) => `${userId}/${source}`
  const isAudioMuted = (userId: string) => audioMuted.get(userId) ?? allAudioMuted
  const volumeOf = (userId: string) => (playbackVolume.get(userId) ?? allPlaybackVolume) / 100

  function applySpeaker(attached: AttachedMedia): void {
    if (speaker) attached.setSinkId(speaker).catch((e: unknown) => events.emit('warning', toMediaError(e).toJSON()))
  }

  function syncVideo(userId: string, source: VideoSource): void {
    const play = plays.get(playKey(userId, source))
    const stream = remote.get(userId)?.get(source)
    if (!play || play.stream === stream) return
    play.attached?.detach()
    play.stream = stream
    // audio comes through the hidden <audio> element: a muted video may always autoplay
    play.attached = stream && backend.attach(stream, play.view, { muted: true })
  }

  function syncAudio(userId: string): void {
    const stream = remote.get(userId)?.get('audio')
    const current = audios.get(userId)
    if (current?.stream === stream) return
    current?.attached.detach()
    audios.delete(userId)
    // detached <audio> elements play fine; without a DOM (SSR, Node) there is nothing to play into
    const element = stream && globalThis.document?.createElement('audio')
    if (!stream || !element) return
    const attached = backend.attach(stream, element, { muted: isAudioMuted(userId) })
    attached.element.volume = volumeOf(userId)
    audios.set(userId, { stream, attached })
    applySpeaker(attached)
  }

  function unplay(key: string): void {
    plays.get(key)?.attached?.detach()
    plays.delete(key)
  }

  function onNetwork(e: NetworkEvent): void {
    switch (e.type) {
      case 'userJoined':
        return events.emit('userJoined', { userId: e.userId })
      case 'userLeft':
        remote.delete(e.userId)
        return events.emit('userLeft', { userId: e.userId, reason: e.reason })
      case 'remoteMedia': {
        const streams = remote.get(e.userId) ?? new Map<Media, MediaStream>()
        const was = streams.has(e.media)
        if (e.stream) streams.set(e.media, e.stream)
        else streams.delete(e.media)
        remote.set(e.userId, streams)
        if (e.media === 'audio') syncAudio(e.userId)
        else syncVideo(e.userId, e.media)
        // a new stream while available is a device switch: replayed above, nothing to announce
        if (was !== Boolean(e.stream)) events.emit('remoteMedia', { userId: e.userId, media: e.media, available: Boolean(e.stream) })
        return
      }
      case 'removed':
        teardown()
        return events.emit('removed', { reason: 'kick' })
    }
  }

  /** Leaves (or accepts being put out): stops local media, forgets everything remote. */
  function teardown(): void {
    const r = room
    if (!r) return
    aborts.forEach((abort) => abort())
    ORDER.forEach(drop) // the others see unavailable in TRTC's order, then userLeft
    r.membership.leave()
    room = undefined
    clearInterval(networkTimer)
    plays.forEach((p) => p.attached?.detach())
    audios.forEach((a) => a.attached.detach())
    plays.clear()
    audios.clear()
    remote.clear()
    audioMuted.clear()
    allAudioMuted = false
    events.emit('connection', { state: 'disconnected', reconnecting: false })
  }

  // ── devices and volumes ───────────────────────────────────────────────────

  async function enumerate(): Promise<DeviceInfo[]> {
    const list = await backend.enumerateDevices().catch((e: unknown) => { throw toMediaError(e) })
    return list.flatMap(({ deviceId, label, kind: browserKind }) => {
      const kind = BROWSER_KIND.get(browserKind)
      // before permission browsers list one anonymous entry per kind (deviceId ''): nothing to select
      return kind && deviceId ? [{ deviceId, label, kind }] : []
    })
  }

  const deviceKey = (d: DeviceInfo) => `${d.kind}/${d.deviceId}`
  let devices: Promise<DeviceInfo[]> = enumerate().catch(() => [])
  const offDeviceChange = backend.onDeviceChange(() => {
    devices = devices.then(async (before) => {
      const after = await enumerate().catch(() => before)
      const had = new Set(before.map(deviceKey))
      const has = new Set(after.map(deviceKey))
      for (const device of before) if (!has.has(deviceKey(device))) events.emit('device', { kind: device.kind, action: 'remove', device })
      for (const device of after) if (!had.has(deviceKey(device))) events.emit('device', { kind: device.kind, action: 'add', device })
      return after
    })
  })

  function reportVolumes(): void {
    const sources = new Map<MediaStream, string>()
    const mic = local.get('audio')
    // metered after the gain: the capture volume shows in my level, as in TRTC
    const micStream = mic && sent(mic)
    if (micStream && room) sources.set(micStream, room.userId)
    for (const [userId, streams] of remote) {
      const audio = streams.get('audio')
      if (audio) sources.set(audio, userId)
    }
    for (const [stream, meter] of meters) {
      if (sources.has(stream)) continue
      meter.stop()
      meters.delete(stream)
    }
    const levels = [...sources].map(([stream, userId]) => {
      const meter = meters.get(stream) ?? backend.createLevelMeter(stream)
      meters.set(stream, meter)
      return { userId, volume: micStream === stream && muted.get('audio') ? 0 : Math.round(meter.read()) }
    })
    events.emit('volumes', { levels: levels.sort((a, b) => b.volume - a.volume) })
  }

  /** The network report, then what I send and receive, as TRTC reports every 2 s. */
  function reportNetwork(): void {
    events.emit('network', IN_PAGE_NETWORK)
    const remoteStatistics = [...remote].flatMap(([userId, streams]) => (streams.size ? [{ userId, ...statisticsOf(streams) }] : []))
    events.emit('statistics', { local: statisticsOf(offered()), remote: remoteStatistics })
  }

  function setVolumeInterval(ms: number): void {
    check(typeof ms === 'number' && ms >= 0 && Number.isFinite(ms), 'ms must be a number ≥ 0 (0 turns volume reports off)')
    clearInterval(volumeTimer)
    volumeTimer = undefined
    if (ms > 0 && !disposed) {
      volumeTimer = setInterval(reportVolumes, Math.max(ms, MIN_VOLUME_INTERVAL_MS))
      return
    }
    meters.forEach((meter) => meter.stop())
    meters.clear()
  }

  // ── the MediaEngine ───────────────────────────────────────────────────────

  return {
    kind: 'local',

    async join(joinOptions) {
      check(typeof joinOptions === 'object' && joinOptions !== null, 'options must be an object')
      const { roomId, userId, role, scene = 'live' } = joinOptions
      check(typeof userId === 'string' && USER_ID.test(userId), 'userId must be 1–32 characters: A–Z, a–z, 0–9, _ or -')
      check(typeof roomId === 'string' && ROOM_ID.test(roomId), 'roomId must be 1–64 characters: letters, digits, space or !#$%&()+-:;<=.>?@[]^_{}|~,')
      check(oneOf(role, ROLES), "role must be 'anchor' or 'audience'")
      check(oneOf(scene, SCENES), "scene must be 'live' or 'rtc'")
      check(owner === undefined || userId === owner, `This engine belongs to ${owner}: it cannot join as ${userId}`)
      if (disposed) throw new MediaError(MediaErrorCode.DISPOSED, 'This engine is disposed: create a new one')
      if (room) throw new MediaError(MediaErrorCode.ALREADY_IN_ROOM, `Already in room ${room.roomId}: call leave() first`)
      let self: Joined | undefined
      // events of an earlier membership (a late `removed`) must not touch this one
      const membership = network.join({ roomId, userId, role, scene }, (e) => { if (room === self) onNetwork(e) })
      room = self = { roomId, userId, role, scene, membership }
      events.emit('connection', { state: 'connecting', reconnecting: false })
      events.emit('connection', { state: 'connected', reconnecting: false })
      networkTimer = setInterval(reportNetwork, NETWORK_INTERVAL_MS)
    },

    async leave() {
      teardown()
    },

    async setRole(role) {
      check(oneOf(role, ROLES), "role must be 'anchor' or 'audience'")
      const r = inRoom()
      // set first, so that starts are refused from now on; the room hears of it after the stops below
      r.role = role
      // a live audience publishes nothing: stop every device (after starts in flight), as the TRTC engine does
      if (!canPublish()) await Promise.all(ORDER.map((media) => queue(media, async () => drop(media))))
      // the latest wish wins when calls overlap
      if (room === r) r.membership.setRole(r.role)
    },

    async startMicrophone(micOptions = {}) {
      check(typeof micOptions === 'object' && micOptions !== null, 'options must be an object')
      checkDeviceId(micOptions.deviceId)
      const request = ({ deviceId }: CaptureSpec) => backend.getUserMedia({ audio: deviceId === undefined ? true : { deviceId: { exact: deviceId } } })
      return startOrUpdate('audio', { deviceId: micOptions.deviceId }, request)
    },

    stopMicrophone: () => queue('audio', async () => drop('audio')),
    setMicrophoneMuted: (muted) => setMuted('audio', muted),

    async startCamera(cameraOptions = {}) {
      checkCamera(cameraOptions)
      return startOrUpdate('camera', cameraOptions, requestCamera)
    },

    async updateCamera(cameraOptions) {
      checkCamera(cameraOptions)
      await queue('camera', async () => {
        const c = local.get('camera')
        check(c !== undefined, 'Call startCamera() before updateCamera()')
        await update('camera', c, merge(c, cameraOptions), requestCamera)
      })
    },

    stopCamera: () => queue('camera', async () => drop('camera')),
    setCameraMuted: (muted) => setMuted('camera', muted),

    async startScreenShare(screenOptions = {}) {
      check(typeof screenOptions === 'object' && screenOptions !== null, 'options must be an object')
      const { view, systemAudio } = screenOptions
      check(isView(view), 'view must be an HTMLElement or null')
      check(isFlag(systemAudio), 'systemAudio must be a boolean')
      const pick = () => backend.getDisplayMedia({ video: true, audio: systemAudio === true }).catch((e: unknown) => {
        const error = toMediaError(e)
        // dismissing the picker is a NotAllowedError too: not a permission problem to show
        if (error.code !== MediaErrorCode.PERMISSION_DENIED) throw error
        throw new MediaError(MediaErrorCode.CANCELLED, 'Screen sharing was cancelled in the picker', { cause: e })
      })
      // a share runs on: a second start only moves its preview (system audio is chosen in the picker)
      return startOrUpdate('screen', { view }, pick, PICKER_TIMEOUT_MS)
    },

    stopScreenShare: () => queue('screen', async () => drop('screen')),

    async playVideo(userId, source, view) {
      check(typeof userId === 'string' && userId !== '', 'userId must be a non-empty string')
      check(oneOf(source, SOURCES), "source must be 'camera' or 'screen'")
      check(view !== undefined && isView(view), 'view must be an HTMLElement or null')
      check(userId !== inRoom().userId, 'Your own video is a local preview: pass `view` to startCamera(), updateCamera() or startScreenShare()')
      const key = playKey(userId, source)
      if (view !== null && plays.get(key)?.view === view) return
      unplay(key)
      if (view === null) return
      plays.set(key, { view })
      syncVideo(userId, source)
    },

    async stopVideo(userId, source) {
      check(typeof userId === 'string' && userId !== '', 'userId must be a non-empty string')
      check(oneOf(source, SOURCES), "source must be 'camera' or 'screen'")
      unplay(playKey(userId, source))
    },

    async setRemoteAudioMuted(userId, muted) {
      check(typeof userId === 'string' && userId !== '', "userId must be a non-empty string or '*'")
      check(typeof muted === 'boolean', 'muted must be a boolean')
      if (userId === '*') {
        allAudioMuted = muted
        audioMuted.clear()
      } else audioMuted.set(userId, muted)
      audios.forEach((a, id) => { a.attached.element.muted = isAudioMuted(id) })
    },

    async setCaptureVolume(volume) {
      checkVolume(volume)
      await queue('audio', async () => {
        captureVolume = volume
        const c = local.get('audio')
        if (c?.gain) return c.gain.set(volume)
        // the gain goes in only when first needed: at 100 the microphone is sent as captured
        if (!c || volume === 100) return
        local.set('audio', { ...c, gain: backend.gain(c.stream, volume) })
        offer('audio')
      })
    },

    async setPlaybackVolume(userId, volume) {
      check(typeof userId === 'string' && userId !== '', "userId must be a non-empty string or '*'")
      checkVolume(volume)
      if (userId === '*') {
        allPlaybackVolume = volume
        playbackVolume.clear()
      } else playbackVolume.set(userId, volume)
      audios.forEach((a, id) => { a.attached.element.volume = volumeOf(id) })
    },

    async listDevices(kind) {
      check(oneOf(kind, KINDS), "kind must be 'camera', 'microphone' or 'speaker'")
      return (await enumerate()).filter((d) => d.kind === kind)
    },

    async setSpeaker(deviceId) {
      check(typeof deviceId === 'string' && deviceId !== '', 'deviceId must be a non-empty string')
      if (!backend.supported.sinkId) throw new MediaError(MediaErrorCode.NOT_SUPPORTED, 'This browser cannot choose the audio output (no setSinkId)')
      const device = (await enumerate()).find((d) => d.kind === 'speaker' && d.deviceId === deviceId)
      if (!device) throw new MediaError(MediaErrorCode.DEVICE_NOT_FOUND, `No speaker with id ${deviceId}`)
      await Promise.all([...audios.values()].map((a) => a.attached.setSinkId(deviceId))).catch((e: unknown) => { throw toMediaError(e) })
      speaker = deviceId
      events.emit('device', { kind: 'speaker', action: 'active', device })
    },

    setVolumeInterval,

    async connectRoom(link) {
      check(typeof link === 'object' && link !== null, 'options must be an object')
      check(typeof link.roomId === 'string' && ROOM_ID.test(link.roomId), 'roomId must be a valid room id')
      check(link.userId === undefined || (typeof link.userId === 'string' && USER_ID.test(link.userId)), 'userId must be a valid user id')
      inRoom().membership.connect(link.roomId, link.userId)
    },

    async setConnectedMuted(mute) {
      check(typeof mute === 'object' && mute !== null, 'options must be an object')
      const { roomId, userId, audio, video } = mute
      check(typeof roomId === 'string' && roomId !== '', 'roomId must be a non-empty string')
      check(userId === undefined || (typeof userId === 'string' && userId !== ''), 'userId must be a non-empty string')
      check(isFlag(audio) && isFlag(video), 'audio and video must be booleans')
      inRoom().membership.setConnectedMuted(roomId, userId, { audio, video })
    },

    async disconnectRoom(roomId) {
      check(roomId === undefined || (typeof roomId === 'string' && roomId !== ''), 'roomId must be a non-empty string')
      room?.membership.disconnect(roomId)
    },

    async dispose() {
      teardown()
      setVolumeInterval(0)
      offDeviceChange()
      disposed = true
      events.clear()
    },

    on: events.on,
  }
}
