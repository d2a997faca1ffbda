import type { BattleRequestView, BattleView, RequestOutcome } from '@atomicx-vue/engine'
import type { Emission } from '../core/events'
import { toCoHostUser } from '../coHost/transitions'
import { BattleEvent, type BattleInfo } from '../types/battle'
import type { SeatUserInfo } from '../types/user'
import type { BattleEventInfoMap, BattleRequestEventInfo, BattleRequestInfo } from './events'

type BattleEmission = Emission<BattleEventInfoMap>

/** The battle state of one live. */
export interface BattleState {
  readonly info: BattleInfo | undefined
  /** inviter first */
  readonly users: readonly SeatUserInfo[]
  readonly scores: ReadonlyMap<string, number>
}

export const NO_BATTLE: BattleState = { info: undefined, users: [], scores: new Map() }

/** The public part of a battle. */
export function toBattleInfo(battle: BattleView): BattleInfo {
  return { battleId: battle.battleId, config: { ...battle.config }, startTime: battle.startTime, endTime: battle.endTime }
}

/** The state a running battle shows; a pending one (only its inviter sees it) shows nothing yet. */
export function battleState(battle: BattleView | null): BattleState {
  if (battle?.status !== 'running') return NO_BATTLE
  return { info: toBattleInfo(battle), users: battle.users.map(toCoHostUser), scores: new Map(Object.entries(battle.scores)) }
}

function requestInfo(request: BattleRequestView): BattleRequestEventInfo {
  return { battleId: request.battleId, inviter: toCoHostUser(request.inviter), invitee: toCoHostUser(request.invitee) }
}

/** A request in `battleRequests`: the event's fields plus its deadline. */
export function toBattleRequest(request: BattleRequestView): BattleRequestInfo {
  return { ...requestInfo(request), expiresAt: request.expiresAt }
}

/** The invitee hears about a new request; the inviter already knows. */
export function requestAddedEmissions(request: BattleRequestView, me: string): BattleEmission[] {
  return request.invitee.userId === me ? [{ event: BattleEvent.onBattleRequestReceived, info: requestInfo(request) }] : []
}

/**
 * What an ended request tells each host. Nobody hears about what they did themselves (`leaving`: this
 * host is leaving its connection or live, so `left` is its own doing).
 */
export function requestEndedEmissions(request: BattleRequestView, outcome: RequestOutcome, me: string, leaving: boolean): BattleEmission[] {
  const info = requestInfo(request)
  const gone = outcome === 'left' && !leaving
  if (outcome === 'timeout') return [{ event: BattleEvent.onBattleRequestTimeout, info }]
  if (request.invitee.userId === me) {
    return outcome === 'cancelled' || gone ? [{ event: BattleEvent.onBattleRequestCancelled, info }] : []
  }
  if (outcome === 'accepted') return [{ event: BattleEvent.onBattleRequestAccept, info }]
  if (outcome === 'rejected' || gone) return [{ event: BattleEvent.onBattleRequestReject, info }]
  return []
}

/** `onBattleStarted`: the inviter and the hosts who joined at the start. */
export function startedEmission(battle: BattleView): BattleEmission {
  const invitees = battle.users.filter((user) => user.userId !== battle.inviter.userId).map(toCoHostUser)
  return { event: BattleEvent.onBattleStarted, info: { battleInfo: toBattleInfo(battle), inviter: toCoHostUser(battle.inviter), invitees } }
}
