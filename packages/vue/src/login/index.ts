export type { LoginEventInfoMap } from './events'
export { loginActions, useLoginState } from './useLoginState'
export type { UseLoginStateReturn } from './useLoginState'
