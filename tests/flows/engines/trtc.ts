import { createLocalHub, type Media } from '@atomicx-vue/engine'
import { useLoginState } from '@atomicx-vue/vue'
import { expect, vi } from 'vitest'
import { createTestUser, type TestUser } from '@atomicx-vue/vue/testing'
import { createFakeCloud } from '../../fakes/trtc'
import { SDK_APP_ID } from '../../fakes/trtc/testing'
import { fakeTimers, listen, MEDIA, settleWith, unmountAll, type MakeStage } from './stage'

const MEDIA_OF: Readonly<Record<string, Media>> = { audio: 'audio', video: 'camera', screen: 'screen' }
/** What a user's own server would hand out (see the README: never made in the browser). */
const userSigOf = (userId: string) => `sig-of-${userId}`
// TRTC's "userSig verification failed" extra code
const BAD_SIG = -100018

/** The roomId of a fake room key (`<sdkAppId>|s|<strRoomId>`). */
const roomIdOf = (key: string) => key.slice(key.indexOf('|s|') + 3)

/**
 * Users on the TRTC engine over one shared fake cloud (`{ kind: 'trtc', sdkAppId, TRTC, CrossRoom }`),
 * each logging in with its userSig, which the cloud checks when the user enters a room.
 */
export const makeTrtc: MakeStage = async (userIds) => {
  fakeTimers()
  const hub = createLocalHub()
  const cloud = createFakeCloud()
  cloud.sigCheck = ({ sdkAppId, userId, userSig }) => (sdkAppId === SDK_APP_ID && userSig === userSigOf(userId) ? undefined : BAD_SIG)
  const media = { kind: 'trtc', sdkAppId: SDK_APP_ID, TRTC: cloud.TRTC, CrossRoom: cloud.CrossRoom } as const
  const users: TestUser[] = []
  for (const userId of userIds) {
    const user = await createTestUser(hub, userId, { login: false, media })
    await user.use(useLoginState).login({ userId, userName: `Name of ${userId}`, userSig: userSigOf(userId) })
    users.push(user)
  }
  const logs = new Map(users.map((user) => [user.userId, listen(user)]))
  const settle = () => settleWith(() => cloud.flush())

  return {
    hub,
    users,
    heard: (userId) => logs.get(userId)!,
    presence(userId) {
      const session = cloud.session(userId)
      if (!session) return undefined
      const links = cloud.rooms().flatMap((room) => room.links.filter((link) => link.owner === userId).map((link) => roomIdOf(link.to)))
      const published = session.published.map((kind) => MEDIA_OF[kind]!)
      return {
        roomId: roomIdOf(session.room),
        scene: session.scene as 'live' | 'rtc',
        role: session.role as 'anchor' | 'audience',
        published: MEDIA.filter((m) => published.includes(m)),
        links,
      }
    },
    plays: (viewer, userId, view) => cloud.session(viewer)?.playing.get(`${userId}|main`) === view,
    settle,
    async advance(ms) {
      vi.advanceTimersByTime(ms)
      cloud.advance(ms)
      await settle()
    },
    async dispose() {
      try {
        await unmountAll(users, hub, () => cloud.flush())
        expect(cloud.listenerErrors).toEqual([])
        expect(cloud.rooms()).toEqual([])
        // the SDK captures on TRTC: the browser backend the apps also have (for device tests) was never asked
        for (const { backend } of users) expect(backend.requests).toEqual([])
        expect(vi.getTimerCount()).toBe(0)
      } finally {
        vi.useRealTimers()
      }
    },
  }
}
