import type { MediaEngineEvents, SeatDevice, SeatView } from '@atomicx-vue/engine'
import { emptySeatUser, toSeatUserInfo } from '../core/convert'
import type { Emission } from '../core/events'
import type { NetworkQuality } from '../types/device'
import { DeviceControlPolicy, LiveSeatEvent, type AVStatistics, type NetworkInfo, type SeatInfo } from '../types/seat'
import type { LiveSeatEventInfoMap } from './events'
import { canvasOf, seatRegions } from './layout'

/** What the seat list is computed from. */
export interface SeatRoom {
  readonly liveId: string
  readonly layoutTemplate: number
  readonly seats: readonly SeatView[]
}

/** The public seat list of a room, with each shown seat's layout region. */
export function toSeatList({ liveId, layoutTemplate, seats }: SeatRoom): SeatInfo[] {
  const regions = seatRegions(layoutTemplate, seats, canvasOf(layoutTemplate))
  return seats.map((seat) => ({
    index: seat.index,
    isLocked: seat.isLocked,
    isAudioLocked: seat.isAudioLocked,
    isVideoLocked: seat.isVideoLocked,
    userInfo: seat.user ? toSeatUserInfo(seat.user) : emptySeatUser(liveId, seat),
    ...(regions.has(seat.index) && { region: regions.get(seat.index) }),
  }))
}

/** Users speaking now (volume > 0): silent ones drop out. Returns `previous` when nothing changed. */
export function speakingFrom(
  previous: ReadonlyMap<string, number>,
  levels: MediaEngineEvents['volumes']['levels'],
): ReadonlyMap<string, number> {
  const next = new Map(levels.filter(({ volume }) => volume > 0).map(({ userId, volume }) => [userId, volume]))
  const same = next.size === previous.size && [...next].every(([userId, volume]) => previous.get(userId) === volume)
  return same ? previous : next
}

/** The own network report as a `NetworkInfo` (the engine reports one loss for both directions). */
export function toNetworkInfo(userId: string, { up, down, rtt, loss }: MediaEngineEvents['network']): NetworkInfo {
  return { userId, quality: Math.max(up, down) as NetworkQuality, upLoss: loss, downLoss: loss, delay: rtt }
}

/** An engine `statistics` report in the anchor's shape: mine first (`userID` ''), then each remote user's. */
export function toAVStatistics({ local, remote }: MediaEngineEvents['statistics']): AVStatistics[] {
  return [{ userID: '', ...local }, ...remote.map(({ userId, ...figures }) => ({ userID: userId, ...figures }))]
}

/** The `LiveSeatEvent` for an admin opening (unlocking) or closing one of my devices. */
export function adminDeviceEmission(device: SeatDevice, open: boolean): Emission<LiveSeatEventInfoMap> {
  const policy = DeviceControlPolicy.UnlockOnly
  if (device === 'camera') {
    return open ? { event: LiveSeatEvent.onLocalCameraOpenedByAdmin, info: { policy } } : { event: LiveSeatEvent.onLocalCameraClosedByAdmin, info: undefined }
  }
  return open
    ? { event: LiveSeatEvent.onLocalMicrophoneOpenedByAdmin, info: { policy } }
    : { event: LiveSeatEvent.onLocalMicrophoneClosedByAdmin, info: undefined }
}
