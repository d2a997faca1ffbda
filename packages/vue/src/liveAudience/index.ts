export type { LiveAudienceEventInfoMap } from './events'
export { liveAudienceActions, useLiveAudienceState } from './useLiveAudienceState'
export type { UseLiveAudienceStateReturn } from './useLiveAudienceState'
