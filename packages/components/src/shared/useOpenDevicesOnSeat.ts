import { useDeviceState } from '@atomicx-vue/vue'
import { watch } from 'vue'
import type { Actions } from './useActions'

/**
 * Opens the microphone and camera when the user goes from the audience onto a seat, while `enabled()`:
 * taking a seat never opens devices by itself. Waits for the seat (not the acceptance event), because
 * only a seated user may publish.
 */
export function useOpenDevicesOnSeat(isSeated: () => boolean, enabled: () => boolean, actions: Actions): void {
  const { openLocalMicrophone, openLocalCamera } = useDeviceState()
  watch(isSeated, (seated, before) => {
    if (!seated || before || !enabled()) return
    actions.run('devices', 'openLocalDevices', () => Promise.all([openLocalMicrophone(), openLocalCamera()]), 'deviceUnknown')
  })
}
