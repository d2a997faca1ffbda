export type { CoHostEventInfoMap } from './events'
export { coHostActions, useCoHostState } from './useCoHostState'
export type { CoHostLiveParams } from './store'
export type { UseCoHostStateReturn } from './useCoHostState'
