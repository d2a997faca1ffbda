// Errors and events
export { EngineError, ErrorCode, toEngineError } from './errors'
export type { ErrorInfo } from './errors'
export { createEmitter } from './emitter'
export type { Emitter } from './emitter'

// The room model: pure rules
export { createState, expire, nextDeadline, query, reduce } from './model/reduce'
export { MAX_TIMEOUT_SECONDS } from './model/tx'
export * from './model/types'

// The hub and the protocol
export { PROTOCOL_VERSION } from './hub/protocol'
export type { ClientMessage, ClientPort, HubPort, Port, ServerMessage } from './hub/protocol'
export type { Session, SessionCloseReason } from './hub/session'
export { createLocalHub } from './hub/localHub'
export type { Hub, HubOptions } from './hub/localHub'
export { createPortPair } from './hub/transport'
export { connectInPage, openSession } from './hub/client'
export type { ConnectOptions } from './hub/client'

// Media
export * from './media/types'
export type { AttachedMedia, AudioGain, LevelMeter, MediaBackend } from './media/backend'
export { MediaError, toMediaError } from './media/errors'
export type { MediaErrorOptions } from './media/errors'
export { createBrowserBackend } from './media/browserBackend'
export { createLocalMediaNetwork } from './media/localNetwork'
export type { LocalMediaNetwork } from './media/localNetwork'
export { createLocalMediaEngine } from './media/localEngine'
export type { LocalMediaEngineOptions } from './media/localEngine'
export { createTrtcEngine, loadTrtcSdk } from './media/trtc'
export type { TrtcEngineOptions, TrtcModules, TrtcSdk, TrtcStatic } from './media/trtc'
