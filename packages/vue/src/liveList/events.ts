import type { LiveListEvent, LiveListEventInfo } from '../types/live'

/** Payload of each `LiveListEvent`. */
export interface LiveListEventInfoMap {
  /** to every member left in a live its owner ended (`currentLive` is already null) */
  [LiveListEvent.onLiveEnded]: LiveListEventInfo
  /** to the member removed (`byAdmin`) or kicked by a newer login of the same user (`byLoggedOnOtherDevice`) */
  [LiveListEvent.onKickedOutOfLive]: LiveListEventInfo
}
