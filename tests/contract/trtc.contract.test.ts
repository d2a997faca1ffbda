import { expect } from 'vitest'
import { createTrtcEngine } from '../../packages/engine/src/media/trtc'
import { createFakeCloud, type FakeCloudOptions } from '../fakes/trtc'
import { describeMediaEngineContract, type MakeMediaWorld } from './media-contract'

/** TRTC engines over one fake cloud. */
function trtcWorld(options?: FakeCloudOptions): MakeMediaWorld {
  return (userIds) => {
    const cloud = createFakeCloud(options)
    const engines = userIds.map((userId) => createTrtcEngine({ sdkAppId: 1400000001, userId, userSig: 'sig', TRTC: cloud.TRTC, CrossRoom: cloud.CrossRoom }))
    return {
      engines,
      flush: () => cloud.flush(),
      view: () => document.createElement('div'),
      async advance(ms) {
        cloud.advance(ms)
        await cloud.flush()
      },
      playing: (index, userId, source) =>
        cloud.session(userIds[index]!)?.playing.get(`${userId}|${source === 'camera' ? 'main' : 'sub'}`) as HTMLElement | null | undefined,
      async dispose() {
        for (const engine of engines) await engine.dispose()
        await cloud.flush()
        expect(cloud.listenerErrors).toEqual([])
        expect(cloud.rooms()).toEqual([])
      },
    }
  }
}

describeMediaEngineContract('trtc', trtcWorld())
describeMediaEngineContract('trtc, peers announced before enterRoom resolves', trtcWorld({ peersBeforeResolve: true }))
