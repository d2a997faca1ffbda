import { computed, type ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
import type {
  FetchLiveListParams, JoinLiveParams, LiveInfo, QueryMetaDataParams, StartLiveParams, UpdateLiveInfoParams, UpdateLiveMetaDataParams,
} from '../types/live'
import type { LiveListEventInfoMap } from './events'
import { useLiveListStore } from './store'

/** What `useLiveListState()` returns. */
export interface UseLiveListStateReturn extends EventApi<LiveListEventInfoMap> {
  /** public lives fetched so far */
  liveList: ComputedRef<readonly LiveInfo[]>
  /** next page cursor; '' = no more */
  liveListCursor: ComputedRef<string>
  /** the live this user is in, null when none (after leave/end too) */
  currentLive: ComputedRef<LiveInfo | null>
  startLive(params: StartLiveParams): Promise<void>
  /** @deprecated alias of `startLive` */
  createLive(params: StartLiveParams): Promise<void>
  joinLive(params: JoinLiveParams): Promise<void>
  leaveLive(): Promise<void>
  endLive(): Promise<void>
  updateLiveInfo(params: UpdateLiveInfoParams): Promise<void>
  fetchLiveList(params?: FetchLiveListParams): Promise<void>
  fetchLiveInfo(liveId: string): Promise<LiveInfo>
  queryMetaData(params: QueryMetaDataParams): Promise<Record<string, string>>
  updateLiveMetaData(params: UpdateLiveMetaDataParams): Promise<void>
  reset(): void
}

/**
 * Live rooms: list, current live, start/join/leave/end.
 * @example
 * const { startLive, currentLive } = useLiveListState()
 * await startLive({ liveId: 'live1', liveName: 'My live' })
 */
export function useLiveListState(): UseLiveListStateReturn {
  const store = useLiveListStore()
  return {
    liveList: computed(() => store.liveList),
    liveListCursor: computed(() => store.liveListCursor),
    currentLive: computed(() => store.currentLive),
    startLive: store.startLive,
    createLive: store.createLive,
    joinLive: store.joinLive,
    leaveLive: store.leaveLive,
    endLive: store.endLive,
    updateLiveInfo: store.updateLiveInfo,
    fetchLiveList: store.fetchLiveList,
    fetchLiveInfo: store.fetchLiveInfo,
    queryMetaData: store.queryMetaData,
    updateLiveMetaData: store.updateLiveMetaData,
    reset: store.reset,
    ...scopedEvents<LiveListEventInfoMap>(store),
  }
}

/** The live list actions outside components: they act on the active app (the active Pinia). */
export const liveListActions = {
  startLive: (params: StartLiveParams): Promise<void> => useLiveListStore().startLive(params),
  createLive: (params: StartLiveParams): Promise<void> => useLiveListStore().startLive(params),
  joinLive: (params: JoinLiveParams): Promise<void> => useLiveListStore().joinLive(params),
  leaveLive: (): Promise<void> => useLiveListStore().leaveLive(),
  endLive: (): Promise<void> => useLiveListStore().endLive(),
  updateLiveInfo: (params: UpdateLiveInfoParams): Promise<void> => useLiveListStore().updateLiveInfo(params),
  fetchLiveList: (params?: FetchLiveListParams): Promise<void> => useLiveListStore().fetchLiveList(params),
  fetchLiveInfo: (liveId: string): Promise<LiveInfo> => useLiveListStore().fetchLiveInfo(liveId),
  queryMetaData: (params: QueryMetaDataParams): Promise<Record<string, string>> => useLiveListStore().queryMetaData(params),
  updateLiveMetaData: (params: UpdateLiveMetaDataParams): Promise<void> => useLiveListStore().updateLiveMetaData(params),
  reset: (): void => useLiveListStore().reset(),
}
