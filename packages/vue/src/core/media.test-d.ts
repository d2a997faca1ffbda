import { describe, expectTypeOf, it } from 'vitest'
import type { RealCrossRoom, RealModules, RealTrtc } from '../../../engine/src/media/trtc/sdk.test-d'
import { createAtomicx } from './plugin'
import type { AtomicxOptions } from './types'

type Media = AtomicxOptions['media']
declare const sdkModule: { default: typeof RealTrtc }

describe('the trtc media option', () => {
  it('takes the real trtc-sdk-v5 default export and CrossRoom plugin without casts', () => {
    expectTypeOf<{ kind: 'trtc'; sdkAppId: number; TRTC: typeof RealTrtc; CrossRoom: typeof RealCrossRoom }>().toExtend<Media>()
  })

  it('takes a bundler-friendly load instead', () => {
    expectTypeOf<{ kind: 'trtc'; sdkAppId: number; load: () => Promise<RealModules> }>().toExtend<Media>()
    expectTypeOf(createAtomicx).toBeCallableWith({ media: { kind: 'trtc', sdkAppId: 1400000001, load: async () => ({ TRTC: sdkModule.default }) } })
  })

  it('refuses the module namespace as TRTC, and a load resolving the namespace', () => {
    expectTypeOf<{ kind: 'trtc'; sdkAppId: number; TRTC: { default: typeof RealTrtc } }>().not.toExtend<Media>()
    expectTypeOf<{ kind: 'trtc'; sdkAppId: number; load: () => Promise<{ default: typeof RealTrtc }> }>().not.toExtend<Media>()
  })
})
