import type { ConnectionView, MediaRole, SeatView } from '@atomicx-vue/engine'

/** Where one user's media should be (desired) or is (applied). */
export interface MediaPlacement {
  /** the media room (= liveId), null = out */
  readonly roomId: string | null
  readonly role: MediaRole
  /** partner rooms this host links to (co-host) */
  readonly partners: readonly string[]
}

/** What the media store knows of the user's live, straight from the hub's views and events. */
export interface MediaLive {
  readonly liveId: string
  readonly ownerId: string
  readonly seats: readonly SeatView[]
  readonly connection: ConnectionView | null
}

/** One engine call of a transition. */
export type MediaStep =
  | { readonly op: 'leave' }
  | { readonly op: 'join'; readonly roomId: string; readonly role: MediaRole }
  /** demotion: stop microphone, camera and screen before becoming audience */
  | { readonly op: 'stopLocal' }
  | { readonly op: 'setRole'; readonly role: MediaRole }
  | { readonly op: 'connect'; readonly roomId: string }
  | { readonly op: 'disconnect'; readonly roomId: string }

/** Out of every room. */
export const OUT: MediaPlacement = { roomId: null, role: 'audience', partners: [] }

/** Whether `userId` is on one of the live's seats. */
export function isSeated(live: MediaLive, userId: string): boolean {
  return live.seats.some((seat) => seat.user?.userId === userId)
}

/**
 * Where the user's media belongs: in the live's room, as anchor when owner or seated. A connected
 * owner links to every partner room: both engines let a host mute (`setConnectedMuted`) only the links
 * it started, and forwarded anchors are told apart by userId, so links both ways show each host once.
 */
export function placementOf(live: MediaLive | null, userId: string | null): MediaPlacement {
  if (!live || !userId) return OUT
  const isOwner = live.ownerId === userId
  const partners = isOwner && live.connection
    ? live.connection.hosts.filter((host) => host.userId !== userId).map((host) => host.liveId)
    : []
  return { roomId: live.liveId, role: isOwner || isSeated(live, userId) ? 'anchor' : 'audience', partners }
}

/**
 * The engine calls that move `applied` to `desired`, in order. Reconciling from the latest wish
 * (instead of replaying each change) keeps fast sequences consistent: join → seat → leave in one
 * tick is just "stay out".
 */
export function mediaSteps(applied: MediaPlacement, desired: MediaPlacement): MediaStep[] {
  const steps: MediaStep[] = []
  let current = applied
  if (current.roomId !== null && current.roomId !== desired.roomId) {
    steps.push({ op: 'leave' }) // leaving drops the links too
    current = OUT
  }
  if (desired.roomId === null) return steps
  if (current.roomId === null) steps.push({ op: 'join', roomId: desired.roomId, role: desired.role })
  else if (current.role !== desired.role) {
    if (desired.role === 'audience') steps.push({ op: 'stopLocal' })
    steps.push({ op: 'setRole', role: desired.role })
  }
  for (const roomId of current.partners) if (!desired.partners.includes(roomId)) steps.push({ op: 'disconnect', roomId })
  for (const roomId of desired.partners) if (!current.partners.includes(roomId)) steps.push({ op: 'connect', roomId })
  return steps
}

/** The placement after one step succeeded. */
export function applyStep(placement: MediaPlacement, step: MediaStep): MediaPlacement {
  switch (step.op) {
    case 'leave': return OUT
    case 'join': return { roomId: step.roomId, role: step.role, partners: [] }
    case 'stopLocal': return placement
    case 'setRole': return { ...placement, role: step.role }
    case 'connect': return { ...placement, partners: [...placement.partners, step.roomId] }
    case 'disconnect': return { ...placement, partners: placement.partners.filter((id) => id !== step.roomId) }
  }
}
