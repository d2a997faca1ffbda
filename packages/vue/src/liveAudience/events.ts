import type { LiveAudienceEvent } from '../types/audience'
import type { LiveUserInfo } from '../types/user'

/** Payload of each `LiveAudienceEvent`. */
export interface LiveAudienceEventInfoMap {
  [LiveAudienceEvent.onOwnerJoined]: { owner: LiveUserInfo }
  [LiveAudienceEvent.onOwnerLeft]: { owner: LiveUserInfo }
  [LiveAudienceEvent.onAdminJoined]: { admin: LiveUserInfo }
  [LiveAudienceEvent.onAdminLeft]: { admin: LiveUserInfo }
  [LiveAudienceEvent.onAudienceJoined]: { audience: LiveUserInfo }
  [LiveAudienceEvent.onAudienceLeft]: { audience: LiveUserInfo }
  [LiveAudienceEvent.onAudienceMessageDisabled]: { audience: LiveUserInfo; isDisable: boolean }
}
