import type { ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
import { activeActions, pick, refsOf } from '../core/expose'
import type { LoginParams, LoginStatus, LoginUserInfo, SetSelfInfoParams } from '../types/login'
import type { LoginEventInfoMap } from './events'
import { useLoginStore } from './store'

/** What `useLoginState()` returns. */
export interface UseLoginStateReturn extends EventApi<LoginEventInfoMap> {
  /** own profile, null when logged out, kicked offline or expired */
  loginUserInfo: ComputedRef<LoginUserInfo | null>
  loginStatus: ComputedRef<LoginStatus>
  login(params: LoginParams): Promise<void>
  logout(): Promise<void>
  setSelfInfo(params: SetSelfInfoParams): Promise<void>
}

/** The actions `useLoginState()` hands out, also as `loginActions`. */
const ACTIONS = ['login', 'logout', 'setSelfInfo'] as const

/**
 * Login state of the current app's user.
 * @example
 * const { login, loginUserInfo } = useLoginState()
 * await login({ userId: 'alice', userName: 'Alice' })
 */
export function useLoginState(): UseLoginStateReturn {
  const store = useLoginStore()
  return {
    ...refsOf(store, ['loginUserInfo', 'loginStatus']),
    ...pick(store, ACTIONS),
    ...scopedEvents<LoginEventInfoMap>(store),
  }
}

/** The login actions outside components: they act on the active app (the active Pinia). */
export const loginActions: Pick<UseLoginStateReturn, (typeof ACTIONS)[number]> = activeActions(useLoginStore, ACTIONS)
