export type { LiveListEventInfoMap } from './events'
export { liveListActions, useLiveListState } from './useLiveListState'
export type { UseLiveListStateReturn } from './useLiveListState'
