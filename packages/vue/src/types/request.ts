/** How a room-engine request ended (kept for code written against the anchor's engine types). */
export enum TUIRequestCallbackType {
  kRequestAccepted = 0,
  kRequestRejected = 1,
  kRequestCancelled = 2,
  kRequestTimeout = 3,
  kRequestError = 4,
}

/**
 * Ours, beside the anchor's shapes: when a pending request expires, in ms on the hub clock (`Date.now()`
 * unless the hub was given another clock); null = it never times out. Count down with `expiresAt - Date.now()`.
 */
export interface RequestDeadline {
  expiresAt: number | null
}
