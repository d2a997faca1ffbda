import type { LiveListEvent, LiveListEventInfo } from '../types/live'

/** Payload of each `LiveListEvent`. */
export interface LiveListEventInfoMap {
  /**
   * to every member left in a live its owner ended (`endedByHost`), and to whoever's media room the
   * server dismissed (`endedByServer`); `currentLive` is already null
   */
  [LiveListEvent.onLiveEnded]: LiveListEventInfo
  /**
   * to the member removed (`byAdmin`), kicked by a newer login of the same user or the same userId entering
   * the media room elsewhere (`byLoggedOnOtherDevice`), removed from the media room by the server
   * (`byServer`) or out of it by a lost connection (`forNetworkDisconnected`); `currentLive` is already null
   */
  [LiveListEvent.onKickedOutOfLive]: LiveListEventInfo
}
