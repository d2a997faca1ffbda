// Test helpers of our own tests only (they need vitest): the public ones (`../testing`) plus fakes and asserts.
import { createEmitter, EngineError, type Hub, type MediaEngine, type MediaEngineEvents } from '@atomicx-vue/engine'
import { expect, vi, type Mock } from 'vitest'
import { createTestUser, tearDown as endUsers, type TestUser } from '../testing'

export { createLive, createTestUser, flush, goLive, recordEvents } from '../testing'
export type { MountedComponent, TestUser, TestUserOptions } from '../testing'

/** The public `tearDown`, after restoring real timers (several tests fake them). */
export function tearDown(hub: Hub, users: readonly TestUser[]): void {
  vi.useRealTimers()
  endUsers(hub, users)
}

/** Expects `promise` to reject with an `EngineError` of `code`. */
export async function expectCode(promise: Promise<unknown>, code: number): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(EngineError)
  expect((error as EngineError).code).toBe(code)
}
/** Every method of a media engine as a mock; `emit` fires its events. */
export type FakeMediaEngine = { readonly [K in keyof Omit<MediaEngine, 'kind' | 'on'>]: Mock<MediaEngine[K]> } & {
  readonly kind: 'fake'
  on: MediaEngine['on']
  emit<E extends keyof MediaEngineEvents>(event: E, info: MediaEngineEvents[E]): void
}

/** A media engine that does nothing but record calls (for stores that only talk to the interface). */
export function createFakeMediaEngine(): FakeMediaEngine {
  const events = createEmitter<MediaEngineEvents>()
  const done = () => vi.fn(async () => undefined)
  return {
    kind: 'fake',
    join: done(),
    leave: done(),
    setRole: done(),
    startMicrophone: done(),
    stopMicrophone: done(),
    setMicrophoneMuted: done(),
    startCamera: done(),
    updateCamera: done(),
    stopCamera: done(),
    setCameraMuted: done(),
    startScreenShare: done(),
    stopScreenShare: done(),
    playVideo: done(),
    stopVideo: done(),
    setRemoteAudioMuted: done(),
    setCaptureVolume: done(),
    setPlaybackVolume: done(),
    listDevices: vi.fn(async () => []),
    setSpeaker: done(),
    setVolumeInterval: vi.fn(),
    connectRoom: done(),
    setConnectedMuted: done(),
    disconnectRoom: done(),
    dispose: done(),
    on: events.on,
    emit: events.emit,
  }
}

/** A logged-in test user whose media engine is a fresh `FakeMediaEngine`, kept in `engines` by user id; listener errors go to `onError`. */
export async function createFakeMediaUser(
  hub: Hub,
  userId: string,
  engines: Map<string, FakeMediaEngine>,
  onError: (error: unknown) => void,
): Promise<TestUser> {
  const who = await createTestUser(hub, userId, {
    media: () => {
      const engine = createFakeMediaEngine()
      engines.set(userId, engine)
      return engine
    },
  })
  who.app.config.errorHandler = onError
  return who
}
