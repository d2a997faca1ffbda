import { computed, type ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
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

/**
 * Login state of the current app's user.
 * @example
 * const { login, loginUserInfo } = useLoginState()
 * await login({ userId: 'alice', userName: 'Alice' })
 */
export function useLoginState(): UseLoginStateReturn {
  const store = useLoginStore()
  return {
    loginUserInfo: computed(() => store.loginUserInfo),
    loginStatus: computed(() => store.loginStatus),
    login: store.login,
    logout: store.logout,
    setSelfInfo: store.setSelfInfo,
    ...scopedEvents<LoginEventInfoMap>(store),
  }
}

/** The login actions outside components: they act on the active app (the active Pinia). */
export const loginActions = {
  login: (params: LoginParams): Promise<void> => useLoginStore().login(params),
  logout: (): Promise<void> => useLoginStore().logout(),
  setSelfInfo: (params: SetSelfInfoParams): Promise<void> => useLoginStore().setSelfInfo(params),
}
