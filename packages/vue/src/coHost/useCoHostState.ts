import type { ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
import { activeActions, pick, refsOf } from '../core/expose'
import type { CoHostStatus, RequestHostConnectionParams, TUIConnectionCode } from '../types/coHost'
import type { PendingSeatUserInfo, SeatUserInfo } from '../types/user'
import type { CoHostEventInfoMap } from './events'
import { useCoHostStore, type CoHostLiveParams } from './store'

/** What `useCoHostState()` returns. Timeouts are seconds (0 = none). */
export interface UseCoHostStateReturn extends EventApi<CoHostEventInfoMap> {
  /** Connected iff this user is one of the `connected` hosts (audience of a connected live: Disconnected) */
  coHostStatus: ComputedRef<CoHostStatus>
  /** every host of the current live's connection, its own host included, in join order */
  connected: ComputedRef<readonly SeatUserInfo[]>
  /** the host whose request to me waits for an answer; `expiresAt` (ours) is that request's deadline */
  applicant: ComputedRef<PendingSeatUserInfo | null>
  /** hosts I asked who have not answered; `expiresAt` (ours) is each request's deadline */
  invitees: ComputedRef<readonly PendingSeatUserInfo[]>
  /** hosts of other lives I could invite (`getCoHostCandidates`) */
  candidates: ComputedRef<readonly SeatUserInfo[]>
  /** next candidates page; '' = no more */
  candidatesCursor: ComputedRef<string>
  /** liveIds whose audio I muted (`muteRemoteHostAudio`) */
  mutedHosts: ComputedRef<readonly string[]>
  /** Resolves with the target live's code; non-success codes are returned, not thrown. `userInfo` is not needed: the hub knows the target. */
  requestHostConnection(params: RequestHostConnectionParams): Promise<Map<string, TUIConnectionCode>>
  cancelHostConnection(params: CoHostLiveParams): Promise<void>
  acceptHostConnection(params: CoHostLiveParams): Promise<void>
  rejectHostConnection(params: CoHostLiveParams): Promise<void>
  exitHostConnection(): Promise<void>
  getCoHostCandidates(cursor?: string): Promise<void>
  muteRemoteHostAudio(liveId: string, isMuted: boolean): Promise<void>
}

/** The actions `useCoHostState()` hands out, also as `coHostActions`. */
const ACTIONS = [
  'requestHostConnection', 'cancelHostConnection', 'acceptHostConnection', 'rejectHostConnection', 'exitHostConnection',
  'getCoHostCandidates', 'muteRemoteHostAudio'
] as const

/**
 * Host-to-host connections between lives (co-host).
 * @example
 * const { requestHostConnection, subscribeEvent } = useCoHostState()
 * subscribeEvent(CoHostEvent.onCoHostRequestAccepted, ({ invitee }) => console.log(invitee.liveId))
 * const codes = await requestHostConnection({ liveId: 'live2', timeout: 30 })
 */
export function useCoHostState(): UseCoHostStateReturn {
  const store = useCoHostStore()
  return {
    ...refsOf(store, ['coHostStatus', 'connected', 'applicant', 'invitees', 'candidates', 'candidatesCursor', 'mutedHosts']),
    ...pick(store, ACTIONS),
    ...scopedEvents<CoHostEventInfoMap>(store),
  }
}

/** The co-host actions outside components: they act on the active app (the active Pinia). */
export const coHostActions: Pick<UseCoHostStateReturn, (typeof ACTIONS)[number]> = activeActions(useCoHostStore, ACTIONS)
