import { MediaError } from './errors'
import { MediaErrorCode, type JoinOptions, type Media, type MediaEngineEvents, type MediaRole } from './types'

type LeftReason = MediaEngineEvents['userLeft']['reason']

/** What a member hears about the others, as `MediaEngineEvents` but carrying the publisher's own stream. */
export type NetworkUserEvent =
  | { readonly type: 'userJoined'; readonly userId: string }
  | { readonly type: 'userLeft'; readonly userId: string; readonly reason: LeftReason }
  /** `stream` null = unavailable; another stream while available = the publisher switched device. */
  | { readonly type: 'remoteMedia'; readonly userId: string; readonly media: Media; readonly stream: MediaStream | null }

/** Everything delivered to a member; `removed`: the same userId joined this room again, this member is out. */
export type NetworkEvent = NetworkUserEvent | { readonly type: 'removed' }

/** One engine's place in a room of the network. */
export interface Membership {
  setRole(role: MediaRole): void
  /** Offers a stream (null withdraws it); the room sees it only while this member is visible (anchor or `rtc`). */
  publish(media: Media, stream: MediaStream | null): void
  /** Co-host: forwards the anchors of both rooms (or, with `userId`, me there and that anchor here). */
  connect(roomId: string, userId?: string): void
  /** Hides a forwarded anchor's audio / video (camera and screen) in my room, for everyone in it. */
  setConnectedMuted(roomId: string, userId: string | undefined, mute: { readonly audio?: boolean; readonly video?: boolean }): void
  /** Ends my link to `roomId`, or all my links. */
  disconnect(roomId?: string): void
  leave(): void
}

/** The in-page registry shared by every local media engine of one page/hub. */
export interface LocalMediaNetwork {
  /** Enters a room; `sink` gets what this member sees, asynchronously (microtasks) and in order. */
  join(options: Required<JoinOptions>, sink: (event: NetworkEvent) => void): Membership
  /** Resolves once every event queued so far has been delivered (tests). */
  flush(): Promise<void>
}

interface Room {
  readonly id: string
  readonly scene: 'live' | 'rtc'
  readonly members: Map<string, Member>
}

interface Member {
  readonly userId: string
  readonly room: Room
  readonly sink: (event: NetworkEvent) => void
  readonly streams: Map<Media, MediaStream>
  role: MediaRole
  alive: boolean
}

type Mute = { audio?: boolean; video?: boolean }

interface Link {
  readonly owner: Member
  readonly to: string
  readonly userId: string | undefined
  /** by forwarded userId, '*' = all of them; applies in the owner's room */
  readonly mutes: Map<string, Mute>
}

/** What the members of one room see: userId → available streams. */
type View = ReadonlyMap<string, ReadonlyMap<Media, MediaStream>>

// TRTC's order on leave and on publish changes: main video, audio, sub (screen)
const ORDER: readonly Media[] = ['camera', 'audio', 'screen']
const EMPTY: View = new Map()

/** Creates the registry; delivery is FIFO across the whole network. */
export function createLocalMediaNetwork(): LocalMediaNetwork {
  const rooms = new Map<string, Room>()
  const links = new Set<Link>()
  const queue: Array<() => void> = []
  let scheduled = false

  function drain(): void {
    // handlers may enqueue more: the loop reads the growing length
    for (let i = 0; i < queue.length; i++) {
      try {
        queue[i]!()
      } catch (error) {
        queueMicrotask(() => { throw error })
      }
    }
    queue.length = 0
    scheduled = false
  }

  function enqueue(task: () => void): void {
    queue.push(task)
    if (!scheduled) {
      scheduled = true
      queueMicrotask(drain)
    }
  }

  const visible = (m: Member) => m.room.scene === 'rtc' || m.role === 'anchor'

  function anchors(roomId: string, userId?: string): Member[] {
    const members = rooms.get(roomId)?.members
    const list = userId === undefined ? [...(members?.values() ?? [])] : [members?.get(userId)]
    return list.filter((m): m is Member => m !== undefined && visible(m))
  }

  function muted(room: Room, source: string, userId: string, kind: keyof Mute): boolean {
    for (const l of links) {
      if (l.owner.room !== room || l.to !== source) continue
      const flag = l.mutes.get(userId)?.[kind] ?? l.mutes.get('*')?.[kind]
      if (flag !== undefined) return flag
    }
    return false
  }

  function view(room: Room): View {
    const seen = new Map<string, ReadonlyMap<Media, MediaStream>>()
    for (const m of room.members.values()) if (visible(m)) seen.set(m.userId, new Map(m.streams))
    const forward = (from: Member[], source: string) => {
      for (const m of from) {
        if (seen.has(m.userId)) continue // a userId present in both rooms: the local member wins
        const shown = [...m.streams].filter(([media]) => !muted(room, source, m.userId, media === 'audio' ? 'audio' : 'video'))
        seen.set(m.userId, new Map(shown))
      }
    }
    for (const l of links) {
      const from = l.owner.room.id
      if (l.to === room.id) forward(l.userId === undefined ? anchors(from) : anchors(from, l.owner.userId), from)
      if (l.owner.room === room) forward(anchors(l.to, l.userId), l.to)
    }
    return seen
  }

  function diff(before: View, after: View, reason: LeftReason): NetworkUserEvent[] {
    const out: NetworkUserEvent[] = []
    for (const [userId, had] of before) {
      const has = after.get(userId)
      for (const media of ORDER) {
        const stream = has?.get(media) ?? null
        if ((had.get(media) ?? null) !== stream) out.push({ type: 'remoteMedia', userId, media, stream })
      }
      if (!has) out.push({ type: 'userLeft', userId, reason })
    }
    for (const [userId, has] of after) {
      if (before.has(userId)) continue
      out.push({ type: 'userJoined', userId })
      for (const media of ORDER) {
        const stream = has.get(media)
        if (stream) out.push({ type: 'remoteMedia', userId, media, stream })
      }
    }
    return out
  }

  /** Applies `mutate` and tells every member what changed in its room's view (`fresh`: a newcomer sees it all). */
  function change(reason: LeftReason, mutate: () => void, fresh?: Member): void {
    const before = new Map([...rooms.values()].map((r) => [r, view(r)]))
    mutate()
    for (const room of rooms.values()) {
      const after = view(room)
      const events = diff(before.get(room) ?? EMPTY, after, reason)
      if (!events.length && fresh?.room !== room) continue
      for (const m of room.members.values()) {
        for (const event of m === fresh ? diff(EMPTY, after, reason) : events) {
          if (event.userId !== m.userId) enqueue(() => m.alive && m.sink(event))
        }
      }
    }
  }

  function remove(m: Member): void {
    m.alive = false
    m.room.members.delete(m.userId)
    if (!m.room.members.size) rooms.delete(m.room.id)
    for (const l of links) if (l.owner === m) links.delete(l)
  }

  function membership(m: Member): Membership {
    const ownLink = (roomId: string) => [...links].find((l) => l.owner === m && l.to === roomId)
    return {
      setRole(role) {
        if (m.alive && m.role !== role) change('role', () => { m.role = role })
      },
      publish(media, stream) {
        if (!m.alive || (m.streams.get(media) ?? null) === stream) return
        change('leave', () => (stream ? m.streams.set(media, stream) : m.streams.delete(media)))
      },
      connect(roomId, userId) {
        if (!m.alive) throw new MediaError(MediaErrorCode.NOT_IN_ROOM, 'Join a room before connecting to another')
        if (!visible(m)) throw new MediaError(MediaErrorCode.NOT_PUBLISHER, 'Only an anchor can connect rooms')
        if (roomId === m.room.id) throw new MediaError(MediaErrorCode.INVALID_ARGUMENT, 'A room cannot connect to itself')
        if (!rooms.has(roomId) || (userId !== undefined && !anchors(roomId, userId).length)) {
          const who = userId === undefined ? 'nobody' : `no anchor ${userId}`
          throw new MediaError(MediaErrorCode.SERVER, `Room ${roomId} has ${who} in its media room`)
        }
        const old = ownLink(roomId)
        if (old && old.userId === userId) return
        change('leave', () => {
          if (old) links.delete(old)
          links.add({ owner: m, to: roomId, userId, mutes: new Map() })
        })
      },
      setConnectedMuted(roomId, userId, { audio, video }) {
        const link = m.alive ? ownLink(roomId) : undefined
        if (!link) throw new MediaError(MediaErrorCode.INVALID_ARGUMENT, `Not connected to room ${roomId}: call connectRoom() first`)
        const key = userId ?? '*'
        change('leave', () => link.mutes.set(key, {
          ...link.mutes.get(key),
          ...(audio === undefined ? {} : { audio }),
          ...(video === undefined ? {} : { video }),
        }))
      },
      disconnect(roomId) {
        const mine = [...links].filter((l) => l.owner === m && (roomId === undefined || l.to === roomId))
        if (mine.length) change('leave', () => mine.forEach((l) => links.delete(l)))
      },
      leave() {
        if (m.alive) change('leave', () => remove(m))
      },
    }
  }

  return {
    join({ roomId, userId, role, scene }, sink) {
      const existing = rooms.get(roomId)
      if (existing && existing.scene !== scene) {
        throw new MediaError(MediaErrorCode.INVALID_ARGUMENT, `Room ${roomId} is an '${existing.scene}' room: join it with that scene`)
      }
      const old = existing?.members.get(userId)
      if (old) {
        // as TRTC: the earlier session of the same user is put out of the room; the others see it
        // leave with reason 0 ('leave', as the TRTC fake models it), then the new one join
        change('leave', () => remove(old))
        enqueue(() => old.sink({ type: 'removed' }))
      }
      const room = rooms.get(roomId) ?? { id: roomId, scene, members: new Map<string, Member>() }
      const member: Member = { userId, room, sink, streams: new Map(), role, alive: true }
      change('leave', () => {
        rooms.set(roomId, room)
        room.members.set(userId, member)
      }, member)
      return membership(member)
    },
    flush: () => new Promise<void>((resolve) => enqueue(resolve)),
  }
}
