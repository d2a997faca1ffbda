// Battles (PK) between the hosts of one co-host connection. Invariants kept here:
// - every battle user and invitee owns a room of the inviter's connection (leaving it exits battles),
//   so a battle's requests, and a host's invitations, are found among at most 9 rooms;
// - a host's room points (`battleId`) at the one battle they are in, pending (as its inviter) or running;
// - a host in a battle has no pending invitation, and a pending battle has at least one request;
// - a battle's requests live only while its inviter is in it.
import { Map as ImMap } from 'immutable'
import { ErrorCode } from '../errors'
import { putRoom, requireInRoom, requireOwner } from './access'
import type { Expirer, Handlers } from './reduce'
import { MAX_TIMEOUT_SECONDS, clearDeadline, deadlineFrom, fail, nextId, requireString, send, setDeadline, shown, type Tx } from './tx'
import {
  BattleCode, BattleEndedReason,
  type Battle, type BattleConfig, type BattleRequest, type BattleRequestView, type BattleView, type CoHostUserView, type LiveId,
  type LiveSessionView, type ModelState, type RequestOutcome, type Room, type RoomEvent, type UserId,
} from './types'
import { profileOf } from './views'

const BATTLE_DEADLINE = 'battle|'
const REQUEST_DEADLINE = 'breq|'

/** The `battleRequests` key (and, prefixed with `breq|`, the deadline key) of one invitation. */
const requestKey = (battleId: string, inviteeId: UserId): string => `${battleId}|${inviteeId}`

// ── views ───────────────────────────────────────────────────────────────────

function hostView(state: ModelState, userId: UserId): CoHostUserView {
  return { ...profileOf(state, userId), liveId: state.users.get(userId)?.liveId ?? '' }
}

function battleView(state: ModelState, battle: Battle): BattleView {
  return {
    battleId: battle.battleId,
    config: battle.config,
    inviter: hostView(state, battle.inviterId),
    status: battle.status,
    startTime: Math.floor(battle.startedAt / 1000),
    endTime: Math.floor(battle.endsAt / 1000),
    users: battle.userIds.map((userId) => hostView(state, userId)),
    scores: Object.fromEntries(battle.scores),
  }
}

function requestView(state: ModelState, battle: Battle, request: BattleRequest): BattleRequestView {
  return {
    battleId: battle.battleId,
    inviter: hostView(state, battle.inviterId),
    invitee: hostView(state, request.inviteeId),
    expiresAt: request.expiresAt,
  }
}

// ── lookups ─────────────────────────────────────────────────────────────────

function roomOf(state: ModelState, userId: UserId): Room | undefined {
  const liveId = state.users.get(userId)?.liveId
  return liveId ? state.rooms.get(liveId) : undefined
}

/** The rooms connected with `userId`'s room, its own included. */
function connectedRooms(state: ModelState, userId: UserId): Room[] {
  const connectionId = roomOf(state, userId)?.connectionId
  const connection = connectionId ? state.connections.get(connectionId) : undefined
  return connection ? connection.liveIds.flatMap((liveId) => state.rooms.get(liveId) ?? []) : []
}

/** The pending requests of `battle`: its invitees own rooms of its inviter's connection. */
function requestsOf(state: ModelState, battle: Battle): BattleRequest[] {
  return connectedRooms(state, battle.inviterId).flatMap((room) => state.battleRequests.get(requestKey(battle.battleId, room.ownerId)) ?? [])
}

/** The battles inviting `userId`: their inviters are in them, so their rooms point at them. */
function invitationsOf(state: ModelState, userId: UserId): { battle: Battle; request: BattleRequest }[] {
  const battleIds = new Set(connectedRooms(state, userId).flatMap((room) => room.battleId ?? []))
  return [...battleIds].flatMap((battleId) => {
    const battle = state.battles.get(battleId)
    const request = state.battleRequests.get(requestKey(battleId, userId))
    return battle && request ? [{ battle, request }] : []
  })
}

// ── changes ─────────────────────────────────────────────────────────────────

function putBattle(tx: Tx, battle: Battle): void {
  tx.state = { ...tx.state, battles: tx.state.battles.set(battle.battleId, battle) }
}

function setRoomBattle(tx: Tx, userId: UserId, battleId: string | null): void {
  const room = roomOf(tx.state, userId)
  if (room) putRoom(tx, room.info.liveId, { ...room, battleId })
}

/** Sends `event` to every member of the rooms of `userIds`. */
function sendToRooms(tx: Tx, userIds: readonly UserId[], event: RoomEvent): void {
  for (const userId of userIds) {
    const liveId = tx.state.users.get(userId)?.liveId
    if (liveId) send(tx, { room: liveId }, event)
  }
}

function invite(tx: Tx, battle: Battle, inviteeId: UserId, expiresAt: number | null): void {
  const request: BattleRequest = { battleId: battle.battleId, inviteeId, expiresAt }
  const key = requestKey(battle.battleId, inviteeId)
  tx.state = { ...tx.state, battleRequests: tx.state.battleRequests.set(key, request) }
  setDeadline(tx, REQUEST_DEADLINE + key, expiresAt)
  send(tx, [battle.inviterId, inviteeId], { type: 'battle.requestAdded', request: requestView(tx.state, battle, request) })
}

/** Removes a pending request and tells inviter and invitee how it ended. */
function endRequest(tx: Tx, battle: Battle, request: BattleRequest, outcome: RequestOutcome): void {
  const key = requestKey(battle.battleId, request.inviteeId)
  tx.state = { ...tx.state, battleRequests: tx.state.battleRequests.delete(key) }
  clearDeadline(tx, REQUEST_DEADLINE + key)
  send(tx, [battle.inviterId, request.inviteeId], { type: 'battle.requestEnded', request: requestView(tx.state, battle, request), outcome })
}

function removeBattle(tx: Tx, battle: Battle): void {
  tx.state = { ...tx.state, battles: tx.state.battles.delete(battle.battleId) }
  clearDeadline(tx, BATTLE_DEADLINE + battle.battleId)
  for (const userId of battle.userIds) setRoomBattle(tx, userId, null)
}

/** Drops a battle that never started once no request of it is left. */
function dropIfUnanswered(tx: Tx, battleId: string): void {
  const battle = tx.state.battles.get(battleId)
  if (battle?.status === 'pending' && requestsOf(tx.state, battle).length === 0) removeBattle(tx, battle)
}

/** Points `userId`'s room at `battle`; a battling host can take no other invitation, so those end as rejected. */
function enterBattle(tx: Tx, battle: Battle, userId: UserId): void {
  setRoomBattle(tx, userId, battle.battleId)
  for (const { battle: other, request } of invitationsOf(tx.state, userId)) {
    endRequest(tx, other, request, 'rejected')
    dropIfUnanswered(tx, other.battleId)
  }
}

/** Starts a pending battle with its inviter and `joiners`; it ends `duration` seconds from now. */
function start(tx: Tx, battle: Battle, joiners: readonly UserId[]): void {
  for (const userId of joiners) enterBattle(tx, battle, userId)
  const userIds = [...battle.userIds, ...joiners]
  const now = tx.ctx.now
  const running: Battle = {
    ...battle,
    status: 'running',
    startedAt: now,
    endsAt: now + Math.round(battle.config.duration * 1000),
    userIds,
    scores: ImMap(userIds.map((userId) => [userId, 0])),
  }
  putBattle(tx, running)
  setDeadline(tx, BATTLE_DEADLINE + battle.battleId, running.endsAt)
  sendToRooms(tx, userIds, { type: 'battle.started', battle: battleView(tx.state, running) })
}

function join(tx: Tx, battle: Battle, userId: UserId): void {
  enterBattle(tx, battle, userId)
  const joined: Battle = { ...battle, userIds: [...battle.userIds, userId], scores: battle.scores.set(userId, 0) }
  putBattle(tx, joined)
  sendToRooms(tx, joined.userIds, { type: 'battle.userJoined', battle: battleView(tx.state, joined), user: hostView(tx.state, userId) })
}

/** Ends a battle: its pending requests are cancelled, its rooms hear why (scores still readable). */
function endBattle(tx: Tx, battle: Battle, reason: BattleEndedReason): void {
  for (const request of requestsOf(tx.state, battle)) endRequest(tx, battle, request, 'cancelled')
  sendToRooms(tx, battle.userIds, { type: 'battle.ended', battle: battleView(tx.state, battle), reason })
  removeBattle(tx, battle)
}

/**
 * Takes `userId` out of `battle`. Its inviter leaving withdraws its requests (`requestOutcome`). A
 * running battle tells its rooms (the leaver's too) and ends when fewer than 2 users remain.
 */
function exitBattle(tx: Tx, battle: Battle, userId: UserId, requestOutcome: RequestOutcome): void {
  if (userId === battle.inviterId) for (const request of requestsOf(tx.state, battle)) endRequest(tx, battle, request, requestOutcome)
  if (battle.status === 'pending') return removeBattle(tx, battle) // only its inviter was in it
  const userIds = battle.userIds.filter((id) => id !== userId)
  const left: Battle = { ...battle, userIds, scores: battle.scores.delete(userId) }
  setRoomBattle(tx, userId, null)
  putBattle(tx, left)
  sendToRooms(tx, [...userIds, userId], { type: 'battle.userExited', battle: battleView(tx.state, left), user: hostView(tx.state, userId) })
  if (userIds.length < 2) endBattle(tx, left, BattleEndedReason.allMemberExit)
}

/** Makes a host leave their battle and every battle request (outcome `left`): they leave the connection or the live. */
export function exitBattles(tx: Tx, userId: UserId): void {
  for (const { battle, request } of invitationsOf(tx.state, userId)) {
    endRequest(tx, battle, request, 'left')
    dropIfUnanswered(tx, battle.battleId)
  }
  const battleId = roomOf(tx.state, userId)?.battleId
  const battle = battleId ? tx.state.battles.get(battleId) : undefined
  if (battle?.userIds.includes(userId)) exitBattle(tx, battle, userId, 'left')
}

// ── commands ────────────────────────────────────────────────────────────────

function requireConfig(value: unknown): BattleConfig {
  if (value === null || typeof value !== 'object') fail(ErrorCode.INVALID_ARGUMENT, 'config must be { duration, needResponse, extensionInfo }')
  const { duration, needResponse, extensionInfo = '' } = value as Partial<Record<keyof BattleConfig, unknown>>
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration <= 0 || duration > MAX_TIMEOUT_SECONDS) {
    fail(ErrorCode.INVALID_ARGUMENT, `config.duration must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}, got ${shown(duration)}`)
  }
  if (typeof needResponse !== 'boolean') fail(ErrorCode.INVALID_ARGUMENT, `config.needResponse must be true or false, got ${shown(needResponse)}`)
  if (typeof extensionInfo !== 'string') fail(ErrorCode.INVALID_ARGUMENT, 'config.extensionInfo must be a string')
  return { duration, needResponse, extensionInfo }
}

function requireUserIds(value: unknown): UserId[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((id) => typeof id === 'string' && id !== '')) {
    fail(ErrorCode.INVALID_ARGUMENT, 'userIdList must be a non-empty array of user ids')
  }
  return value as UserId[]
}

/** Whether `userId` can be invited by `inviterId`, whose room is in `connectionId`. */
function battleCode(state: ModelState, inviterId: UserId, connectionId: string, userId: UserId): BattleCode {
  if (userId === inviterId) return BattleCode.Battling
  const room = roomOf(state, userId)
  if (!room || room.ownerId !== userId || room.connectionId !== connectionId) return BattleCode.RoomNotExist
  return room.battleId ? BattleCode.BattlingOtherRoom : BattleCode.Success
}

/** The actor's pending invitation to `battleId`, or REQUEST_NOT_FOUND. */
function requireInvitation(tx: Tx, battleIdValue: unknown, userId: UserId): { battle: Battle; request: BattleRequest } {
  const battleId = requireString(battleIdValue, 'battleId')
  const battle = tx.state.battles.get(battleId)
  const request = tx.state.battleRequests.get(requestKey(battleId, userId))
  if (!battle || !request) fail(ErrorCode.REQUEST_NOT_FOUND, `No pending invitation to battle "${battleId}"`)
  return { battle, request }
}

/** Battle command handlers: connected owners battle; any member of a battling room adds score. */
export const battleHandlers: Handlers = {
  'battle.request': (tx, command) => {
    const { user, room } = requireOwner(tx, 'request a battle')
    const config = requireConfig(command.config)
    const userIdList = requireUserIds(command.userIdList)
    const expiresAt = deadlineFrom(tx, command.timeout)
    const { connectionId } = room
    if (!connectionId) fail(ErrorCode.NOT_CONNECTED, 'Connect with another host (co-host) before requesting a battle')
    if (room.battleId) fail(ErrorCode.ALREADY_IN_BATTLE, `You are already in battle "${room.battleId}": exit it before requesting another`)

    const codes = new Map(userIdList.map((userId) => [userId, battleCode(tx.state, user.userId, connectionId, userId)]))
    const invitees = [...codes].filter(([, code]) => code === BattleCode.Success).map(([userId]) => userId)
    if (invitees.length === 0) fail(ErrorCode.BATTLE_NO_VALID_ROOM, 'None of the invited hosts can battle now')
    const battle: Battle = {
      battleId: nextId(tx, 'battle'),
      config,
      inviterId: user.userId,
      status: 'pending',
      startedAt: 0,
      endsAt: 0,
      userIds: [user.userId],
      scores: ImMap(),
    }
    putBattle(tx, battle)
    enterBattle(tx, battle, user.userId)
    if (config.needResponse) for (const userId of invitees) invite(tx, battle, userId, expiresAt)
    else start(tx, battle, invitees)
    return { battleId: battle.battleId, result: Object.fromEntries(codes) }
  },

  'battle.cancel': (tx, command) => {
    const { user } = requireOwner(tx, 'cancel a battle request')
    const battleId = requireString(command.battleId, 'battleId')
    const userIdList = requireUserIds(command.userIdList)
    const battle = tx.state.battles.get(battleId)
    if (!battle) fail(ErrorCode.BATTLE_NOT_FOUND, `Battle "${battleId}" does not exist`)
    if (battle.inviterId !== user.userId) fail(ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS, 'Only the host who sent the battle request can cancel it')
    const requests = [...new Set(userIdList)].flatMap((userId) => tx.state.battleRequests.get(requestKey(battleId, userId)) ?? [])
    if (requests.length === 0) fail(ErrorCode.REQUEST_NOT_FOUND, `None of these hosts has a pending invitation to battle "${battleId}"`)
    for (const request of requests) endRequest(tx, battle, request, 'cancelled')
    dropIfUnanswered(tx, battleId)
  },

  'battle.accept': (tx, command) => {
    const { user } = requireOwner(tx, 'accept a battle')
    const { battle, request } = requireInvitation(tx, command.battleId, user.userId)
    endRequest(tx, battle, request, 'accepted')
    if (battle.status === 'pending') start(tx, battle, [user.userId])
    else join(tx, battle, user.userId)
  },

  'battle.reject': (tx, command) => {
    const { user } = requireOwner(tx, 'reject a battle')
    const { battle, request } = requireInvitation(tx, command.battleId, user.userId)
    endRequest(tx, battle, request, 'rejected')
    dropIfUnanswered(tx, battle.battleId)
  },

  'battle.exit': (tx, command) => {
    const { user } = requireOwner(tx, 'exit a battle')
    const battleId = requireString(command.battleId, 'battleId')
    const battle = tx.state.battles.get(battleId)
    if (!battle || !battle.userIds.includes(user.userId)) fail(ErrorCode.BATTLE_NOT_FOUND, `You are not in battle "${battleId}"`)
    exitBattle(tx, battle, user.userId, 'cancelled')
  },

  'battle.addScore': (tx, command) => {
    const { room } = requireInRoom(tx)
    const battleId = requireString(command.battleId, 'battleId')
    const userId = requireString(command.userId, 'userId')
    const { value } = command
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(ErrorCode.INVALID_ARGUMENT, `value must be a number above 0, got ${shown(value)}`)
    const battle = tx.state.battles.get(battleId)
    if (!battle || battle.status !== 'running' || room.battleId !== battleId) fail(ErrorCode.BATTLE_NOT_FOUND, `Your live is not in battle "${battleId}"`)
    if (!battle.userIds.includes(userId)) fail(ErrorCode.BATTLE_NOT_FOUND, `User "${userId}" is not in battle "${battleId}"`)
    const scored: Battle = { ...battle, scores: battle.scores.update(userId, 0, (score) => score + value) }
    putBattle(tx, scored)
    sendToRooms(tx, scored.userIds, { type: 'battle.scoreChanged', battle: battleView(tx.state, scored) })
  },
}

/** Battle deadlines: `battle|<battleId>` ends a running battle (timeOver), `breq|<battleId>|<userId>` an unanswered invitation. */
export const battleExpirers: Record<string, Expirer> = {
  battle: (tx, key) => {
    const battle = tx.state.battles.get(key.slice(BATTLE_DEADLINE.length))
    if (battle) endBattle(tx, battle, BattleEndedReason.timeOver)
  },
  breq: (tx, key) => {
    const request = tx.state.battleRequests.get(key.slice(REQUEST_DEADLINE.length))
    const battle = request && tx.state.battles.get(request.battleId)
    if (!request || !battle) return
    endRequest(tx, battle, request, 'timeout')
    dropIfUnanswered(tx, battle.battleId)
  },
}

/**
 * The battle part of a session view: the room's running battle (a pending one only for its inviter)
 * and, for the room's owner, the invitations they must answer.
 */
export function battleSessionView(state: ModelState, liveId: LiveId, userId: UserId): Pick<LiveSessionView, 'battle' | 'battleRequests'> {
  const room = state.rooms.get(liveId)
  const battle = room?.battleId ? state.battles.get(room.battleId) : undefined
  const visible = battle && (battle.status === 'running' || battle.inviterId === userId)
  const isOwner = room !== undefined && room.ownerId === userId
  return {
    battle: visible ? battleView(state, battle) : null,
    battleRequests: isOwner ? invitationsOf(state, userId).map(({ battle: b, request }) => requestView(state, b, request)) : [],
  }
}
