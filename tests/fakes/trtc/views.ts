import { emit, type ClientState, type Core, type Link, type Presence, type Session, type TrackKind } from './core'

const NONE: Presence = { sid: 0, main: false, audio: false, sub: false }

// `live` shows anchors only; `rtc` shows everybody.
const visible = (s: Session) => s.scene === 'rtc' || s.role === 'anchor'

function published(s: Session, kind: TrackKind): boolean {
  const track = s.client.tracks[kind]
  return track?.state === 'started' && !track.muted
}

type Block = Link['blocks'] extends Map<string, infer B> ? B : never

function presence(s: Session, block: Block | undefined): Presence {
  return {
    sid: s.sid,
    main: published(s, 'video') && !block?.video,
    audio: published(s, 'audio') && !block?.audio,
    sub: published(s, 'screen') && !block?.sub,
  }
}

/** The sessions a link forwards into `roomKey`, with the blocks the link's owner set there. */
function forwarded(core: Core, link: Link, roomKey: string): Array<[Session, Block | undefined]> {
  const sessionsOf = (key: string) => core.rooms.get(key)?.sessions ?? []
  const block = (s: Session) => link.blocks.get(s.userId) ?? link.blocks.get('*')
  const owner = link.owner.session
  if (roomKey === link.fromRoom) {
    const there = sessionsOf(link.toRoom).filter((s) => link.userId === undefined || s.userId === link.userId)
    return there.map((s) => [s, block(s)])
  }
  if (roomKey !== link.toRoom || !owner) return []
  return link.userId === undefined ? sessionsOf(link.fromRoom).map((s) => [s, undefined]) : [[owner, undefined]]
}

/** Who `s` sees now: visible peers of its room, then anchors forwarded by cross-room links. */
function computeView(core: Core, s: Session): Map<string, Presence> {
  const view = new Map<string, Presence>()
  const add = (other: Session, block?: Block) => {
    if (other.userId !== s.userId && !view.has(other.userId) && visible(other)) view.set(other.userId, presence(other, block))
  }
  for (const other of core.rooms.get(s.roomKey)?.sessions ?? []) add(other)
  for (const link of core.links) for (const [other, block] of forwarded(core, link, s.roomKey)) add(other, block)
  return view
}

/** Emits one user's stream changes in the SDK's order (main video, audio, sub video). */
function emitStreams(core: Core, client: ClientState, userId: string, before: Presence, after: Presence) {
  for (const stream of ['main', 'audio', 'sub'] as const) {
    if (before[stream] === after[stream]) continue
    if (stream === 'audio') {
      emit(core, client, after.audio ? 'remote-audio-available' : 'remote-audio-unavailable', { userId })
      continue
    }
    const key = `${userId}|${stream}`
    // on unavailable the SDK stops playback and forgets the view
    if (!after[stream] && client.playing.delete(key)) {
      emit(core, client, 'video-play-state-changed', { userId, streamType: stream, state: 'STOPPED', reason: 'ended' })
    }
    emit(core, client, after[stream] ? 'remote-video-available' : 'remote-video-unavailable', { userId, streamType: stream })
  }
}

/**
 * Brings every ready session's view up to date, emitting the differences: departures (unavailable
 * events, then `remote-user-exit` with the reason `reasons` gives its sid, default 0), stream changes,
 * arrivals (`remote-user-enter`, then available events). Call after every state change.
 */
export function syncViews(core: Core, reasons: ReadonlyMap<number, number> = new Map()): void {
  for (const client of core.clients) {
    const s = client.session
    if (!s?.ready) continue
    const next = computeView(core, s)
    for (const [userId, before] of s.view) {
      const after = next.get(userId)
      if (after?.sid === before.sid) {
        emitStreams(core, client, userId, before, after)
        continue
      }
      emitStreams(core, client, userId, before, NONE)
      emit(core, client, 'remote-user-exit', { userId, reason: reasons.get(before.sid) ?? 0 })
    }
    for (const [userId, after] of next) {
      if (s.view.get(userId)?.sid === after.sid) continue
      emit(core, client, 'remote-user-enter', { userId })
      emitStreams(core, client, userId, NONE, after)
    }
    s.view = next
  }
}

/**
 * Publishes the tracks that should be (joined, allowed to publish, `publish !== false`) and
 * unpublishes the others, emitting `publish-state-changed` unless `silent` (exitRoom tells nobody).
 */
export function refreshPublishing(core: Core, client: ClientState, silent = false): void {
  const s = client.session
  const mayPublish = !!s && (s.scene === 'rtc' || s.role === 'anchor')
  for (const kind of ['video', 'audio', 'screen'] as const) {
    const track = client.tracks[kind]
    if (!track) continue
    const should = mayPublish && track.publish
    if (should === (track.state === 'started')) continue
    track.state = should ? 'started' : 'stopped'
    if (silent) continue
    const mediaType = kind
    if (should) {
      emit(core, client, 'publish-state-changed', { mediaType, prevState: 'stopped', state: 'starting' })
      emit(core, client, 'publish-state-changed', { mediaType, prevState: 'starting', state: 'started' })
    } else {
      emit(core, client, 'publish-state-changed', { mediaType, prevState: 'started', state: 'stopped', reason: 'api-call' })
    }
  }
}
