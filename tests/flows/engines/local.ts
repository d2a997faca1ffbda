import { createLocalHub, type LocalMediaNetwork, type Media, type MediaRole } from '@atomicx-vue/engine'
import { expect, vi } from 'vitest'
import { localNetworkOf } from '../../../packages/vue/src/core/media'
import { createTestUser, type TestUser } from '@atomicx-vue/vue/testing'
import { fakeTimers, listen, MEDIA, settleWith, unmountAll, type MakeStage, type MediaPresence } from './stage'

interface Member {
  readonly roomId: string
  readonly scene: MediaPresence['scene']
  role: MediaRole
  readonly published: Set<Media>
  readonly links: Set<string>
}

/**
 * Follows who is where in `network`, which keeps no snapshot of its own: each membership it hands out
 * is wrapped to record the room, role, streams and links the engine gives it.
 */
function observe(network: LocalMediaNetwork): ReadonlyMap<string, Member> {
  const members = new Map<string, Member>()
  const join = network.join
  network.join = (options, sink) => {
    const membership = join(options, sink)
    const { userId, roomId, scene, role } = options
    const member: Member = { roomId, scene, role, published: new Set(), links: new Set() }
    members.set(userId, member)
    return {
      ...membership,
      setRole(next) {
        membership.setRole(next)
        member.role = next
      },
      publish(media, stream) {
        membership.publish(media, stream)
        if (stream) member.published.add(media)
        else member.published.delete(media)
      },
      connect(target, anchor) {
        membership.connect(target, anchor)
        member.links.add(target)
      },
      disconnect(target) {
        membership.disconnect(target)
        if (target === undefined) member.links.clear()
        else member.links.delete(target)
      },
      leave() {
        membership.leave()
        if (members.get(userId) === member) members.delete(userId)
      },
    }
  }
  return members
}

/** Users on the local engine, each capturing from its own fake devices (`{ kind: 'local', backend: createFakeBackend() }`). */
export const makeLocal: MakeStage = async (userIds) => {
  fakeTimers()
  const hub = createLocalHub()
  const network = localNetworkOf(hub)
  const members = observe(network)
  const users: TestUser[] = []
  for (const userId of userIds) users.push(await createTestUser(hub, userId)) // logs in, media: the local engine on a fake backend
  const logs = new Map(users.map((user) => [user.userId, listen(user)]))
  const user = (userId: string) => users.find((u) => u.userId === userId)!
  const settle = () => settleWith(() => network.flush())

  return {
    hub,
    users,
    heard: (userId) => logs.get(userId)!,
    presence(userId) {
      const member = members.get(userId)
      return member && { ...member, published: MEDIA.filter((m) => member.published.has(m)), links: [...member.links] }
    },
    plays(viewer, userId, view) {
      const stream = user(viewer).backend.playing(view)
      return stream !== undefined && user(userId).backend.captureOf(stream) === 'camera'
    },
    settle,
    async advance(ms) {
      vi.advanceTimersByTime(ms)
      await settle()
    },
    async dispose() {
      try {
        await unmountAll(users, hub, () => network.flush())
        expect([...members.keys()]).toEqual([])
        for (const { backend } of users) {
          expect(backend.streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState !== 'ended')).toEqual([])
          expect(backend.attachments.filter((a) => !a.detached)).toEqual([])
          expect([backend.openMeters, backend.deviceListeners]).toEqual([0, 0])
        }
        expect(vi.getTimerCount()).toBe(0)
      } finally {
        vi.useRealTimers()
      }
    },
  }
}
