import { CallStatus } from '@atomicx-vue/vue'
import type { IconName } from '../shared/icons'

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

const ICON: Record<CallButton, IconName> = {
  accept: 'phone', reject: 'hangup', hangup: 'hangup', camera: 'camera', microphone: 'mic', speaker: 'speaker', invite: 'userPlus',
}
const ICON_OFF: Partial<Record<CallButton, IconName>> = { camera: 'cameraOff', microphone: 'micOff', speaker: 'speakerOff' }

/** The icon of a button; a device toggle that is off (`pressed` false) shows its crossed-out icon. */
export function buttonIcon(button: CallButton, pressed?: boolean): IconName {
  return (pressed === false && ICON_OFF[button]) || ICON[button]
}
