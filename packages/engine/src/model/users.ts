import { ErrorCode } from '../errors'
import { requireRoom, requireUser, seatIndexOf } from './access'
import { announceProfile, dropUserCalls } from './calls'
import { leaveLive } from './leaving'
import type { Handlers } from './reduce'
import { sendSeats } from './seating'
import { fail, requireText, send, type Tx } from './tx'
import { CallEndReason, LiveKickedOutReason, type UserProfile } from './types'
import { memberView } from './views'

/** The userIds TRTC recommends (it does not check them itself). */
const USER_ID = /^[A-Za-z0-9_-]{1,32}$/
const MAX_USER_NAME = 64
const MAX_AVATAR_URL = 1024

/** The profile fields a command sets, validated. */
function profilePatch(input: { readonly userName?: unknown; readonly avatarUrl?: unknown }): Partial<UserProfile> {
  return {
    ...(input.userName !== undefined && { userName: requireText(input.userName, 'userName', MAX_USER_NAME) }),
    ...(input.avatarUrl !== undefined && { avatarUrl: requireText(input.avatarUrl, 'avatarUrl', MAX_AVATAR_URL) }),
  }
}

/** Logout and disconnect: leave the live as `live.leave` would, hang up any call, then forget the user. */
function signOff(tx: Tx): void {
  const { userId } = requireUser(tx)
  leaveLive(tx, userId, 'left')
  dropUserCalls(tx, userId, CallEndReason.Hangup)
  tx.state = { ...tx.state, users: tx.state.users.delete(userId) }
}

/** Session commands: login, logout, disconnect, profile. The actor is the user the transport vouches for. */
export const userHandlers: Handlers = {
  'user.login': (tx, command) => {
    const userId = tx.ctx.actor
    if (typeof userId !== 'string' || !USER_ID.test(userId)) fail(ErrorCode.INVALID_ARGUMENT, `userId must be 1–32 letters, digits, "_" or "-", got "${userId}"`)
    const profile = { userId, userName: '', avatarUrl: '', ...profilePatch(command) }
    // one session per user: the older one is kicked out of its live and call, then offline
    if (tx.state.users.has(userId)) {
      leaveLive(tx, userId, LiveKickedOutReason.byLoggedOnOtherDevice)
      dropUserCalls(tx, userId, CallEndReason.EndByServer)
      send(tx, [userId], { type: 'user.kickedOffline' })
    }
    tx.state = { ...tx.state, users: tx.state.users.set(userId, { ...profile, liveId: null }) }
  },

  'user.logout': signOff,

  'user.disconnect': signOff,

  'user.updateProfile': (tx, command) => {
    const user = { ...requireUser(tx), ...profilePatch(command) }
    tx.state = { ...tx.state, users: tx.state.users.set(user.userId, user) }
    announceProfile(tx, user.userId)
    if (!user.liveId) return
    const room = requireRoom(tx.state, user.liveId)
    send(tx, { room: user.liveId }, { type: 'member.changed', liveId: user.liveId, member: memberView(tx.state, room.members.get(user.userId)!) })
    if (seatIndexOf(room, user.userId) >= 0) sendSeats(tx, user.liveId) // seat views show the profile
  },
}
