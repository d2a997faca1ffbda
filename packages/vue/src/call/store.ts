import {
  CallEndReason, CallParticipantStatus, CallRole, createEmitter, EngineError, ErrorCode, type CallModelEvent, type CameraOptions,
} from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { useAtomicxClient } from '../core/context'
import { emitAll } from '../core/events'
import { resolveView, resolveViewSoon } from '../core/view'
import { useLoginStore } from '../login/store'
import { CallMediaType, type NetworkQuality } from '../types/device'
import type { ViewTarget } from '../types/seat'
import { CallEvent, canonicalCallEvent, type CallEmittedInfoMap, type CallEventInfoMap } from './events'
import {
  applyCallEvent, defaultFocus, endCallLocally, IDLE_CALL, isCallOngoing, settled, toCameraQuality, toHubMediaType, toStatusChange, withMediaFlags,
  type CallSnapshot, type CallStep,
} from './transitions'
import {
  CALL_VIDEO_DISPLAY_MODES, CALL_VIDEO_RESOLUTIONS, CallStatus, type CallError, type CallParticipant, type CallsParams, type CallVideoDisplayMode,
  type CallVideoResolution, type InviteUserParams, type StatusChangeInfo,
} from './types'

const HUB_CALL_EVENTS = [
  'call.created', 'call.received', 'call.changed', 'call.usersInvited', 'call.connected', 'call.userJoined', 'call.userLeft',
  'call.userDeclined', 'call.mediaTypeChanged', 'call.ended', 'call.notConnected',
] as const satisfies readonly CallModelEvent['type'][]

const invalid = (message: string) => new EngineError(ErrorCode.INVALID_ARGUMENT, message)
const isOneOf = <T>(list: readonly T[], value: unknown): value is T => list.includes(value as T)
function requireFlag(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`${name} must be true or false`)
  return value
}

/**
 * This user's call: hub signalling, the call's own media engine (`client.media('call')`, apart from the
 * live one, disposed when the call ends) and its devices (internal; use `useCallState`).
 */
export const useCallStore = defineStore('call', () => {
  const client = useAtomicxClient()
  const login = useLoginStore()
  const events = createEmitter<CallEmittedInfoMap>(client.reportError)
  const statusChanges = createEmitter<{ change: StatusChangeInfo }>(client.reportError)
  const selfId = ref(client.profile.value?.userId ?? '')
  const snapshot = shallowRef<CallSnapshot>(IDLE_CALL)
  const speakerVolumes = shallowRef<Readonly<Record<string, number>>>({})
  const networkQualities = shallowRef<Readonly<Record<string, NetworkQuality>>>({})
  const callDuration = ref(0)
  const isMicrophoneOpened = ref(false)
  const isCameraOpened = ref(false)
  const isSpeakerMuted = ref(false)
  /** in the call's media room */
  const isEntered = ref(false)
  const lastError = shallowRef<CallError | null>(null)
  // UI state: reset when a call ends
  const isFrontCamera = ref(true)
  const focusUserId = ref('')
  const isMinimized = ref(false)
  // settings: kept across calls
  const videoResolution = ref<CallVideoResolution>('720p')
  const videoDisplayMode = ref<CallVideoDisplayMode>('cover')
  const isFloatWindowEnabled = ref(false)
  const isMuteMode = ref(false)

  // ── media: one serial queue, so a hangup never overtakes the join it undoes ──
  /** what the media engine really has, touched only inside queued tasks */
  const has = { joined: false, microphone: false, camera: false }
  let queue: Promise<unknown> = Promise.resolve()
  /** bumped when a call ends: what was queued for that call is skipped, and no late result flips the next call's flags */
  let generation = 0
  /** a call-control action is in flight (TUICallEngine's -1204 guard); cleared when the call ends */
  let pending = false
  let cameraView: HTMLElement | null = null
  /** devices opened or closed before the media room (calling, ringing): applied on entering it */
  let wished: { camera?: boolean; microphone?: boolean } = {}
  const callMedia = () => client.media('call')
  const cameraOptions = () => ({ view: cameraView, quality: toCameraQuality(videoResolution.value), mirror: isFrontCamera.value })

  /** Runs `task` after the queued ones, unless the call it was queued for has ended by then. */
  function serial(task: () => Promise<void>): Promise<void> {
    const gen = generation
    const run = queue.then(() => (gen === generation ? task() : undefined))
    queue = run.catch(() => undefined)
    return run
  }

  function report(error: unknown): void {
    const { code, message } = error as { code?: unknown; message?: unknown }
    const info: CallError = { code: typeof code === 'number' || typeof code === 'string' ? code : -1, message: String(message ?? error) }
    lastError.value = info
    events.emit(CallEvent.onError, info)
  }

  /**
   * Enters the call's media room, then opens the microphone and, for a video call unless `joined` it, the
   * camera — or what was asked for before (`wished`).
   */
  function enterMedia(joined: boolean): void {
    const { roomId, mediaType } = snapshot.value.activeCall!
    const withMicrophone = wished.microphone ?? true
    const withCamera = wished.camera ?? (!joined && mediaType === CallMediaType.VIDEO)
    serial(async () => {
      const engine = await callMedia()
      await engine.join({ roomId: String(roomId), userId: selfId.value, role: 'anchor', scene: 'rtc' })
      has.joined = isEntered.value = true
      if (isSpeakerMuted.value) await engine.setRemoteAudioMuted('*', true)
      if (withMicrophone) {
        await engine.startMicrophone()
        has.microphone = isMicrophoneOpened.value = true
      }
      if (!withCamera) return
      await engine.startCamera(cameraOptions())
      has.camera = isCameraOpened.value = true
    }).catch(report)
  }

  function resetDevices(): void {
    has.joined = has.microphone = has.camera = false
    isEntered.value = isMicrophoneOpened.value = isCameraOpened.value = false
  }

  /**
   * The call is over here: back to idle, the call's media engine disposed (its room left, its devices
   * closed; the live one is not touched). The media part is queued behind whatever the ended call still
   * had queued, and resets the flags again after it: every task queued later belongs to the next call.
   * Settings (resolution, display mode, float window, mute mode) stay.
   */
  function release(): void {
    generation++
    stopTimer()
    watchPageHide(false)
    pending = false
    cameraView = null
    wished = {}
    isSpeakerMuted.value = isMinimized.value = false
    isFrontCamera.value = true
    focusUserId.value = ''
    speakerVolumes.value = {}
    networkQualities.value = {}
    isEntered.value = isMicrophoneOpened.value = isCameraOpened.value = false
    if (!client.session.value) return resetDevices() // logged out: the client disposed the engine
    serial(async () => {
      await client.releaseMedia('call')
      resetDevices()
    }).catch(report)
  }

  // ── duration: 1 s ticks from the connect time, on the global timers (fake timers drive them) ──
  let ticker: ReturnType<typeof setInterval> | undefined
  function startTimer(): void {
    const from = Date.now()
    callDuration.value = 0
    ticker = setInterval(() => (callDuration.value = Math.floor((Date.now() - from) / 1000)), 1000)
  }
  function stopTimer(): void {
    clearInterval(ticker)
    ticker = undefined
    callDuration.value = 0
  }

  // ── closing the tab hangs up (or rejects); registered only while a call is on, never at import ──
  let watchingPageHide = false
  function onPageHide(): void {
    const type = snapshot.value.status === CallStatus.Ringing ? 'call.reject' : 'call.hangup'
    client.request({ type }).catch(() => undefined) // the page is going away: nobody is left to tell
  }
  function watchPageHide(on: boolean): void {
    if (on === watchingPageHide || typeof window === 'undefined') return
    watchingPageHide = on
    if (on) window.addEventListener('pagehide', onPageHide)
    else window.removeEventListener('pagehide', onPageHide)
  }

  function apply(step: CallStep): void {
    const before = snapshot.value
    const next = step.state
    snapshot.value = next
    if (!isCallOngoing(before.status) && isCallOngoing(next.status)) watchPageHide(true)
    if (before.status !== CallStatus.Connected && next.status === CallStatus.Connected) {
      startTimer()
      focusUserId.value = defaultFocus(next, selfId.value)
      enterMedia(before.status === CallStatus.Idle) // idle → connected: entered by `join()`
    }
    if (isCallOngoing(before.status) && !isCallOngoing(next.status)) release()
    else if (before.activeCall?.mediaType === CallMediaType.VIDEO && next.activeCall?.mediaType === CallMediaType.AUDIO) {
      closeLocalCamera().catch(report) // switched to audio: the camera goes, the call stays
    }
    if (focusUserId.value && !next.participants.some((p) => p.userId === focusUserId.value)) focusUserId.value = '' // the focused user left
    const [oldStatus, newStatus] = [toStatusChange(before), toStatusChange(next)]
    if (oldStatus !== newStatus) statusChanges.emit('change', { oldStatus, newStatus })
    emitAll(events, step.emissions)
    if (next.status === CallStatus.Ended) snapshot.value = settled(next)
  }

  // kept after logout: a session that closed mid-call still ends it as this user
  onScopeDispose(client.onView((view) => {
    if (view) selfId.value = view.user.userId
  }))
  for (const type of HUB_CALL_EVENTS) {
    onScopeDispose(client.on(type, (event: CallModelEvent) => apply(applyCallEvent(snapshot.value, event, selfId.value))))
  }
  onScopeDispose(client.onClose((reason) => {
    // the hub already ended the call for this user; this covers a session that closed before hearing it
    apply(endCallLocally(snapshot.value, reason === 'loggedOut' ? CallEndReason.Hangup : CallEndReason.EndByServer, selfId.value, Date.now()))
    if (reason === 'kickedOffline') events.emit(CallEvent.onKickedOffline, {})
    if (reason === 'refused') events.emit(CallEvent.onUserSigExpired, {})
  }))

  // media events matter only while connected: late ones of an ended call's engine are not the next call's
  const whileConnected = <T>(fn: (info: T) => void) => (info: T) => {
    if (snapshot.value.status === CallStatus.Connected) fn(info)
  }
  const onCallMedia: typeof client.onMedia = (event, fn) => client.onMedia(event, fn, 'call')
  const flag = (userId: string, patch: Parameters<typeof withMediaFlags>[2]) => {
    snapshot.value = { ...snapshot.value, participants: withMediaFlags(snapshot.value.participants, userId, patch) }
  }
  onScopeDispose(onCallMedia('userJoined', whileConnected(({ userId }) => flag(userId, { isEntered: true }))))
  onScopeDispose(onCallMedia('userLeft', whileConnected(({ userId }) => flag(userId, { isEntered: false, isAudioAvailable: false, isVideoAvailable: false }))))
  onScopeDispose(onCallMedia('remoteMedia', whileConnected(({ userId, media, available }) => {
    if (media === 'audio') flag(userId, { isAudioAvailable: available })
    if (media === 'camera') flag(userId, { isVideoAvailable: available })
  })))
  onScopeDispose(onCallMedia('volumes', whileConnected(({ levels }) => {
    speakerVolumes.value = Object.fromEntries(levels.map(({ userId, volume }) => [userId, volume]))
  })))
  onScopeDispose(onCallMedia('network', whileConnected(({ up, down }) => {
    networkQualities.value = { ...networkQualities.value, [selfId.value]: Math.max(up, down) as NetworkQuality }
  })))
  onScopeDispose(() => {
    stopTimer()
    watchPageHide(false)
  })

  // ── call control: one action at a time ──
  async function control<T>(work: () => Promise<T>): Promise<T> {
    if (pending) throw new EngineError(ErrorCode.CALL_REQUEST_PENDING, 'A call action is still pending: wait for it to finish')
    pending = true
    const gen = generation
    try {
      return await work()
    } finally {
      if (gen === generation) pending = false // else the call's end already cleared it (and a new action may own it)
    }
  }

  function requireCall(connected = false): void {
    const { status } = snapshot.value
    if (connected ? status !== CallStatus.Connected : !isCallOngoing(status)) {
      throw new EngineError(ErrorCode.NOT_IN_CALL, connected ? 'Wait until the call is connected' : 'Start or answer a call first')
    }
  }

  /** Rings `userIdList` (at most 8, so 9 with the caller). */
  function calls(options: CallsParams): Promise<void> {
    const { userIdList, mediaType, params = {} } = options ?? ({} as Partial<CallsParams>)
    return control(async () => {
      await client.request({ type: 'call.start', userIdList: userIdList as string[], mediaType: toHubMediaType(mediaType as CallMediaType), ...params })
    })
  }

  /** Answers the ringing call: the hub connects it before this resolves. */
  const accept = (): Promise<void> => control(() => client.request({ type: 'call.accept' }))
  /** Declines the ringing call. */
  const reject = (): Promise<void> => control(() => client.request({ type: 'call.reject' }))
  /** Hangs up: the caller cancels before anyone answered, anyone else leaves (the last one ends the call). */
  const hangup = (): Promise<void> => control(() => client.request({ type: 'call.hangup' }))

  /** Stops ringing without answering: this user goes idle silently, the caller hears line busy. */
  function ignore(): Promise<void> {
    return control(async () => {
      await client.request({ type: 'call.ignore' })
      apply({ state: settled(snapshot.value), emissions: [] })
    })
  }

  /** Enters an ongoing call by id without ringing (camera off). */
  function join({ callId }: { callId: string }): Promise<void> {
    return control(() => client.request({ type: 'call.join', callId }))
  }

  /** Rings more users into the current call. */
  function inviteUser(options: InviteUserParams): Promise<void> {
    const { userIdList, params = {} } = options ?? ({} as Partial<InviteUserParams>)
    return control(() => client.request({ type: 'call.invite', userIdList: userIdList as string[], ...params }))
  }

  /** Switches a connected 1-to-1 call between audio and video; both sides hear `onCallMediaTypeChanged`. */
  function switchMediaType({ mediaType }: { mediaType: CallMediaType }): Promise<void> {
    return control(() => client.request({ type: 'call.switchMediaType', mediaType: toHubMediaType(mediaType) }))
  }

  /** Calling or ringing: no media room yet, so device actions are remembered for entering it. */
  const beforeMedia = () => snapshot.value.status === CallStatus.Calling || snapshot.value.status === CallStatus.Ringing

  /** Opens or closes a device of the call: now when connected, else on entering the media room. */
  async function setDevice(device: 'camera' | 'microphone', on: boolean): Promise<void> {
    if (beforeMedia()) {
      wished = { ...wished, [device]: on }
      return
    }
    await serial(async () => {
      const engine = await callMedia()
      if (device === 'camera') await (on ? engine.startCamera(cameraOptions()) : engine.stopCamera())
      else await (on ? engine.startMicrophone() : engine.stopMicrophone())
      has[device] = on
      ;(device === 'camera' ? isCameraOpened : isMicrophoneOpened).value = on
    })
  }

  /**
   * Opens the local camera, or moves its preview into `view` when it is open already (e.g. opened on
   * connect); `view: null` keeps it open without a preview. Published once connected; before that
   * (calling, ringing) it resolves at once and the camera opens on entering the call's media room.
   */
  async function openLocalCamera({ view }: { view?: ViewTarget | null } = {}): Promise<void> {
    requireCall()
    if (view !== undefined) cameraView = view === null ? null : resolveView(view)
    await setDevice('camera', true)
  }

  async function closeLocalCamera(): Promise<void> {
    requireCall()
    await setDevice('camera', false)
  }

  async function openLocalMicrophone(): Promise<void> {
    requireCall()
    await setDevice('microphone', true)
  }

  async function closeLocalMicrophone(): Promise<void> {
    requireCall()
    await setDevice('microphone', false)
  }

  /** Applies camera options to the call's camera if it is open; a closed one gets them when it opens. */
  function updateOpenCamera(options: CameraOptions): Promise<void> {
    return serial(async () => {
      if (has.camera) await (await callMedia()).updateCamera(options)
    })
  }

  /**
   * Front or back camera (mobile). Kept until the call ends and applied as the preview mirror: a front
   * camera previews mirrored, a back one does not.
   */
  async function switchCamera(options: { isFrontCamera: boolean }): Promise<void> {
    const front = requireFlag(options?.isFrontCamera, 'isFrontCamera')
    isFrontCamera.value = front
    await updateOpenCamera({ mirror: front })
  }

  /** The camera resolution of calls: applied to an open camera now, kept for later calls. */
  async function setVideoResolution(options: { resolution: CallVideoResolution }): Promise<void> {
    const resolution: unknown = options?.resolution
    if (!isOneOf(CALL_VIDEO_RESOLUTIONS, resolution)) throw invalid(`resolution must be one of ${CALL_VIDEO_RESOLUTIONS.join(', ')}, got ${String(resolution)}`)
    videoResolution.value = resolution
    await updateOpenCamera({ quality: toCameraQuality(resolution) })
  }

  /** How videos fill their views (CSS `object-fit`), kept for later calls; `CallView` applies it. */
  async function setVideoDisplayMode(options: { mode: CallVideoDisplayMode }): Promise<void> {
    const mode: unknown = options?.mode
    if (!isOneOf(CALL_VIDEO_DISPLAY_MODES, mode)) throw invalid(`mode must be one of ${CALL_VIDEO_DISPLAY_MODES.join(', ')}, got ${String(mode)}`)
    videoDisplayMode.value = mode
  }

  /** Who is shown big (1-to-1) or focused (group): a participant of the call (self included), or '' for nobody. */
  async function setFocusUser(options: { userId: string }): Promise<void> {
    const userId: unknown = options?.userId
    if (userId !== '' && !snapshot.value.participants.some((p) => p.userId === userId)) {
      throw invalid(`"${String(userId)}" is not in the call: focus one of its participants, or '' for nobody`)
    }
    focusUserId.value = userId as string
  }

  /** Shrinks the call to its float window, or restores it; the call goes on either way. */
  async function toggleMinimize(): Promise<void> {
    requireCall()
    isMinimized.value = !isMinimized.value
  }

  /** Whether the call may be minimized to a float window (`CallView` shows its minimize button); kept for later calls. */
  async function enableFloatWindow(options: { enable: boolean }): Promise<void> {
    isFloatWindowEnabled.value = requireFlag(options?.enable, 'enable')
  }

  /** Incoming calls should not ring: the library plays no ringtone itself, apps that do read `isMuteMode`. */
  async function enableMuteMode(options: { enable: boolean }): Promise<void> {
    isMuteMode.value = requireFlag(options?.enable, 'enable')
  }

  /** Changes the own name and avatar on the hub (as `useLoginState().setSelfInfo`): the others in the call see them. */
  async function setSelfInfo(options: { userName?: string; avatarUrl?: string }): Promise<void> {
    const { userName, avatarUrl } = options ?? {}
    await login.setSelfInfo({ userName, avatarUrl })
  }

  /** Plays a remote participant's camera into `view`; an element id not rendered yet is waited for briefly (`VIEW_WAIT_MS`). */
  async function startRemoteView({ userId, view }: { userId: string; view: ViewTarget }): Promise<void> {
    requireCall(true)
    const element = await resolveViewSoon(view)
    requireCall(true) // the call may have ended while the element was awaited
    await serial(async () => (await callMedia()).playVideo(userId, 'camera', element))
  }

  async function stopRemoteView({ userId }: { userId: string }): Promise<void> {
    requireCall(true)
    await serial(async () => (await callMedia()).stopVideo(userId, 'camera'))
  }

  /** Mutes every remote voice (the kit's speaker button); applied on entering if the call is not connected yet. */
  async function muteSpeaker(): Promise<void> {
    await setSpeakerMuted(true)
  }

  async function unmuteSpeaker(): Promise<void> {
    await setSpeakerMuted(false)
  }

  async function setSpeakerMuted(muted: boolean): Promise<void> {
    requireCall()
    if (has.joined) await serial(async () => (await callMedia()).setRemoteAudioMuted('*', muted))
    isSpeakerMuted.value = muted
  }

  const selfInfo = computed<CallParticipant>(() => {
    const self = snapshot.value.participants.find((p) => p.userId === selfId.value)
    const profile = client.profile.value
    const base: CallParticipant = self ?? {
      userId: selfId.value, userName: profile?.userName ?? '', avatarUrl: profile?.avatarUrl ?? '', remark: '',
      displayName: profile?.userName || selfId.value, role: CallRole.None, status: CallParticipantStatus.None,
      isEntered: false, isAudioAvailable: false, isVideoAvailable: false,
    }
    return { ...base, isEntered: isEntered.value, isAudioAvailable: isMicrophoneOpened.value, isVideoAvailable: isCameraOpened.value }
  })
  const remoteParticipants = computed(() => snapshot.value.participants.filter((p) => p.userId !== selfId.value))

  /** Subscribes to an event or one of its TUICallObserver aliases; returns the unsubscribe. */
  function subscribeEvent<E extends CallEvent>(event: E, callback: (eventInfo: CallEventInfoMap[E]) => void): () => void {
    return events.on(canonicalCallEvent(event), callback as never) // an alias's payload is its target's by construction
  }

  function unsubscribeEvent<E extends CallEvent>(event: E, callback: (eventInfo: CallEventInfoMap[E]) => void): void {
    events.off(canonicalCallEvent(event), callback as never)
  }

  /** The kit's `statusChanged`: every change of the `StatusChange` status; returns the unsubscribe. */
  function onStatusChanged(fn: (info: StatusChangeInfo) => void): () => void {
    return statusChanges.on('change', fn)
  }

  return {
    snapshot, speakerVolumes, networkQualities, callDuration, isMicrophoneOpened, isCameraOpened, isSpeakerMuted, isEntered, lastError,
    isFrontCamera, videoResolution, videoDisplayMode, focusUserId, isMinimized, isFloatWindowEnabled, isMuteMode,
    selfInfo, remoteParticipants,
    calls, accept, reject, ignore, hangup, join, inviteUser, switchMediaType,
    openLocalCamera, closeLocalCamera, openLocalMicrophone, closeLocalMicrophone, startRemoteView, stopRemoteView, muteSpeaker, unmuteSpeaker,
    switchCamera, setVideoResolution, setVideoDisplayMode, setFocusUser, toggleMinimize, enableFloatWindow, enableMuteMode, setSelfInfo,
    subscribeEvent, unsubscribeEvent, onStatusChanged,
  }
})
