// Co-host: owners of two live rooms connect them. Requests go owner to owner; a connection joins up
// to 9 rooms (by layout). Invariants kept here:
// - a room has at most one incoming request, and none while connected (a connected room is busy);
// - every room in `connection.liveIds` has that `connectionId`, and no other room has it;
// - a connection at its capacity has no pending outgoing request left.
import { type Map as ImMap, OrderedSet } from 'immutable'
import { ErrorCode } from '../errors'
import { putRoom, requireOwner, requireRoom } from './access'
import { exitBattles } from './battle'
import type { Expirer, Handlers } from './reduce'
import { clearDeadline, deadlineFrom, fail, nextId, requireInteger, requireString, send, setDeadline, shown, type Tx } from './tx'
import {
  CoHostLayoutTemplate, ConnectionCode,
  type CoHostRequest, type CoHostRequestView, type CoHostUserView, type Connection, type ConnectionView, type Context, type LiveId,
  type LiveSessionView, type ModelState, type QueryResultMap, type RequestOutcome, type Room, type RoomCoHostRequests, type UserId,
} from './types'
import { profileOf } from './views'

const DEADLINE = 'cohost|'
const NO_REQUESTS: RoomCoHostRequests = { incoming: null, outgoing: OrderedSet() }

/** Most rooms one connection of `layout` holds. */
function capacityOf(layout: number): number {
  if (layout === CoHostLayoutTemplate.HostDynamic1v6) return 7
  return layout === CoHostLayoutTemplate.HostVideoLandscapeFixed2Seats ? 2 : 9
}

/** A live's owner as the other connected rooms see them. */
function coHostUserView(state: ModelState, liveId: LiveId): CoHostUserView {
  return { ...profileOf(state, state.rooms.get(liveId)?.ownerId ?? ''), liveId }
}

function requestView(state: ModelState, request: CoHostRequest): CoHostRequestView {
  return {
    requestId: request.requestId,
    inviter: { ...profileOf(state, request.fromUserId), liveId: request.fromLiveId },
    invitee: { ...profileOf(state, request.toUserId), liveId: request.toLiveId },
    layoutTemplate: request.layoutTemplate,
    extensionInfo: request.extensionInfo,
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
  }
}

function connectionView(state: ModelState, connection: Connection): ConnectionView {
  return {
    connectionId: connection.connectionId,
    layoutTemplate: connection.layoutTemplate,
    hosts: connection.liveIds.map((liveId) => coHostUserView(state, liveId)),
  }
}

// ── pending requests, indexed by room ───────────────────────────────────────

function requestsOf(state: ModelState, liveId: LiveId): RoomCoHostRequests {
  return state.coHostByRoom.get(liveId) ?? NO_REQUESTS
}

/** The request `liveId`'s owner must answer. */
function incomingOf(state: ModelState, liveId: LiveId): CoHostRequest | undefined {
  const requestId = requestsOf(state, liveId).incoming
  return requestId === null ? undefined : state.coHostRequests.get(requestId)
}

/** The requests `liveId`'s owner sent, oldest first. */
function outgoingOf(state: ModelState, liveId: LiveId): CoHostRequest[] {
  return requestsOf(state, liveId).outgoing.toArray().flatMap((requestId) => state.coHostRequests.get(requestId) ?? [])
}

function putIndex(byRoom: ImMap<LiveId, RoomCoHostRequests>, liveId: LiveId, entry: RoomCoHostRequests): ImMap<LiveId, RoomCoHostRequests> {
  return entry.incoming === null && entry.outgoing.isEmpty() ? byRoom.delete(liveId) : byRoom.set(liveId, entry)
}

/** `state` with `request` added to (`add`) or removed from the pending requests and their index. */
function withRequest(state: ModelState, request: CoHostRequest, add: boolean): ModelState {
  const { requestId, fromLiveId, toLiveId } = request
  const from = requestsOf(state, fromLiveId)
  const to = requestsOf(state, toLiveId)
  let byRoom = state.coHostByRoom
  byRoom = putIndex(byRoom, fromLiveId, { ...from, outgoing: add ? from.outgoing.add(requestId) : from.outgoing.delete(requestId) })
  byRoom = putIndex(byRoom, toLiveId, { ...to, incoming: add ? requestId : null })
  const coHostRequests = add ? state.coHostRequests.set(requestId, request) : state.coHostRequests.delete(requestId)
  return { ...state, coHostRequests, coHostByRoom: byRoom }
}

/** Removes a pending request and tells both owners how it ended. */
function endRequest(tx: Tx, request: CoHostRequest, outcome: RequestOutcome): void {
  tx.state = withRequest(tx.state, request, false)
  clearDeadline(tx, DEADLINE + request.requestId)
  send(tx, [request.fromUserId, request.toUserId], { type: 'coHost.requestEnded', request: requestView(tx.state, request), outcome })
}

// ── connections ─────────────────────────────────────────────────────────────

function setConnectionId(tx: Tx, liveId: LiveId, connectionId: string | null): void {
  const room = tx.state.rooms.get(liveId)
  if (room) putRoom(tx, liveId, { ...room, connectionId })
}

function putConnection(tx: Tx, connection: Connection): void {
  tx.state = { ...tx.state, connections: tx.state.connections.set(connection.connectionId, connection) }
}

/** Tells every member of `liveId` what its connection became; joined/left never list the room's own host. */
function announce(tx: Tx, liveId: LiveId, connection: Connection | null, joined: CoHostUserView[], left: CoHostUserView[]): void {
  const view = connection && connectionView(tx.state, connection)
  send(tx, { room: liveId }, { type: 'coHost.connectionChanged', liveId, connection: view, joined, left })
}

/** An accepted request: the target joins the requester's connection (whose layout stays), or both start one with the request's layout. */
function connect(tx: Tx, request: CoHostRequest): void {
  const { fromLiveId, toLiveId } = request
  const connectionId = tx.state.rooms.get(fromLiveId)?.connectionId
  const existing = connectionId ? tx.state.connections.get(connectionId) : undefined
  const connection: Connection = existing
    ? { ...existing, liveIds: [...existing.liveIds, toLiveId] }
    : { connectionId: nextId(tx, 'conn'), layoutTemplate: request.layoutTemplate, liveIds: [fromLiveId, toLiveId] }
  putConnection(tx, connection)
  for (const liveId of existing ? [toLiveId] : [fromLiveId, toLiveId]) setConnectionId(tx, liveId, connection.connectionId)

  const newcomer = coHostUserView(tx.state, toLiveId)
  for (const liveId of connection.liveIds) {
    const joined = liveId === toLiveId ? connection.liveIds.filter((id) => id !== toLiveId).map((id) => coHostUserView(tx.state, id)) : [newcomer]
    announce(tx, liveId, connection, joined, [])
  }
  // A connected room is busy: a request the requester itself was still to answer can no longer be accepted.
  const stale = existing ? undefined : incomingOf(tx.state, fromLiveId)
  if (stale) endRequest(tx, stale, 'rejected')
  // A full connection can take nobody else, so requests its rooms sent are withdrawn.
  if (connection.liveIds.length >= capacityOf(connection.layoutTemplate)) {
    for (const liveId of connection.liveIds) for (const sent of outgoingOf(tx.state, liveId)) endRequest(tx, sent, 'cancelled')
  }
}

/** Takes `liveId` out of its connection; a connection left with one room dissolves. */
function leaveConnection(tx: Tx, liveId: LiveId): void {
  const connectionId = tx.state.rooms.get(liveId)?.connectionId
  const connection = connectionId ? tx.state.connections.get(connectionId) : undefined
  if (!connection) return
  const rest = connection.liveIds.filter((id) => id !== liveId)
  const next = rest.length > 1 ? { ...connection, liveIds: rest } : null
  const leaver = coHostUserView(tx.state, liveId)
  if (next) putConnection(tx, next)
  else tx.state = { ...tx.state, connections: tx.state.connections.delete(connection.connectionId) }
  for (const id of next ? [liveId] : connection.liveIds) setConnectionId(tx, id, null)

  announce(tx, liveId, null, [], rest.map((id) => coHostUserView(tx.state, id)))
  for (const id of rest) announce(tx, id, next, [], [leaver])
}

/**
 * Called just before a live is deleted: ends its pending co-host requests both ways (both owners are
 * told, with `outcome`), makes its owner leave battles and battle requests, and takes it out of its
 * connection (every member of every affected room gets `coHost.connectionChanged`).
 */
export function dropRoomCoHost(tx: Tx, liveId: LiveId, outcome: 'left' | 'liveEnded'): void {
  const room = tx.state.rooms.get(liveId)
  if (!room) return
  const incoming = incomingOf(tx.state, liveId)
  if (incoming) endRequest(tx, incoming, outcome)
  for (const request of outgoingOf(tx.state, liveId)) endRequest(tx, request, outcome)
  exitBattles(tx, room.ownerId)
  leaveConnection(tx, liveId)
}

// ── commands ────────────────────────────────────────────────────────────────

function isLayout(value: unknown): value is CoHostLayoutTemplate {
  return typeof value === 'number' && CoHostLayoutTemplate[value] !== undefined
}

/** Whether `liveId`'s owner may ask `targetId` now; anything but Success is answered at once and stores nothing. */
function connectionCode(state: ModelState, liveId: LiveId, room: Room, targetId: LiveId): ConnectionCode {
  const target = state.rooms.get(targetId)
  if (!target) return ConnectionCode.RoomNotExist
  const pending = incomingOf(state, targetId)
  if (pending?.fromLiveId === liveId || (room.connectionId !== null && room.connectionId === target.connectionId)) return ConnectionCode.Connecting
  if (pending || target.connectionId !== null) return ConnectionCode.ConnectingOtherRoom
  const connection = room.connectionId ? state.connections.get(room.connectionId) : undefined
  if (connection && connection.liveIds.length >= capacityOf(connection.layoutTemplate)) return ConnectionCode.Full
  return ConnectionCode.Success
}

/** The request from `fromLiveId` that `liveId`'s owner must answer, or REQUEST_NOT_FOUND. */
function requireIncoming(tx: Tx, liveId: LiveId, fromLiveId: unknown): CoHostRequest {
  const from = requireString(fromLiveId, 'liveId')
  const request = incomingOf(tx.state, liveId)
  if (!request || request.fromLiveId !== from) fail(ErrorCode.REQUEST_NOT_FOUND, `No pending co-host request from live "${from}"`)
  return request
}

/** Co-host command handlers: only a live's owner connects it. */
export const coHostHandlers: Handlers = {
  'coHost.request': (tx, command) => {
    const { liveId, room, user } = requireOwner(tx, 'request a co-host connection')
    const targetId = requireString(command.liveId, 'liveId')
    const layoutTemplate = command.layoutTemplate ?? CoHostLayoutTemplate.HostDynamicGrid
    if (!isLayout(layoutTemplate)) fail(ErrorCode.INVALID_ARGUMENT, `layoutTemplate must be a CoHostLayoutTemplate (600, 601 or 400), got ${shown(layoutTemplate)}`)
    const extensionInfo = command.extensionInfo ?? ''
    if (typeof extensionInfo !== 'string') fail(ErrorCode.INVALID_ARGUMENT, 'extensionInfo must be a string')
    const expiresAt = deadlineFrom(tx, command.timeout)
    if (targetId === liveId) fail(ErrorCode.INVALID_ARGUMENT, 'A live cannot connect with itself')
    if (incomingOf(tx.state, liveId)) fail(ErrorCode.CO_HOST_REQUEST_PENDING, 'Accept or reject the co-host request you received first')

    const code = connectionCode(tx.state, liveId, room, targetId)
    if (code !== ConnectionCode.Success) return { code }
    const request: CoHostRequest = {
      requestId: nextId(tx, 'cohost'),
      fromLiveId: liveId,
      toLiveId: targetId,
      fromUserId: user.userId,
      toUserId: requireRoom(tx.state, targetId).ownerId,
      layoutTemplate,
      extensionInfo,
      createdAt: tx.ctx.now,
      expiresAt,
    }
    tx.state = withRequest(tx.state, request, true)
    setDeadline(tx, DEADLINE + request.requestId, expiresAt)
    send(tx, [request.fromUserId, request.toUserId], { type: 'coHost.requestAdded', request: requestView(tx.state, request) })
    return { code }
  },

  'coHost.cancel': (tx, command) => {
    const { liveId } = requireOwner(tx, 'cancel a co-host request')
    const targetId = requireString(command.liveId, 'liveId')
    const request = incomingOf(tx.state, targetId)
    if (!request || request.fromLiveId !== liveId) fail(ErrorCode.REQUEST_NOT_FOUND, `No pending co-host request to live "${targetId}"`)
    endRequest(tx, request, 'cancelled')
  },

  'coHost.accept': (tx, command) => {
    const { liveId } = requireOwner(tx, 'accept a co-host request')
    const request = requireIncoming(tx, liveId, command.liveId)
    endRequest(tx, request, 'accepted')
    connect(tx, request)
  },

  'coHost.reject': (tx, command) => {
    const { liveId } = requireOwner(tx, 'reject a co-host request')
    endRequest(tx, requireIncoming(tx, liveId, command.liveId), 'rejected')
  },

  'coHost.exit': (tx) => {
    const { liveId, room } = requireOwner(tx, 'exit a co-host connection')
    if (!room.connectionId) fail(ErrorCode.NOT_CONNECTED, 'Your live is not in a co-host connection')
    exitBattles(tx, room.ownerId)
    leaveConnection(tx, liveId)
  },
}

/** Co-host deadlines (`cohost|<requestId>`): an unanswered request times out for both owners. */
export const coHostExpirers: Record<string, Expirer> = {
  cohost: (tx, key) => {
    const request = tx.state.coHostRequests.get(key.slice(DEADLINE.length))
    if (request) endRequest(tx, request, 'timeout')
  },
}

// ── views and queries ───────────────────────────────────────────────────────

/** The co-host part of a session view: the connection for every member, the requests for the owner only. */
export function coHostSessionView(
  state: ModelState,
  liveId: LiveId,
  userId: UserId,
): Pick<LiveSessionView, 'connection' | 'coHostOutgoing' | 'coHostIncoming'> {
  const room = state.rooms.get(liveId)
  const connection = room?.connectionId ? state.connections.get(room.connectionId) : undefined
  const isOwner = room !== undefined && room.ownerId === userId
  const incoming = isOwner ? incomingOf(state, liveId) : undefined
  return {
    connection: connection ? connectionView(state, connection) : null,
    coHostOutgoing: isOwner ? outgoingOf(state, liveId).map((request) => requestView(state, request)) : [],
    coHostIncoming: incoming ? [requestView(state, incoming)] : [],
  }
}

/** Page size when none is given, and the largest allowed (as for the live list). */
const DEFAULT_PAGE_SIZE = 20
const MAX_PAGE_SIZE = 100

/**
 * Owners of other live rooms the actor could invite: not their own, not connected with them, not
 * already invited by them, in live creation order. The cursor (as for the live list) is the sequence
 * number of the next room, so it stays valid when rooms end; '' = first page / no more.
 */
export function coHostCandidates(state: ModelState, ctx: Context, cursor: string = '', count: number = DEFAULT_PAGE_SIZE): QueryResultMap['coHost.candidates'] {
  const me = state.users.get(ctx.actor)
  if (!me) fail(ErrorCode.NOT_LOGGED_IN, 'Call login() before fetching co-host candidates')
  if (typeof cursor !== 'string' || !/^\d*$/.test(cursor)) fail(ErrorCode.INVALID_ARGUMENT, 'cursor must be "" (first page) or the cursor of the previous page')
  if (requireInteger(count, 'count') < 1 || count > MAX_PAGE_SIZE) fail(ErrorCode.INVALID_ARGUMENT, `count must be 1–${MAX_PAGE_SIZE}, got ${count}`)
  const mine = me.liveId ? state.rooms.get(me.liveId) : undefined
  const isCandidate = (liveId: LiveId, room: Room): boolean =>
    room.ownerId !== me.userId &&
    !(mine?.connectionId && mine.connectionId === room.connectionId) &&
    !(me.liveId && incomingOf(state, liveId)?.fromLiveId === me.liveId)

  const from = cursor ? Number(cursor) : 0
  const list: CoHostUserView[] = []
  for (const [liveId, room] of state.rooms) {
    if (room.seq < from || !isCandidate(liveId, room)) continue
    if (list.length === count) return { list, cursor: String(room.seq) }
    list.push(coHostUserView(state, liveId))
  }
  return { list, cursor: '' }
}
