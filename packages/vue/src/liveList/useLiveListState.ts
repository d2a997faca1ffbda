import type { ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
import { activeActions, pick, refsOf } from '../core/expose'
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

/** The actions `useLiveListState()` hands out, also as `liveListActions`. */
const ACTIONS = [
  'startLive', 'createLive', 'joinLive', 'leaveLive', 'endLive', 'updateLiveInfo', 'fetchLiveList', 'fetchLiveInfo', 'queryMetaData',
  'updateLiveMetaData', 'reset'
] as const

/**
 * Live rooms: list, current live, start/join/leave/end.
 * @example
 * const { startLive, currentLive } = useLiveListState()
 * await startLive({ liveId: 'live1', liveName: 'My live' })
 */
export function useLiveListState(): UseLiveListStateReturn {
  const store = useLiveListStore()
  return {
    ...refsOf(store, ['liveList', 'liveListCursor', 'currentLive']),
    ...pick(store, ACTIONS),
    ...scopedEvents<LiveListEventInfoMap>(store),
  }
}

/** The live list actions outside components: they act on the active app (the active Pinia). */
export const liveListActions: Pick<UseLiveListStateReturn, (typeof ACTIONS)[number]> = activeActions(useLiveListStore, ACTIONS)
