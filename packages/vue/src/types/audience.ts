import type { LiveUserInfo, TUIRole } from './user'

/** Events of `useLiveAudienceState`, to every member of the live (never about oneself). */
export enum LiveAudienceEvent {
  onOwnerJoined = 'onOwnerJoined',
  onOwnerLeft = 'onOwnerLeft',
  onAdminJoined = 'onAdminJoined',
  onAdminLeft = 'onAdminLeft',
  onAudienceJoined = 'onAudienceJoined',
  onAudienceLeft = 'onAudienceLeft',
  onAudienceMessageDisabled = 'onAudienceMessageDisabled',
}

/** A member of the live other than its owner. */
export interface AudienceInfo extends LiveUserInfo {
  customInfo: Record<string, unknown>
  userRole: TUIRole
  isMessageDisabled: boolean
  /** ms since epoch */
  joinedTimestamp?: number
}

/** `disableSendMessage()` parameters. */
export interface DisableSendMessageParams {
  userId: string
  isDisable: boolean
}
