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
