export { createAtomicxClient } from './client'
export { atomicxClientKey, useAtomicxClient } from './context'
export { getDefaultHub } from './defaultHub'
export type { EventApi } from './events'
export { createAtomicx } from './plugin'
export type { AtomicxClient, AtomicxOptions, MediaChannel, MediaCredentials, MediaEngineFactory, TrtcMediaOption } from './types'
// what apps need from the engine without depending on it: errors to branch on, and the embedded hub to run explicitly
export { createLocalHub, EngineError, ErrorCode } from '@atomicx-vue/engine'
export type { Hub, HubOptions } from '@atomicx-vue/engine'
