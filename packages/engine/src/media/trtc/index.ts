export { createTrtcEngine } from './engine'
export type { TrtcEngineOptions } from './engine'
export { loadTrtcSdk } from './load'
export type { TrtcClient, TrtcModules, TrtcSdk, TrtcStatic } from './sdk'
