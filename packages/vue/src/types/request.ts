/** How a room-engine request ended (kept for code written against the anchor's engine types). */
export enum TUIRequestCallbackType {
  kRequestAccepted = 0,
  kRequestRejected = 1,
  kRequestCancelled = 2,
  kRequestTimeout = 3,
  kRequestError = 4,
}
