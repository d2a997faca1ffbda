import type { ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
import { activeActions, pick, refsOf } from '../core/expose'
import type { BattleInfo } from '../types/battle'
import type { SeatUserInfo } from '../types/user'
import type { BattleEventInfoMap, BattleRequestInfo } from './events'
import { useBattleStore, type BattleIdParams, type CancelBattleRequestParams, type RequestBattleParams, type RequestBattleResult } from './store'

/** What `useBattleState()` returns. Durations and timeouts are seconds. */
export interface UseBattleStateReturn extends EventApi<BattleEventInfoMap> {
  /** the running battle of the current live, undefined when none */
  currentBattleInfo: ComputedRef<BattleInfo | undefined>
  /** battling hosts, inviter first */
  battleUsers: ComputedRef<readonly SeatUserInfo[]>
  /** score per battling host's userId */
  battleScore: ComputedRef<ReadonlyMap<string, number>>
  /** ours: battle requests waiting for my answer, oldest first, each with its `expiresAt` */
  battleRequests: ComputedRef<readonly BattleRequestInfo[]>
  requestBattle(params: RequestBattleParams): Promise<RequestBattleResult>
  cancelBattleRequest(params: CancelBattleRequestParams): Promise<void>
  acceptBattle(params: BattleIdParams): Promise<void>
  rejectBattle(params: BattleIdParams): Promise<void>
  exitBattle(params: BattleIdParams): Promise<void>
}

/** The actions `useBattleState()` hands out, also as `battleActions`. */
const ACTIONS = ['requestBattle', 'cancelBattleRequest', 'acceptBattle', 'rejectBattle', 'exitBattle'] as const

/**
 * Battles (PK) between connected hosts.
 * @example
 * const { requestBattle, battleScore } = useBattleState()
 * const { battleId } = await requestBattle({ config: { duration: 300, needResponse: true, extensionInfo: '' }, userIdList: ['host2'], timeout: 10 })
 */
export function useBattleState(): UseBattleStateReturn {
  const store = useBattleStore()
  return {
    ...refsOf(store, ['currentBattleInfo', 'battleUsers', 'battleScore', 'battleRequests']),
    ...pick(store, ACTIONS),
    ...scopedEvents<BattleEventInfoMap>(store),
  }
}

/** The battle actions outside components: they act on the active app (the active Pinia). */
export const battleActions: Pick<UseBattleStateReturn, (typeof ACTIONS)[number]> = activeActions(useBattleStore, ACTIONS)
