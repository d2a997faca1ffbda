import { LiveEndedReason, LiveKickedOutReason } from '@atomicx-vue/engine'

/** Why a live ended: `endedByHost = 1`, `endedByServer = 2`. */
export { LiveEndedReason }
/** Why the user was removed from a live: `byAdmin = 0`, `byLoggedOnOtherDevice = 1`, … */
export { LiveKickedOutReason }

/** Events of `useLiveListState`. */
export enum LiveListEvent {
  onLiveEnded = 'onLiveEnded',
  onKickedOutOfLive = 'onKickedOutOfLive',
}

/** The kind of room. */
export enum LiveType { kLive = 0, kChatRoom = 1 }

/** Stream orientation; landscape ⇔ layout template 200–599. */
export enum LiveOrientation { Landscape = 'landscape', Portrait = 'portrait' }

/** Seat layouts of a live (the ids double as the seat layout template id). */
export enum SeatLayoutTemplate {
  VideoDynamicGrid9Seats = 600,
  VideoDynamicFloat7Seats = 601,
  VideoFixedGrid9Seats = 800,
  VideoFixedFloat7Seats = 801,
  VideoLandscape4Seats = 200,
}

/** How audience members get a seat. */
export enum TUISeatMode { kFreeToTake = 1, kApplyToTake = 2 }

/** The owner of a live. */
export interface LiveOwnerInfo {
  userId: string
  userName: string
  avatarUrl: string
  customInfo: Record<string, string>
}

/** A live room as lists and `currentLive` show it. */
export interface LiveInfo {
  liveId: string
  liveName: string
  liveType: LiveType
  /** always '' (kept for the anchor's shape) */
  liveDescription: string
  notice: string
  categoryList?: number[]
  coverUrl: string
  backgroundUrl: string
  liveOwner: LiveOwnerInfo
  /** members in the room now, owner included */
  currentViewerCount: number
  /** same as `currentViewerCount` (the hub keeps no history) */
  totalViewerCount: number
  /** ms since epoch */
  createTime: number
  isMessageDisable: boolean
  isGiftEnabled: boolean
  isLikeEnabled: boolean
  isPublicVisible: boolean
  isSeatEnabled: boolean
  keepOwnerOnSeat: boolean
  seatMode: TUISeatMode
  maxSeatCount: number
  layoutTemplate: number
  activityStatus: number
  customInfo: Record<string, string>
  seatTemplate?: SeatLayoutTemplate
}

/** `startLive()` parameters. */
export interface StartLiveParams {
  liveId: string
  liveName: string
  notice?: string
  isMessageDisableForAllUser?: boolean
  isGiftEnabled?: boolean
  isLikeEnabled?: boolean
  isPublicVisible?: boolean
  seatMode?: TUISeatMode
  coverUrl?: string
  backgroundUrl?: string
  categoryList?: number[]
  activityStatus?: number
  /** the layout template id; `seatTemplate` wins when both are given */
  seatLayoutTemplateId?: number
  seatTemplate?: SeatLayoutTemplate
}

/** `updateLiveInfo()` parameters; before a live starts they are kept for `startLive()`. */
export interface UpdateLiveInfoParams {
  liveId?: string
  liveName?: string
  activityStatus?: number
  categoryList?: number[]
  coverUrl?: string
  backgroundUrl?: string
  isPublicVisible?: boolean
  seatTemplate?: SeatLayoutTemplate
  layoutTemplate?: number
}

/** `joinLive()` parameters. */
export interface JoinLiveParams {
  liveId: string
}

/** `fetchLiveList()` parameters: `cursor ''` (default) starts over, `count` defaults to 20. */
export interface FetchLiveListParams {
  cursor?: string
  count?: number
}

/** Payload of both `LiveListEvent`s. */
export interface LiveListEventInfo {
  liveId: string
  reason: LiveEndedReason | LiveKickedOutReason
  /** always '' */
  message: string
}

/** `queryMetaData()` parameters. */
export interface QueryMetaDataParams {
  keys: string[]
}

/** `updateLiveMetaData()` parameters. */
export interface UpdateLiveMetaDataParams {
  metaData: Record<string, string>
}
