// Test helpers of the call store (imported by tests only, never by the library).
import { createLocalHub, type Hub } from '@atomicx-vue/engine'
import { afterEach, beforeEach, vi } from 'vitest'
import { createFakeMediaEngine, createTestUser, flush, type FakeMediaEngine, type TestUser } from '../core/testing'
import { CallMediaType } from '../types/device'
import { CALL_EVENT_ALIASES, CallEvent } from './events'
import { useCallState, type UseCallStateReturn } from './useCallState'

const EMITTED = Object.values(CallEvent).filter((event) => !(event in CALL_EVENT_ALIASES))

/** A logged-in test user whose media engines are fakes, with a log of their call events. */
export interface CallUser extends TestUser {
  readonly call: UseCallStateReturn
  /** every media engine the app built, in order */
  readonly engines: readonly FakeMediaEngine[]
  /** the last one built: in tests that use no live media, the current (or last) call's */
  readonly engine: FakeMediaEngine
  /** Prepares the next engine built (e.g. a device that fails), before anyone uses it. */
  nextEngine(setup: (engine: FakeMediaEngine) => void): void
  /** every event this user's store emitted, in order */
  readonly log: Array<[CallEvent, unknown]>
  /** the log's event names (then clears it) */
  take(): string[]
}

/** The hub and users of the current test. */
export interface CallTestbed {
  readonly hub: Hub
  user(userId: string): Promise<CallUser>
  /** One `user` per id, in order. */
  people<const T extends readonly string[]>(...ids: T): Promise<{ -readonly [K in keyof T]: CallUser }>
  /** Unmounts these users (made another way) after the test too. */
  track(...users: TestUser[]): void
}

/** Registers hooks giving each test of the file a fresh hub, and unmounting its users afterwards. */
export function callTestbed(): CallTestbed {
  let hub: Hub
  let users: TestUser[] = []
  beforeEach(() => {
    hub = createLocalHub()
    users = []
  })
  afterEach(() => {
    for (const u of users) u.unmount()
    hub.dispose()
    vi.useRealTimers()
  })

  async function user(userId: string): Promise<CallUser> {
    const engines: FakeMediaEngine[] = []
    let setup: ((engine: FakeMediaEngine) => void) | undefined
    const build = () => {
      const engine = createFakeMediaEngine()
      setup?.(engine)
      setup = undefined
      engines.push(engine)
      return engine
    }
    const test = await createTestUser(hub, userId, { media: build })
    const call = test.use(useCallState)
    const log: Array<[CallEvent, unknown]> = []
    for (const event of EMITTED) call.subscribeEvent(event, (info) => log.push([event, info]))
    const u: CallUser = {
      ...test, call, engines, log,
      get engine() {
        return engines.at(-1)!
      },
      nextEngine: (fn) => void (setup = fn),
      take: () => log.splice(0).map(([event]) => event),
    }
    users.push(u)
    return u
  }

  return {
    get hub() {
      return hub
    },
    user,
    people: (...ids) => Promise.all(ids.map(user)) as never,
    track: (...more) => void users.push(...more),
  }
}

/** The payloads of one event in a user's log. */
export const payloads = (u: CallUser, event: CallEvent): unknown[] => u.log.filter(([e]) => e === event).map(([, info]) => info)

/** Fakes the timers the hub and the store use (ring timeouts, the duration ticker). */
export const fakeTimers = (): void => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })

/** `caller` calls `callees` (video by default; several: a group call) and they all accept; logs emptied. */
export async function connected(caller: CallUser, callees: CallUser | readonly CallUser[], mediaType = CallMediaType.VIDEO): Promise<void> {
  const answering = [callees].flat()
  await caller.call.calls({ userIdList: answering.map((callee) => callee.userId), mediaType })
  await flush()
  for (const callee of answering) await callee.call.accept()
  await flush()
  for (const u of [caller, ...answering]) u.take()
}
