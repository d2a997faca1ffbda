import { describe, expectTypeOf, it } from 'vitest'
import { CoHostEvent, type PendingSeatUserInfo, type SeatUserInfo, type TUIConnectionCode } from '../types'
import { useCoHostState } from './useCoHostState'

describe('useCoHostState types', () => {
  const { subscribeEvent, requestHostConnection, applicant } = useCoHostState()

  it('gives each event its payload', () => {
    subscribeEvent(CoHostEvent.onCoHostRequestReceived, (info) => expectTypeOf(info).toEqualTypeOf<{ inviter: SeatUserInfo; extensionInfo: string }>())
    subscribeEvent(CoHostEvent.onCoHostUserLeft, (info) => expectTypeOf(info).toEqualTypeOf<{ userInfo: SeatUserInfo }>())
    expectTypeOf(subscribeEvent(CoHostEvent.onCoHostRequestAccepted, () => {})).toEqualTypeOf<() => void>()
  })

  it('keeps the co-guest members of CoHostEvent on the co-guest bus', () => {
    // @ts-expect-error onGuestApplicationReceived is a co-guest event: subscribe with useCoGuestState()
    subscribeEvent(CoHostEvent.onGuestApplicationReceived, () => {})
  })

  it('returns codes per live and exposes read-only state', () => {
    expectTypeOf(requestHostConnection).returns.resolves.toEqualTypeOf<Map<string, TUIConnectionCode>>()
    expectTypeOf(applicant.value).toEqualTypeOf<PendingSeatUserInfo | null>()
    expectTypeOf(applicant.value).toExtend<SeatUserInfo | null>() // still the anchor's shape
  })
})
