import type { TrtcEnterRoomConfig, TrtcEventMap } from '../../../packages/engine/src/media/trtc/sdk'
import type { FakeTrtcClient } from './client'
import type { FakeCloud } from './cloud'
import { EVENT } from './constants'

/** One received event. */
export type Received = readonly [event: keyof TrtcEventMap, payload: unknown]

/** Records every event `client` receives, in order. `log.splice(0)` takes (and clears) what arrived. */
export function record(client: FakeTrtcClient): Received[] {
  const log: Received[] = []
  for (const event of Object.values(EVENT) as Array<keyof TrtcEventMap>) client.on(event, (payload) => log.push([event, payload]))
  return log
}

/** Only the events named `prefix…` (e.g. `remote-`), without payload functions. */
export function only(log: readonly Received[], ...prefixes: string[]): Received[] {
  return log.filter(([event]) => prefixes.some((p) => event.startsWith(p)))
}

export const SDK_APP_ID = 1400000001

/** A fresh instance of `cloud` (with CrossRoom) that entered a room; default: `live` anchor in "room". */
export async function joined(cloud: FakeCloud, userId: string, config: Partial<TrtcEnterRoomConfig> = {}) {
  const client = cloud.TRTC.create({ plugins: [cloud.CrossRoom] })
  const log = record(client)
  await client.enterRoom({ sdkAppId: SDK_APP_ID, userId, userSig: 'sig', strRoomId: 'room', scene: 'live', role: 'anchor', ...config })
  await cloud.flush()
  return { client, log }
}
