import type { ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
import { pick, refsOf } from '../core/expose'
import type {
  AVStatistics, LiveCanvas, MoveUserToSeatParams, NetworkInfo, OpenRemoteDeviceParams, PlayUserVideoParams, SeatIndexParams, SeatInfo,
  StartPlayStreamParams, StopUserVideoParams, UserIdParams,
} from '../types/seat'
import type { LiveSeatEventInfoMap } from './events'
import { useLiveSeatStore } from './store'

/** What `useLiveSeatState()` returns. */
export interface UseLiveSeatStateReturn extends EventApi<LiveSeatEventInfoMap> {
  /** every seat in index order; an empty seat's `userInfo.userId` is '' */
  seatList: ComputedRef<readonly SeatInfo[]>
  canvas: ComputedRef<LiveCanvas>
  /** userId → volume 0–100 of the users speaking now; users who went silent are not in it */
  speakingUsers: ComputedRef<ReadonlyMap<string, number>>
  /** userId → network quality (the own user: engines measure only the local network) */
  networkQualities: ComputedRef<ReadonlyMap<string, NetworkInfo>>
  /** stream statistics: empty, the engines report none yet */
  avStatistics: ComputedRef<readonly AVStatistics[]>
  takeSeat(params: SeatIndexParams): Promise<void>
  leaveSeat(): Promise<void>
  lockSeat(params: SeatIndexParams): Promise<void>
  unlockSeat(params: SeatIndexParams): Promise<void>
  /** @deprecated alias of `unlockSeat` */
  unLockSeat(params: SeatIndexParams): Promise<void>
  kickUserOutOfSeat(params: UserIdParams): Promise<void>
  moveUserToSeat(params: MoveUserToSeatParams): Promise<void>
  /** lets a guest open their camera again (unlocks it; the guest decides) */
  openRemoteCamera(params: OpenRemoteDeviceParams): Promise<void>
  /** closes a guest's camera and keeps it locked */
  closeRemoteCamera(params: UserIdParams): Promise<void>
  openRemoteMicrophone(params: OpenRemoteDeviceParams): Promise<void>
  closeRemoteMicrophone(params: UserIdParams): Promise<void>
  muteMicrophone(): Promise<void>
  unmuteMicrophone(): Promise<void>
  /** plays the live's seated users into `view` (element or id), laid out like the mixed stream */
  startPlayStream(params: StartPlayStreamParams): Promise<void>
  stopPlayStream(): void
  /** plays one user's published video into `view` */
  playUserVideo(params: PlayUserVideoParams): Promise<void>
  stopUserVideo(params: StopUserVideoParams): Promise<void>
}

/**
 * Seats of the current live and the actions on them.
 * @example
 * const { seatList, playUserVideo } = useLiveSeatState()
 * await playUserVideo({ userId: 'host', view: 'host-video' })
 */
export function useLiveSeatState(): UseLiveSeatStateReturn {
  const store = useLiveSeatStore()
  return {
    ...refsOf(store, ['seatList', 'canvas', 'speakingUsers', 'networkQualities', 'avStatistics']),
    ...pick(store, [
      'takeSeat', 'leaveSeat', 'lockSeat', 'unlockSeat', 'kickUserOutOfSeat', 'moveUserToSeat', 'openRemoteCamera', 'closeRemoteCamera',
      'openRemoteMicrophone', 'closeRemoteMicrophone', 'muteMicrophone', 'unmuteMicrophone', 'startPlayStream', 'stopPlayStream',
      'playUserVideo', 'stopUserVideo'
    ]),
    unLockSeat: store.unlockSeat,
    ...scopedEvents<LiveSeatEventInfoMap>(store),
  }
}
