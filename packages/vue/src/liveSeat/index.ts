export type { LiveSeatEventInfoMap } from './events'
export { useLiveSeatState } from './useLiveSeatState'
export type { UseLiveSeatStateReturn } from './useLiveSeatState'
