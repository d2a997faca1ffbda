import type { SessionCloseReason, UserProfile } from '@atomicx-vue/engine'
import { LoginEvent, type LoginUserInfo, type SetSelfInfoParams } from '../types/login'

/** The profile the hub reports, keeping the custom fields only this device knows. */
export function withProfile(previous: LoginUserInfo | null, user: UserProfile): LoginUserInfo {
  const customInfo = previous?.userId === user.userId ? previous.customInfo : {}
  return { userId: user.userId, userName: user.userName, avatarUrl: user.avatarUrl, customInfo }
}

/** `setSelfInfo` applied to the current profile. */
export function withSelfInfo(info: LoginUserInfo, patch: SetSelfInfoParams): LoginUserInfo {
  return {
    ...info,
    ...(patch.userName !== undefined && { userName: patch.userName }),
    ...(patch.avatarUrl !== undefined && { avatarUrl: patch.avatarUrl }),
    customInfo: { ...info.customInfo, ...patch.customInfo },
  }
}

/**
 * The login event a closed session means: kicked by a newer login of the same user, or refused by the
 * hub while logged in (what an expired userSig does on a server). Own logouts and shutdowns say nothing.
 */
export function closeEvent(reason: SessionCloseReason): LoginEvent | null {
  if (reason === 'kickedOffline') return LoginEvent.onKickedOffline
  if (reason === 'refused') return LoginEvent.onLoginExpired
  return null
}
