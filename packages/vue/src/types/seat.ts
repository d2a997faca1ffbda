import { MoveSeatPolicy } from '@atomicx-vue/engine'
import type { NetworkQuality } from './device'
import type { SeatUserInfo } from './user'

/** What `moveUserToSeat` does with an occupied target: `AbortWhenOccupied = 0`, `ForceReplace = 1`, `SwapPosition = 2`. */
export { MoveSeatPolicy }

/** How an admin "opens" a guest's device: it only unlocks it, the guest decides to open it. */
export enum DeviceControlPolicy { UnlockOnly = 1 }

/** Events of `useLiveSeatState`, to the seated user whose device an admin opened or closed. */
export enum LiveSeatEvent {
  onLocalCameraOpenedByAdmin = 'onLocalCameraOpenedByAdmin',
  onLocalCameraClosedByAdmin = 'onLocalCameraClosedByAdmin',
  onLocalMicrophoneOpenedByAdmin = 'onLocalMicrophoneOpenedByAdmin',
  onLocalMicrophoneClosedByAdmin = 'onLocalMicrophoneClosedByAdmin',
}

/** Legacy seat status of a user (unused by the composables). */
export enum SeatStatus {
  On = 'On',
  Off = 'Off',
  OffNeedPermission = 'OffNeedPermission',
  OffInvitationPending = 'OffInvitationPending',
  OffApplicationPending = 'OffApplicationPending',
}

/** A seat's place on the layout canvas, in canvas pixels. */
export interface RegionInfo {
  x: number
  y: number
  w: number
  h: number
  zOrder: number
}

/** The layout canvas. */
export interface LiveCanvas {
  width: number
  height: number
  background: string
}

/** One seat of the current live (or a co-host partner's host seat). */
export interface SeatInfo {
  index: number
  isLocked: boolean
  isAudioLocked: boolean
  isVideoLocked: boolean
  /** An empty seat has a `userInfo` whose `userId` is '' (like the anchor): test `userInfo.userId`. */
  userInfo: SeatUserInfo
  /** where the seat is drawn; undefined when the layout does not show it (an empty dynamic-grid seat) */
  region?: RegionInfo
}

/** Stream statistics of one user (`userID ''` = local). */
export interface AVStatistics {
  userID: string
  videoBitrate: number
  videoWidth: number
  videoHeight: number
  frameRate: number
  audioSampleRate: number
  audioBitrate: number
}

/** A user's network quality: loss in %, delay in ms. */
export interface NetworkInfo {
  userId: string
  quality: NetworkQuality
  upLoss: number
  downLoss: number
  delay: number
}

/** `takeSeat`, `lockSeat`, `unlockSeat` parameters. */
export interface SeatIndexParams {
  seatIndex: number
}

/** Parameters naming one user. */
export interface UserIdParams {
  userId: string
}

/** `moveUserToSeat()` parameters; `policy` defaults to `AbortWhenOccupied`. */
export interface MoveUserToSeatParams {
  userId: string
  targetIndex: number
  policy?: MoveSeatPolicy
}

/** `openRemoteCamera` / `openRemoteMicrophone` parameters. */
export interface OpenRemoteDeviceParams {
  userId: string
  policy?: DeviceControlPolicy
}

/** Where to play video: an element or its id. */
export type ViewTarget = string | HTMLElement

/** `startPlayStream()` parameters. */
export interface StartPlayStreamParams {
  view: ViewTarget
}

/** `playUserVideo()` parameters. */
export interface PlayUserVideoParams {
  userId: string
  view: ViewTarget
  /** the camera (default) or the screen share */
  source?: 'camera' | 'screen'
}

/** `stopUserVideo()` parameters. */
export interface StopUserVideoParams {
  userId: string
  source?: 'camera' | 'screen'
}
