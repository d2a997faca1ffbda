import { createEmitter, MoveSeatPolicy, type SeatDevice } from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { onScopeDispose, shallowRef, watch } from 'vue'
import { useAtomicxClient } from '../core/context'
import { emitAll } from '../core/events'
import { resolveView } from '../core/view'
import { useDeviceStore } from '../device/store'
import { useMediaStore } from '../media/store'
import type {
  AVStatistics, LiveCanvas, MoveUserToSeatParams, NetworkInfo, OpenRemoteDeviceParams, PlayUserVideoParams, SeatIndexParams, SeatInfo,
  StartPlayStreamParams, StopUserVideoParams, UserIdParams,
} from '../types/seat'
import type { LiveSeatEventInfoMap } from './events'
import { canvasOf } from './layout'
import { createStreamView, type StreamView } from './streamView'
import { adminDeviceEmission, speakingFrom, toAVStatistics, toNetworkInfo, toSeatList, type SeatRoom } from './transitions'

const DEFAULT_LAYOUT = 600

/** Seats, layout and per-user media levels of the current live (internal; use `useLiveSeatState`). */
export const useLiveSeatStore = defineStore('liveSeat', () => {
  const client = useAtomicxClient()
  const media = useMediaStore()
  const devices = useDeviceStore()
  const events = createEmitter<LiveSeatEventInfoMap>(client.reportError)
  const seatList = shallowRef<readonly SeatInfo[]>([])
  const canvas = shallowRef<LiveCanvas>(canvasOf(DEFAULT_LAYOUT))
  const speakingUsers = shallowRef<ReadonlyMap<string, number>>(new Map())
  const networkQualities = shallowRef<ReadonlyMap<string, NetworkInfo>>(new Map())
  /** while I sit on a seat of the current live: mine (userID '') and what I receive */
  const avStatistics = shallowRef<readonly AVStatistics[]>([])
  let room: SeatRoom | null = null
  let streamView: StreamView | null = null

  function show(next: SeatRoom | null): void {
    room = next
    seatList.value = next ? toSeatList(next) : []
    canvas.value = canvasOf(next?.layoutTemplate ?? DEFAULT_LAYOUT)
    if (!next) {
      speakingUsers.value = new Map()
      networkQualities.value = new Map()
      avStatistics.value = []
    }
  }

  onScopeDispose(client.onView((view) => {
    const live = view?.live
    show(live ? { liveId: live.info.liveId, layoutTemplate: live.info.layoutTemplate, seats: live.seats } : null)
  }))
  onScopeDispose(client.on('seat.listChanged', ({ liveId, seats }) => {
    if (room?.liveId === liveId) show({ ...room, seats })
  }))
  onScopeDispose(client.on('live.infoChanged', ({ info }) => {
    if (room?.liveId === info.liveId && room.layoutTemplate !== info.layoutTemplate) show({ ...room, layoutTemplate: info.layoutTemplate })
  }))
  onScopeDispose(client.on('seat.deviceByAdmin', ({ device, open }) => emitAll(events, [adminDeviceEmission(device, open)])))
  onScopeDispose(client.onMedia('volumes', ({ levels }) => {
    if (room) speakingUsers.value = speakingFrom(speakingUsers.value, levels)
  }))
  onScopeDispose(client.onMedia('network', (report) => {
    const me = client.session.value?.userId
    if (room && me) networkQualities.value = new Map([[me, toNetworkInfo(me, report)]])
  }))
  onScopeDispose(client.onMedia('statistics', (report) => {
    if (room && media.seat) avStatistics.value = toAVStatistics(report)
  }))
  // off a seat I publish nothing, and the anchor shows no statistics
  watch(() => media.seat, (seat) => {
    if (!seat) avStatistics.value = []
  })
  // the played "mixed stream" follows the seats (outside a live there are none, so no tiles)
  watch([seatList, canvas], ([seats, size]) => streamView?.update(seats, size))
  onScopeDispose(() => stopPlayStream())

  /** Takes a seat (-1 = any free one): owner/admin always, audience only in a free-to-take live. */
  async function takeSeat({ seatIndex }: SeatIndexParams): Promise<void> {
    await client.request({ type: 'seat.take', seatIndex })
  }

  /** Leaves the own seat (not the owner's seat 0). */
  async function leaveSeat(): Promise<void> {
    await client.request({ type: 'seat.leave' })
  }

  /** Locks a seat so nobody can take it (owner/admin); its device locks stay. */
  async function lockSeat({ seatIndex }: SeatIndexParams): Promise<void> {
    await client.request({ type: 'seat.lock', seatIndex, isLocked: true })
  }

  /** Unlocks a seat (owner/admin). */
  async function unlockSeat({ seatIndex }: SeatIndexParams): Promise<void> {
    await client.request({ type: 'seat.lock', seatIndex, isLocked: false })
  }

  /** Takes a guest off their seat (owner/admin); they get `GuestEvent.onKickedOffSeat`. */
  async function kickUserOutOfSeat({ userId }: UserIdParams): Promise<void> {
    await client.request({ type: 'seat.kick', userId })
  }

  /** Moves a guest to another seat (owner/admin). */
  async function moveUserToSeat({ userId, targetIndex, policy = MoveSeatPolicy.AbortWhenOccupied }: MoveUserToSeatParams): Promise<void> {
    await client.request({ type: 'seat.move', userId, targetIndex, policy })
  }

  function remoteDevice(device: SeatDevice, open: boolean) {
    return async ({ userId }: OpenRemoteDeviceParams | UserIdParams): Promise<void> => {
      await client.request({ type: 'seat.remoteDevice', userId, device, open })
    }
  }

  /** Plays the live's seated users into `view`, laid out like `seatList[].region`. */
  async function startPlayStream({ view }: StartPlayStreamParams): Promise<void> {
    const container = resolveView(view)
    const engine = await media.ready()
    stopPlayStream()
    streamView = createStreamView(container, engine, client.reportError, client.session.value?.userId ?? '')
    streamView.update(seatList.value, canvas.value)
  }

  /** Stops what `startPlayStream` plays. */
  function stopPlayStream(): void {
    streamView?.stop()
    streamView = null
  }

  /** Plays another user's published camera (or screen) into an element; moves it when called again. */
  async function playUserVideo({ userId, view, source = 'camera' }: PlayUserVideoParams): Promise<void> {
    const element = resolveView(view)
    await (await media.ready()).playVideo(userId, source, element)
  }

  /** Stops playing one user's video. */
  async function stopUserVideo({ userId, source = 'camera' }: StopUserVideoParams): Promise<void> {
    await (await media.ready()).stopVideo(userId, source)
  }

  return {
    seatList,
    canvas,
    speakingUsers,
    networkQualities,
    avStatistics,
    takeSeat,
    leaveSeat,
    lockSeat,
    unlockSeat,
    kickUserOutOfSeat,
    moveUserToSeat,
    openRemoteCamera: remoteDevice('camera', true),
    closeRemoteCamera: remoteDevice('camera', false),
    openRemoteMicrophone: remoteDevice('microphone', true),
    closeRemoteMicrophone: remoteDevice('microphone', false),
    muteMicrophone: devices.muteLocalAudio,
    unmuteMicrophone: devices.unmuteLocalAudio,
    startPlayStream,
    stopPlayStream,
    playUserVideo,
    stopUserVideo,
    subscribeEvent: events.on,
    unsubscribeEvent: events.off,
  }
})
