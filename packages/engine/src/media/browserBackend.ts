import type { AttachedMedia, AudioGain, LevelMeter, MediaBackend } from './backend'
import { MediaError } from './errors'
import { MediaErrorCode } from './types'

// Loudness is heard on a log scale: -60 dBFS (a quiet room) maps to 0, full scale to 100.
const FLOOR_DB = -60

/** Maps an RMS amplitude (0–1) to a 0–100 level on a decibel scale. */
export function rmsToLevel(rms: number): number {
  if (!(rms > 0)) return 0
  const level = (1 - (20 * Math.log10(rms)) / FLOOR_DB) * 100
  return Math.round(Math.min(100, Math.max(0, level)))
}

type DeviceApi = 'getUserMedia' | 'getDisplayMedia' | 'enumerateDevices'

function mediaDevices(api: DeviceApi): MediaDevices {
  const devices = globalThis.navigator?.mediaDevices
  if (typeof devices?.[api] !== 'function') {
    throw new MediaError(MediaErrorCode.NOT_SUPPORTED, `navigator.mediaDevices.${api} is missing: use a recent browser on https or localhost`)
  }
  return devices
}

const silent: LevelMeter = { read: () => 0, stop: () => {} }
// without WebAudio the stream goes out as captured: a volume cannot apply
const unchanged = (stream: MediaStream): AudioGain => ({ stream, set: () => {}, stop: () => {} })

/** The real backend: `navigator.mediaDevices`, WebAudio level meters and `<video>`/`<audio>` playback. */
export function createBrowserBackend(): MediaBackend {
  let context: AudioContext | undefined
  /** meters and gains on the shared context: it closes with the last of them */
  let users = 0

  const hasAudio = (stream: MediaStream) => typeof globalThis.AudioContext === 'function' && stream.getAudioTracks().length > 0

  function acquire(): AudioContext {
    const ctx = (context ??= new AudioContext())
    // a context made before any user gesture starts suspended and would read (or send) silence
    if (ctx.state === 'suspended') ctx.resume().catch(() => {})
    users++
    return ctx
  }

  function release(ctx: AudioContext): void {
    if (--users > 0) return
    context = undefined
    ctx.close().catch(() => {})
  }

  function createLevelMeter(stream: MediaStream): LevelMeter {
    if (!hasAudio(stream)) return silent
    const ctx = acquire()
    const source = ctx.createMediaStreamSource(stream)
    const analyser = ctx.createAnalyser()
    analyser.fftSize = 1024
    source.connect(analyser)
    const samples = new Float32Array(analyser.fftSize)
    let open = true
    return {
      read() {
        if (!open) return 0
        analyser.getFloatTimeDomainData(samples)
        let sum = 0
        for (const s of samples) sum += s * s
        return rmsToLevel(Math.sqrt(sum / samples.length))
      },
      stop() {
        if (!open) return
        open = false
        source.disconnect()
        release(ctx)
      },
    }
  }

  function gain(stream: MediaStream, volume: number): AudioGain {
    if (!hasAudio(stream)) return unchanged(stream)
    const ctx = acquire()
    const source = ctx.createMediaStreamSource(stream)
    const node = ctx.createGain()
    const destination = ctx.createMediaStreamDestination()
    node.gain.value = volume / 100
    source.connect(node).connect(destination)
    let open = true
    return {
      stream: destination.stream,
      set(next) { node.gain.value = next / 100 },
      stop() {
        if (!open) return
        open = false
        destination.stream.getTracks().forEach((t) => t.stop())
        source.disconnect()
        release(ctx)
      },
    }
  }

  function attach(stream: MediaStream, view: HTMLElement, { mirror = false, muted = false } = {}): AttachedMedia {
    const given = view.tagName === 'VIDEO' || view.tagName === 'AUDIO'
    const element = given ? (view as HTMLMediaElement) : view.ownerDocument.createElement('video')
    const transform = element.style.transform
    if (!given) {
      element.setAttribute('playsinline', '')
      element.autoplay = true
      Object.assign(element.style, { width: '100%', height: '100%', objectFit: 'cover' })
      view.appendChild(element)
    }
    element.muted = muted
    if (mirror) element.style.transform = 'scaleX(-1)'
    element.srcObject = stream
    // blocked until a user gesture when unmuted: the element stays paused, nothing to report here
    element.play()?.catch(() => {})
    let attached = true
    return {
      element,
      async setSinkId(deviceId) {
        if (typeof element.setSinkId !== 'function') {
          throw new MediaError(MediaErrorCode.NOT_SUPPORTED, 'This browser cannot choose the audio output (no setSinkId)')
        }
        await element.setSinkId(deviceId)
      },
      detach() {
        if (!attached) return
        attached = false
        element.srcObject = null
        if (given) element.style.transform = transform
        else element.remove()
      },
    }
  }

  return {
    getUserMedia: async (constraints) => mediaDevices('getUserMedia').getUserMedia(constraints),
    getDisplayMedia: async (constraints) => mediaDevices('getDisplayMedia').getDisplayMedia(constraints),
    enumerateDevices: async () => mediaDevices('enumerateDevices').enumerateDevices(),
    onDeviceChange(fn) {
      const devices = globalThis.navigator?.mediaDevices
      if (typeof devices?.addEventListener !== 'function') return () => {}
      devices.addEventListener('devicechange', fn)
      return () => devices.removeEventListener('devicechange', fn)
    },
    createLevelMeter,
    gain,
    attach,
    // read on access: feature tests must not run at import or creation (SSR, Node)
    get supported() {
      const devices = globalThis.navigator?.mediaDevices
      return {
        userMedia: typeof devices?.getUserMedia === 'function',
        displayMedia: typeof devices?.getDisplayMedia === 'function',
        sinkId: typeof globalThis.HTMLMediaElement === 'function' && 'setSinkId' in HTMLMediaElement.prototype,
      }
    },
  }
}
