/** `UNKNOWN` until `login()` resolves, then `LOGINED`. */
export enum LoginStatus { UNKNOWN = 0, LOGINED = 1 }

/** Events of `useLoginState` (no payload), to the local user only. */
export enum LoginEvent {
  onLoginExpired = 'onLoginExpired',
  onKickedOffline = 'onKickedOffline',
}

/**
 * `login()` parameters. `sdkAppId` and `userSig` are needed by the TRTC engine only; the local engine
 * ignores them. The userId may hold letters, digits, `_` and `-` (TRTC's rule), at most 32 characters.
 */
export interface LoginParams {
  userId: string
  userName?: string
  avatarUrl?: string
  sdkAppId?: number
  userSig?: string
  /** other keys are accepted (and ignored) like the anchor forwards them to its chat login */
  [extra: string]: unknown
}

/** The logged-in user's profile. */
export interface LoginUserInfo {
  userId: string
  userName: string
  avatarUrl: string
  /** kept locally: the hub stores no custom profile fields */
  customInfo: Record<string, string>
}

/** `setSelfInfo()` parameters. */
export interface SetSelfInfoParams {
  userName?: string
  avatarUrl?: string
  customInfo?: Record<string, string>
}
