import { OrderedMap } from 'immutable'
import { ErrorCode } from '../errors'
import { putRoom, requireHost, requireInRoom, requireOwner, requireRoom, requireUser, setUserLive } from './access'
import { endLive, leaveLive } from './leaving'
import { DEFAULT_LAYOUT, SEATS_BY_LAYOUT, infoPatch, requireLiveId, requireSeatCount } from './liveInfo'
import { memberHandlers } from './members'
import type { Handlers } from './reduce'
import { emptySeat, sendSeats } from './seating'
import { fail, nextSeq, requireString, send } from './tx'
import { LiveEndedReason, RoomRole, SeatMode, type Member, type Room } from './types'
import { liveInfoView, memberView } from './views'

export { endLive, leaveLive, removeMember, type ExitReason } from './leaving'

/** The most metadata keys a live holds. */
export const MAX_METADATA_KEYS = 64

/** A metadata change as entries: keys of 1–50 characters, string values of at most 2048 ('' deletes the key). */
function requireMetadata(value: unknown): [string, string][] {
  const entries = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : null
  if (!entries?.every(([key, v]) => key.length >= 1 && key.length <= 50 && typeof v === 'string' && v.length <= 2048)) {
    fail(ErrorCode.INVALID_ARGUMENT, 'metadata must map keys of 1–50 characters to strings of at most 2048')
  }
  return entries as [string, string][]
}

/** Live room commands: start, join, leave, end, info and metadata; plus the member commands. */
export const liveHandlers: Handlers = {
  'live.start': (tx, command) => {
    const user = requireUser(tx)
    if (user.liveId) fail(ErrorCode.ALREADY_IN_ROOM, `You are in live "${user.liveId}": call leaveLive() first`)
    const liveId = requireLiveId(command.liveId)
    const patch = infoPatch(command)
    const layoutTemplate = patch.layoutTemplate ?? DEFAULT_LAYOUT
    const maxSeatCount = command.maxSeatCount === undefined ? SEATS_BY_LAYOUT.get(layoutTemplate)! : requireSeatCount(command.maxSeatCount)
    if (tx.state.rooms.has(liveId)) fail(ErrorCode.ROOM_ALREADY_EXISTS, `Live "${liveId}" is already running`)
    const now = tx.ctx.now
    // one sequence number orders the room among lives and its owner among its members
    const seq = nextSeq(tx)
    const seats = Array.from({ length: maxSeatCount }, (_, index) => emptySeat(index))
    seats[0] = { ...seats[0]!, userId: user.userId, onSeatAt: now } // the owner keeps seat 0
    const owner: Member = { userId: user.userId, seq, role: RoomRole.Owner, isMessageDisabled: false, joinedAt: now }
    const room: Room = {
      info: {
        liveId,
        liveName: liveId,
        notice: '',
        coverUrl: '',
        backgroundUrl: '',
        categoryList: [],
        activityStatus: 0,
        isPublicVisible: true,
        isMessageDisableForAllUser: false,
        isGiftEnabled: true,
        isLikeEnabled: true,
        seatMode: SeatMode.ApplyToTake,
        ...patch,
        maxSeatCount,
        layoutTemplate,
        createTime: now,
      },
      seq,
      ownerId: user.userId,
      adminIds: [],
      members: OrderedMap([[user.userId, owner]]),
      seats,
      applications: OrderedMap(),
      invitations: OrderedMap(),
      metadata: {},
      connectionId: null,
      battleId: null,
    }
    putRoom(tx, liveId, room)
    setUserLive(tx, user.userId, liveId)
    sendSeats(tx, liveId)
    return liveInfoView(tx.state, room)
  },

  'live.join': (tx, command) => {
    const user = requireUser(tx)
    if (user.liveId) fail(ErrorCode.ALREADY_IN_ROOM, `You are in live "${user.liveId}": call leaveLive() first`)
    const liveId = requireString(command.liveId, 'liveId')
    const room = requireRoom(tx.state, liveId)
    const member: Member = { userId: user.userId, seq: nextSeq(tx), role: RoomRole.GeneralUser, isMessageDisabled: false, joinedAt: tx.ctx.now }
    const joined = { ...room, members: room.members.set(user.userId, member) }
    putRoom(tx, liveId, joined)
    setUserLive(tx, user.userId, liveId)
    send(tx, { room: liveId }, { type: 'member.joined', liveId, member: memberView(tx.state, member) })
    return liveInfoView(tx.state, joined)
  },

  'live.leave': (tx) => leaveLive(tx, requireInRoom(tx).user.userId, 'left'),

  'live.end': (tx) => endLive(tx, requireOwner(tx, 'end the live').liveId, LiveEndedReason.endedByHost),

  'live.update': (tx, command) => {
    const { liveId, room } = requireHost(tx, 'update the live info')
    const updated = { ...room, info: { ...room.info, ...infoPatch(command) } }
    putRoom(tx, liveId, updated)
    send(tx, { room: liveId }, { type: 'live.infoChanged', info: liveInfoView(tx.state, updated) })
  },

  'live.setMetadata': (tx, { metadata }) => {
    const { liveId, room } = requireHost(tx, 'change the live metadata')
    const next: Record<string, string> = { ...room.metadata }
    for (const [key, value] of requireMetadata(metadata)) {
      if (value === '') delete next[key]
      else next[key] = value
    }
    if (Object.keys(next).length > MAX_METADATA_KEYS) fail(ErrorCode.INVALID_ARGUMENT, `A live holds at most ${MAX_METADATA_KEYS} metadata keys`)
    putRoom(tx, liveId, { ...room, metadata: next })
    send(tx, { room: liveId }, { type: 'live.metadataChanged', liveId, metadata: next })
  },

  ...memberHandlers,
}
