import { BattleCode, BattleEndedReason } from '@atomicx-vue/engine'

/** Why a battle ended: `timeOver = 0`, `allMemberExit = 1` (the anchor maps these backwards; we do not). */
export { BattleEndedReason }
/** Per-invitee result of `requestBattle`: `Unknown = -1`, `Success = 0`, `RoomNotExist = 1`, … */
export { BattleCode as TUIBattleCode }

/** Battle events, to every member of the battling rooms (request events: to inviter and invitee). */
export enum BattleEvent {
  onBattleStarted = 'onBattleStarted',
  onBattleEnded = 'onBattleEnded',
  onUserJoinBattle = 'onUserJoinBattle',
  onUserExitBattle = 'onUserExitBattle',
  onBattleRequestReceived = 'onBattleRequestReceived',
  onBattleRequestCancelled = 'onBattleRequestCancelled',
  onBattleRequestTimeout = 'onBattleRequestTimeout',
  onBattleRequestAccept = 'onBattleRequestAccept',
  onBattleRequestReject = 'onBattleRequestReject',
}

/** Legacy battle status (unused by the composables). */
export enum BattleStatus {
  On = 'On',
  Off = 'Off',
  OffInvitationPending = 'OffInvitationPending',
  OffApplicationPending = 'OffApplicationPending',
}

/** How a battle runs: `duration` in seconds. */
export interface BattleConfig {
  duration: number
  needResponse: boolean
  extensionInfo: string
}

/** A running battle: `startTime`/`endTime` in unix seconds. */
export interface BattleInfo {
  battleId: string
  config: BattleConfig
  startTime: number
  endTime: number
}
