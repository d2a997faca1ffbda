import type { BattleEndedReason, BattleEvent, BattleInfo } from '../types/battle'
import type { RequestDeadline } from '../types/request'
import type { SeatUserInfo } from '../types/user'

/** A battle request between two hosts. */
export interface BattleRequestEventInfo {
  battleId: string
  inviter: SeatUserInfo
  invitee: SeatUserInfo
}

/** A battle request waiting for this host's answer (`battleRequests`, ours): the event's fields plus its deadline. */
export type BattleRequestInfo = BattleRequestEventInfo & RequestDeadline

/** Payload of each `BattleEvent`. Users are hosts: `liveId` is their live. */
export interface BattleEventInfoMap {
  /** to every member of the battling lives */
  [BattleEvent.onBattleStarted]: { battleInfo: BattleInfo; inviter: SeatUserInfo; invitees: SeatUserInfo[] }
  /** to every member of the lives still battling, before the state resets (scores are still readable) */
  [BattleEvent.onBattleEnded]: { battleInfo: BattleInfo; reason: BattleEndedReason }
  /** to every member of the battling lives */
  [BattleEvent.onUserJoinBattle]: { battleId: string; battleUser: SeatUserInfo }
  /** to every member of the battling lives, the leaver's too (whose battle state then resets) */
  [BattleEvent.onUserExitBattle]: { battleId: string; battleUser: SeatUserInfo }
  /** to the invitee: answer with `acceptBattle`/`rejectBattle({ battleId })` */
  [BattleEvent.onBattleRequestReceived]: BattleRequestEventInfo
  /** to the invitee: withdrawn, its battle ended, or the inviter left */
  [BattleEvent.onBattleRequestCancelled]: BattleRequestEventInfo
  /** to inviter and invitee: nobody answered in time */
  [BattleEvent.onBattleRequestTimeout]: BattleRequestEventInfo
  /** to the inviter */
  [BattleEvent.onBattleRequestAccept]: BattleRequestEventInfo
  /** to the inviter: refused, the invitee joined another battle, or left */
  [BattleEvent.onBattleRequestReject]: BattleRequestEventInfo
}
