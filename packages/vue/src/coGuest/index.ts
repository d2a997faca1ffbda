export type { CoGuestEventInfoMap } from './events'
export { useCoGuestState } from './useCoGuestState'
export type { UseCoGuestStateReturn } from './useCoGuestState'
