import { describe, expectTypeOf, it } from 'vitest'
import type { DeviceError, DeviceStatus, TUIDeviceInfo } from '../types'
import { useDeviceState } from './useDeviceState'

describe('useDeviceState types', () => {
  const state = useDeviceState()

  it('exposes typed read-only state', () => {
    expectTypeOf(state.microphoneStatus.value).toEqualTypeOf<DeviceStatus>()
    expectTypeOf(state.cameraLastError.value).toEqualTypeOf<DeviceError>()
    expectTypeOf(state.currentSpeaker.value).toEqualTypeOf<TUIDeviceInfo | null>()
    // @ts-expect-error state changes only through actions
    state.microphoneStatus.value = 1
  })

  it('keeps the anchor signatures: no-argument opens, one object for the rest', () => {
    expectTypeOf(state.openLocalMicrophone).parameters.toEqualTypeOf<[]>()
    expectTypeOf(state.startCameraTest).parameter(0).toEqualTypeOf<{ view: string | HTMLElement }>()
    expectTypeOf(state.setCaptureVolume).parameters.toEqualTypeOf<[volume: number]>()
  })
})
