import { CallStatus } from '@atomicx-vue/vue'

/** A button of `CallView`'s panel. */
export type CallButton = 'accept' | 'reject' | 'hangup' | 'camera' | 'microphone' | 'speaker' | 'invite'

/**
 * The panel's buttons in order (call-api.md §5, PC): ringing: reject, accept; calling: hangup (group: invite
 * first); connected: camera (video or group), microphone, speaker, invite (group), hangup. Devices are only
 * offered once connected: before that there is no media room to open them in.
 */
export function callButtons(status: CallStatus, isVideo: boolean, isGroup: boolean): CallButton[] {
  switch (status) {
    case CallStatus.Ringing:
      return ['reject', 'accept']
    case CallStatus.Calling:
      return isGroup ? ['invite', 'hangup'] : ['hangup']
    case CallStatus.Connected:
      return [...(isVideo || isGroup ? ['camera' as const] : []), 'microphone', 'speaker', ...(isGroup ? ['invite' as const] : []), 'hangup']
    default:
      return []
  }
}
