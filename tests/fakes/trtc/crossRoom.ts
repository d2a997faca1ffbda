import type { TrtcCrossRoomStartOptions, TrtcCrossRoomTarget, TrtcCrossRoomUpdateOptions } from '../../../packages/engine/src/media/trtc/sdk'
import type { ClientState, Core, Session } from './core'
import { aborted, FakeRtcError, invalidOperation } from './errors'
import { roomKeyOf } from './validate'
import { syncViews } from './views'

/** The plugin is registered at `TRTC.create({plugins})`; without it every plugin call aborts (5998). */
function joined(client: ClientState, fn: string, name: string): Session {
  if (!client.plugins.has(name)) throw aborted(fn, `plugin ${name} is not found`)
  if (!client.session) throw invalidOperation(fn, 5101, 'not in a room')
  return client.session
}

const sdkAppIdOf = (s: Session) => Number(s.roomKey.slice(0, s.roomKey.indexOf('|')))
const refused = (fn: string, why: string) => new FakeRtcError(5400, -1, `cross room refused: ${why}`, fn)

/** `startPlugin('CrossRoom')`: room level without `userId`, user level with it (the fake's errors: 5101, 5400/−1, 5998 repeat). */
export function startCrossRoom(core: Core, client: ClientState, name: string, options: TrtcCrossRoomStartOptions): void {
  const fn = 'startPlugin'
  const s = joined(client, fn, name)
  if (!options || (options.roomId === undefined && options.strRoomId === undefined)) throw refused(fn, 'no target room')
  const toRoom = roomKeyOf(fn, sdkAppIdOf(s), options)
  const target = core.rooms.get(toRoom)
  if (!target || toRoom === s.roomKey) throw refused(fn, 'the target room is empty or mine')
  if (options.userId !== undefined && !target.sessions.some((t) => t.userId === options.userId && (t.scene === 'rtc' || t.role === 'anchor'))) {
    throw refused(fn, `${options.userId} is not an anchor there`)
  }
  if (core.links.some((l) => l.owner === client && l.toRoom === toRoom)) throw aborted(fn, 'cross room to that room is already started')
  core.links.push({ owner: client, fromRoom: s.roomKey, toRoom, ...(options.userId === undefined ? {} : { userId: options.userId }), blocks: new Map() })
  syncViews(core)
}

/** `updatePlugin('CrossRoom')`: blocks forwarded streams in my room; an item matching no link of mine → 5999, nothing applied. */
export function updateCrossRoom(core: Core, client: ClientState, name: string, options: TrtcCrossRoomUpdateOptions): void {
  const fn = 'updatePlugin'
  const s = joined(client, fn, name)
  const items = (options?.updateList ?? []).map((item) => {
    const toRoom = roomKeyOf(fn, sdkAppIdOf(s), item)
    const link = core.links.find((l) => l.owner === client && l.toRoom === toRoom)
    if (!link) throw new FakeRtcError(5999, undefined, `no cross room link to ${toRoom}`, fn, 'UNKNOWN_ERROR')
    return { link, item }
  })
  for (const { link, item } of items) {
    link.blocks.set(item.userId ?? '*', { audio: item.muteAudio, video: item.muteVideo, sub: item.muteSubStream })
  }
  syncViews(core)
}

/** `stopPlugin('CrossRoom')`: ends the link to that room, or without options all my room-level links. */
export function stopCrossRoom(core: Core, client: ClientState, name: string, options?: TrtcCrossRoomTarget): void {
  const fn = 'stopPlugin'
  if (!client.plugins.has(name)) throw aborted(fn, `plugin ${name} is not found`)
  const s = client.session
  if (!s) return
  const toRoom = options && (options.roomId !== undefined || options.strRoomId !== undefined) ? roomKeyOf(fn, sdkAppIdOf(s), options) : undefined
  core.links = core.links.filter((l) => l.owner !== client || (toRoom === undefined ? l.userId !== undefined : l.toRoom !== toRoom))
  syncViews(core)
}
