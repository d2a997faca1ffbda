import type { AttachedMedia, AudioGain, LevelMeter, MediaBackend } from './backend'
import type { DeviceKind } from './types'

/** A capture the fake can make fail. */
export type FakeCaptureKind = 'camera' | 'microphone' | 'screen'

/** A device of the fake's list. */
export interface FakeDevice {
  readonly kind: DeviceKind
  readonly deviceId: string
  readonly label?: string
}

/** The fake's starting devices and feature flags. */
export interface FakeBackendOptions {
  /** default: one camera `camera-1`, one microphone `microphone-1`, one speaker `speaker-1` */
  readonly devices?: readonly FakeDevice[]
  readonly supported?: Partial<MediaBackend['supported']>
}

/** One `attach` call: what was attached where, and whether it was detached since. */
export interface FakeAttachment {
  readonly stream: MediaStream
  readonly view: HTMLElement
  readonly element: HTMLMediaElement
  readonly mirror: boolean
  readonly detached: boolean
}

/** One `gain` call: its source, the processed stream, the volume now, and whether it was stopped. */
export interface FakeGain {
  readonly source: MediaStream
  readonly stream: MediaStream
  readonly volume: number
  readonly stopped: boolean
}

/** One getUserMedia/getDisplayMedia call. */
export interface FakeRequest {
  readonly method: 'getUserMedia' | 'getDisplayMedia'
  readonly constraints: MediaStreamConstraints | DisplayMediaStreamOptions
}

/** A deterministic `MediaBackend` with controls for tests; needs no DOM. */
export interface FakeBackend extends MediaBackend {
  /** Captures of `kind` fail like a denied permission (`NotAllowedError`; for the screen: picker cancelled). */
  deny(kind: FakeCaptureKind): void
  /** … like a device used by another app (`NotReadableError`). */
  busy(kind: FakeCaptureKind): void
  /** … like no such device (`NotFoundError`). */
  noDevice(kind: FakeCaptureKind): void
  /** … do not answer until `allow` (a screen picker without a user gesture). */
  hang(kind: FakeCaptureKind): void
  /** Undoes deny/busy/noDevice/hang; captures left hanging go on and succeed. */
  allow(kind: FakeCaptureKind): void
  /** Plugs a device in (fires `devicechange`). */
  addDevice(device: FakeDevice): void
  /** Unplugs a device (fires `devicechange`); its running tracks are not ended: use `end`. */
  removeDevice(deviceId: string): void
  /** Level the meters read: of one stream, or the default of all. */
  setLevel(level: number, stream?: MediaStream): void
  /** Ends every track of a stream as the browser does (unplugged device, "Stop sharing"): fires `ended`. */
  end(stream: MediaStream): void
  /** A fake element to use as a view (`'video'`/`'audio'` are played in directly; others get a child video). */
  element(tag?: string): HTMLElement
  /** The stream currently attached to a view or element, if any. */
  playing(view: HTMLElement): MediaStream | undefined
  /** Which capture made a stream of this backend (a stream with video is the camera's). */
  captureOf(stream: MediaStream): FakeCaptureKind | undefined
  readonly attachments: readonly FakeAttachment[]
  /** every `gain` made, in order; a meter on a gain's stream reads its source's level × volume / 100 */
  readonly gains: readonly FakeGain[]
  readonly requests: readonly FakeRequest[]
  /** every stream handed out, in order */
  readonly streams: readonly MediaStream[]
  /** level meters not yet stopped */
  readonly openMeters: number
  /** `onDeviceChange` subscriptions not yet removed */
  readonly deviceListeners: number
}

interface FakeTrack {
  readonly id: string
  readonly kind: 'audio' | 'video'
  readonly label: string
  enabled: boolean
  readyState: MediaStreamTrackState
  getSettings(): MediaTrackSettings
  stop(): void
  addEventListener(type: string, fn: () => void): void
  removeEventListener(type: string, fn: () => void): void
  end(): void
}

interface FakeElement {
  readonly tagName: string
  muted: boolean
  volume: number
  sinkId: string
  readonly style: { transform: string }
  setSinkId(id: string): Promise<void>
  play(): Promise<void>
}

// The one place where plain objects become the DOM types they imitate.
const asDom = <T>(value: object): T => value as T

type Failure = 'NotAllowedError' | 'NotReadableError' | 'NotFoundError' | 'hang'

const BROWSER_KIND = { camera: 'videoinput', microphone: 'audioinput', speaker: 'audiooutput' } as const

const DEFAULT_DEVICES: readonly FakeDevice[] = [
  { kind: 'camera', deviceId: 'camera-1', label: 'Fake Camera' },
  { kind: 'microphone', deviceId: 'microphone-1', label: 'Fake Microphone' },
  { kind: 'speaker', deviceId: 'speaker-1', label: 'Fake Speaker' },
]

function requestedDevice(constraint: boolean | MediaTrackConstraints | undefined): string | undefined {
  const id = typeof constraint === 'object' ? constraint.deviceId : undefined
  if (typeof id === 'string') return id
  return id && !Array.isArray(id) && typeof id.exact === 'string' ? id.exact : undefined
}

const AUDIO_SETTINGS: MediaTrackSettings = { sampleRate: 48000 }
const SCREEN_SETTINGS: MediaTrackSettings = { width: 1920, height: 1080, frameRate: 30 }

/** A camera delivers what it was asked for (`ideal` or exact numbers), else 640×480 at 30 fps. */
function videoSettings(constraint: boolean | MediaTrackConstraints): MediaTrackSettings {
  const asked = (value: ConstrainULong | ConstrainDouble | undefined, fallback: number) =>
    typeof value === 'number' ? value : value?.ideal ?? value?.exact ?? fallback
  const c = typeof constraint === 'object' ? constraint : {}
  return { width: asked(c.width, 640), height: asked(c.height, 480), frameRate: asked(c.frameRate, 30) }
}

/** Creates a fake backend: streams, devices, meters and views are plain objects; nothing is global. */
export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const devices = [...(options.devices ?? DEFAULT_DEVICES)]
  const failures = new Map<FakeCaptureKind, Failure>()
  const hanging = new Map<FakeCaptureKind, Array<() => void>>()
  const tracksOf = new Map<MediaStream, FakeTrack[]>()
  const captures = new Map<MediaStream, FakeCaptureKind>()
  const levels = new Map<MediaStream, number>()
  const deviceListeners = new Set<() => void>()
  const attachments: Array<FakeAttachment & { detached: boolean }> = []
  const gains: Array<FakeGain & { volume: number; stopped: boolean }> = []
  const requests: FakeRequest[] = []
  const streams: MediaStream[] = []
  let defaultLevel = 0
  let openMeters = 0
  let seq = 0

  function track(kind: 'audio' | 'video', label: string, deviceId: string, settings: MediaTrackSettings = {}): FakeTrack {
    const listeners = new Set<() => void>()
    const t: FakeTrack = {
      id: `track-${++seq}`,
      kind,
      label,
      enabled: true,
      readyState: 'live',
      getSettings: () => ({ deviceId, ...settings }),
      stop: () => { t.readyState = 'ended' }, // as in browsers, stop() fires no `ended`
      addEventListener: (type, fn) => { if (type === 'ended') listeners.add(fn) },
      removeEventListener: (type, fn) => { if (type === 'ended') listeners.delete(fn) },
      end() {
        if (t.readyState === 'ended') return
        t.readyState = 'ended'
        for (const fn of [...listeners]) fn()
      },
    }
    return t
  }

  function stream(tracks: FakeTrack[], kind: FakeCaptureKind): MediaStream {
    const s = asDom<MediaStream>({
      id: `stream-${++seq}`,
      get active() { return tracks.some((t) => t.readyState === 'live') },
      getTracks: () => tracks.map((t) => asDom<MediaStreamTrack>(t)),
      getAudioTracks: () => tracks.filter((t) => t.kind === 'audio').map((t) => asDom<MediaStreamTrack>(t)),
      getVideoTracks: () => tracks.filter((t) => t.kind === 'video').map((t) => asDom<MediaStreamTrack>(t)),
    })
    tracksOf.set(s, tracks)
    captures.set(s, kind)
    streams.push(s)
    return s
  }

  async function check(kind: FakeCaptureKind): Promise<void> {
    const failure = failures.get(kind)
    if (failure === 'hang') {
      await new Promise<void>((resolve) => hanging.set(kind, [...(hanging.get(kind) ?? []), resolve]))
      return check(kind)
    }
    if (failure) throw new DOMException(`fake ${kind}: ${failure}`, failure)
  }

  async function capture(kind: 'camera' | 'microphone', constraint: boolean | MediaTrackConstraints): Promise<FakeTrack> {
    await check(kind)
    const list = devices.filter((d) => d.kind === kind)
    const wanted = requestedDevice(constraint)
    const device = wanted === undefined ? list[0] : list.find((d) => d.deviceId === wanted)
    if (!list.length) throw new DOMException(`fake ${kind}: none plugged in`, 'NotFoundError')
    if (!device) throw new DOMException(`fake ${kind}: no device ${wanted}`, 'OverconstrainedError')
    const label = device.label ?? device.deviceId
    return kind === 'camera' ? track('video', label, device.deviceId, videoSettings(constraint)) : track('audio', label, device.deviceId, AUDIO_SETTINGS)
  }

  function element(tag = 'div'): HTMLElement {
    const el: FakeElement = {
      tagName: tag.toUpperCase(),
      muted: false,
      volume: 1,
      sinkId: '',
      style: { transform: '' },
      setSinkId: async (id) => { el.sinkId = id },
      play: async () => {},
    }
    return asDom<HTMLElement>(el)
  }

  const fail = (failure: Failure) => (kind: FakeCaptureKind) => { failures.set(kind, failure) }
  const changed = () => deviceListeners.forEach((fn) => fn())

  return {
    async getUserMedia(constraints) {
      requests.push({ method: 'getUserMedia', constraints })
      const tracks: FakeTrack[] = []
      if (constraints.audio) tracks.push(await capture('microphone', constraints.audio))
      if (constraints.video) tracks.push(await capture('camera', constraints.video))
      if (!tracks.length) throw new TypeError('At least one of audio and video must be requested')
      return stream(tracks, constraints.video ? 'camera' : 'microphone')
    },
    async getDisplayMedia(constraints) {
      requests.push({ method: 'getDisplayMedia', constraints })
      await check('screen')
      const tracks = [track('video', 'Fake Screen', 'screen:0', SCREEN_SETTINGS)]
      if (constraints.audio) tracks.push(track('audio', 'Fake System Audio', 'screen:0', AUDIO_SETTINGS))
      return stream(tracks, 'screen')
    },
    async enumerateDevices() {
      return devices.map((d) => {
        const info = { deviceId: d.deviceId, groupId: '', kind: BROWSER_KIND[d.kind], label: d.label ?? d.deviceId }
        return asDom<MediaDeviceInfo>({ ...info, toJSON: () => info })
      })
    },
    onDeviceChange(fn) {
      const listener = () => fn()
      deviceListeners.add(listener)
      return () => { deviceListeners.delete(listener) }
    },
    createLevelMeter(s): LevelMeter {
      let open = true
      openMeters++
      const level = () => {
        const g = gains.find((x) => x.stream === s)
        return g ? ((levels.get(g.source) ?? defaultLevel) * g.volume) / 100 : levels.get(s) ?? defaultLevel
      }
      return {
        read: () => (open ? level() : 0),
        stop() {
          if (open) openMeters--
          open = false
        },
      }
    },
    gain(source, volume): AudioGain {
      const label = source.getAudioTracks()[0]?.label ?? 'Fake Gain'
      const out = stream([track('audio', label, 'gain', AUDIO_SETTINGS)], 'microphone')
      const record = { source, stream: out, volume, stopped: false }
      gains.push(record)
      return {
        stream: out,
        set: (next) => { record.volume = next },
        stop() {
          record.stopped = true
          tracksOf.get(out)?.forEach((t) => t.stop())
        },
      }
    },
    attach(s, view, { mirror = false, muted = false } = {}): AttachedMedia {
      const given = view.tagName === 'VIDEO' || view.tagName === 'AUDIO'
      // `srcObject` stays untouched: a real (happy-dom) element would refuse a fake stream
      const target = asDom<FakeElement>(given ? view : element('video'))
      target.muted = muted
      const record = { stream: s, view, element: asDom<HTMLMediaElement>(target), mirror, detached: false }
      attachments.push(record)
      return {
        element: record.element,
        setSinkId: (id) => target.setSinkId(id),
        detach() {
          record.detached = true
        },
      }
    },
    supported: { userMedia: true, displayMedia: true, sinkId: true, ...options.supported },

    deny: fail('NotAllowedError'),
    busy: fail('NotReadableError'),
    noDevice: fail('NotFoundError'),
    hang: fail('hang'),
    allow(kind) {
      failures.delete(kind)
      hanging.get(kind)?.forEach((resume) => resume())
      hanging.delete(kind)
    },
    addDevice(device) {
      devices.push(device)
      changed()
    },
    removeDevice(deviceId) {
      const at = devices.findIndex((d) => d.deviceId === deviceId)
      if (at >= 0) devices.splice(at, 1)
      changed()
    },
    setLevel(level, s) {
      if (s) levels.set(s, level)
      else defaultLevel = level
    },
    end: (s) => tracksOf.get(s)?.forEach((t) => t.end()),
    element,
    playing: (view) => [...attachments].reverse().find((a) => !a.detached && (a.view === view || a.element === view))?.stream,
    captureOf: (s) => captures.get(s),
    attachments,
    gains,
    requests,
    streams,
    get openMeters() { return openMeters },
    get deviceListeners() { return deviceListeners.size },
  }
}
