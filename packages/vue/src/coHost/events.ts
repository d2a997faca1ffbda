import type { CoHostEvent } from '../types/coHost'
import type { SeatUserInfo } from '../types/user'

/**
 * Payload of each co-host event of `useCoHostState().subscribeEvent`. Users are hosts: `liveId` is
 * their live. The co-guest members of `CoHostEvent` belong to `useCoGuestState().subscribeEvent`.
 */
export interface CoHostEventInfoMap {
  /** to the target host: `inviter` asks to connect (answer with its `liveId`) */
  [CoHostEvent.onCoHostRequestReceived]: { inviter: SeatUserInfo; extensionInfo: string }
  /** to the target host: the request went away (withdrawn, or the requester's live ended) */
  [CoHostEvent.onCoHostRequestCancelled]: { inviter: SeatUserInfo; invitee: SeatUserInfo }
  /** to the requester */
  [CoHostEvent.onCoHostRequestAccepted]: { invitee: SeatUserInfo }
  /** to the requester: refused, the target got busy, or its live ended */
  [CoHostEvent.onCoHostRequestRejected]: { invitee: SeatUserInfo }
  /** to both hosts: nobody answered in time */
  [CoHostEvent.onCoHostRequestTimeout]: { inviter: SeatUserInfo; invitee: SeatUserInfo }
  /** to every member of a connected live: a host joined its connection (never about the own host) */
  [CoHostEvent.onCoHostUserJoined]: { userInfo: SeatUserInfo }
  /** to every member of a live whose connection lost a host, also when that ended the connection */
  [CoHostEvent.onCoHostUserLeft]: { userInfo: SeatUserInfo }
}
