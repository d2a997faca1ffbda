import type { MediaError } from '../errors'
import type { VideoSource } from '../types'
import { fromSdkError, STREAM_OF } from './mapping'
import type { KeyedQueue } from './queue'
import type { TrtcClient } from './sdk'

/** Remote video playback that survives the SDK forgetting views. */
export interface RemotePlayback {
  /** Wants `userId`'s `source` in `view`: plays now if available, otherwise as soon as it is. */
  play(userId: string, source: VideoSource, view: HTMLElement | null): Promise<void>
  /** No longer wants it; stops it if playing. */
  stop(userId: string, source: VideoSource): Promise<void>
  /** From `remote-video-(un)available`. The SDK stops playback and forgets the view on unavailable. */
  setAvailable(userId: string, source: VideoSource, available: boolean): void
  /** Out of the room (left, kicked): the SDK dropped every play config. */
  reset(): void
}

const key = (userId: string, source: VideoSource) => `${userId}|${source}`

/**
 * Keeps the views users asked for and reconciles the SDK with them, one remote stream at a time:
 * `startRemoteVideo` when a wanted stream is (again) available, `updateRemoteVideo` to move it,
 * `stopRemoteVideo` when no longer wanted. Failed automatic replays are reported through `warn`.
 */
export function createRemotePlayback(deps: {
  readonly client: () => Promise<TrtcClient>
  readonly queue: KeyedQueue
  readonly warn: (error: MediaError) => void
}): RemotePlayback {
  const wanted = new Map<string, HTMLElement | null>()
  const available = new Set<string>()
  const playing = new Map<string, HTMLElement | null>()

  async function reconcile(userId: string, source: VideoSource): Promise<void> {
    const k = key(userId, source)
    const streamType = STREAM_OF[source]
    if (wanted.has(k) && available.has(k)) {
      const view = wanted.get(k) ?? null
      if (playing.has(k) && playing.get(k) === view) return
      const client = await deps.client()
      if (playing.has(k)) await client.updateRemoteVideo({ userId, streamType, view })
      else await client.startRemoteVideo({ userId, streamType, view })
      // it may have become unavailable meanwhile, and the SDK then forgot it
      if (available.has(k)) playing.set(k, view)
    } else if (!wanted.has(k) && playing.has(k)) {
      await (await deps.client()).stopRemoteVideo({ userId, streamType })
      playing.delete(k)
    }
  }

  const run = (userId: string, source: VideoSource) =>
    deps.queue.run(`remote|${key(userId, source)}`, () => reconcile(userId, source)).then(
      () => undefined,
      (error: unknown) => Promise.reject(fromSdkError(error)),
    )

  return {
    play(userId, source, view) {
      wanted.set(key(userId, source), view)
      return run(userId, source)
    },
    stop(userId, source) {
      wanted.delete(key(userId, source))
      return run(userId, source)
    },
    setAvailable(userId, source, on) {
      const k = key(userId, source)
      if (!on) {
        available.delete(k)
        playing.delete(k)
        return
      }
      available.add(k)
      if (wanted.has(k)) run(userId, source).catch(deps.warn)
    },
    reset() {
      wanted.clear()
      available.clear()
      playing.clear()
    },
  }
}
