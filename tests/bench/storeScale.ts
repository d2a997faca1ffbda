import { createEmitter, createLocalHub, RoomRole, type Emitter, type RoomEventOf, type RoomEventType, type UserProfile } from '@atomicx-vue/engine'
import { createFakeBackend } from '@atomicx-vue/engine/testing'
import { atomicxClientKey, createAtomicxClient, useCoGuestState, useLiveAudienceState, type AtomicxClient } from '@atomicx-vue/vue'
import { createPinia } from 'pinia'
import { createApp, type App } from 'vue'
import { mediaBackendKey } from '../../packages/vue/src/device/backend'
import { measure } from './stats'
import { micros, type BenchRow, type BenchSection } from './table'

const SMALL = 100
const LARGE = 10_000
const TARGET_RATIO = 2
const BATCH = 100 // one store update is close to the timer's grain
const ROTATION = 256 // batches of distinct users, reused in turn
const LIVE = 'bench'

type RoomEventMap = { [T in RoomEventType]: RoomEventOf<T> }
type Feed = Emitter<RoomEventMap>

/** A room event built ahead, delivered when called (so building it stays out of the timing). */
type Delivery = (feed: Feed) => void

/** The room events that put `userId` on a list and take it off again. */
interface Change {
  readonly add: (userId: string) => Delivery
  readonly remove: (userId: string) => Delivery
}

const profile = (userId: string): UserProfile => ({ userId, userName: userId, avatarUrl: '' })
const application = (userId: string) => ({ liveId: LIVE, user: profile(userId), seatIndex: -1, createdAt: 0, expiresAt: null })
const member = (userId: string) => ({ ...profile(userId), role: RoomRole.GeneralUser, isMessageDisabled: false, joinedAt: 0 })

const applications: Change = {
  add(userId) {
    const event = { type: 'coGuest.applicationAdded', application: application(userId) } as const
    return (feed) => feed.emit(event.type, event)
  },
  remove(userId) {
    const event = { type: 'coGuest.applicationEnded', application: application(userId), outcome: 'cancelled', hostUser: null } as const
    return (feed) => feed.emit(event.type, event)
  },
}
const members: Change = {
  add(userId) {
    const event = { type: 'member.joined', liveId: LIVE, member: member(userId) } as const
    return (feed) => feed.emit(event.type, event)
  },
  remove(userId) {
    const event = { type: 'member.left', liveId: LIVE, member: member(userId) } as const
    return (feed) => feed.emit(event.type, event)
  },
}

/**
 * The owner's app in a live on an in-page hub, with the real client and stores, except that room events
 * come from `feed` instead of the hub: what is timed is the store's work alone, not the hub's fan-out
 * (a join is told to every member, so through the hub it is O(n) by design).
 */
async function ownerApp(): Promise<{ app: App; feed: Feed; dispose(): void }> {
  const hub = createLocalHub()
  const real = createAtomicxClient({ hub })
  const feed: Feed = createEmitter<RoomEventMap>()
  const client: AtomicxClient = { ...real, on: feed.on }
  const app = createApp({ render: () => null })
  app.use(createPinia()).provide(atomicxClientKey, client).provide(mediaBackendKey, createFakeBackend())
  app.runWithContext(() => [useCoGuestState(), useLiveAudienceState()]) // the stores exist before the live's view arrives
  await real.login({ userId: 'owner' })
  await real.request({ type: 'live.start', liveId: LIVE })
  await new Promise((resolve) => setTimeout(resolve, 0)) // the audience store fetches the (empty) member list
  return { app, feed, dispose: () => hub.dispose() }
}

/**
 * Median cost of one more `change.add` with `pending` users already listed (each sample removes what it
 * added). Nothing reads the list meanwhile: a render reads it once per frame, however many events came.
 */
async function oneMore(pending: number, change: Change, listed: () => number): Promise<number> {
  const { app, feed, dispose } = await ownerApp()
  for (let i = 0; i < pending; i++) change.add(`u${i}`)(feed)
  if (app.runWithContext(listed) !== pending) throw new Error(`expected ${pending} listed, got ${app.runWithContext(listed)}`)
  // each sample lists users new to the map: re-adding the same keys would time the deleted entries V8
  // keeps in their hash buckets until its next rehash, not the store
  const batches = Array.from({ length: ROTATION }, (_, b) => {
    const userIds = Array.from({ length: BATCH }, (_, i) => `new${b}_${i}`)
    return { added: userIds.map(change.add), removed: userIds.map(change.remove) }
  })
  let sample = 0
  const latency = await measure(() => {
    const { added, removed } = batches[sample++ % ROTATION]!
    const startedAt = performance.now()
    for (const deliver of added) deliver(feed)
    const perEvent = (performance.now() - startedAt) / BATCH
    for (const deliver of removed) deliver(feed)
    return perEvent
  })
  dispose()
  return latency.p50
}

async function compare(what: string, change: Change, listed: () => number): Promise<BenchRow[]> {
  const small = await oneMore(SMALL, change, listed)
  const large = await oneMore(LARGE, change, listed)
  const ratio = large / small
  return [
    { metric: `${what}: p50 with ${SMALL}`, value: micros(small) },
    { metric: `${what}: p50 with ${LARGE.toLocaleString('en')}`, value: micros(large) },
    { metric: `${what}: ratio`, value: ratio.toFixed(2), target: `≤ ${TARGET_RATIO}`, meets: ratio <= TARGET_RATIO },
  ]
}

/** Does one more list entry cost a store the same however long the list already is? */
export const storeScale: BenchSection = {
  name: 'store',
  title: `Owner's stores: one more entry with ${SMALL} vs ${LARGE.toLocaleString('en')} listed (events fed to the client, lists unread)`,
  async run() {
    return [
      ...(await compare('coGuest.applicationAdded → applicants', applications, () => useCoGuestState().applicants.value.length)),
      ...(await compare('member.joined → audienceList', members, () => useLiveAudienceState().audienceList.value.length)),
    ]
  },
}
