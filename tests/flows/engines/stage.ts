// A stage: N users (= N Vue apps) on one hub, all on the same media engine, plus what the media backend
// itself says about them. The flow tests run once per engine (ENGINES in ./engines.ts) and assert the
// same things on both.
import type { Hub, Media, MediaRole } from '@atomicx-vue/engine'
import { useAtomicxClient, type EventApi, type MediaChannel } from '@atomicx-vue/vue'
import { vi } from 'vitest'
import { render } from 'vue'
import { flush, type TestUser } from '@atomicx-vue/vue/testing'

/** A user's place in the media backend, by the backend's own account (the fake cloud, the in-page network). */
export interface MediaPresence {
  readonly roomId: string
  readonly scene: 'live' | 'rtc'
  readonly role: MediaRole
  /** what the user sends into the room, in `MEDIA` order */
  readonly published: readonly Media[]
  /** the rooms this user's media room is linked to (co-host) */
  readonly links: readonly string[]
}

/** The users of a stage and the backend's view of their media. */
export interface Stage {
  readonly hub: Hub
  /** `users[i]` is `userIds[i]` of `makeStage(userIds)`, logged in as `{ userId, userName: 'Name of <id>' }` */
  readonly users: readonly TestUser[]
  /** What `userId`'s app heard its media engines (live and call) say about the others, in order (`'bob camera on'`…). */
  heard(userId: string): string[]
  /** Where `userId` is in the media backend, undefined when in no media room. */
  presence(userId: string): MediaPresence | undefined
  /** Whether `viewer`'s screen shows `userId`'s camera in `view`. */
  plays(viewer: string, userId: string, view: HTMLElement): boolean
  /** Delivers everything pending: hub messages, media events, and what they set off. */
  settle(): Promise<void>
  /** Moves the (fake) clocks by `ms`, then settles. */
  advance(ms: number): Promise<void>
  /** Unmounts every app and checks nothing is left behind: no timer, no capture, no media room. */
  dispose(): Promise<void>
}

/** Builds a stage of logged-in users with the given ids. */
export type MakeStage = (userIds: readonly string[]) => Promise<Stage>

/** The order `MediaPresence.published` lists media in. */
export const MEDIA: readonly Media[] = ['audio', 'camera', 'screen']

/** Fakes the timers of the hub, the stores and the local engine: requests time out, calls tick, engines report only when told. */
export function fakeTimers(): void {
  // Vue builds its renderer, which starts a 3 s devtools timer, with the first app: build it under real timers
  render(null, document.createElement('div'))
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
}

/** Runs `deliver` (an engine's own queue) between hub flushes until both are quiet. */
export async function settleWith(deliver: () => Promise<void>): Promise<void> {
  // a hub event may start media work, whose events may again reach the hub: a few rounds reach the end
  for (let round = 0; round < 5; round++) {
    await flush()
    await deliver()
  }
}

/** Records what `user`'s media engines (of `channels`) say about the others from now on (whichever engine instances are current). */
export function listen(user: TestUser, channels: readonly MediaChannel[] = ['live', 'call']): string[] {
  const log: string[] = []
  const client = user.use(useAtomicxClient)
  for (const channel of channels) {
    client.onMedia('userJoined', ({ userId }) => log.push(`${userId} joined`), channel)
    client.onMedia('userLeft', ({ userId, reason }) => log.push(`${userId} left (${reason})`), channel)
    client.onMedia('remoteMedia', ({ userId, media, available }) => log.push(`${userId} ${media} ${available ? 'on' : 'off'}`), channel)
  }
  return log
}

/** Events with their payloads, in the order they came. */
export type EventLog<M> = Array<[keyof M, unknown]>

/** Every event of `events` that `api` emits from now on, with its payload, in order. */
export function record<M>(api: EventApi<M>, events: readonly (keyof M)[]): EventLog<M> {
  const log: EventLog<M> = []
  for (const event of events) api.subscribeEvent(event, (info) => log.push([event, info]))
  return log
}

/** Unmounts every app (each logs out and disposes its media engine), lets that finish and closes the hub. */
export async function unmountAll(users: readonly TestUser[], hub: Hub, deliver: () => Promise<void>): Promise<void> {
  for (const user of users) user.unmount()
  await settleWith(deliver)
  hub.dispose()
}
