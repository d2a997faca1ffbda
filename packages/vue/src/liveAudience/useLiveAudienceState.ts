import { computed, type ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
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

/**
 * The audience of the current live.
 * @example
 * const { audienceList, kickUserOutOfRoom } = useLiveAudienceState()
 */
export function useLiveAudienceState(): UseLiveAudienceStateReturn {
  const store = useLiveAudienceStore()
  return {
    audienceList: computed(() => store.audienceList),
    audienceCount: computed(() => store.audienceCount),
    messageBannedUserList: computed(() => store.messageBannedUserList),
    fetchAudienceList: store.fetchAudienceList,
    setAdministrator: store.setAdministrator,
    revokeAdministrator: store.revokeAdministrator,
    kickUserOutOfRoom: store.kickUserOutOfRoom,
    disableSendMessage: store.disableSendMessage,
    ...scopedEvents<LiveAudienceEventInfoMap>(store),
  }
}

/** The audience actions outside components: they act on the active app (the active Pinia). */
export const liveAudienceActions = {
  fetchAudienceList: (): Promise<AudienceInfo[]> => useLiveAudienceStore().fetchAudienceList(),
  setAdministrator: (params: UserIdParams): Promise<void> => useLiveAudienceStore().setAdministrator(params),
  revokeAdministrator: (params: UserIdParams): Promise<void> => useLiveAudienceStore().revokeAdministrator(params),
  kickUserOutOfRoom: (params: UserIdParams): Promise<void> => useLiveAudienceStore().kickUserOutOfRoom(params),
  disableSendMessage: (params: DisableSendMessageParams): Promise<void> => useLiveAudienceStore().disableSendMessage(params),
}
