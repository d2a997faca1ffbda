import { createEmitter, EngineError, ErrorCode, type SessionCloseReason } from '@atomicx-vue/engine'
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
  // how the session closed: the hub may kick it (and say so) while `kickedOffline()` logs out
  let lastClose: SessionCloseReason | null = null

  /** Tells the app what a closed session means; runs after the session's state was cleared. */
  function announce(reason: SessionCloseReason): void {
    const event = closeEvent(reason)
    if (event) events.emit(event, undefined)
  }
  onScopeDispose(client.onClose((reason) => {
    lastClose = reason
    announce(reason)
  }))

  /**
   * Internal: the media engine says this user entered its room elsewhere, a login elsewhere in effect.
   * Logs out (state cleared first), then says `onKickedOffline` as when the hub kicks the session.
   * Nothing when already logged out: the hub's own kick came first and said it.
   */
  async function kickedOffline(): Promise<void> {
    if (!client.session.value) return
    lastClose = null
    await client.logout()
    if (lastClose !== 'kickedOffline') announce('kickedOffline')
  }

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
    kickedOffline,
    subscribeEvent: events.on,
    unsubscribeEvent: events.off,
  }
})
