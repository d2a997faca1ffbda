import { describe, expectTypeOf, it } from 'vitest'
import { BattleEvent, type BattleEndedReason, type BattleInfo, type SeatUserInfo, type TUIBattleCode } from '../types'
import { useBattleState } from './useBattleState'

describe('useBattleState types', () => {
  const { subscribeEvent, requestBattle, battleScore, battleRequests } = useBattleState()

  it('gives each event its payload', () => {
    subscribeEvent(BattleEvent.onBattleEnded, (info) => expectTypeOf(info).toEqualTypeOf<{ battleInfo: BattleInfo; reason: BattleEndedReason }>())
    subscribeEvent(BattleEvent.onBattleRequestReceived, (info) => expectTypeOf(info.inviter).toEqualTypeOf<SeatUserInfo>())
  })

  it('resolves requestBattle with the battle and per-invitee codes', () => {
    expectTypeOf(requestBattle).returns.resolves.toEqualTypeOf<{ battleId: string; result: Record<string, TUIBattleCode> }>()
    expectTypeOf(battleScore.value).toEqualTypeOf<ReadonlyMap<string, number>>()
    expectTypeOf(battleRequests.value[0]!.expiresAt).toEqualTypeOf<number | null>()
  })
})
