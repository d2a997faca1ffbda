// The behaviour every MediaEngine shares, whatever moves the media (TRTC, local). It uses only the
// MediaEngine interface and a small `world` of engines that can see each other.
import { afterEach, describe, expect, it } from 'vitest'
import { MediaErrorCode, type MediaEngine, type MediaEngineEvents, type VideoSource } from '../../packages/engine/src/media/types'

/** N engines that share one media backend, plus the controls the suite needs. */
export interface MediaWorld {
  /** `engines[i]` acts as `userIds[i]` of `makeWorld(userIds)` */
  readonly engines: readonly MediaEngine[]
  /** Delivers everything pending (events, and what the engines do in reaction). */
  flush(): Promise<void>
  /** A fresh element to render video into. */
  view(): HTMLElement
  /** Moves time by `ms` (volume ticks), then flushes. */
  advance(ms: number): Promise<void>
  /** The view engine `index` currently renders `userId`'s `source` into, or `undefined` when not playing. */
  playing(index: number, userId: string, source: VideoSource): HTMLElement | null | undefined
  /** Disposes every engine and checks the backend is clean. */
  dispose(): Promise<void>
}

/** Builds a world with one engine per userId (a userId may repeat: same user on two devices). */
export type MakeMediaWorld = (userIds: readonly string[]) => MediaWorld | Promise<MediaWorld>

type Entry = { [E in keyof MediaEngineEvents]: readonly [E, MediaEngineEvents[E]] }[keyof MediaEngineEvents]

const EVENTS: ReadonlyArray<keyof MediaEngineEvents> = [
  'connection', 'userJoined', 'userLeft', 'remoteMedia', 'localPublish', 'volumes',
  'network', 'device', 'autoplayBlocked', 'screenShareEnded', 'removed', 'warning',
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

const invalid = { code: MediaErrorCode.INVALID_ARGUMENT }

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

    it('anchors see each other join, then publish; publishing is reported to the publisher', async () => {
      const { w, logs } = await world('alice', 'bob')
      const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
      await alice.join(live('alice'))
      await alice.startCamera()
      await alice.startMicrophone()
      await bob.join(live('bob'))
      await w.flush()
      const seen = about(logs[1]!, 'alice')
      expect(seen[0]).toEqual(['joined', true])
      expect(seen.slice(1)).toEqual(expect.arrayContaining([['camera', true], ['audio', true]]))
      expect(seen).toHaveLength(3)
      expect(about(logs[0]!, 'bob')).toEqual([['joined', true]])
      const started = logs[0]!.flatMap(([e, i]) => (e === 'localPublish' && i.state === 'started' ? [i.media] : []))
      expect(started.sort()).toEqual(['audio', 'camera'])
    })

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

    it('a live audience is invisible and refused publishing until it becomes an anchor', async () => {
      const { w, logs } = await world('alice', 'carol')
      const [alice, carol] = w.engines as [MediaEngine, MediaEngine]
      await alice.join(live('alice'))
      await carol.join({ roomId: 'r1', userId: 'carol', role: 'audience' })
      await expect(carol.startMicrophone()).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
      await expect(carol.startCamera()).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
      await expect(carol.startScreenShare()).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
      await w.flush()
      expect(about(logs[0]!, 'carol')).toEqual([])
      // carol sees the anchor
      expect(about(logs[1]!, 'alice')).toEqual([['joined', true]])

      await carol.setRole('anchor')
      await carol.startMicrophone()
      await w.flush()
      expect(about(logs[0]!.splice(0), 'carol')).toEqual([['joined', true], ['audio', true]])

      await carol.setRole('audience')
      await w.flush()
      expect(about(logs[0]!, 'carol')).toEqual([['audio', false], ['left', 'role']])
      await expect(carol.startMicrophone()).rejects.toMatchObject({ code: MediaErrorCode.NOT_PUBLISHER })
    })

    it('leave stops local media: others see it go, then the user leave; rejoining publishes nothing', async () => {
      const { w, logs } = await world('alice', 'bob')
      const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
      await bob.join(live('bob'))
      await alice.join(live('alice'))
      await alice.startMicrophone()
      await alice.startCamera()
      await w.flush()
      logs[1]!.splice(0)
      await alice.leave()
      await w.flush()
      const seen = about(logs[1]!.splice(0), 'alice')
      expect(seen.at(-1)).toEqual(['left', 'leave'])
      expect(seen.slice(0, -1)).toEqual(expect.arrayContaining([['audio', false], ['camera', false]]))
      expect(seen).toHaveLength(3)

      await alice.join(live('alice'))
      await w.flush()
      expect(about(logs[1]!, 'alice')).toEqual([['joined', true]])
    })

    it('rooms are isolated', async () => {
      const { w, logs } = await world('alice', 'bob')
      const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
      await alice.join(live('alice', 'r1'))
      await bob.join(live('bob', 'r2'))
      await alice.startMicrophone()
      await bob.startMicrophone()
      await w.flush()
      expect(about(logs[0]!, 'bob')).toEqual([])
      expect(about(logs[1]!, 'alice')).toEqual([])
    })

    it('the rtc scene shows everybody, whatever the role', async () => {
      const { w, logs } = await world('alice', 'bob')
      const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
      await alice.join({ roomId: 'call1', userId: 'alice', role: 'audience', scene: 'rtc' })
      await bob.join({ roomId: 'call1', userId: 'bob', role: 'audience', scene: 'rtc' })
      await alice.startMicrophone()
      await w.flush()
      expect(about(logs[1]!, 'alice')).toEqual([['joined', true], ['audio', true]])
    })

    it('refuses bad input with INVALID_ARGUMENT and changes nothing', async () => {
      const { w, logs } = await world('alice', 'bob')
      const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
      await bob.join(live('bob'))
      for (const roomId of ['', 'x'.repeat(65), 'a/b', 'é']) await expect(alice.join(live('alice', roomId))).rejects.toMatchObject(invalid)
      await expect(alice.join({ roomId: 'r1', userId: 'alice', role: 'host' as never })).rejects.toMatchObject(invalid)
      await expect(alice.join({ ...live('alice'), scene: 'meeting' as never })).rejects.toMatchObject(invalid)
      await expect(alice.startCamera({ quality: '4k' as never })).rejects.toMatchObject(invalid)
      await expect(alice.listDevices('tv' as never)).rejects.toMatchObject(invalid)
      expect(() => alice.setVolumeInterval(-1)).toThrow(expect.objectContaining(invalid))
      await w.flush()
      expect(about(logs[1]!, 'alice')).toEqual([])

      await alice.join(live('alice'))
      await expect(alice.setRole('host' as never)).rejects.toMatchObject(invalid)
      await w.flush()
      expect(about(logs[1]!, 'alice')).toEqual([['joined', true]])
    })

    it('calls that need a room say so; leave and dispose are safe when not joined', async () => {
      const { w } = await world('alice')
      const [alice] = w.engines as [MediaEngine]
      await expect(alice.setRole('anchor')).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
      await expect(alice.connectRoom({ roomId: 'r2' })).rejects.toMatchObject({ code: MediaErrorCode.NOT_IN_ROOM })
      await expect(alice.leave()).resolves.toBeUndefined()
      await expect(alice.disconnectRoom()).resolves.toBeUndefined()
    })

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

    it('the same user joining again elsewhere removes the first engine with reason "kick"', async () => {
      const { w, logs } = await world('alice', 'alice')
      const [first, second] = w.engines as [MediaEngine, MediaEngine]
      await first.join(live('alice'))
      await second.join(live('alice'))
      await w.flush()
      expect(logs[0]!.filter(([e]) => e === 'removed')).toEqual([['removed', { reason: 'kick' }]])
      expect(logs[1]!.filter(([e]) => e === 'removed')).toEqual([])
      // already out: leaving does nothing more
      await expect(first.leave()).resolves.toBeUndefined()
    })

    it('volume levels name me by my userId, never ""', async () => {
      const { w, logs } = await world('alice', 'bob')
      const [alice, bob] = w.engines as [MediaEngine, MediaEngine]
      await alice.join(live('alice'))
      await bob.join(live('bob'))
      await alice.startMicrophone()
      await bob.startMicrophone()
      alice.setVolumeInterval(100)
      await w.advance(300)
      const volumes = logs[0]!.flatMap(([e, i]) => (e === 'volumes' ? [i.levels] : []))
      expect(volumes.length).toBeGreaterThan(0)
      for (const levels of volumes) {
        expect(levels.map((l) => l.userId).sort()).toEqual(['alice', 'bob'])
        for (const { volume } of levels) expect(volume).toBeGreaterThanOrEqual(0)
      }
      alice.setVolumeInterval(0)
      logs[0]!.splice(0)
      await w.advance(300)
      expect(logs[0]!.filter(([e]) => e === 'volumes')).toEqual([])
    })

    it('co-host: connected rooms see each other\'s anchor; muting hides its audio in my room; disconnect ends it', async () => {
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

      await alice.setConnectedMuted({ roomId: 'r2', audio: true })
      await w.flush()
      expect(about(logs[0]!.splice(0), 'bob')).toEqual([['audio', false]])
      expect(about(logs[1]!, 'alice')).toEqual([])

      await alice.disconnectRoom('r2')
      await w.flush()
      expect(about(logs[0]!, 'bob')).toEqual([['left', 'leave']])
      expect(about(logs[1]!, 'alice')).toEqual([['audio', false], ['left', 'leave']])
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
}
