import type {
  Application, ApplicationView, Invitation, InvitationView, LiveId, LiveInfoView, Member, MemberView, ModelState, Room, SeatView,
  UserId, UserProfile,
} from './types'
import { RoomRole } from './types'

/** A user's public profile; a user who logged out keeps their id with empty fields. */
export function profileOf(state: ModelState, userId: UserId): UserProfile {
  const user = state.users.get(userId)
  return user ? { userId, userName: user.userName, avatarUrl: user.avatarUrl } : { userId, userName: '', avatarUrl: '' }
}

/** A live's public info, with its owner's profile and member count. */
export function liveInfoView(state: ModelState, room: Room): LiveInfoView {
  return { ...room.info, owner: profileOf(state, room.ownerId), memberCount: room.members.size }
}

/** A member as the protocol shows it. */
export function memberView(state: ModelState, member: Member): MemberView {
  return { ...profileOf(state, member.userId), role: member.role, isMessageDisabled: member.isMessageDisabled, joinedAt: member.joinedAt }
}

/** Every seat of a room, in index order, as the protocol shows it. */
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

/** The pending application of `userId` in `room`, or null. */
export function applicationView(state: ModelState, room: Room, userId: UserId): ApplicationView | null {
  const application = room.applications.get(userId)
  return application ? toApplicationView(state, room.info.liveId, application) : null
}

/** An application record as the protocol shows it. */
export function toApplicationView(state: ModelState, liveId: LiveId, application: Application): ApplicationView {
  return {
    liveId,
    user: profileOf(state, application.userId),
    seatIndex: application.seatIndex,
    createdAt: application.createdAt,
    expiresAt: application.expiresAt,
  }
}

/** The pending invitation of `inviteeId` in `room`, or null. */
export function invitationView(state: ModelState, room: Room, inviteeId: UserId): InvitationView | null {
  const invitation = room.invitations.get(inviteeId)
  return invitation ? toInvitationView(state, room.info.liveId, invitation) : null
}

/** An invitation record as the protocol shows it. */
export function toInvitationView(state: ModelState, liveId: LiveId, invitation: Invitation): InvitationView {
  return {
    liveId,
    inviter: profileOf(state, invitation.inviterId),
    invitee: profileOf(state, invitation.inviteeId),
    seatIndex: invitation.seatIndex,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  }
}
