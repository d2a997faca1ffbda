// The behaviour every MediaEngine shares, whatever moves the media (TRTC, local). It uses only the
// MediaEngine interface and a small `world` of engines that can see each other. Both engines run this
// same list; where they could differ, the TRTC engine's rules (reference §2 and §4) decide.
import { afterEach, describe, expect, it } from 'vitest'
import { MediaErrorCode, type Media, type MediaEngine, type MediaEngineEvents, type VideoSource } from '../../packages/engine/src/media/types'

/** N engines that share one media backend, plus the controls the suite needs. */
export interface MediaWorld {
  /** `engines[i]` acts as `userIds[i]` of `makeWorld(userIds)` */
  readonly engines: readonly MediaEngine[]
  /** Delivers everything pending (events, and what the engines do in reaction). */
  flush(): Promise<void>
  /** A fresh element to render video into. */
  view(): HTMLElement
  /** Moves time by `ms` (volume and network ticks), then flushes. */
  advance(ms: number): Promise<void>
  /**
   * The view engine `index` currently renders `userId`'s `source` into, or `undefined` when not playing
   * (`null`: subscribed without a view, where the engine can tell).
   */
  playing(index: number, userId: string, source: VideoSource): HTMLElement | null | undefined
  /** Disposes every engine and checks the backend is clean (nothing captured, no listener or timer left). */
  dispose(): Promise<void>
}

/** Builds a world with one engine per userId (a userId may repeat: same user on two devices). */
export type MakeMediaWorld = (userIds: readonly string[]) => MediaWorld | Promise<MediaWorld>

type Entry = { [E in keyof MediaEngineEvents]: readonly [E, MediaEngineEvents[E]] }[keyof MediaEngineEvents]

const EVENTS: ReadonlyArray<keyof MediaEngineEvents> = [
  'connection', 'userJoined', 'userLeft', 'remoteMedia', 'localPublish', 'volumes',
  'network', 'statistics', 'device', 'autoplayBlocked', 'screenShareEnded', 'removed', 'warning',
]

function record(engine: MediaEngine): Entry[] {
  const log: Entry[] = []
  for (const event of EVENTS) engine.on(event, (info) => log.push([event, info] as Entry))
  return log
}

/** Presence and media events about `userId`, as `[event, detail]` pairs. */
function about(log: readonly Entry[], userId: string): Array<[string, string | boolean]> {
  const out: Array<[string, string | boolean]> = []
  for (const [event, info] of log) {
    if (event === 'userJoined' && info.userId === userId) out.push(['joined', true])
    if (event === 'userLeft' && info.userId === userId) out.push(['left', info.reason])
    if (event === 'remoteMedia' && info.userId === userId) out.push([info.media, info.available])
  }
  return out
}

/** Presence and media events about anybody. */
function remote(log: readonly Entry[]): Entry[] {
  return log.filter(([event]) => event === 'userJoined' || event === 'userLeft' || event === 'remoteMedia')
}

/** My own publish states, as `media state` strings. */
function published(log: readonly Entry[]): string[] {
  return log.flatMap(([e, i]) => (e === 'localPublish' ? [`${i.media} ${i.state}`] : []))
}

const connections = (log: readonly Entry[]) => log.flatMap(([e, i]) => (e === 'connection' ? [i.state] : []))
const invalid = { code: MediaErrorCode.INVALID_ARGUMENT }
const notInRoom = { code: MediaErrorCode.NOT_IN_ROOM }
const notPublisher = { code: MediaErrorCode.NOT_PUBLISHER }
const started = (media: Media) => [`${media} starting`, `${media} started`]

/** Registers the shared MediaEngine tests for one implementation. */
export function describeMediaEngineContract(name: string, makeWorld: MakeMediaWorld): void {
  describe(`MediaEngine contract: ${name}`, () => {
    let current: MediaWorld | undefined

    async function world(...userIds: string[]) {
      current = await makeWorld(userIds)
      return { w: current, logs: current.engines.map(record) }
    }

    afterEach(async () => {
      await current?.dispose()
      current = undefined
    })

    const live = (userId: string, roomId = 'r1') => ({ roomId, userId, role: 'anchor' as const })

    describe('rooms and presence', () => {
      it('anchors see each other join, then publish; publishing is reported to the publisher', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await alice.startCamera()
        await alice.startMicrophone()
        await bob.join(live('bob'))
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([['joined', true], ['camera', true], ['audio', true]])
        expect(about(logs[0]!, 'bob')).toEqual([['joined', true]])
        expect(published(logs[0]!)).toEqual([...started('camera'), ...started('audio')])
      })

      it('reports connecting and connected on join, disconnected on leave', async () => {
        const { w, logs } = await world('alice')
        const [alice] = w.engines as [MediaEngine]
        await alice.join(live('alice'))
        await w.flush()
        expect(connections(logs[0]!.splice(0))).toEqual(['connecting', 'connected'])
        await alice.leave()
        await w.flush()
        expect(connections(logs[0]!)).toEqual(['disconnected'])
      })

      it('leave stops local media: others see it go in TRTC order, then the user leave; the leaver hears nothing more', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await bob.join(live('bob'))
        await alice.join(live('alice'))
        await alice.startMicrophone()
        await alice.startScreenShare()
        await alice.startCamera()
        await w.flush()
        logs.forEach((log) => log.splice(0))
        await alice.leave()
        await w.flush()
        expect(about(logs[1]!.splice(0), 'alice')).toEqual([['camera', false], ['audio', false], ['screen', false], ['left', 'leave']])
        expect(published(logs[0]!)).toEqual(['camera stopped', 'audio stopped', 'screen stopped'])
        expect(connections(logs[0]!)).toEqual(['disconnected'])
        expect(remote(logs[0]!.splice(0))).toEqual([])

        await bob.startMicrophone()
        await w.flush()
        expect(remote(logs[0]!)).toEqual([])
        await alice.join(live('alice'))
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([['joined', true]])
        expect(about(logs[0]!, 'bob')).toEqual([['joined', true], ['audio', true]])
      })

      it('rooms are isolated', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice', 'r1'))
        await bob.join(live('bob', 'r2'))
        await alice.startMicrophone()
        await bob.startMicrophone()
        await w.flush()
        expect(remote(logs[0]!)).toEqual([])
        expect(remote(logs[1]!)).toEqual([])
      })

      it('the same user joining again elsewhere removes the first engine with reason "kick"', async () => {
        const { w, logs } = await world('alice', 'alice', 'bob')
        const [first, second, bob] = w.engines as [MediaEngine, MediaEngine, MediaEngine]
        await first.join(live('alice'))
        await first.startMicrophone()
        await bob.join(live('bob'))
        await w.flush()
        logs[2]!.splice(0)
        await second.join(live('alice'))
        await w.flush()
        expect(logs[0]!.filter(([e]) => e === 'removed')).toEqual([['removed', { reason: 'kick' }]])
        expect(logs[1]!.filter(([e]) => e === 'removed')).toEqual([])
        expect(about(logs[2]!, 'alice')).toEqual([['audio', false], ['left', 'leave'], ['joined', true]])
        // already out: its devices are refused and leaving does nothing more
        await expect(first.startMicrophone()).rejects.toMatchObject(notInRoom)
        await expect(first.leave()).resolves.toBeUndefined()
      })

      it('a second join is refused with ALREADY_IN_ROOM and changes nothing', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await bob.join(live('bob', 'r2'))
        await expect(alice.join(live('alice'))).rejects.toMatchObject({ code: MediaErrorCode.ALREADY_IN_ROOM })
        await expect(alice.join(live('alice', 'r2'))).rejects.toMatchObject({ code: MediaErrorCode.ALREADY_IN_ROOM })
        await alice.startMicrophone()
        await w.flush()
        expect(remote(logs[1]!)).toEqual([])
      })

      it('after dispose, join is refused with DISPOSED and the engine is out of any room', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await bob.join(live('bob'))
        await alice.startMicrophone()
        await alice.dispose()
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([['joined', true], ['audio', true], ['audio', false], ['left', 'leave']])
        await expect(alice.join(live('alice'))).rejects.toMatchObject({ code: MediaErrorCode.DISPOSED })
        await expect(alice.startCamera()).rejects.toMatchObject(notInRoom)
        await expect(alice.leave()).resolves.toBeUndefined()
        await expect(alice.stopMicrophone()).resolves.toBeUndefined()
        await expect(alice.dispose()).resolves.toBeUndefined()
      })
    })

    describe('roles', () => {
      it('a live audience is invisible and refused publishing until it becomes an anchor', async () => {
        const { w, logs } = await world('alice', 'carol')
        const [alice, carol] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await carol.join({ roomId: 'r1', userId: 'carol', role: 'audience' })
        await expect(carol.startMicrophone()).rejects.toMatchObject(notPublisher)
        await expect(carol.startCamera()).rejects.toMatchObject(notPublisher)
        await expect(carol.startScreenShare()).rejects.toMatchObject(notPublisher)
        await w.flush()
        expect(about(logs[0]!, 'carol')).toEqual([])
        // carol sees the anchor
        expect(about(logs[1]!, 'alice')).toEqual([['joined', true]])

        await carol.setRole('anchor')
        await carol.startMicrophone()
        await w.flush()
        expect(about(logs[0]!, 'carol')).toEqual([['joined', true], ['audio', true]])
      })

      it('stepping down in live stops microphone, camera and screen, then leaves; stepping up starts nothing', async () => {
        const { w, logs } = await world('alice', 'carol')
        const [alice, carol] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await carol.join(live('carol'))
        await carol.startMicrophone()
        await carol.startCamera()
        await carol.startScreenShare()
        await w.flush()
        logs.forEach((log) => log.splice(0))

        await carol.setRole('audience')
        await w.flush()
        expect(about(logs[0]!.splice(0), 'carol')).toEqual([['camera', false], ['audio', false], ['screen', false], ['left', 'role']])
        expect(published(logs[1]!.splice(0))).toEqual(['camera stopped', 'audio stopped', 'screen stopped'])
        await expect(carol.startMicrophone()).rejects.toMatchObject(notPublisher)

        await carol.setRole('anchor')
        await w.flush()
        expect(about(logs[0]!, 'carol')).toEqual([['joined', true]])
        expect(published(logs[1]!)).toEqual([])
      })

      it('a start still waiting for its turn when stepping down is refused', async () => {
        const { w, logs } = await world('alice', 'carol')
        const [alice, carol] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await carol.join(live('carol'))
        const waiting = carol.startMicrophone()
        await carol.setRole('audience')
        await expect(waiting).rejects.toMatchObject(notPublisher)
        await w.flush()
        expect(about(logs[0]!, 'carol')).toEqual([['joined', true], ['left', 'role']])
        expect(published(logs[1]!)).toEqual([])
      })

      it('the rtc scene shows everybody, whatever the role, and a role change stops nothing', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join({ roomId: 'call1', userId: 'alice', role: 'audience', scene: 'rtc' })
        await bob.join({ roomId: 'call1', userId: 'bob', role: 'audience', scene: 'rtc' })
        await alice.startMicrophone()
        await alice.setRole('anchor')
        await alice.setRole('audience')
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([['joined', true], ['audio', true]])
        expect(published(logs[0]!)).toEqual(started('audio'))
      })
    })

    describe('local media', () => {
      it('muting, unmuting and stopping toggle what others receive', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await bob.join(live('bob'))
        await alice.join(live('alice'))
        await alice.startMicrophone()
        await alice.startCamera()
        await w.flush()
        logs[1]!.splice(0)
        await alice.setMicrophoneMuted(true)
        await w.flush()
        await alice.setMicrophoneMuted(false)
        await w.flush()
        await alice.setCameraMuted(true)
        await w.flush()
        await alice.stopMicrophone()
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([['audio', false], ['audio', true], ['camera', false], ['audio', false]])
      })

      it('before join, devices are refused with NOT_IN_ROOM; mutes are remembered; stops resolve', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await bob.join(live('bob'))
        await expect(alice.startMicrophone()).rejects.toMatchObject(notInRoom)
        await expect(alice.startCamera()).rejects.toMatchObject(notInRoom)
        await expect(alice.startScreenShare()).rejects.toMatchObject(notInRoom)
        await alice.stopMicrophone()
        await alice.stopCamera()
        await alice.stopScreenShare()
        await alice.setMicrophoneMuted(true)

        await alice.join(live('alice'))
        await alice.startMicrophone()
        await w.flush()
        expect(about(logs[1]!.splice(0), 'alice')).toEqual([['joined', true]])
        expect(published(logs[0]!)).toEqual(started('audio'))
        await alice.setMicrophoneMuted(false)
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([['audio', true]])
      })

      it('starting what runs already updates it and resolves: nothing is published twice', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await bob.join(live('bob'))
        await alice.startCamera()
        await alice.startMicrophone()
        await alice.startScreenShare()
        await expect(alice.startCamera({ quality: '720p', mirror: false, view: w.view() })).resolves.toBeUndefined()
        await expect(alice.startMicrophone()).resolves.toBeUndefined()
        await expect(alice.startScreenShare({ view: w.view() })).resolves.toBeUndefined()
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([['joined', true], ['camera', true], ['audio', true], ['screen', true]])
        expect(published(logs[0]!)).toEqual([...started('camera'), ...started('audio'), ...started('screen')])
      })

      it('a double click shares one start', async () => {
        const { w, logs } = await world('alice')
        const [alice] = w.engines as [MediaEngine]
        await alice.join(live('alice'))
        await Promise.all([alice.startCamera(), alice.startCamera()])
        await w.flush()
        expect(published(logs[0]!)).toEqual(started('camera'))
      })

      it('updateCamera needs a started camera', async () => {
        const { w } = await world('alice')
        const [alice] = w.engines as [MediaEngine]
        await alice.join(live('alice'))
        await expect(alice.updateCamera({ quality: '720p' })).rejects.toMatchObject(invalid)
        await alice.startCamera()
        await expect(alice.updateCamera({ quality: '720p' })).resolves.toBeUndefined()
      })

      it('volume levels name me by my userId, never ""', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await bob.join(live('bob'))
        await alice.startMicrophone()
        await bob.startMicrophone()
        await w.flush()
        alice.setVolumeInterval(100)
        await w.advance(300)
        const volumes = logs[0]!.flatMap(([e, i]) => (e === 'volumes' ? [i.levels] : []))
        expect(volumes).toHaveLength(3)
        for (const levels of volumes) {
          expect(levels.map((l) => l.userId).sort()).toEqual(['alice', 'bob'])
          for (const { volume } of levels) expect(volume).toBeGreaterThanOrEqual(0)
        }
        alice.setVolumeInterval(0)
        logs[0]!.splice(0)
        await w.advance(300)
        expect(logs[0]!.filter(([e]) => e === 'volumes')).toEqual([])
      })

      it('network quality comes every 2 s while in a room, on the 0–6 scale', async () => {
        const { w, logs } = await world('alice')
        const [alice] = w.engines as [MediaEngine]
        await w.advance(4000)
        await alice.join(live('alice'))
        await w.advance(1999)
        expect(logs[0]!.filter(([e]) => e === 'network')).toEqual([])
        await w.advance(2001)
        const reports = logs[0]!.flatMap(([e, i]) => (e === 'network' ? [i] : []))
        expect(reports).toHaveLength(2)
        for (const { up, down } of reports) expect([up, down].every((q) => Number.isInteger(q) && q >= 0 && q <= 6)).toBe(true)
        await alice.leave()
        logs[0]!.splice(0)
        await w.advance(4000)
        expect(logs[0]!.filter(([e]) => e === 'network')).toEqual([])
      })
    })

    describe('statistics and volumes', () => {
      const statistics = (log: readonly Entry[]) => log.flatMap(([e, i]) => (e === 'statistics' ? [i] : []))
      const figures = ['videoBitrate', 'videoWidth', 'videoHeight', 'frameRate', 'audioBitrate', 'audioSampleRate'] as const

      it('statistics come every 2 s while in a room: what I send, and each peer who publishes', async () => {
        const { w, logs } = await world('alice', 'bob', 'carol')
        const [alice, bob, carol] = w.engines as [MediaEngine, MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await bob.join(live('bob'))
        await carol.join(live('carol')) // publishes nothing: not listed
        await bob.startCamera()
        await bob.startMicrophone()
        await w.advance(1999)
        expect(statistics(logs[0]!)).toEqual([])
        await w.advance(1)
        const [report] = statistics(logs[0]!)
        expect(report?.local).toEqual(Object.fromEntries(figures.map((f) => [f, 0]))) // alice sends nothing
        expect(report?.remote.map((r) => r.userId)).toEqual(['bob'])
        const bobs = report!.remote[0]!
        expect([bobs.videoWidth, bobs.videoHeight, bobs.frameRate].every((n) => n > 0)).toBe(true)
        for (const f of figures) expect(bobs[f]).toBeGreaterThanOrEqual(0)
        expect(statistics(logs[1]!)[0]?.local.videoWidth).toBe(bobs.videoWidth) // bob sends what alice receives

        await alice.leave()
        logs[0]!.splice(0)
        await w.advance(4000)
        expect(statistics(logs[0]!)).toEqual([])
      })

      it('capture and playback volumes take 0–100, before a room and on a running microphone', async () => {
        const { w } = await world('alice')
        const [alice] = w.engines as [MediaEngine]
        await expect(alice.setCaptureVolume(40)).resolves.toBeUndefined()
        await expect(alice.setPlaybackVolume('*', 0)).resolves.toBeUndefined()
        await alice.join(live('alice'))
        await alice.startMicrophone()
        await expect(alice.setCaptureVolume(100)).resolves.toBeUndefined()
        await expect(alice.setPlaybackVolume('bob', 100)).resolves.toBeUndefined()
        for (const bad of [-1, 100.5, Number.NaN, '50' as unknown as number]) {
          await expect(alice.setCaptureVolume(bad)).rejects.toMatchObject(invalid)
          await expect(alice.setPlaybackVolume('*', bad)).rejects.toMatchObject(invalid)
        }
        await expect(alice.setPlaybackVolume('', 50)).rejects.toMatchObject(invalid)
      })
    })

    describe('remote video', () => {
      it('playVideo waits for the stream, replays it when it comes back, moves it, and stopVideo ends it', async () => {
        const { w } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await bob.join(live('bob'))
        const [v1, v2] = [w.view(), w.view()]
        await bob.playVideo('alice', 'camera', v1)
        expect(w.playing(1, 'alice', 'camera')).toBeUndefined()

        await alice.startCamera()
        await w.flush()
        expect(w.playing(1, 'alice', 'camera')).toBe(v1)
        await alice.stopCamera()
        await w.flush()
        expect(w.playing(1, 'alice', 'camera')).toBeUndefined()
        await alice.startCamera()
        await w.flush()
        expect(w.playing(1, 'alice', 'camera')).toBe(v1)

        await bob.playVideo('alice', 'camera', v2)
        await bob.playVideo('alice', 'camera', v2)
        expect(w.playing(1, 'alice', 'camera')).toBe(v2)
        await bob.stopVideo('alice', 'camera')
        expect(w.playing(1, 'alice', 'camera')).toBeUndefined()
        await alice.stopCamera()
        await alice.startCamera()
        await w.flush()
        expect(w.playing(1, 'alice', 'camera')).toBeUndefined()
      })

      it('a view asked for a user not in the room yet plays once it publishes, and again after it left and came back', async () => {
        const { w } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await bob.join(live('bob'))
        const view = w.view()
        await bob.playVideo('alice', 'camera', view)
        await alice.join(live('alice'))
        await alice.startCamera()
        await w.flush()
        expect(w.playing(1, 'alice', 'camera')).toBe(view)
        await alice.leave()
        await w.flush()
        expect(w.playing(1, 'alice', 'camera')).toBeUndefined()
        await alice.join(live('alice'))
        await alice.startCamera()
        await w.flush()
        expect(w.playing(1, 'alice', 'camera')).toBe(view)
      })

      it('my own leave forgets what I play; my own video is not a remote one', async () => {
        const { w } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await bob.join(live('bob'))
        await alice.startCamera()
        await bob.playVideo('alice', 'camera', w.view())
        await w.flush()
        await expect(bob.playVideo('bob', 'camera', w.view())).rejects.toMatchObject(invalid)
        await bob.leave()
        await expect(bob.playVideo('alice', 'camera', w.view())).rejects.toMatchObject(notInRoom)
        await bob.join(live('bob'))
        await w.flush()
        expect(w.playing(1, 'alice', 'camera')).toBeUndefined()
      })

      it('screen share is the "screen" media and plays as the screen source', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice'))
        await bob.join(live('bob'))
        await alice.startScreenShare()
        await w.flush()
        const view = w.view()
        await bob.playVideo('alice', 'screen', view)
        await w.flush()
        expect(w.playing(1, 'alice', 'screen')).toBe(view)
        expect(w.playing(1, 'alice', 'camera')).toBeUndefined()
        await alice.stopScreenShare()
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([['joined', true], ['screen', true], ['screen', false]])
      })
    })

    describe('co-host', () => {
      it('connected rooms see each other\'s anchor; muting hides its audio in my room; disconnect ends it', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await alice.join(live('alice', 'r1'))
        await bob.join(live('bob', 'r2'))
        await alice.startMicrophone()
        await bob.startMicrophone()
        await w.flush()
        await expect(alice.setConnectedMuted({ roomId: 'r2', audio: true })).rejects.toMatchObject(invalid)

        await alice.connectRoom({ roomId: 'r2' })
        await w.flush()
        expect(about(logs[0]!.splice(0), 'bob')).toEqual([['joined', true], ['audio', true]])
        expect(about(logs[1]!.splice(0), 'alice')).toEqual([['joined', true], ['audio', true]])
        // connecting again to the same room keeps the link
        await alice.connectRoom({ roomId: 'r2' })
        await w.flush()
        expect(remote(logs[0]!)).toEqual([])

        await alice.setConnectedMuted({ roomId: 'r2', audio: true })
        await w.flush()
        expect(about(logs[0]!.splice(0), 'bob')).toEqual([['audio', false]])
        expect(about(logs[1]!, 'alice')).toEqual([])

        await alice.disconnectRoom('r2')
        await w.flush()
        expect(about(logs[0]!, 'bob')).toEqual([['left', 'leave']])
        expect(about(logs[1]!, 'alice')).toEqual([['audio', false], ['left', 'leave']])
      })

      it('refuses links before join, by a live audience, to my own room and to an empty room', async () => {
        const { w, logs } = await world('alice', 'carol', 'bob')
        const [alice, carol, bob] = w.engines as [MediaEngine, MediaEngine, MediaEngine]
        await expect(alice.connectRoom({ roomId: 'r2' })).rejects.toMatchObject(notInRoom)
        await expect(alice.setConnectedMuted({ roomId: 'r2', audio: true })).rejects.toMatchObject(notInRoom)
        await alice.join(live('alice'))
        await carol.join({ roomId: 'r1', userId: 'carol', role: 'audience' })
        await bob.join(live('bob', 'r2'))
        await expect(carol.connectRoom({ roomId: 'r2' })).rejects.toMatchObject(notPublisher)
        await expect(alice.connectRoom({ roomId: 'r1' })).rejects.toMatchObject(invalid)
        await expect(alice.connectRoom({ roomId: 'r9' })).rejects.toMatchObject({ code: MediaErrorCode.SERVER })
        await w.flush()
        expect(remote(logs[2]!)).toEqual([])
      })
    })

    describe('input and devices', () => {
      it('refuses bad input with INVALID_ARGUMENT and changes nothing', async () => {
        const { w, logs } = await world('alice', 'bob')
        const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
        await bob.join(live('bob'))
        for (const roomId of ['', 'x'.repeat(65), 'a/b', 'é']) await expect(alice.join(live('alice', roomId))).rejects.toMatchObject(invalid)
        await expect(alice.join(null as never)).rejects.toMatchObject(invalid)
        await expect(alice.join({ roomId: 'r1', userId: 'alice', role: 'host' as never })).rejects.toMatchObject(invalid)
        await expect(alice.join({ ...live('alice'), scene: 'meeting' as never })).rejects.toMatchObject(invalid)
        await expect(alice.join(live('mallory'))).rejects.toMatchObject(invalid)
        await expect(alice.startCamera({ quality: '4k' as never })).rejects.toMatchObject(invalid)
        await expect(alice.listDevices('tv' as never)).rejects.toMatchObject(invalid)
        expect(() => alice.setVolumeInterval(-1)).toThrow(expect.objectContaining(invalid))
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([])

        await alice.join(live('alice'))
        const view = w.view()
        for (const call of [
          () => alice.setRole('host' as never),
          () => alice.startMicrophone({ deviceId: '' }),
          () => alice.startCamera({ mirror: 'yes' as never }),
          () => alice.startScreenShare({ systemAudio: 'yes' as never }),
          () => alice.setMicrophoneMuted('yes' as never),
          () => alice.setCameraMuted(1 as never),
          () => alice.playVideo('', 'camera', view),
          () => alice.playVideo('bob', 'main' as never, view),
          () => alice.playVideo('bob', 'camera', undefined as never),
          () => alice.stopVideo('bob', 'sub' as never),
          () => alice.setRemoteAudioMuted('', true),
          () => alice.setRemoteAudioMuted('bob', 'yes' as never),
          () => alice.setSpeaker(''),
          () => alice.connectRoom({ roomId: 'a/b' }),
          () => alice.setConnectedMuted({ roomId: 'r2', audio: 'yes' as never }),
          () => alice.disconnectRoom(''),
        ]) {
          await expect(call()).rejects.toMatchObject(invalid)
        }
        await w.flush()
        expect(about(logs[1]!, 'alice')).toEqual([['joined', true]])
        expect(published(logs[0]!)).toEqual([])
      })

      it('calls that need a room say so; leave, stops and disconnect are safe when not joined', async () => {
        const { w } = await world('alice')
        const [alice] = w.engines as [MediaEngine]
        await expect(alice.setRole('anchor')).rejects.toMatchObject(notInRoom)
        await expect(alice.playVideo('bob', 'camera', w.view())).rejects.toMatchObject(notInRoom)
        await expect(alice.stopVideo('bob', 'camera')).resolves.toBeUndefined()
        await expect(alice.leave()).resolves.toBeUndefined()
        await expect(alice.disconnectRoom()).resolves.toBeUndefined()
      })

      it('lists devices of the asked kind and refuses an unknown speaker', async () => {
        const { w } = await world('alice')
        const [alice] = w.engines as [MediaEngine]
        for (const kind of ['camera', 'microphone', 'speaker'] as const) {
          const devices = await alice.listDevices(kind)
          expect(devices.length).toBeGreaterThan(0)
          for (const d of devices) expect(d).toEqual({ deviceId: expect.any(String), label: expect.any(String), kind })
        }
        await expect(alice.setSpeaker('no-such-speaker')).rejects.toMatchObject({ code: MediaErrorCode.DEVICE_NOT_FOUND })
      })
    })
  })
}
