// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBrowserBackend, rmsToLevel } from './browserBackend'
import { createFakeBackend } from './fakeBackend'
import { MediaErrorCode } from './types'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('rmsToLevel', () => {
  it.each([
    [0, 0],
    [Number.NaN, 0],
    [0.001, 0], // -60 dBFS
    [10 ** (-30 / 20), 50], // -30 dBFS
    [1, 100],
    [2, 100],
  ])('maps RMS %d to %d', (rms, level) => {
    expect(rmsToLevel(rms)).toBe(level)
  })
})

describe('device access', () => {
  it('rejects with NOT_SUPPORTED where mediaDevices is missing, and says so in `supported`', async () => {
    vi.stubGlobal('navigator', {})
    const backend = createBrowserBackend()
    for (const call of [
      () => backend.getUserMedia({ audio: true }),
      () => backend.getDisplayMedia({ video: true }),
      () => backend.enumerateDevices(),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: MediaErrorCode.NOT_SUPPORTED })
    }
    expect(backend.supported).toMatchObject({ userMedia: false, displayMedia: false })
    expect(backend.onDeviceChange(() => {})).toBeTypeOf('function')
  })

  it('passes calls to navigator.mediaDevices and the browser’s errors through unchanged', async () => {
    const stream = new MediaStream()
    const denied = new DOMException('no', 'NotAllowedError')
    const mediaDevices = Object.assign(new EventTarget(), {
      getUserMedia: vi.fn(async () => stream),
      getDisplayMedia: vi.fn(async () => { throw denied }),
      enumerateDevices: vi.fn(async () => []),
    })
    vi.stubGlobal('navigator', { mediaDevices })
    const backend = createBrowserBackend()
    expect(backend.supported).toMatchObject({ userMedia: true, displayMedia: true })

    expect(await backend.getUserMedia({ video: { deviceId: { exact: 'cam' } } })).toBe(stream)
    expect(mediaDevices.getUserMedia).toHaveBeenCalledWith({ video: { deviceId: { exact: 'cam' } } })
    await expect(backend.getDisplayMedia({ video: true })).rejects.toBe(denied)

    const changed = vi.fn()
    const off = backend.onDeviceChange(changed)
    mediaDevices.dispatchEvent(new Event('devicechange'))
    off()
    mediaDevices.dispatchEvent(new Event('devicechange'))
    expect(changed).toHaveBeenCalledTimes(1)
  })
})

describe('level meters', () => {
  class FakeAudioContext {
    static made: FakeAudioContext[] = []
    static amplitude = 0
    state = 'running'
    closed = false
    sources = 0
    constructor() { FakeAudioContext.made.push(this) }
    createMediaStreamSource() {
      this.sources++
      return { connect: (next: unknown) => next, disconnect: () => { this.sources-- } }
    }
    createAnalyser() {
      return { fftSize: 2048, getFloatTimeDomainData: (samples: Float32Array) => samples.fill(FakeAudioContext.amplitude) }
    }
    createGain() {
      const node = { gain: { value: 1 }, connect: (next: unknown) => next }
      this.gains.push(node)
      return node
    }
    createMediaStreamDestination() {
      const track = { readyState: 'live', stop() { track.readyState = 'ended' } }
      return { stream: { getTracks: () => [track], getAudioTracks: () => [track] } }
    }
    gains: Array<{ gain: { value: number } }> = []
    async close() { this.closed = true }
  }

  it('share one AudioContext, made lazily and closed when the last meter stops', async () => {
    FakeAudioContext.made = []
    vi.stubGlobal('AudioContext', FakeAudioContext)
    const fake = createFakeBackend()
    const [mic, other, video] = [
      await fake.getUserMedia({ audio: true }), await fake.getUserMedia({ audio: true }), await fake.getUserMedia({ video: true }),
    ]
    const backend = createBrowserBackend()
    expect(FakeAudioContext.made).toHaveLength(0)

    expect(backend.createLevelMeter(video).read()).toBe(0) // no audio: a silent meter, no context
    const one = backend.createLevelMeter(mic)
    const two = backend.createLevelMeter(other)
    expect(FakeAudioContext.made).toHaveLength(1)
    const [context] = FakeAudioContext.made
    FakeAudioContext.amplitude = 10 ** (-30 / 20)
    expect(one.read()).toBe(50)

    one.stop()
    one.stop()
    expect(one.read()).toBe(0)
    expect(context).toMatchObject({ closed: false, sources: 1 })
    two.stop()
    expect(context).toMatchObject({ closed: true, sources: 0 })

    backend.createLevelMeter(mic).stop()
    expect(FakeAudioContext.made).toHaveLength(2)
  })

  it('gain: a GainNode feeds a processed stream; stop ends it and closes the shared context', async () => {
    FakeAudioContext.made = []
    vi.stubGlobal('AudioContext', FakeAudioContext)
    const fake = createFakeBackend()
    const [mic, video] = [await fake.getUserMedia({ audio: true }), await fake.getUserMedia({ video: true })]
    const backend = createBrowserBackend()
    const unchanged = backend.gain(video, 50)
    expect(unchanged.stream).toBe(video) // no audio: nothing to process, no context
    expect(FakeAudioContext.made).toHaveLength(0)

    const gain = backend.gain(mic, 40)
    const meter = backend.createLevelMeter(gain.stream)
    const [context] = FakeAudioContext.made
    expect(FakeAudioContext.made).toHaveLength(1)
    expect(gain.stream).not.toBe(mic)
    expect(context!.gains[0]!.gain.value).toBe(0.4)
    gain.set(100)
    expect(context!.gains[0]!.gain.value).toBe(1)

    gain.stop()
    gain.stop()
    expect(gain.stream.getTracks()[0]!.readyState).toBe('ended')
    expect(mic.getTracks()[0]!.readyState).toBe('live') // the microphone keeps running
    expect(context).toMatchObject({ closed: false, sources: 1 })
    meter.stop()
    expect(context).toMatchObject({ closed: true, sources: 0 })
  })
})

describe('attach', () => {
  const stream = () => new MediaStream()

  it('plays in a <video> given directly, mirrored and muted on request, and restores it on detach', () => {
    const video = document.createElement('video')
    video.style.transform = 'rotate(1deg)'
    const attached = createBrowserBackend().attach(stream(), video, { mirror: true, muted: true })
    expect(attached.element).toBe(video)
    expect(video.srcObject).toBeInstanceOf(MediaStream)
    expect([video.muted, video.style.transform]).toEqual([true, 'scaleX(-1)'])

    attached.detach()
    attached.detach()
    expect([video.srcObject, video.style.transform]).toEqual([null, 'rotate(1deg)'])
  })

  it('creates a child <video playsinline autoplay> in any other element and removes it on detach', () => {
    const container = document.createElement('div')
    const attached = createBrowserBackend().attach(stream(), container)
    const child = container.firstElementChild as HTMLVideoElement
    expect(child).toBe(attached.element)
    expect(child.tagName).toBe('VIDEO')
    expect([child.hasAttribute('playsinline'), child.autoplay, child.muted, child.style.transform]).toEqual([true, true, false, ''])

    attached.detach()
    expect(container.children).toHaveLength(0)
  })

  it('routes audio with setSinkId, or refuses with NOT_SUPPORTED where it is missing', async () => {
    const audio = document.createElement('audio')
    const backend = createBrowserBackend()
    expect(backend.supported.sinkId).toBe(true)
    await backend.attach(stream(), audio).setSinkId('headset')
    expect(audio.sinkId).toBe('headset')

    const old = document.createElement('audio')
    Object.defineProperty(old, 'setSinkId', { value: undefined })
    await expect(backend.attach(stream(), old).setSinkId('headset')).rejects.toMatchObject({ code: MediaErrorCode.NOT_SUPPORTED })
  })
})
