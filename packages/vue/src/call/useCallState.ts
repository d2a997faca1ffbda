import type { CallRole } from '@atomicx-vue/engine'
import { computed, type ComputedRef } from 'vue'
import { scopedEvents, type EventApi } from '../core/events'
import { CallMediaType, NetworkQuality } from '../types/device'
import type { ViewTarget } from '../types/seat'
import type { CallEventInfoMap } from './events'
import { useCallStore } from './store'
import { formatCallDuration, isCallOngoing } from './transitions'
import { CallStatus, type ActiveCall, type CallError, type CallParticipant, type CallsParams, type InviteUserParams } from './types'

/** What `useCallState()` returns. */
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
  calls(params: CallsParams): Promise<void>
  accept(): Promise<void>
  reject(): Promise<void>
  ignore(): Promise<void>
  hangup(): Promise<void>
  join(params: { callId: string }): Promise<void>
  inviteUser(params: InviteUserParams): Promise<void>
  switchMediaType(params: { mediaType: CallMediaType }): Promise<void>
  /** opens the camera, or moves its preview into `view` when it is open already (it opens on connect without one); `view: null` removes the preview */
  openLocalCamera(params?: { view?: ViewTarget | null }): Promise<void>
  closeLocalCamera(): Promise<void>
  openLocalMicrophone(): Promise<void>
  closeLocalMicrophone(): Promise<void>
  /** an element id not rendered yet is waited for up to 1 s, then rejects with `ErrorCode.INVALID_ARGUMENT` */
  startRemoteView(params: { userId: string; view: ViewTarget }): Promise<void>
  stopRemoteView(params: { userId: string }): Promise<void>
  muteSpeaker(): Promise<void>
  unmuteSpeaker(): Promise<void>
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
  const snapshot = computed(() => store.snapshot)
  const networkQualities = computed(() => store.networkQualities)
  const callDuration = computed(() => store.callDuration)
  const selfInfo = computed(() => store.selfInfo)
  const remoteParticipants = computed(() => store.remoteParticipants)
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
    speakerVolumes: computed(() => store.speakerVolumes),
    networkQualities,
    isLocalNetworkPoor: computed(() => (networkQualities.value[selfInfo.value.userId] ?? NetworkQuality.Unknown) >= NetworkQuality.Bad),
    callDuration,
    callDurationText: computed(() => formatCallDuration(callDuration.value)),
    isMicrophoneOpened: computed(() => store.isMicrophoneOpened),
    isCameraOpened: computed(() => store.isCameraOpened),
    isSpeakerMuted: computed(() => store.isSpeakerMuted),
    lastError: computed(() => store.lastError),
    calls: store.calls,
    accept: store.accept,
    reject: store.reject,
    ignore: store.ignore,
    hangup: store.hangup,
    join: store.join,
    inviteUser: store.inviteUser,
    switchMediaType: store.switchMediaType,
    openLocalCamera: store.openLocalCamera,
    closeLocalCamera: store.closeLocalCamera,
    openLocalMicrophone: store.openLocalMicrophone,
    closeLocalMicrophone: store.closeLocalMicrophone,
    startRemoteView: store.startRemoteView,
    stopRemoteView: store.stopRemoteView,
    muteSpeaker: store.muteSpeaker,
    unmuteSpeaker: store.unmuteSpeaker,
    ...scopedEvents<CallEventInfoMap>(store),
  }
}
