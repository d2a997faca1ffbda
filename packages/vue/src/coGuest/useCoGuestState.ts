import type { ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
import { pick, refsOf } from '../core/expose'
import type { ApplyForSeatParams, CancelInvitationParams, InvitationResponseParams, InviteToSeatParams } from '../types/coGuest'
import type { UserIdParams } from '../types/seat'
import type { LiveUserInfo, PendingUserInfo, SeatUserInfo } from '../types/user'
import type { CoGuestEventInfoMap } from './events'
import { useCoGuestStore } from './store'

/** What `useCoGuestState()` returns. Timeouts are seconds (0 = none). */
export interface UseCoGuestStateReturn extends EventApi<CoGuestEventInfoMap> {
  /** users on the current live's seats, owner included */
  connected: ComputedRef<readonly SeatUserInfo[]>
  /** pending applications: all of them for owner/admins, the own one for an applicant; `expiresAt` is ours */
  applicants: ComputedRef<readonly PendingUserInfo[]>
  /** pending invitations: the invitees for owner/admins, the inviter for the invited user; `expiresAt` is ours */
  invitees: ComputedRef<readonly PendingUserInfo[]>
  /** members not on a seat (whom a host can invite) */
  candidates: ComputedRef<readonly LiveUserInfo[]>
  applyForSeat(params: ApplyForSeatParams): Promise<void>
  cancelApplication(): Promise<void>
  acceptApplication(params: UserIdParams): Promise<void>
  rejectApplication(params: UserIdParams): Promise<void>
  inviteToSeat(params: InviteToSeatParams): Promise<void>
  cancelInvitation(params: CancelInvitationParams): Promise<void>
  acceptInvitation(params: InvitationResponseParams): Promise<void>
  rejectInvitation(params: InvitationResponseParams): Promise<void>
  /** leaves the own seat */
  disConnect(): Promise<void>
  /** alias of `disConnect` (the Flutter spelling) */
  disconnect(): Promise<void>
}

/**
 * Audience members joining the host on seats: applications and invitations.
 * @example
 * const { applyForSeat, subscribeEvent } = useCoGuestState()
 * subscribeEvent(CoGuestEvent.onGuestApplicationResponded, ({ isAccept }) => console.log(isAccept))
 * await applyForSeat({ seatIndex: -1, timeout: 30 })
 */
export function useCoGuestState(): UseCoGuestStateReturn {
  const store = useCoGuestStore()
  return {
    ...refsOf(store, ['connected', 'applicants', 'invitees', 'candidates']),
    ...pick(store, [
      'applyForSeat', 'cancelApplication', 'acceptApplication', 'rejectApplication', 'inviteToSeat', 'cancelInvitation', 'acceptInvitation',
      'rejectInvitation', 'disConnect'
    ]),
    disconnect: store.disConnect,
    ...scopedEvents<CoGuestEventInfoMap>(store),
  }
}
