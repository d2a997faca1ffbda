import type { DeviceControlPolicy, LiveSeatEvent } from '../types/seat'

/** Payload of each `LiveSeatEvent` (the "closed" ones carry none, like the anchor). */
export interface LiveSeatEventInfoMap {
  [LiveSeatEvent.onLocalCameraOpenedByAdmin]: { policy: DeviceControlPolicy }
  [LiveSeatEvent.onLocalCameraClosedByAdmin]: undefined
  [LiveSeatEvent.onLocalMicrophoneOpenedByAdmin]: { policy: DeviceControlPolicy }
  [LiveSeatEvent.onLocalMicrophoneClosedByAdmin]: undefined
}
