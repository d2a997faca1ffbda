import { OrderedMap } from 'immutable'
import { ErrorCode } from '../errors'
import { requireUser } from './access'
import type { Expirer, Handlers } from './reduce'
import { clearDeadline, fail, nextId, requireOneOf, requireString, requireText, send, setDeadline, shown, type Tx } from './tx'
import type { CallDeclineReason, CallMemberRecord, CallModelEvent, CallRecord, CallView, UserId } from './types'
import {
  CALL_TIMEOUT_RANGE, CallEndReason, CallMediaType, CallParticipantStatus, CallRole, DEFAULT_CALL_TIMEOUT, MAX_CALL_PARTICIPANTS,
} from './types'
import { profileOf } from './views'

// The call slice. Invariants: a user is in `userCalls` exactly while they are a participant of that
// call; a participant has a deadline exactly while they are Waiting; a call exists while somebody is
// in it (Accept) and somebody else is in it or ringing; the last one left ends it.

const { Waiting, Accept } = CallParticipantStatus
const deadlineKey = (callId: string, userId: UserId): string => `call|${callId}|${userId}`

/** The call as its participants see it. */
function callView(state: Tx['state'], call: CallRecord): CallView {
  return {
    callId: call.callId,
    roomId: call.roomId,
    mediaType: call.mediaType,
    callerId: call.callerId,
    chatGroupId: call.chatGroupId,
    userData: call.userData,
    isGroup: call.isGroup,
    status: call.status,
    startedAt: call.startedAt,
    participants: [...call.participants].map(([userId, member]) => ({ ...profileOf(state, userId), role: member.role, status: member.status })),
  }
}

// ── reading and writing the slice ───────────────────────────────────────────

function idsOf(call: CallRecord, status?: CallParticipantStatus, except?: UserId): UserId[] {
  const ids: UserId[] = []
  for (const [userId, member] of call.participants) if ((status === undefined || member.status === status) && userId !== except) ids.push(userId)
  return ids
}

const isAlive = (call: CallRecord): boolean => call.participants.size >= 2 && call.participants.some((m) => m.status === Accept)

function putMember(tx: Tx, call: CallRecord, userId: UserId, member: CallMemberRecord): CallRecord {
  const next = { ...call, participants: call.participants.set(userId, member) }
  tx.state = { ...tx.state, calls: tx.state.calls.set(call.callId, next), userCalls: tx.state.userCalls.set(userId, call.callId) }
  return next
}

/** Frees `userId` from the call: not busy any more, no deadline. */
function release(tx: Tx, callId: string, userId: UserId): void {
  clearDeadline(tx, deadlineKey(callId, userId))
  tx.state = { ...tx.state, userCalls: tx.state.userCalls.delete(userId) }
}

function removeMember(tx: Tx, call: CallRecord, userId: UserId): CallRecord {
  release(tx, call.callId, userId)
  const next = { ...call, participants: call.participants.delete(userId) }
  putCall(tx, next)
  return next
}

function putCall(tx: Tx, call: CallRecord): void {
  tx.state = { ...tx.state, calls: tx.state.calls.set(call.callId, call) }
}

// ── how a call changes ──────────────────────────────────────────────────────

/**
 * Ends the call for everyone still in it and removes it: those in hear `reason` (as ended once it had
 * connected), those still ringing hear Canceled; `userId` caused it.
 */
function finish(tx: Tx, call: CallRecord, reason: CallEndReason, userId: UserId): void {
  const view = callView(tx.state, call)
  for (const [id, member] of call.participants) {
    release(tx, call.callId, id)
    const event: CallModelEvent = member.status === Waiting
      ? { type: 'call.notConnected', call: view, reason: CallEndReason.Canceled, userId }
      : call.status === 'connected'
        ? { type: 'call.ended', call: view, reason, userId, totalTime: tx.ctx.now - call.startedAt }
        : { type: 'call.notConnected', call: view, reason, userId }
    send(tx, [id], event)
  }
  tx.state = { ...tx.state, calls: tx.state.calls.delete(call.callId) }
}

/** Who hears that an invitee declined: the caller and their inviter, or everyone in a chat-group call. */
function declineAudience(call: CallRecord, inviterId: UserId): UserId[] {
  if (call.chatGroupId) return idsOf(call)
  return [...new Set([call.callerId, inviterId])].filter((id) => call.participants.has(id))
}

/** Tells who must hear it that `userId` (no longer, or never, in `call`) declined; returns who heard it. */
function announceDecline(tx: Tx, call: CallRecord, userId: UserId, inviterId: UserId, reason: CallDeclineReason): UserId[] {
  const audience = declineAudience(call, inviterId)
  send(tx, audience, { type: 'call.userDeclined', call: callView(tx.state, call), userId, reason })
  return audience
}

/** A ringing invitee leaves the call without entering it. */
function decline(tx: Tx, call: CallRecord, userId: UserId, reason: CallDeclineReason): void {
  const { inviterId } = call.participants.get(userId)!
  const rest = removeMember(tx, call, userId)
  // a busy (ignoring) or offline invitee hears nothing; one who rejected or missed it does
  if (reason === CallEndReason.Reject || reason === CallEndReason.NoResponse) {
    send(tx, [userId], { type: 'call.notConnected', call: callView(tx.state, rest), reason, userId })
  }
  const audience = announceDecline(tx, rest, userId, inviterId, reason)
  if (isAlive(rest)) send(tx, idsOf(rest).filter((id) => !audience.includes(id)), { type: 'call.changed', call: callView(tx.state, rest) })
  else finish(tx, rest, reason, userId)
}

/** Someone in the call (the caller while calling: a cancel) leaves; `reason` is what they hear. */
function leave(tx: Tx, call: CallRecord, userId: UserId, reason: CallEndReason): void {
  const rest = removeMember(tx, call, userId)
  const view = callView(tx.state, rest)
  send(tx, [userId], call.status === 'connected'
    ? { type: 'call.ended', call: view, reason, userId, totalTime: tx.ctx.now - call.startedAt }
    : { type: 'call.notConnected', call: view, reason: reason === CallEndReason.Hangup ? CallEndReason.Canceled : reason, userId })
  send(tx, idsOf(rest, Accept), { type: 'call.userLeft', call: view, userId })
  if (isAlive(rest)) send(tx, idsOf(rest, Waiting), { type: 'call.changed', call: view })
  else finish(tx, rest, CallEndReason.Hangup, userId)
}

/** `userId` accepts or joins: the call connects if it had not yet. */
function enter(tx: Tx, call: CallRecord, userId: UserId, member: CallMemberRecord): void {
  clearDeadline(tx, deadlineKey(call.callId, userId))
  const connected = { ...call, status: 'connected' as const, startedAt: call.status === 'connected' ? call.startedAt : tx.ctx.now }
  const next = putMember(tx, connected, userId, { ...member, status: Accept })
  const view = callView(tx.state, next)
  send(tx, [userId], { type: 'call.connected', call: view })
  send(tx, idsOf(next, Accept, userId), { type: 'call.userJoined', call: view, userId })
  send(tx, idsOf(next, Waiting), { type: 'call.changed', call: view })
}

interface Rung {
  readonly call: CallRecord
  readonly added: UserId[]
  readonly unreachable: Array<[UserId, CallEndReason.LineBusy | CallEndReason.Offline]>
}

/** Adds `userIds` as ringing invitees of `inviterId` until `expiresAt`; busy or logged-out users are left out. */
function ring(tx: Tx, call: CallRecord, inviterId: UserId, userIds: readonly UserId[], expiresAt: number): Rung {
  const added: UserId[] = []
  const unreachable: Rung['unreachable'] = []
  for (const userId of userIds) {
    if (!tx.state.users.has(userId)) unreachable.push([userId, CallEndReason.Offline])
    else if (tx.state.userCalls.has(userId)) unreachable.push([userId, CallEndReason.LineBusy])
    else {
      call = putMember(tx, call, userId, { role: CallRole.Callee, status: Waiting, inviterId })
      setDeadline(tx, deadlineKey(call.callId, userId), expiresAt)
      added.push(userId)
    }
  }
  return { call, added, unreachable }
}

// ── input ───────────────────────────────────────────────────────────────────

/** The actor's call and their part in it, or NOT_IN_CALL. */
function requireMyCall(tx: Tx): { call: CallRecord; userId: UserId; member: CallMemberRecord } {
  const { userId } = requireUser(tx)
  const callId = tx.state.userCalls.get(userId)
  if (callId === undefined) fail(ErrorCode.NOT_IN_CALL, 'You are not calling, ringing or in a call')
  const call = tx.state.calls.get(callId)!
  return { call, userId, member: call.participants.get(userId)! }
}

function requireIdle(tx: Tx, userId: UserId): void {
  if (tx.state.userCalls.has(userId)) fail(ErrorCode.ALREADY_IN_CALL, 'You are already calling, ringing or in a call: hang up first')
}

function requireInvitees(value: unknown, self: UserId): UserId[] {
  if (!Array.isArray(value) || value.length === 0) fail(ErrorCode.INVALID_ARGUMENT, 'userIdList must be a non-empty array of user ids')
  const ids = value.map((id) => requireString(id, 'userIdList[]'))
  if (ids.includes(self)) fail(ErrorCode.INVALID_ARGUMENT, 'You cannot call yourself')
  if (new Set(ids).size !== ids.length) fail(ErrorCode.INVALID_ARGUMENT, 'userIdList has duplicates')
  return ids
}

/** Seconds → ms deadline: 0 or undefined means the default, anything else must lie in the accepted range. */
function ringDeadline(tx: Tx, timeout: unknown): number {
  const seconds = timeout === undefined || timeout === 0 ? DEFAULT_CALL_TIMEOUT : timeout
  if (typeof seconds !== 'number' || !(seconds >= CALL_TIMEOUT_RANGE.min && seconds <= CALL_TIMEOUT_RANGE.max)) {
    fail(ErrorCode.INVALID_ARGUMENT, `timeout must be ${CALL_TIMEOUT_RANGE.min}–${CALL_TIMEOUT_RANGE.max} seconds (0 = ${DEFAULT_CALL_TIMEOUT}), got ${shown(timeout)}`)
  }
  return tx.ctx.now + Math.round(seconds * 1000)
}

/** TRTC's room ids: what every media engine can enter. */
const STR_ROOM_ID = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/

function requireRoomId(value: unknown): number | string {
  if (typeof value === 'string' && STR_ROOM_ID.test(value)) return value
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 2_147_483_647) return value
  return fail(ErrorCode.INVALID_ARGUMENT, `roomId must be an integer 1…2147483647 or 1–64 letters, digits, spaces or !#$%&()+-:;<=.>?@[]^_{}|~, — got ${shown(value)}`)
}

const optionalText = (value: unknown, name: string, max: number): string => value === undefined ? '' : requireText(value, name, max)
const requireMediaType = (value: unknown): CallMediaType => requireOneOf(value, [CallMediaType.Audio, CallMediaType.Video], 'mediaType')

// ── commands ────────────────────────────────────────────────────────────────

/** Call command handlers. */
export const callHandlers: Handlers = {
  'call.start': (tx, command) => {
    const callerId = requireUser(tx).userId
    requireIdle(tx, callerId)
    const userIds = requireInvitees(command.userIdList, callerId)
    if (userIds.length >= MAX_CALL_PARTICIPANTS) fail(ErrorCode.INVALID_ARGUMENT, `A call has at most ${MAX_CALL_PARTICIPANTS} participants, caller included`)
    const mediaType = requireMediaType(command.mediaType)
    const expiresAt = ringDeadline(tx, command.timeout)
    const userData = optionalText(command.userData, 'userData', 4096)
    const chatGroupId = optionalText(command.chatGroupId, 'chatGroupId', 64)
    const callId = nextId(tx, 'call_')
    const roomId = command.roomId === undefined ? callId : requireRoomId(command.roomId)
    const created = putMember(tx, {
      callId, roomId, mediaType, callerId, chatGroupId, userData,
      isGroup: chatGroupId !== '' || userIds.length > 1,
      status: 'calling',
      startedAt: 0,
      participants: OrderedMap(),
    }, callerId, { role: CallRole.Caller, status: Accept, inviterId: callerId })
    const { call, added, unreachable } = ring(tx, created, callerId, userIds, expiresAt)
    const view = callView(tx.state, call)
    send(tx, [callerId], { type: 'call.created', call: view })
    send(tx, added, { type: 'call.received', call: view, inviterId: callerId, userData })
    for (const [userId, reason] of unreachable) announceDecline(tx, call, userId, callerId, reason)
    if (!isAlive(call)) {
      const [userId, reason] = unreachable[unreachable.length - 1]!
      finish(tx, call, reason, userId)
    }
    return { callId, roomId }
  },

  'call.accept': (tx) => {
    const { call, userId, member } = requireMyCall(tx)
    if (member.status !== Waiting) fail(ErrorCode.NOT_IN_CALL, 'There is no incoming call to accept')
    enter(tx, call, userId, member)
  },

  'call.reject': (tx) => {
    const { call, userId, member } = requireMyCall(tx)
    if (member.status !== Waiting) fail(ErrorCode.NOT_IN_CALL, 'There is no incoming call to reject: hang up instead')
    decline(tx, call, userId, CallEndReason.Reject)
  },

  'call.ignore': (tx) => {
    const { call, userId, member } = requireMyCall(tx)
    if (member.status !== Waiting) fail(ErrorCode.NOT_IN_CALL, 'There is no incoming call to ignore')
    decline(tx, call, userId, CallEndReason.LineBusy)
  },

  'call.hangup': (tx) => {
    const { call, userId, member } = requireMyCall(tx)
    if (member.status === Waiting) decline(tx, call, userId, CallEndReason.Reject)
    else leave(tx, call, userId, CallEndReason.Hangup)
  },

  'call.join': (tx, command) => {
    const userId = requireUser(tx).userId
    requireIdle(tx, userId)
    const call = tx.state.calls.get(requireString(command.callId, 'callId'))
    if (!call) fail(ErrorCode.CALL_NOT_FOUND, `Call "${command.callId}" does not exist or has ended`)
    if (call.participants.size >= MAX_CALL_PARTICIPANTS) fail(ErrorCode.CALL_FULL, `The call already has ${MAX_CALL_PARTICIPANTS} participants`)
    enter(tx, call, userId, { role: CallRole.Callee, status: Accept, inviterId: userId })
  },

  'call.invite': (tx, command) => {
    const { call, userId, member } = requireMyCall(tx)
    if (member.status !== Accept) fail(ErrorCode.NOT_IN_CALL, 'Accept the call before inviting others')
    const userIds = requireInvitees(command.userIdList, userId)
    const already = userIds.find((id) => call.participants.has(id))
    if (already !== undefined) fail(ErrorCode.INVALID_ARGUMENT, `"${already}" is already in the call`)
    if (call.participants.size + userIds.length > MAX_CALL_PARTICIPANTS) fail(ErrorCode.CALL_FULL, `A call has at most ${MAX_CALL_PARTICIPANTS} participants`)
    const expiresAt = ringDeadline(tx, command.timeout)
    const userData = optionalText(command.userData, 'userData', 4096)
    const before = idsOf(call)
    const rung = ring(tx, call, userId, userIds, expiresAt)
    const next = { ...rung.call, isGroup: rung.call.isGroup || rung.added.length > 0 }
    putCall(tx, next)
    const view = callView(tx.state, next)
    if (rung.added.length > 0) send(tx, before, { type: 'call.usersInvited', call: view, userIds: rung.added })
    send(tx, rung.added, { type: 'call.received', call: view, inviterId: userId, userData })
    for (const [id, reason] of rung.unreachable) announceDecline(tx, next, id, userId, reason)
  },

  'call.switchMediaType': (tx, command) => {
    const { call, member } = requireMyCall(tx)
    const mediaType = requireMediaType(command.mediaType)
    if (call.isGroup || call.status !== 'connected' || member.status !== Accept) {
      fail(ErrorCode.CALL_MEDIA_SWITCH_UNSUPPORTED, 'Only a connected 1-to-1 call can switch between audio and video')
    }
    if (mediaType === call.mediaType) fail(ErrorCode.INVALID_ARGUMENT, `The call already is ${CallMediaType[mediaType]}`)
    const next = { ...call, mediaType }
    putCall(tx, next)
    send(tx, idsOf(next), { type: 'call.mediaTypeChanged', call: callView(tx.state, next), oldMediaType: call.mediaType, newMediaType: mediaType })
  },
}

/** Call deadlines (`call|<callId>|<userId>`): the invitee did not answer in time. */
export const callExpirers: Record<string, Expirer> = {
  call: (tx, key) => {
    const rest = key.slice('call|'.length)
    const at = rest.indexOf('|') // generated call ids never contain '|'; user ids might
    const call = tx.state.calls.get(rest.slice(0, at))! // a deadline never outlives its invitee
    decline(tx, call, rest.slice(at + 1), CallEndReason.NoResponse)
  },
}

/**
 * Takes `userId` out of their call, if any, when they log out, disconnect or are kicked offline:
 * a ringing invite counts as unreachable (the inviter hears no response), anything else as hanging
 * up. `reason` is what the user's own end event says (e.g. EndByServer when kicked).
 */
export function dropUserCalls(tx: Tx, userId: UserId, reason: CallEndReason): void {
  const callId = tx.state.userCalls.get(userId)
  if (callId === undefined) return
  const call = tx.state.calls.get(callId)!
  if (call.participants.get(userId)!.status === Waiting) decline(tx, call, userId, CallEndReason.Offline)
  else leave(tx, call, userId, reason)
}

/** `userId`'s profile changed: everyone in their call, if any (themselves included), gets the call showing it. */
export function announceProfile(tx: Tx, userId: UserId): void {
  const callId = tx.state.userCalls.get(userId)
  if (callId === undefined) return
  const call = tx.state.calls.get(callId)!
  send(tx, idsOf(call), { type: 'call.changed', call: callView(tx.state, call) })
}
