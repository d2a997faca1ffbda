import type { TrtcEnterRoomConfig, TrtcEventMap, TrtcRole } from '../../../packages/engine/src/media/trtc/sdk'
import { emit, setConnection, type ClientState, type Core, type Session } from './core'
import { FakeMisuseError, FakeRtcError, invalidOperation } from './errors'
import { checkEnterRoom, oneOf } from './validate'
import { refreshPublishing, syncViews } from './views'

// Runs `fn` once the caller awaiting the current call has resumed: the peers of a fresh join
// arrive after `enterRoom` resolves (3.3).
const afterResolve = (fn: () => void) => queueMicrotask(() => queueMicrotask(fn))

const bothLiveAudience = (a: Session, scene: string, role: TrtcRole) => scene === 'live' && a.scene === 'live' && a.role === 'audience' && role === 'audience'

/**
 * Takes the sessions of `clients` out of their rooms at once: others see unavailable events and an
 * exit with `reason`; the leavers are told nothing but their own DISCONNECTED, lose their play
 * configs, remote-audio mutes and cross-room links, and keep capturing unpublished.
 */
export function exitSessions(core: Core, clients: readonly ClientState[], reason: number): void {
  const leaving = clients.filter((c) => c.session)
  if (!leaving.length) return
  const reasons = new Map<number, number>()
  for (const client of leaving) {
    const s = client.session!
    reasons.set(s.sid, reason)
    const room = core.rooms.get(s.roomKey)
    room?.sessions.splice(room.sessions.indexOf(s), 1)
    if (room && !room.sessions.length) core.rooms.delete(room.key)
    client.session = undefined
    client.playing.clear()
    client.remoteAudioMuted.clear()
    core.links = core.links.filter((l) => l.owner !== client)
    refreshPublishing(core, client, true)
  }
  syncViews(core, reasons)
  for (const client of leaving) setConnection(core, client, 'DISCONNECTED')
}

/** Removes the server-side way (kick, RemoveUser, DismissRoom): exit, then `kicked-out`. */
export function kickOut(core: Core, clients: readonly ClientState[], reason: TrtcEventMap['kicked-out']['reason'], exitReason: number): void {
  const joined = clients.filter((c) => c.session)
  exitSessions(core, joined, exitReason)
  for (const client of joined) emit(core, client, 'kicked-out', { reason })
}

/** `enterRoom` (3.4): validation, signature hook, same-user kick, connection events, then peers. */
export function enterRoom(core: Core, client: ClientState, config: TrtcEnterRoomConfig): void {
  const { roomKey, scene, role, sdkAppId, userId, userSig } = checkEnterRoom(config)
  if (client.session) throw invalidOperation('enterRoom', 5104, 'already in a room: call exitRoom() first')
  const sigError = core.sigCheck?.({ sdkAppId, userId, userSig })
  if (sigError !== undefined) throw new FakeRtcError(5400, sigError, `userSig rejected (${sigError})`, 'enterRoom')
  const existing = core.rooms.get(roomKey)
  if (existing && existing.scene !== scene) throw new FakeMisuseError(`room ${roomKey} is a ${existing.scene} room: every member must use one scene`)

  const twin = existing?.sessions.find((s) => s.userId === userId && !bothLiveAudience(s, scene, role))
  if (twin) kickOut(core, [twin.client], 'kick', 0)

  const room = core.rooms.get(roomKey) ?? { key: roomKey, scene, sessions: [] }
  core.rooms.set(roomKey, room)
  const session: Session = { sid: core.nextId++, client, userId, roomKey, scene, role, ready: false, view: new Map(), nextNetworkAt: core.clock + 2000 }
  client.userId = userId
  client.session = session
  room.sessions.push(session)
  setConnection(core, client, 'CONNECTING')
  setConnection(core, client, 'CONNECTED')
  syncViews(core)

  // the joiner learns its peers and publishes its pending tracks (after resolving, by default)
  const settle = () => {
    if (client.session !== session) return
    session.ready = true
    refreshPublishing(core, client)
    syncViews(core)
  }
  if (core.peersBeforeResolve) settle()
  else afterResolve(settle)
}

/** `switchRole` (3.4): to audience unpublishes (others: exit reason 3); to anchor publishes pending tracks. */
export function switchRole(core: Core, client: ClientState, role: unknown): void {
  const next = oneOf('switchRole', 'role', role, ['anchor', 'audience'] as const)
  const s = client.session
  if (!s) throw invalidOperation('switchRole', 5101, 'not in a room: call enterRoom() first')
  if (s.scene === 'rtc' || s.role === next) return
  s.role = next
  refreshPublishing(core, client)
  syncViews(core, new Map([[s.sid, 3]]))
}
