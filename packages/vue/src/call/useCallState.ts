import type { CallRole } from '@atomicx-vue/engine'
import { computed, type ComputedRef } from 'vue'
import { scoped, scopedEvents, type EventApi } from '../core/events'
import { pick, refsOf } from '../core/expose'
import { CallMediaType, NetworkQuality } from '../types/device'
import type { ViewTarget } from '../types/seat'
import type { CallEventInfoMap } from './events'
import { useCallStore } from './store'
import { formatCallDuration, isCallOngoing } from './transitions'
import {
  CallStatus, type ActiveCall, type CallError, type CallParticipant, type CallsParams, type CallVideoDisplayMode, type CallVideoResolution,
  type InviteUserParams, type StatusChangeInfo,
} from './types'

/**
 * What `useCallState()` returns. Not supported here: beauty, background blur and virtual backgrounds
 * (`setBeautyLevel`, `setBlurBackground`: no media engine offers them) and `joinableGroupCall` (no chat
 * groups to read a group's ongoing call from; join a known call with `join({ callId })`).
 */
export interface UseCallStateReturn extends EventApi<CallEventInfoMap> {
  callStatus: ComputedRef<CallStatus>
  callRole: ComputedRef<CallRole>
  /** UNKNOWN while idle */
  mediaType: ComputedRef<CallMediaType>
  /** the current call; after it ends, the last one (with `endReason`) until the next starts */
  activeCall: ComputedRef<ActiveCall | null>
  isGroupCall: ComputedRef<boolean>
  /** calling, ringing or connected: what makes this user busy */
  isInCall: ComputedRef<boolean>
  /** own profile with own media flags */
  selfInfo: ComputedRef<CallParticipant>
  /** the others, caller first then by invitation */
  remoteParticipants: ComputedRef<readonly CallParticipant[]>
  /** self, then the others */
  allParticipants: ComputedRef<readonly CallParticipant[]>
  /** kept after the caller left and after the call ended */
  callerInfo: ComputedRef<CallParticipant | null>
  /** 0–100 by userId, self included, while connected */
  speakerVolumes: ComputedRef<Readonly<Record<string, number>>>
  /** by userId: own quality from the media engine while connected */
  networkQualities: ComputedRef<Readonly<Record<string, NetworkQuality>>>
  /** own quality is Bad or worse */
  isLocalNetworkPoor: ComputedRef<boolean>
  /** seconds since connected, ticking each second */
  callDuration: ComputedRef<number>
  /** `HH:MM:SS` */
  callDurationText: ComputedRef<string>
  isMicrophoneOpened: ComputedRef<boolean>
  isCameraOpened: ComputedRef<boolean>
  /** every remote voice muted */
  isSpeakerMuted: ComputedRef<boolean>
  /** the last failure of a background step (opening media on connect…) */
  lastError: ComputedRef<CallError | null>
  /** front (true) or back camera; true again when a call ends */
  isFrontCamera: ComputedRef<boolean>
  /** the camera resolution of calls (default `'720p'`); kept across calls */
  videoResolution: ComputedRef<CallVideoResolution>
  /** how videos fill their views, as CSS `object-fit` (default `'cover'`); kept across calls, applied by `CallView` */
  videoDisplayMode: ComputedRef<CallVideoDisplayMode>
  /** who is shown big (1-to-1: the other one once connected) or focused (group); '' for nobody */
  focusUserId: ComputedRef<string>
  /** the call is shrunk to its float window; false again when a call ends */
  isMinimized: ComputedRef<boolean>
  /** the call may be minimized (default false); kept across calls */
  isFloatWindowEnabled: ComputedRef<boolean>
  /** incoming calls should not ring (default false); kept across calls */
  isMuteMode: ComputedRef<boolean>
  calls(params: CallsParams): Promise<void>
  accept(): Promise<void>
  reject(): Promise<void>
  ignore(): Promise<void>
  hangup(): Promise<void>
  join(params: { callId: string }): Promise<void>
  inviteUser(params: InviteUserParams): Promise<void>
  switchMediaType(params: { mediaType: CallMediaType }): Promise<void>
  /**
   * Opens the camera, or moves its preview into `view` when it is open already (it opens on connect without
   * one); `view: null` removes the preview. Calling or ringing (no media room yet), it resolves at once and
   * the camera opens on entering the room; `closeLocalCamera` and the microphone actions likewise decide
   * what opens there.
   */
  openLocalCamera(params?: { view?: ViewTarget | null }): Promise<void>
  closeLocalCamera(): Promise<void>
  openLocalMicrophone(): Promise<void>
  closeLocalMicrophone(): Promise<void>
  /** an element id not rendered yet is waited for up to 1 s, then rejects with `ErrorCode.INVALID_ARGUMENT` */
  startRemoteView(params: { userId: string; view: ViewTarget }): Promise<void>
  stopRemoteView(params: { userId: string }): Promise<void>
  muteSpeaker(): Promise<void>
  unmuteSpeaker(): Promise<void>
  /** front or back camera (mobile): applied as the preview mirror, front = mirrored */
  switchCamera(params: { isFrontCamera: boolean }): Promise<void>
  /**
   * `'360p' | '480p' | '540p' | '720p' | '1080p'` (else `INVALID_ARGUMENT`); an open camera switches now.
   * The media engines have no 480p profile: it captures at 540p.
   */
  setVideoResolution(params: { resolution: CallVideoResolution }): Promise<void>
  /** `'contain' | 'cover' | 'fill'` (else `INVALID_ARGUMENT`) */
  setVideoDisplayMode(params: { mode: CallVideoDisplayMode }): Promise<void>
  /** a participant's userId (self included) or '' (else `INVALID_ARGUMENT`) */
  setFocusUser(params: { userId: string }): Promise<void>
  /** minimizes or restores the call (`NOT_IN_CALL` while idle) */
  toggleMinimize(): Promise<void>
  enableFloatWindow(params: { enable: boolean }): Promise<void>
  /** the library rings nothing itself: apps that play a ringtone skip it while `isMuteMode` */
  enableMuteMode(params: { enable: boolean }): Promise<void>
  /** the own name and avatar, on the hub: the others in the call (and `useLoginState`) see them */
  setSelfInfo(params: { userName?: string; avatarUrl?: string }): Promise<void>
  /**
   * The kit's `statusChanged` callback: `fn` gets every change of the `StatusChange` status (`idle`,
   * `be-invited`, `dialing-c2c`, …, `calling-group-video`), before the call events of that change. Returns
   * the unsubscribe; a subscription made in a component or effect scope ends with it.
   * @example
   * onStatusChanged(({ oldStatus, newStatus }) => console.log(`${oldStatus} → ${newStatus}`))
   */
  onStatusChanged(fn: (info: StatusChangeInfo) => void): () => void
}

/**
 * 1-to-1 and group audio/video calls of the current app's user. Call-control actions run one at a
 * time: a second one while the first is pending rejects with `ErrorCode.CALL_REQUEST_PENDING`.
 * @example
 * const { calls, callStatus, subscribeEvent } = useCallState()
 * subscribeEvent(CallEvent.onCallReceived, ({ callerId }) => console.log(`${callerId} is calling`))
 * await calls({ userIdList: ['bob'], mediaType: CallMediaType.VIDEO })
 */
export function useCallState(): UseCallStateReturn {
  const store = useCallStore()
  const { snapshot, networkQualities, callDuration, selfInfo, remoteParticipants } =
    refsOf(store, ['snapshot', 'networkQualities', 'callDuration', 'selfInfo', 'remoteParticipants'])
  return {
    callStatus: computed(() => snapshot.value.status),
    callRole: computed(() => snapshot.value.role),
    mediaType: computed(() => (snapshot.value.status === CallStatus.Idle ? CallMediaType.UNKNOWN : snapshot.value.activeCall!.mediaType)),
    activeCall: computed(() => snapshot.value.activeCall),
    isGroupCall: computed(() => snapshot.value.activeCall?.isGroupCall ?? false),
    isInCall: computed(() => isCallOngoing(snapshot.value.status)),
    selfInfo,
    remoteParticipants,
    allParticipants: computed(() => [selfInfo.value, ...remoteParticipants.value]),
    callerInfo: computed(() => snapshot.value.callerInfo),
    networkQualities,
    isLocalNetworkPoor: computed(() => (networkQualities.value[selfInfo.value.userId] ?? NetworkQuality.Unknown) >= NetworkQuality.Bad),
    callDuration,
    callDurationText: computed(() => formatCallDuration(callDuration.value)),
    onStatusChanged: scoped(store.onStatusChanged),
    ...refsOf(store, [
      'speakerVolumes', 'isMicrophoneOpened', 'isCameraOpened', 'isSpeakerMuted', 'lastError', 'isFrontCamera', 'videoResolution',
      'videoDisplayMode', 'focusUserId', 'isMinimized', 'isFloatWindowEnabled', 'isMuteMode'
    ]),
    ...pick(store, [
      'calls', 'accept', 'reject', 'ignore', 'hangup', 'join', 'inviteUser', 'switchMediaType', 'openLocalCamera', 'closeLocalCamera',
      'openLocalMicrophone', 'closeLocalMicrophone', 'startRemoteView', 'stopRemoteView', 'muteSpeaker', 'unmuteSpeaker', 'switchCamera',
      'setVideoResolution', 'setVideoDisplayMode', 'setFocusUser', 'toggleMinimize', 'enableFloatWindow', 'enableMuteMode', 'setSelfInfo'
    ]),
    ...scopedEvents<CallEventInfoMap>(store),
  }
}
