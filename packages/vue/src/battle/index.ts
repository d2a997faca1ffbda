export type { BattleEventInfoMap, BattleRequestEventInfo, BattleRequestInfo } from './events'
export type { BattleIdParams, CancelBattleRequestParams, RequestBattleParams, RequestBattleResult } from './store'
export { battleActions, useBattleState } from './useBattleState'
export type { UseBattleStateReturn } from './useBattleState'
