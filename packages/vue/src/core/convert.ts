import { RoomRole, type SeatUserView, type SeatView, type UserProfile } from '@atomicx-vue/engine'
import { DeviceStatus } from '../types/device'
import { SuspendStatus, type LiveUserInfo, type SeatUserInfo } from '../types/user'

/** The three public profile fields of a hub profile (or member, or seat user). */
export function toLiveUserInfo(user: UserProfile): LiveUserInfo {
  return { userId: user.userId, userName: user.userName, avatarUrl: user.avatarUrl }
}

/** A seated user as the public API shows it. */
export function toSeatUserInfo(user: SeatUserView): SeatUserInfo {
  return {
    ...toLiveUserInfo(user),
    liveId: user.liveId,
    role: user.role,
    microphoneStatus: user.microphoneOn ? DeviceStatus.On : DeviceStatus.Off,
    allowOpenMicrophone: user.allowOpenMicrophone,
    cameraStatus: user.cameraOn ? DeviceStatus.On : DeviceStatus.Off,
    allowOpenCamera: user.allowOpenCamera,
    userSuspendStatus: SuspendStatus.None,
  }
}

/** The `userInfo` of an empty seat: `userId ''`, like the anchor; `allowOpen*` follow the seat's locks. */
export function emptySeatUser(liveId: string, seat: SeatView): SeatUserInfo {
  return {
    userId: '',
    userName: '',
    avatarUrl: '',
    liveId,
    role: RoomRole.GeneralUser,
    microphoneStatus: DeviceStatus.Off,
    allowOpenMicrophone: !seat.isAudioLocked,
    cameraStatus: DeviceStatus.Off,
    allowOpenCamera: !seat.isVideoLocked,
    userSuspendStatus: SuspendStatus.None,
  }
}
