import type { ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
import { activeActions, pick, refsOf } from '../core/expose'
import type { AudienceInfo, DisableSendMessageParams } from '../types/audience'
import type { UserIdParams } from '../types/seat'
import type { LiveUserInfo } from '../types/user'
import type { LiveAudienceEventInfoMap } from './events'
import { useLiveAudienceStore } from './store'

/** What `useLiveAudienceState()` returns. */
export interface UseLiveAudienceStateReturn extends EventApi<LiveAudienceEventInfoMap> {
  /** members of the current live other than its owner, in join order (all of them, fetched on join) */
  audienceList: ComputedRef<readonly AudienceInfo[]>
  audienceCount: ComputedRef<number>
  messageBannedUserList: ComputedRef<readonly LiveUserInfo[]>
  fetchAudienceList(): Promise<AudienceInfo[]>
  setAdministrator(params: UserIdParams): Promise<void>
  revokeAdministrator(params: UserIdParams): Promise<void>
  kickUserOutOfRoom(params: UserIdParams): Promise<void>
  disableSendMessage(params: DisableSendMessageParams): Promise<void>
}

/** The actions `useLiveAudienceState()` hands out, also as `liveAudienceActions`. */
const ACTIONS = ['fetchAudienceList', 'setAdministrator', 'revokeAdministrator', 'kickUserOutOfRoom', 'disableSendMessage'] as const

/**
 * The audience of the current live.
 * @example
 * const { audienceList, kickUserOutOfRoom } = useLiveAudienceState()
 */
export function useLiveAudienceState(): UseLiveAudienceStateReturn {
  const store = useLiveAudienceStore()
  return {
    ...refsOf(store, ['audienceList', 'audienceCount', 'messageBannedUserList']),
    ...pick(store, ACTIONS),
    ...scopedEvents<LiveAudienceEventInfoMap>(store),
  }
}

/** The audience actions outside components: they act on the active app (the active Pinia). */
export const liveAudienceActions: Pick<UseLiveAudienceStateReturn, (typeof ACTIONS)[number]> = activeActions(useLiveAudienceStore, ACTIONS)
