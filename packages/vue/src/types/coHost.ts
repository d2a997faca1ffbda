import { CoHostLayoutTemplate } from '@atomicx-vue/engine'
import { HostEvent } from './coGuest'
import type { LiveUserInfo } from './user'

/** Co-host layouts: `HostDynamicGrid = 600`, `HostDynamic1v6 = 601`, `HostVideoLandscapeFixed2Seats = 400`. */
export { CoHostLayoutTemplate }

/** Whether the logged-in host is in a co-host connection. */
export enum CoHostStatus { Connected = 'Connected', Disconnected = 'Disconnected' }

/**
 * Co-host events, plus the co-guest host-side members the seed docs use with `useCoGuestState().subscribeEvent`
 * (same values as `HostEvent`, so both spellings reach the same listeners).
 */
export enum CoHostEvent {
  onCoHostRequestReceived = 'onCoHostRequestReceived',
  onCoHostRequestCancelled = 'onCoHostRequestCancelled',
  onCoHostRequestAccepted = 'onCoHostRequestAccepted',
  onCoHostRequestRejected = 'onCoHostRequestRejected',
  onCoHostRequestTimeout = 'onCoHostRequestTimeout',
  onCoHostUserJoined = 'onCoHostUserJoined',
  onCoHostUserLeft = 'onCoHostUserLeft',
  onGuestApplicationReceived = HostEvent.onGuestApplicationReceived,
  onGuestApplicationCancelled = HostEvent.onGuestApplicationCancelled,
  onGuestApplicationProcessedByOtherHost = HostEvent.onGuestApplicationProcessedByOtherHost,
  onHostInvitationResponded = HostEvent.onHostInvitationResponded,
  onHostInvitationNoResponse = HostEvent.onHostInvitationNoResponse,
}

/** Per-target result of `requestHostConnection`. */
export enum TUIConnectionCode {
  TUIConnectionCodeUnknown = -1,
  TUIConnectionCodeSuccess = 0,
  TUIConnectionCodeRoomNotExist = 1,
  TUIConnectionCodeConnecting = 2,
  TUIConnectionCodeConnectingOtherRoom = 3,
  TUIConnectionCodeFull = 4,
  TUIConnectionCodeRetry = 5,
  TUIConnectionCodeRoomMismatch = 6,
}

/** Legacy connection status (unused by the composables). */
export enum ConnectionStatus {
  On = 'On',
  Off = 'Off',
  OffInvitationPending = 'OffInvitationPending',
  OffApplicationPending = 'OffApplicationPending',
}

/** `requestHostConnection()` parameters: `timeout` in seconds, 0 = none. */
export interface RequestHostConnectionParams {
  liveId: string
  layoutTemplate?: CoHostLayoutTemplate
  timeout: number
  extensionInfo?: string
  userInfo?: LiveUserInfo
}
