import { createEmitter, EngineError, ErrorCode } from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { onScopeDispose, ref, shallowRef } from 'vue'
import { useAtomicxClient } from '../core/context'
import { LoginStatus, type LoginParams, type LoginUserInfo, type SetSelfInfoParams } from '../types/login'
import type { LoginEventInfoMap } from './events'
import { closeEvent, withProfile, withSelfInfo } from './transitions'

/** The logged-in user of this app (internal; use `useLoginState`). */
export const useLoginStore = defineStore('login', () => {
  const client = useAtomicxClient()
  const events = createEmitter<LoginEventInfoMap>(client.reportError)
  const loginUserInfo = shallowRef<LoginUserInfo | null>(null)
  const loginStatus = ref(LoginStatus.UNKNOWN)

  onScopeDispose(client.onView((view) => {
    loginUserInfo.value = view ? withProfile(loginUserInfo.value, view.user) : null
    loginStatus.value = view ? LoginStatus.LOGINED : LoginStatus.UNKNOWN
  }))
  onScopeDispose(client.onClose((reason) => {
    const event = closeEvent(reason)
    if (event) events.emit(event, undefined)
  }))

  /** Connects this app's user; `sdkAppId`/`userSig` matter only to the TRTC engine. */
  async function login(params: LoginParams): Promise<void> {
    const { userId, userName, avatarUrl, userSig, sdkAppId } = params ?? ({} as Partial<LoginParams>)
    await client.login({ userId: userId as string, userName, avatarUrl, userSig, sdkAppId })
  }

  /** Leaves the current live and disconnects. */
  async function logout(): Promise<void> {
    await client.logout()
  }

  /** Updates the own name/avatar on the hub; `customInfo` stays on this device. */
  async function setSelfInfo(params: SetSelfInfoParams): Promise<void> {
    const { customInfo } = params ?? {}
    if (customInfo !== undefined && (customInfo === null || typeof customInfo !== 'object')) {
      throw new EngineError(ErrorCode.INVALID_ARGUMENT, 'customInfo must be an object of strings')
    }
    await client.request({ type: 'user.updateProfile', userName: params.userName, avatarUrl: params.avatarUrl })
    if (loginUserInfo.value) loginUserInfo.value = withSelfInfo(loginUserInfo.value, params)
  }

  return {
    loginUserInfo,
    loginStatus,
    login,
    logout,
    setSelfInfo,
    subscribeEvent: events.on,
    unsubscribeEvent: events.off,
  }
})
