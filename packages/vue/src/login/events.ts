import type { LoginEvent } from '../types/login'

/** Payload of each `LoginEvent`: none. */
export interface LoginEventInfoMap {
  [LoginEvent.onLoginExpired]: undefined
  [LoginEvent.onKickedOffline]: undefined
}
