import { RoomRole } from '@atomicx-vue/engine'
import type { DeviceStatus } from './device'
import type { RequestDeadline } from './request'

/** A user's role in a live (= `TUIRole` values): `Owner = 0`, `Administrator = 1`, `GeneralUser = 2`. */
export { RoomRole as Role }

/** The room engine's role enum, as `AudienceInfo.userRole` uses it. */
export enum TUIRole { kRoomOwner = 0, kAdministrator = 1, kGeneralUser = 2 }

/** Whether a seated user is away (always `None` on the web). */
export enum SuspendStatus { None = 0, InBackground = 1, InCalling = 2 }

/** The three profile fields every event payload carries. */
export interface LiveUserInfo {
  userId: string
  userName: string
  avatarUrl: string
}

/** A user on a seat (or a co-host in a connection). */
export interface SeatUserInfo extends LiveUserInfo {
  /** the live the user belongs to: differs from the current live for co-host partners */
  liveId: string
  role: RoomRole
  microphoneStatus: DeviceStatus
  /** false while an admin keeps the microphone closed */
  allowOpenMicrophone: boolean
  cameraStatus: DeviceStatus
  allowOpenCamera: boolean
  userSuspendStatus: SuspendStatus
}

/** A user with a pending co-guest request (`applicants`, `invitees`): the anchor's fields plus ours, `expiresAt`. */
export type PendingUserInfo = LiveUserInfo & RequestDeadline

/** A host with a pending co-host request (`applicant`, `invitees`): the anchor's fields plus ours, `expiresAt`. */
export type PendingSeatUserInfo = SeatUserInfo & RequestDeadline
