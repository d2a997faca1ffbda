import type {
  ApplicationView, InvitationView, LiveInfoView, Member, MemberView, ModelState, Room, SeatView, UserId, UserProfile,
} from './types'
import { RoomRole } from './types'

/** A user's public profile; a user who logged out keeps their id with empty fields. */
export function profileOf(state: ModelState, userId: UserId): UserProfile {
  const user = state.users.get(userId)
  return user ? { userId, userName: user.userName, avatarUrl: user.avatarUrl } : { userId, userName: '', avatarUrl: '' }
}

export function liveInfoView(state: ModelState, room: Room): LiveInfoView {
  return { ...room.info, owner: profileOf(state, room.ownerId), memberCount: room.members.size }
}

export function memberView(state: ModelState, member: Member): MemberView {
  return { ...profileOf(state, member.userId), role: member.role, isMessageDisabled: member.isMessageDisabled, joinedAt: member.joinedAt }
}

export function seatViews(state: ModelState, room: Room): SeatView[] {
  const liveId = room.info.liveId
  return room.seats.map((seat) => ({
    index: seat.index,
    isLocked: seat.isLocked,
    isAudioLocked: seat.isAudioLocked,
    isVideoLocked: seat.isVideoLocked,
    user: seat.userId
      ? {
          ...profileOf(state, seat.userId),
          liveId,
          role: room.members.get(seat.userId)?.role ?? RoomRole.GeneralUser,
          microphoneOn: seat.microphoneOn,
          cameraOn: seat.cameraOn,
          allowOpenMicrophone: !seat.isAudioLocked,
          allowOpenCamera: !seat.isVideoLocked,
          onSeatAt: seat.onSeatAt,
        }
      : null,
  }))
}

export function applicationView(state: ModelState, room: Room, userId: UserId): ApplicationView | null {
  const application = room.applications.get(userId)
  if (!application) return null
  return {
    liveId: room.info.liveId,
    user: profileOf(state, userId),
    seatIndex: application.seatIndex,
    createdAt: application.createdAt,
    expiresAt: application.expiresAt,
  }
}

export function invitationView(state: ModelState, room: Room, inviteeId: UserId): InvitationView | null {
  const invitation = room.invitations.get(inviteeId)
  if (!invitation) return null
  return {
    liveId: room.info.liveId,
    inviter: profileOf(state, invitation.inviterId),
    invitee: profileOf(state, inviteeId),
    seatIndex: invitation.seatIndex,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  }
}
