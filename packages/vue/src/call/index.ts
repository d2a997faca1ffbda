export { CallEndReason, CallParticipantStatus, CallRole } from '@atomicx-vue/engine'
export { CallEvent } from './events'
export type { CallEventInfoMap } from './events'
export { CALL_VIDEO_DISPLAY_MODES, CALL_VIDEO_RESOLUTIONS, CallStatus, StatusChange } from './types'
export type {
  ActiveCall, CallError, CallParams, CallParticipant, CallsParams, CallVideoDisplayMode, CallVideoResolution, InviteUserParams, StatusChangeInfo,
} from './types'
export { useCallState } from './useCallState'
export type { UseCallStateReturn } from './useCallState'
