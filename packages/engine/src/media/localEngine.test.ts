import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeBackend, type FakeBackend, type FakeCaptureKind } from './fakeBackend'
import { createLocalMediaEngine } from './localEngine'
import { createLocalMediaNetwork, type LocalMediaNetwork } from './localNetwork'
import { MediaErrorCode, type JoinOptions, type Media, type MediaEngine, type MediaEngineEvents } from './types'

type Entry = readonly [keyof MediaEngineEvents, unknown]
interface User {
  readonly backend: FakeBackend
  readonly engine: MediaEngine
  readonly log: Entry[]
}

const EVENTS: ReadonlyArray<keyof MediaEngineEvents> = [
  'connection', 'userJoined', 'userLeft', 'remoteMedia', 'localPublish', 'device', 'screenShareEnded', 'removed', 'warning', 'volumes', 'network',
]
const REMOTE: ReadonlyArray<keyof MediaEngineEvents> = ['userJoined', 'userLeft', 'remoteMedia']

let network: LocalMediaNetwork
let users: User[]

beforeEach(() => {
  network = createLocalMediaNetwork()
  users = []
})

afterEach(async () => {
  for (const u of users) await u.engine.dispose()
  await network.flush()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

function user(userId: string, backend = createFakeBackend()): User {
  const engine = createLocalMediaEngine({ network, backend, userId })
  const log: Entry[] = []
  for (const name of EVENTS) engine.on(name, (info) => log.push([name, info]))
  const u = { backend, engine, log }
  users.push(u)
  return u
}

async function joined(userId: string, options: Partial<JoinOptions> = {}, backend?: FakeBackend): Promise<User> {
  const u = user(userId, backend)
  await u.engine.join({ roomId: 'r1', userId, role: 'anchor', ...options })
  return u
}

/** The entries logged so far (only `names`, when given); empties the log. */
function take(u: User, names: ReadonlyArray<keyof MediaEngineEvents> = EVENTS): Entry[] {
  const out = u.log.filter(([name]) => names.includes(name))
  u.log.length = 0
  return out
}

/** Settles everything in flight and returns what each user saw of the others. */
async function seen(...list: User[]): Promise<Entry[][]> {
  await network.flush()
  return list.map((u) => take(u, REMOTE))
}

const available = (userId: string, media: Media, on = true): Entry => ['remoteMedia', { userId, media, available: on }]
const publish = (media: Media, state: 'starting' | 'started' | 'stopped'): Entry => ['localPublish', { media, state }]
const joinedEvent = (userId: string): Entry => ['userJoined', { userId }]
const left = (userId: string, reason = 'leave'): Entry => ['userLeft', { userId, reason }]
const connection = (state: string): Entry => ['connection', { state, reconnecting: false }]
const trackStates = (stream: MediaStream | undefined) => stream?.getTracks().map((t) => t.readyState)
const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })

describe('joining and publishing', () => {
  it('hands the publisher’s very stream to a remote view, and replays it when it comes back', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    await network.flush()
    expect(take(bob)).toEqual([connection('connecting'), connection('connected'), joinedEvent('alice')])
    expect(take(alice)).toEqual([connection('connecting'), connection('connected'), joinedEvent('bob')])

    const view = bob.backend.element('div')
    await bob.engine.playVideo('alice', 'camera', view) // before it is available: remembered
    expect(bob.backend.playing(view)).toBeUndefined()

    await alice.engine.startCamera()
    const first = alice.backend.streams[0]
    expect(take(alice)).toEqual([
      ['device', { kind: 'camera', action: 'active', device: { deviceId: 'camera-1', label: 'Fake Camera', kind: 'camera' } }],
      publish('camera', 'starting'),
      publish('camera', 'started'),
    ])
    expect(await seen(bob)).toEqual([[available('alice', 'camera')]])
    expect(bob.backend.playing(view)).toBe(first)
    expect(bob.backend.attachments.at(-1)).toMatchObject({ stream: first, view, mirror: false })
    expect(bob.backend.attachments.at(-1)?.element.muted).toBe(true)

    await alice.engine.stopCamera()
    expect(take(alice)).toEqual([publish('camera', 'stopped')])
    expect(trackStates(first)).toEqual(['ended'])
    expect(await seen(bob)).toEqual([[available('alice', 'camera', false)]])
    expect(bob.backend.playing(view)).toBeUndefined()

    await alice.engine.startCamera()
    await network.flush()
    expect(bob.backend.playing(view)).toBe(alice.backend.streams[1])
  })

  it('plays idempotently, moves to another view and stops', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    await alice.engine.startCamera()
    await network.flush()
    const [one, two] = [bob.backend.element('video'), bob.backend.element('div')]

    await bob.engine.playVideo('alice', 'camera', one)
    await bob.engine.playVideo('alice', 'camera', one)
    expect(bob.backend.attachments).toHaveLength(1)
    expect(bob.backend.attachments[0]?.element).toBe(one) // a <video> given is played in directly

    await bob.engine.playVideo('alice', 'camera', two)
    expect(bob.backend.attachments.map((a) => [a.view, a.detached])).toEqual([[one, true], [two, false]])
    expect(bob.backend.playing(two)).toBe(alice.backend.streams[0])

    await bob.engine.stopVideo('alice', 'camera')
    expect(bob.backend.playing(two)).toBeUndefined()
    await bob.engine.stopVideo('alice', 'camera') // not playing: resolves
    await bob.engine.playVideo('alice', 'screen', two) // not shared yet: remembered, nothing attached
    expect(bob.backend.playing(two)).toBeUndefined()
  })

  it('introduces the peers already there to a late joiner: joined, then media in TRTC order', async () => {
    const alice = await joined('alice')
    await alice.engine.startMicrophone()
    await alice.engine.startCamera()
    const bob = await joined('bob')
    expect(await seen(bob)).toEqual([[joinedEvent('alice'), available('alice', 'camera'), available('alice', 'audio')]])
  })

  it('keeps a live audience invisible and unable to publish until it steps up', async () => {
    const alice = await joined('alice')
    const carol = await joined('carol', { role: 'audience' })
    expect(await seen(alice, carol)).toEqual([[], [joinedEvent('alice')]])

    for (const start of [() => carol.engine.startMicrophone(), () => carol.engine.startCamera(), () => carol.engine.startScreenShare()]) {
      await expect(start()).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
    }
    expect(carol.backend.requests).toEqual([])

    await carol.engine.setRole('anchor')
    expect(await seen(alice)).toEqual([[joinedEvent('carol')]])
    await carol.engine.startMicrophone()
    await carol.engine.startScreenShare()
    expect(await seen(alice)).toEqual([[available('carol', 'audio'), available('carol', 'screen')]])
    take(carol)
  })

  it('stops every device on stepping down, before the room sees the role change; stepping up starts nothing', async () => {
    const alice = await joined('alice')
    const carol = await joined('carol')
    await carol.engine.startMicrophone()
    await carol.engine.startCamera()
    await seen(alice)
    take(carol)

    await carol.engine.setRole('audience')
    expect(take(carol)).toEqual([publish('camera', 'stopped'), publish('audio', 'stopped')])
    expect(carol.backend.streams.map(trackStates)).toEqual([['ended'], ['ended']])
    expect(await seen(alice)).toEqual([[available('carol', 'camera', false), available('carol', 'audio', false), left('carol', 'role')]])

    await carol.engine.setRole('anchor')
    expect(take(carol)).toEqual([])
    expect(await seen(alice)).toEqual([[joinedEvent('carol')]])
  })

  it('lets a start in flight finish and then stops it when stepping down; refuses starts from the step-down on', async () => {
    const alice = await joined('alice')
    const carol = await joined('carol')
    await seen(alice)
    carol.backend.hang('camera')
    const camera = carol.engine.startCamera()
    await vi.waitFor(() => expect(carol.backend.requests).toHaveLength(1))
    const down = carol.engine.setRole('audience')
    await expect(carol.engine.startMicrophone()).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
    carol.backend.allow('camera')
    await Promise.all([camera, down])
    expect(take(carol, ['localPublish'])).toEqual([publish('camera', 'starting'), publish('camera', 'started'), publish('camera', 'stopped')])
    expect(carol.backend.streams.map(trackStates)).toEqual([['ended']])
    expect(await seen(alice)).toEqual([[available('carol', 'camera'), available('carol', 'camera', false), left('carol', 'role')]])
  })

  it('in an rtc room a role change stops nothing', async () => {
    const alice = await joined('alice', { scene: 'rtc' })
    const bob = await joined('bob', { scene: 'rtc' })
    await alice.engine.startMicrophone()
    await seen(bob)
    take(alice)
    await alice.engine.setRole('audience')
    expect(take(alice)).toEqual([])
    expect(await seen(bob)).toEqual([[]])
    expect(trackStates(alice.backend.streams[0])).toEqual(['live'])
  })

  it('shows everybody and lets everybody publish in an rtc room; a room keeps its scene', async () => {
    const alice = await joined('alice', { role: 'audience', scene: 'rtc' })
    const bob = await joined('bob', { role: 'audience', scene: 'rtc' })
    await alice.engine.startMicrophone()
    expect(await seen(alice, bob)).toEqual([[joinedEvent('bob')], [joinedEvent('alice'), available('alice', 'audio')]])
    await expect(user('dave').engine.join({ roomId: 'r1', userId: 'dave', role: 'anchor', scene: 'live' }))
      .rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    expect(await seen(alice, bob)).toEqual([[], []])
  })

  it('stops my media on leave: others see video, audio, screen unavailable, then userLeft; I hear nothing more', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    await alice.engine.startMicrophone()
    await alice.engine.startScreenShare()
    await alice.engine.startCamera()
    const view = bob.backend.element('div')
    await bob.engine.playVideo('alice', 'camera', view)
    await seen(bob)
    take(alice)

    await alice.engine.leave()
    expect(take(alice)).toEqual([publish('camera', 'stopped'), publish('audio', 'stopped'), publish('screen', 'stopped'), connection('disconnected')])
    expect(alice.backend.streams.flatMap((s) => trackStates(s) ?? [])).toEqual(['ended', 'ended', 'ended'])
    expect(await seen(bob)).toEqual([[
      available('alice', 'camera', false), available('alice', 'audio', false), available('alice', 'screen', false), left('alice'),
    ]])
    expect(bob.backend.playing(view)).toBeUndefined()

    await alice.engine.leave() // not joined: resolves quietly
    await bob.engine.leave()
    await network.flush()
    expect(take(alice)).toEqual([])
  })

  it('drops what was on its way to me when I leave', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    await seen(alice)
    void bob.engine.setRole('audience') // runs at once: the news is queued for alice
    await alice.engine.leave()
    expect(await seen(alice)).toEqual([[]])
  })

  it('forgets remote plays on my leave', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    await alice.engine.startCamera()
    const view = bob.backend.element('div')
    await bob.engine.playVideo('alice', 'camera', view)
    await network.flush()
    await bob.engine.leave()
    expect(bob.backend.playing(view)).toBeUndefined()
    take(bob)
    await bob.engine.join({ roomId: 'r1', userId: 'bob', role: 'anchor' })
    expect(await seen(bob)).toEqual([[joinedEvent('alice'), available('alice', 'camera')]])
    expect(bob.backend.playing(view)).toBeUndefined()
  })

  it('puts out an earlier session of the same user (as TRTC kicks it)', async () => {
    const first = await joined('alice')
    const bob = await joined('bob')
    await first.engine.startMicrophone()
    await seen(bob)
    take(first)

    const second = user('alice')
    await second.engine.join({ roomId: 'r1', userId: 'alice', role: 'anchor' })
    await network.flush()
    expect(take(first)).toEqual([publish('audio', 'stopped'), connection('disconnected'), ['removed', { reason: 'kick' }]])
    expect(trackStates(first.backend.streams[0])).toEqual(['ended'])
    expect(take(bob, REMOTE)).toEqual([available('alice', 'audio', false), left('alice'), joinedEvent('alice')])
    expect(take(second, REMOTE)).toEqual([joinedEvent('bob')])
    await expect(first.engine.startMicrophone()).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
  })

  it('ignores a late "put out" once it has left and joined elsewhere', async () => {
    const first = await joined('alice')
    void user('alice').engine.join({ roomId: 'r1', userId: 'alice', role: 'anchor' }) // puts `first` out, news queued
    void first.engine.leave()
    await first.engine.join({ roomId: 'r2', userId: 'alice', role: 'anchor' })
    await network.flush()
    expect(take(first, ['removed'])).toEqual([])
    await first.engine.startMicrophone() // still in r2
  })
})

describe('the network itself', () => {
  it('delivers nothing more to a member that left, not even what was already queued', async () => {
    const heard: unknown[] = []
    const alice = network.join({ roomId: 'r1', userId: 'alice', role: 'anchor', scene: 'live' }, (e) => heard.push(e))
    const bob = network.join({ roomId: 'r1', userId: 'bob', role: 'anchor', scene: 'live' }, () => {})
    bob.setRole('audience')
    alice.leave()
    bob.leave()
    await network.flush()
    expect(heard).toEqual([])
  })
})

describe('bad input and wrong state', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a userId with a space', { userId: 'al ice' }],
    ['a userId of 33 characters', { userId: 'a'.repeat(33) }],
    ['an empty roomId', { roomId: '' }],
    ['a roomId of 65 characters', { roomId: 'r'.repeat(65) }],
    ['a roomId with a slash', { roomId: 'a/b' }],
    ['an unknown role', { role: 'host' }],
    ['an unknown scene', { scene: 'meeting' }],
    ['another user than the engine’s', { userId: 'mallory' }],
  ])('refuses to join with %s and stays out', async (_, bad) => {
    const alice = user('alice')
    await expect(alice.engine.join({ roomId: 'r1', userId: 'alice', role: 'anchor', ...bad } as JoinOptions))
      .rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await expect(alice.engine.startMicrophone()).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
    expect(take(alice)).toEqual([])
  })

  it('refuses a second join while in a room with ALREADY_IN_ROOM', async () => {
    const alice = await joined('alice')
    await expect(alice.engine.join({ roomId: 'r2', userId: 'alice', role: 'anchor' })).rejects.toMatchObject({ code: MediaErrorCode.ALREADY_IN_ROOM })
    const bob = await joined('bob')
    expect(await seen(bob)).toEqual([[joinedEvent('alice')]])
  })

  it('refuses what needs a room before join, and lets stops through', async () => {
    const { engine } = user('alice')
    const view = createFakeBackend().element()
    for (const call of [
      () => engine.startMicrophone(), () => engine.startCamera(), () => engine.startScreenShare(), () => engine.setRole('anchor'),
      () => engine.playVideo('bob', 'camera', view), () => engine.connectRoom({ roomId: 'r2' }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
    }
    await engine.stopMicrophone()
    await engine.stopCamera()
    await engine.stopScreenShare()
    await engine.stopVideo('bob', 'camera')
    await engine.disconnectRoom()
  })

  it('refuses bad arguments with INVALID_ARGUMENT and opens nothing', async () => {
    const alice = await joined('alice')
    const view = alice.backend.element()
    const calls: Array<() => Promise<unknown>> = [
      () => alice.engine.startCamera({ quality: '4k' as never }),
      () => alice.engine.startCamera({ deviceId: '' }),
      () => alice.engine.startCamera({ view: 'preview' as never }),
      // not an element (e.g. a component instance): refused before the camera opens, so nothing leaks
      () => alice.engine.startCamera({ view: { $el: null } as never }),
      () => alice.engine.playVideo('bob', 'camera', {} as never),
      () => alice.engine.startMicrophone({ deviceId: 7 as never }),
      () => alice.engine.startScreenShare({ systemAudio: 'yes' as never }),
      () => alice.engine.setMicrophoneMuted('yes' as never),
      () => alice.engine.setRole('host' as never),
      () => alice.engine.playVideo('bob', 'main' as never, view),
      () => alice.engine.playVideo('alice', 'camera', view),
      () => alice.engine.playVideo('', 'camera', view),
      () => alice.engine.listDevices('printer' as never),
      () => alice.engine.setSpeaker(''),
      () => alice.engine.setRemoteAudioMuted('bob', 1 as never),
      () => alice.engine.connectRoom({ roomId: 'r1' }),
      () => alice.engine.setConnectedMuted({ roomId: 'r2', audio: true }),
    ]
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    expect(() => alice.engine.setVolumeInterval(-1)).toThrow(expect.objectContaining({ code: MediaErrorCode.INVALID_ARGUMENT }))
    expect(alice.backend.requests).toEqual([])
    expect(take(alice)).toEqual([connection('connecting'), connection('connected')])
  })

  it('serialises each device: a double click shares one start, a stop during a start runs after it', async () => {
    const alice = await joined('alice')
    take(alice)
    alice.backend.deny('camera')
    const clicks = [alice.engine.startCamera(), alice.engine.startCamera({ quality: '720p' })]
    for (const click of clicks) await expect(click).rejects.toMatchObject({ code: MediaErrorCode.PERMISSION_DENIED })
    expect(alice.backend.requests).toHaveLength(1)

    // a stop issued during the start runs after it
    take(alice)
    await Promise.all([alice.engine.startMicrophone(), alice.engine.stopMicrophone()])
    expect(take(alice, ['localPublish'])).toEqual([publish('audio', 'starting'), publish('audio', 'started'), publish('audio', 'stopped')])
    expect(trackStates(alice.backend.streams.at(-1))).toEqual(['ended'])
  })

  it('treats a start of what runs already as an update: new device or quality recaptures, a new view moves the preview', async () => {
    const backend = createFakeBackend({
      devices: [{ kind: 'camera', deviceId: 'camera-1' }, { kind: 'camera', deviceId: 'camera-2' }, { kind: 'microphone', deviceId: 'mic-1' }, { kind: 'microphone', deviceId: 'mic-2' }],
    })
    const alice = await joined('alice', {}, backend)
    const bob = await joined('bob')
    await alice.engine.startCamera()
    await alice.engine.startMicrophone()
    await alice.engine.startScreenShare()
    await seen(bob)
    take(alice)

    await alice.engine.startCamera() // nothing new asked: nothing happens
    await alice.engine.startMicrophone({ deviceId: 'mic-1' }) // the device it runs on already
    expect(backend.requests).toHaveLength(3)
    const preview = backend.element('div')
    await alice.engine.startCamera({ quality: '720p', view: preview, mirror: false })
    await alice.engine.startMicrophone({ deviceId: 'mic-2' })
    await alice.engine.startScreenShare({ view: preview })
    expect(backend.requests.slice(3).map((r) => r.constraints)).toEqual([
      { video: { deviceId: { exact: 'camera-1' }, width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 15 } } },
      { audio: { deviceId: { exact: 'mic-2' } } },
    ])
    expect(backend.streams.map(trackStates)).toEqual([['ended'], ['ended'], ['live'], ['live'], ['live']])
    expect(backend.attachments.map((a) => [a.stream, a.view, a.mirror])).toEqual([[backend.streams[3], preview, false], [backend.streams[2], preview, false]])
    expect(take(alice)).toEqual([
      ['device', { kind: 'camera', action: 'active', device: { deviceId: 'camera-1', label: 'camera-1', kind: 'camera' } }],
      ['device', { kind: 'microphone', action: 'active', device: { deviceId: 'mic-2', label: 'mic-2', kind: 'microphone' } }],
    ])
    expect(await seen(bob)).toEqual([[]]) // a switch is not an unpublish
  })

  it('refuses to update a camera that is not started', async () => {
    const alice = await joined('alice')
    await expect(alice.engine.updateCamera({ mirror: false })).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    expect(alice.backend.requests).toEqual([])
  })
})

describe('devices', () => {
  it.each<[string, (b: FakeBackend, kind: FakeCaptureKind) => void, MediaErrorCode, string]>([
    ['denied', (b, k) => b.deny(k), MediaErrorCode.PERMISSION_DENIED, 'NotAllowedError'],
    ['busy', (b, k) => b.busy(k), MediaErrorCode.DEVICE_BUSY, 'NotReadableError'],
    ['missing', (b, k) => b.noDevice(k), MediaErrorCode.DEVICE_NOT_FOUND, 'NotFoundError'],
  ])('maps a %s camera to its code and changes nothing', async (_, fail, code, name) => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    await seen(bob)
    take(alice)
    fail(alice.backend, 'camera')
    const error = await alice.engine.startCamera().catch((e: unknown) => e)
    expect(error).toMatchObject({ code, cause: expect.objectContaining({ name }) })
    expect(await seen(bob)).toEqual([[]])
    expect(take(alice)).toEqual([])

    alice.backend.allow('camera')
    await alice.engine.startCamera()
    expect(await seen(bob)).toEqual([[available('alice', 'camera')]])
  })

  it('maps an unknown device id to DEVICE_CONSTRAINT', async () => {
    const alice = await joined('alice')
    await expect(alice.engine.startMicrophone({ deviceId: 'nope' })).rejects.toMatchObject({ code: MediaErrorCode.DEVICE_CONSTRAINT })
    expect(alice.backend.requests[0]?.constraints).toEqual({ audio: { deviceId: { exact: 'nope' } } })
  })

  it('asks for the quality’s size, switches device or quality by recapturing, and keeps remote views playing', async () => {
    const backend = createFakeBackend({
      devices: [{ kind: 'camera', deviceId: 'camera-1', label: 'Front' }, { kind: 'camera', deviceId: 'camera-2', label: 'Back' }],
    })
    const alice = await joined('alice', {}, backend)
    const bob = await joined('bob')
    const preview = backend.element('div')
    await alice.engine.startCamera({ deviceId: 'camera-1', quality: '540p', view: preview })
    expect(backend.requests[0]?.constraints).toEqual({
      video: { deviceId: { exact: 'camera-1' }, width: { ideal: 960 }, height: { ideal: 540 }, frameRate: { ideal: 15 } },
    })
    expect(backend.attachments[0]).toMatchObject({ view: preview, mirror: true, detached: false })
    expect(backend.attachments[0]?.element.muted).toBe(true)
    const view = bob.backend.element('div')
    await bob.engine.playVideo('alice', 'camera', view)
    await seen(bob)
    take(alice)

    await alice.engine.updateCamera({ deviceId: 'camera-2' })
    const [before, after] = backend.streams
    expect(backend.requests[1]?.constraints).toMatchObject({ video: { deviceId: { exact: 'camera-2' }, width: { ideal: 960 } } })
    expect([trackStates(before), trackStates(after)]).toEqual([['ended'], ['live']])
    expect(take(alice)).toEqual([['device', { kind: 'camera', action: 'active', device: { deviceId: 'camera-2', label: 'Back', kind: 'camera' } }]])
    expect(backend.playing(preview)).toBe(after)
    expect(await seen(bob)).toEqual([[]]) // a switch is not an unpublish
    expect(bob.backend.playing(view)).toBe(after)

    await alice.engine.updateCamera({ mirror: false, quality: '720p' })
    expect(backend.requests[2]?.constraints).toMatchObject({ video: { deviceId: { exact: 'camera-2' }, width: { ideal: 1280 }, height: { ideal: 720 } } })
    expect(backend.attachments.at(-1)).toMatchObject({ view: preview, mirror: false, stream: backend.streams[2] })

    await alice.engine.updateCamera({ view: null })
    expect(backend.requests).toHaveLength(3)
    expect(backend.playing(preview)).toBeUndefined()
  })

  it('mutes: remotes see the media unavailable, the tracks are disabled, publishing goes on', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    await alice.engine.startMicrophone()
    await seen(bob)
    take(alice)

    await alice.engine.setMicrophoneMuted(true)
    expect(alice.backend.streams[0]?.getAudioTracks()[0]?.enabled).toBe(false)
    expect(await seen(bob)).toEqual([[available('alice', 'audio', false)]])
    await alice.engine.setMicrophoneMuted(false)
    expect(await seen(bob)).toEqual([[available('alice', 'audio')]])
    expect(take(alice)).toEqual([])
  })

  it('remembers a mute while the device is off and applies it when it starts', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    await alice.engine.setCameraMuted(true)
    await alice.engine.startCamera()
    expect(alice.backend.streams[0]?.getVideoTracks()[0]?.enabled).toBe(false)
    expect(take(alice, ['localPublish'])).toEqual([publish('camera', 'starting'), publish('camera', 'started')])
    expect(await seen(bob)).toEqual([[joinedEvent('alice')]])
    await alice.engine.setCameraMuted(false)
    expect(await seen(bob)).toEqual([[available('alice', 'camera')]])
  })

  it('reports a camera that stops by itself (unplugged) as a warning and unpublishes it', async () => {
    const alice = await joined('alice')
    await alice.engine.startCamera()
    take(alice)
    alice.backend.end(alice.backend.streams[0]!)
    expect(take(alice)).toEqual([
      publish('camera', 'stopped'),
      ['warning', { code: MediaErrorCode.DEVICE_NOT_FOUND, message: 'Camera stopped: unplugged or taken by another app' }],
    ])
    await alice.engine.startCamera() // can start again
  })

  it('lists devices by kind and reports hot-plugging', async () => {
    const alice = user('alice')
    expect(await alice.engine.listDevices('speaker')).toEqual([{ deviceId: 'speaker-1', label: 'Fake Speaker', kind: 'speaker' }])
    expect(await alice.engine.listDevices('camera')).toEqual([{ deviceId: 'camera-1', label: 'Fake Camera', kind: 'camera' }])

    alice.backend.addDevice({ kind: 'microphone', deviceId: 'usb-mic', label: 'USB' })
    await vi.waitFor(() => expect(alice.log).toHaveLength(1))
    expect(take(alice)).toEqual([['device', { kind: 'microphone', action: 'add', device: { deviceId: 'usb-mic', label: 'USB', kind: 'microphone' } }]])

    // two changes before the list is read again are reported together
    alice.backend.removeDevice('camera-1')
    alice.backend.removeDevice('usb-mic')
    await vi.waitFor(() => expect(alice.log).toHaveLength(2))
    expect(take(alice)).toEqual([
      ['device', { kind: 'camera', action: 'remove', device: { deviceId: 'camera-1', label: 'Fake Camera', kind: 'camera' } }],
      ['device', { kind: 'microphone', action: 'remove', device: { deviceId: 'usb-mic', label: 'USB', kind: 'microphone' } }],
    ])
    expect(await alice.engine.listDevices('camera')).toEqual([])
  })
})

describe('screen share', () => {
  it('publishes the screen, and on the browser’s "Stop sharing" unpublishes it and says so', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    const preview = alice.backend.element('div')
    await alice.engine.startScreenShare({ view: preview, systemAudio: true })
    expect(alice.backend.requests[0]).toEqual({ method: 'getDisplayMedia', constraints: { video: true, audio: true } })
    expect(alice.backend.attachments[0]).toMatchObject({ view: preview, mirror: false })
    expect(await seen(bob)).toEqual([[joinedEvent('alice'), available('alice', 'screen')]])
    take(alice)

    alice.backend.end(alice.backend.streams[0]!)
    expect(take(alice)).toEqual([publish('screen', 'stopped'), ['screenShareEnded', {}]])
    expect(await seen(bob)).toEqual([[available('alice', 'screen', false)]])
  })

  it('reports a dismissed picker as CANCELLED', async () => {
    const alice = await joined('alice')
    alice.backend.deny('screen')
    await expect(alice.engine.startScreenShare()).rejects.toMatchObject({ code: MediaErrorCode.CANCELLED })
  })

  it('gives up on a picker that never answers after a minute, and stops a late stream', async () => {
    fakeTimers()
    const alice = await joined('alice')
    alice.backend.hang('screen')
    const started = alice.engine.startScreenShare().catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(59_999)
    expect(vi.getTimerCount()).toBe(2) // the picker's and the network report's
    await vi.advanceTimersByTimeAsync(1)
    expect(await started).toMatchObject({ code: MediaErrorCode.CANCELLED })
    expect(vi.getTimerCount()).toBe(1)
    take(alice)

    alice.backend.allow('screen') // the picker answers after all
    await vi.advanceTimersByTimeAsync(0)
    expect(trackStates(alice.backend.streams[0])).toEqual(['ended'])
    expect(take(alice)).toEqual([])
    await alice.engine.startScreenShare() // and the screen can be shared again
  })

  it('cancels a pending picker on leave', async () => {
    fakeTimers()
    const alice = await joined('alice')
    alice.backend.hang('screen')
    const started = alice.engine.startScreenShare().catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(0)
    await alice.engine.leave()
    expect(await started).toMatchObject({ code: MediaErrorCode.CANCELLED })
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('remote audio and speaker', () => {
  // the engine plays remote audio in <audio> elements it creates: give Node a document that makes fake ones
  const withDocument = (backend: FakeBackend) => vi.stubGlobal('document', { createElement: (tag: string) => backend.element(tag) })

  it('plays remote audio in a hidden element it mutes on request, per user or for all', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    withDocument(bob.backend)
    await alice.engine.startMicrophone()
    await network.flush()
    const audio = () => bob.backend.attachments.filter((a) => !a.detached && a.element.tagName === 'AUDIO')
    expect(audio().map((a) => [a.stream, a.element.muted])).toEqual([[alice.backend.streams[0], false]])

    await bob.engine.setRemoteAudioMuted('alice', true)
    expect(audio()[0]?.element.muted).toBe(true)
    await bob.engine.setRemoteAudioMuted('*', false)
    expect(audio()[0]?.element.muted).toBe(false)

    // a mute survives the peer's unpublish and republish
    await bob.engine.setRemoteAudioMuted('*', true)
    await alice.engine.stopMicrophone()
    await network.flush()
    expect(audio()).toEqual([])
    await alice.engine.startMicrophone()
    await network.flush()
    expect(audio().map((a) => [a.stream, a.element.muted])).toEqual([[alice.backend.streams[1], true]])
  })

  it('routes every played element to the chosen speaker, now and later', async () => {
    const backend = createFakeBackend({ devices: [{ kind: 'speaker', deviceId: 'speaker-1' }, { kind: 'speaker', deviceId: 'speaker-2', label: 'Headset' }] })
    const alice = await joined('alice')
    const bob = await joined('bob', {}, backend)
    const carol = await joined('carol')
    withDocument(backend)
    await alice.engine.startMicrophone()
    await network.flush()
    take(bob)

    await bob.engine.setSpeaker('speaker-2')
    expect(take(bob)).toEqual([['device', { kind: 'speaker', action: 'active', device: { deviceId: 'speaker-2', label: 'Headset', kind: 'speaker' } }]])
    await carol.engine.startMicrophone()
    await network.flush()
    const sinks = backend.attachments.map((a) => (a.element as unknown as { sinkId: string }).sinkId)
    expect(sinks).toEqual(['speaker-2', 'speaker-2'])

    await expect(bob.engine.setSpeaker('speaker-9')).rejects.toMatchObject({ code: MediaErrorCode.DEVICE_NOT_FOUND })
  })

  it('refuses to pick a speaker where the browser cannot', async () => {
    const alice = user('alice', createFakeBackend({ supported: { sinkId: false } }))
    await expect(alice.engine.setSpeaker('speaker-1')).rejects.toMatchObject({ code: MediaErrorCode.NOT_SUPPORTED })
  })
})

describe('volumes', () => {
  it('reports my level under my userId and remote levels, loudest first', async () => {
    fakeTimers()
    const alice = await joined('alice')
    const bob = await joined('bob')
    await alice.engine.startMicrophone()
    await bob.engine.startMicrophone()
    await network.flush()
    alice.backend.setLevel(40)
    alice.backend.setLevel(70.4, bob.backend.streams[0])
    take(alice)

    alice.engine.setVolumeInterval(1000)
    vi.advanceTimersByTime(999)
    expect(take(alice)).toEqual([])
    vi.advanceTimersByTime(1)
    expect(take(alice)).toEqual([['volumes', { levels: [{ userId: 'bob', volume: 70 }, { userId: 'alice', volume: 40 }] }]])
    expect(alice.backend.openMeters).toBe(2)

    await alice.engine.setMicrophoneMuted(true)
    await bob.engine.stopMicrophone()
    await network.flush()
    vi.advanceTimersByTime(1000)
    expect(take(alice, ['volumes'])).toEqual([['volumes', { levels: [{ userId: 'alice', volume: 0 }] }]])
    expect(alice.backend.openMeters).toBe(1) // bob's meter stopped with his stream

    alice.engine.setVolumeInterval(0)
    expect(alice.backend.openMeters).toBe(0)
    vi.advanceTimersByTime(1000)
    expect(take(alice)).toEqual([])
  })

  it('reports an excellent in-page network every 2 s while in a room, as TRTC does', async () => {
    fakeTimers()
    const alice = user('alice')
    vi.advanceTimersByTime(4000)
    await alice.engine.join({ roomId: 'r1', userId: 'alice', role: 'audience' })
    take(alice)
    vi.advanceTimersByTime(1999)
    expect(take(alice)).toEqual([])
    vi.advanceTimersByTime(2001)
    expect(take(alice)).toEqual([['network', { up: 1, down: 1, rtt: 0, loss: 0 }], ['network', { up: 1, down: 1, rtt: 0, loss: 0 }]])
    await alice.engine.leave()
    take(alice)
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(4000)
    expect(take(alice)).toEqual([])
  })

  it('reports no faster than every 100 ms', async () => {
    fakeTimers()
    const alice = user('alice')
    alice.engine.setVolumeInterval(10)
    vi.advanceTimersByTime(99)
    expect(take(alice)).toEqual([])
    vi.advanceTimersByTime(1)
    expect(take(alice)).toEqual([['volumes', { levels: [] }]]) // not in a room: no network report
  })
})

describe('co-host links', () => {
  async function twoRooms() {
    const alice = await joined('alice')
    const xena = await joined('xena', { role: 'audience' })
    const bob = await joined('bob', { roomId: 'r2' })
    await alice.engine.startCamera()
    await bob.engine.startMicrophone()
    await bob.engine.startCamera()
    await seen(alice, xena, bob)
    return { alice, xena, bob }
  }

  it('shows each room’s anchors in the other, mutes in my room only, and removes them on disconnect', async () => {
    const { alice, xena, bob } = await twoRooms()
    await alice.engine.connectRoom({ roomId: 'r2' })
    const bobArrives = [joinedEvent('bob'), available('bob', 'camera'), available('bob', 'audio')]
    expect(await seen(alice, xena, bob)).toEqual([bobArrives, bobArrives, [joinedEvent('alice'), available('alice', 'camera')]])

    const view = xena.backend.element('div')
    await xena.engine.playVideo('bob', 'camera', view)
    expect(xena.backend.playing(view)).toBe(bob.backend.streams[1])

    await alice.engine.setConnectedMuted({ roomId: 'r2', userId: 'bob', audio: true })
    expect(await seen(alice, xena, bob)).toEqual([[available('bob', 'audio', false)], [available('bob', 'audio', false)], []])
    await alice.engine.setConnectedMuted({ roomId: 'r2', video: true })
    expect(await seen(alice, xena, bob)).toEqual([[available('bob', 'camera', false)], [available('bob', 'camera', false)], []])
    await alice.engine.setConnectedMuted({ roomId: 'r2', userId: 'bob', audio: false })
    expect(await seen(alice, xena)).toEqual([[available('bob', 'audio')], [available('bob', 'audio')]])

    await alice.engine.disconnectRoom('r2')
    expect(await seen(alice, xena, bob)).toEqual([
      [available('bob', 'audio', false), left('bob')],
      [available('bob', 'audio', false), left('bob')],
      [available('alice', 'camera', false), left('alice')],
    ])
  })

  it('links one anchor with a user-level link, and ends links when their owner leaves', async () => {
    const { alice, bob } = await twoRooms()
    const bert = await joined('bert', { roomId: 'r2' })
    await seen(bob, bert)
    await alice.engine.connectRoom({ roomId: 'r2', userId: 'bob' })
    expect(await seen(alice, bob, bert)).toEqual([
      [joinedEvent('bob'), available('bob', 'camera'), available('bob', 'audio')],
      [joinedEvent('alice'), available('alice', 'camera')],
      [joinedEvent('alice'), available('alice', 'camera')],
    ])
    await alice.engine.leave()
    expect(await seen(bob, bert)).toEqual([
      [available('alice', 'camera', false), left('alice')],
      [available('alice', 'camera', false), left('alice')],
    ])
  })

  it('keeps the local member when a linked room has a user with the same id', async () => {
    const { alice, xena } = await twoRooms()
    await joined('alice', { roomId: 'r2' }, createFakeBackend())
    await alice.engine.connectRoom({ roomId: 'r2' })
    expect(await seen(xena)).toEqual([[joinedEvent('bob'), available('bob', 'camera'), available('bob', 'audio')]])
  })

  it('refuses links to nowhere, by audiences, and mutes without a link', async () => {
    const { alice, xena } = await twoRooms()
    await expect(alice.engine.connectRoom({ roomId: 'r9' })).rejects.toMatchObject({ code: MediaErrorCode.SERVER })
    await expect(alice.engine.connectRoom({ roomId: 'r2', userId: 'nobody' })).rejects.toMatchObject({ code: MediaErrorCode.SERVER })
    await expect(xena.engine.connectRoom({ roomId: 'r2' })).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
    await expect(alice.engine.setConnectedMuted({ roomId: 'r2', audio: true })).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    expect(await seen(alice, xena)).toEqual([[], []])
  })
})

describe('default backend', () => {
  it('imports and runs in plain Node, refusing device access with NOT_SUPPORTED', async () => {
    const engine = createLocalMediaEngine({ network })
    await engine.join({ roomId: 'r1', userId: 'alice', role: 'anchor' })
    await expect(engine.startMicrophone()).rejects.toMatchObject({ code: MediaErrorCode.NOT_SUPPORTED })
    await expect(engine.listDevices('camera')).rejects.toMatchObject({ code: MediaErrorCode.NOT_SUPPORTED })
    await engine.dispose()
  })
})

describe('dispose', () => {
  it('leaves, stops everything and leaves no timer, meter or listener behind', async () => {
    fakeTimers()
    const alice = await joined('alice')
    const bob = await joined('bob')
    await alice.engine.startMicrophone()
    await seen(bob)
    alice.engine.setVolumeInterval(500)
    vi.advanceTimersByTime(500)
    alice.backend.hang('screen')
    const sharing = alice.engine.startScreenShare().catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(0)
    expect(vi.getTimerCount()).toBe(4) // volumes, picker, and the network reports of alice and bob
    take(alice)

    await alice.engine.dispose()
    expect(await sharing).toMatchObject({ code: MediaErrorCode.CANCELLED })
    expect(vi.getTimerCount()).toBe(1) // bob's network report
    expect([alice.backend.openMeters, alice.backend.deviceListeners]).toEqual([0, 0])
    expect(trackStates(alice.backend.streams[0])).toEqual(['ended'])
    expect(await seen(bob)).toEqual([[available('alice', 'audio', false), left('alice')]])
    expect(take(alice)).toEqual([publish('audio', 'stopped'), connection('disconnected')])
    await expect(alice.engine.join({ roomId: 'r1', userId: 'alice', role: 'anchor' })).rejects.toMatchObject({ code: MediaErrorCode.DISPOSED })
    await expect(alice.engine.startMicrophone()).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
    await alice.engine.leave()
    await alice.engine.dispose()
  })
})

describe('capture and playback volume', () => {
  const withDocument = (backend: FakeBackend) => vi.stubGlobal('document', { createElement: (tag: string) => backend.element(tag) })
  const playedAudio = (u: User) => u.backend.attachments.filter((a) => !a.detached && a.element.tagName === 'AUDIO')

  it('sends the microphone through a gain once a volume other than 100 is set, before or while it runs', async () => {
    fakeTimers()
    const alice = user('alice')
    await alice.engine.setCaptureVolume(50) // before join: remembered
    await alice.engine.join({ roomId: 'r1', userId: 'alice', role: 'anchor' })
    const bob = await joined('bob')
    withDocument(bob.backend)
    await alice.engine.startMicrophone()
    await network.flush()
    const [mic] = alice.backend.streams
    expect(alice.backend.gains.map(({ source, volume, stopped }) => ({ source, volume, stopped }))).toEqual([{ source: mic, volume: 50, stopped: false }])
    const gained = alice.backend.gains[0]!.stream
    expect(playedAudio(bob).map((a) => a.stream)).toEqual([gained]) // the others hear it after the gain

    alice.backend.setLevel(80, mic)
    alice.engine.setVolumeInterval(1000)
    vi.advanceTimersByTime(1000)
    expect(take(alice, ['volumes'])).toEqual([['volumes', { levels: [{ userId: 'alice', volume: 40 }] }]])

    await alice.engine.setCaptureVolume(100) // the gain stays, at full volume: nothing to republish
    expect(alice.backend.gains.map((g) => g.volume)).toEqual([100])
    await alice.engine.stopMicrophone()
    expect(alice.backend.gains[0]!.stopped).toBe(true)
    expect(trackStates(gained)).toEqual(['ended'])
  })

  it('at 100 sends the microphone as captured, and inserts the gain into a running one when asked', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    withDocument(bob.backend)
    await alice.engine.startMicrophone()
    await network.flush()
    const [mic] = alice.backend.streams
    expect(alice.backend.gains).toEqual([])
    expect(playedAudio(bob).map((a) => a.stream)).toEqual([mic])
    take(bob)

    await alice.engine.setCaptureVolume(30)
    await network.flush()
    expect(alice.backend.gains.map(({ source, volume }) => ({ source, volume }))).toEqual([{ source: mic, volume: 30 }])
    expect(playedAudio(bob).map((a) => a.stream)).toEqual([alice.backend.gains[0]!.stream])
    expect(take(bob, REMOTE)).toEqual([]) // a stream swap, not an unavailable
    expect(trackStates(mic)).toEqual(['live'])

    await alice.engine.leave()
    expect(alice.backend.gains[0]!.stopped).toBe(true)
  })

  it('plays remote audio at the volume set per user or for all, also for later publishers', async () => {
    const alice = await joined('alice')
    const bob = await joined('bob')
    const carol = await joined('carol')
    withDocument(bob.backend)
    await alice.engine.startMicrophone()
    await network.flush()
    const volumes = () => playedAudio(bob).map((a) => a.element.volume)
    expect(volumes()).toEqual([1])

    await bob.engine.setPlaybackVolume('alice', 40)
    expect(volumes()).toEqual([0.4])
    await bob.engine.setPlaybackVolume('*', 70) // replaces per-user values
    await carol.engine.startMicrophone()
    await network.flush()
    expect(volumes()).toEqual([0.7, 0.7])
    await bob.engine.setPlaybackVolume('carol', 0)
    expect(volumes()).toEqual([0.7, 0])
  })

  it.each([
    ['a volume over 100', (e: MediaEngine) => e.setCaptureVolume(101)],
    ['a negative volume', (e: MediaEngine) => e.setCaptureVolume(-1)],
    ['NaN', (e: MediaEngine) => e.setCaptureVolume(Number.NaN)],
    ['a string volume', (e: MediaEngine) => e.setPlaybackVolume('bob', '50' as unknown as number)],
    ['an empty userId', (e: MediaEngine) => e.setPlaybackVolume('', 50)],
  ])('refuses %s with INVALID_ARGUMENT and changes nothing', async (_, call) => {
    const alice = await joined('alice')
    await expect(call(alice.engine)).rejects.toMatchObject({ code: MediaErrorCode.INVALID_ARGUMENT })
    await alice.engine.startMicrophone()
    expect(alice.backend.gains).toEqual([])
  })
})

describe('statistics', () => {
  const none = { videoBitrate: 0, videoWidth: 0, videoHeight: 0, frameRate: 0, audioBitrate: 0, audioSampleRate: 0 }

  it('reports every 2 s in a room what I send and what each publisher sends, from the track settings', async () => {
    fakeTimers()
    const stats: Array<MediaEngineEvents['statistics']> = []
    const alice = await joined('alice')
    alice.engine.on('statistics', (s) => stats.push(s))
    const bob = await joined('bob')
    await joined('carol') // publishes nothing: not listed
    await alice.engine.startCamera({ quality: '720p' })
    await alice.engine.startMicrophone()
    await bob.engine.startScreenShare()
    await network.flush()

    vi.advanceTimersByTime(2000)
    expect(stats).toEqual([{
      local: { ...none, videoWidth: 1280, videoHeight: 720, frameRate: 15, audioSampleRate: 48000 },
      remote: [{ userId: 'bob', ...none, videoWidth: 1920, videoHeight: 1080, frameRate: 30 }],
    }])

    await alice.engine.setCameraMuted(true) // muted: not sent
    await bob.engine.leave()
    await network.flush()
    vi.advanceTimersByTime(2000)
    expect(stats[1]).toEqual({ local: { ...none, audioSampleRate: 48000 }, remote: [] })

    await alice.engine.leave()
    vi.advanceTimersByTime(4000)
    expect(stats).toHaveLength(2)
  })
})
