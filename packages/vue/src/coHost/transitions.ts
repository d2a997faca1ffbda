import { RoomRole, type CoHostRequestView, type CoHostUserView, type ConnectionView, type LiveSessionView, type RequestOutcome } from '@atomicx-vue/engine'
import { toLiveUserInfo } from '../core/convert'
import type { Emission } from '../core/events'
import { CoHostEvent } from '../types/coHost'
import { DeviceStatus } from '../types/device'
import { SuspendStatus, type PendingSeatUserInfo, type SeatUserInfo } from '../types/user'
import type { CoHostEventInfoMap } from './events'

type CoHostEmission = Emission<CoHostEventInfoMap>

/** What the co-host store holds besides candidates. */
export interface CoHostLists {
  readonly connected: readonly SeatUserInfo[]
  readonly invitees: readonly PendingSeatUserInfo[]
  readonly applicant: PendingSeatUserInfo | null
}

export const NO_LISTS: CoHostLists = { connected: [], invitees: [], applicant: null }

/** A host as the co-host API shows it (like the anchor: general role, devices off, allowed). */
export function toCoHostUser(host: CoHostUserView): SeatUserInfo {
  return {
    ...toLiveUserInfo(host),
    liveId: host.liveId,
    role: RoomRole.GeneralUser,
    microphoneStatus: DeviceStatus.Off,
    allowOpenMicrophone: true,
    cameraStatus: DeviceStatus.Off,
    allowOpenCamera: true,
    userSuspendStatus: SuspendStatus.None,
  }
}

/** The other side of a request (the invitee for its sender, the inviter for its target), with the request's deadline. */
function pendingHost(request: CoHostRequestView, host: CoHostUserView): PendingSeatUserInfo {
  return { ...toCoHostUser(host), expiresAt: request.expiresAt }
}

/** The lists rebuilt from a full view of the live (empty outside a live). */
export function listsFrom(live: Pick<LiveSessionView, 'connection' | 'coHostOutgoing' | 'coHostIncoming'> | null): CoHostLists {
  if (!live) return NO_LISTS
  const incoming = live.coHostIncoming[0] // a live has at most one incoming request
  return {
    connected: live.connection?.hosts.map(toCoHostUser) ?? [],
    invitees: live.coHostOutgoing.map((request) => pendingHost(request, request.invitee)),
    applicant: incoming ? pendingHost(incoming, incoming.inviter) : null,
  }
}

/** `list` without the hosts of `liveIds`. */
export function withoutLives<T extends SeatUserInfo>(list: readonly T[], liveIds: readonly string[]): readonly T[] {
  const next = list.filter((user) => !liveIds.includes(user.liveId))
  return next.length === list.length ? list : next
}

/** A new request: the requester lists the invitee, the target sees the applicant. */
export function requestAdded(lists: CoHostLists, request: CoHostRequestView, me: string): CoHostLists {
  if (request.invitee.userId === me) return { ...lists, applicant: pendingHost(request, request.inviter) }
  return { ...lists, invitees: [...withoutLives(lists.invitees, [request.invitee.liveId]), pendingHost(request, request.invitee)] }
}

/** An ended request leaves both sides' lists. */
export function requestEnded(lists: CoHostLists, request: CoHostRequestView, me: string): CoHostLists {
  if (request.invitee.userId === me) return lists.applicant?.liveId === request.inviter.liveId ? { ...lists, applicant: null } : lists
  return { ...lists, invitees: withoutLives(lists.invitees, [request.invitee.liveId]) }
}

/** The connection changed: `connected` follows it, hosts that joined are no longer invitees. */
export function connectionChanged(lists: CoHostLists, connection: ConnectionView | null, joined: readonly CoHostUserView[]): CoHostLists {
  return {
    ...lists,
    connected: connection?.hosts.map(toCoHostUser) ?? [],
    invitees: withoutLives(lists.invitees, joined.map((host) => host.liveId)),
  }
}

/** The target hears about a new request; the requester already knows. */
export function requestAddedEmissions(request: CoHostRequestView, me: string): CoHostEmission[] {
  if (request.invitee.userId !== me) return []
  return [{ event: CoHostEvent.onCoHostRequestReceived, info: { inviter: toCoHostUser(request.inviter), extensionInfo: request.extensionInfo } }]
}

/**
 * What an ended request tells each host. Nobody hears about what they did themselves (`leaving`: this
 * user is leaving its live, so `left`/`liveEnded` are its own doing). A live that went away withdraws
 * its request (cancelled, to the target) or refuses one (rejected, to the requester).
 */
export function requestEndedEmissions(request: CoHostRequestView, outcome: RequestOutcome, me: string, leaving: boolean): CoHostEmission[] {
  const inviter = toCoHostUser(request.inviter)
  const invitee = toCoHostUser(request.invitee)
  const gone = (outcome === 'left' || outcome === 'liveEnded') && !leaving
  if (outcome === 'timeout') return [{ event: CoHostEvent.onCoHostRequestTimeout, info: { inviter, invitee } }]
  if (request.invitee.userId === me) {
    return outcome === 'cancelled' || gone ? [{ event: CoHostEvent.onCoHostRequestCancelled, info: { inviter, invitee } }] : []
  }
  if (outcome === 'accepted') return [{ event: CoHostEvent.onCoHostRequestAccepted, info: { invitee } }]
  if (outcome === 'rejected' || gone) return [{ event: CoHostEvent.onCoHostRequestRejected, info: { invitee } }]
  return []
}

/** Every member of a live hears which hosts joined or left its connection (never its own host). */
export function connectionEmissions(joined: readonly CoHostUserView[], left: readonly CoHostUserView[]): CoHostEmission[] {
  return [
    ...joined.map((host): CoHostEmission => ({ event: CoHostEvent.onCoHostUserJoined, info: { userInfo: toCoHostUser(host) } })),
    ...left.map((host): CoHostEmission => ({ event: CoHostEvent.onCoHostUserLeft, info: { userInfo: toCoHostUser(host) } })),
  ]
}

/** A candidates page: cursor '' replaces the list, a later cursor appends (one row per live). */
export function mergeCandidates(list: readonly SeatUserInfo[], page: readonly CoHostUserView[], cursor: string): readonly SeatUserInfo[] {
  const rows = page.map(toCoHostUser)
  return cursor === '' ? rows : [...withoutLives(list, rows.map((row) => row.liveId)), ...rows]
}
