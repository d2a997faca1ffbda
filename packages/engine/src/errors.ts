/**
 * Error codes of the room model and the hub. Values the anchor defines (`SeatApplicationErrorCode`,
 * the co-host and battle codes it throws) keep their numbers; the rest is our own small documented set.
 */
export enum ErrorCode {
  // ── ours ──────────────────────────────────────────────────────────────────
  /** A parameter is missing, of the wrong type or out of range. */
  INVALID_ARGUMENT = -1001,
  /** The call needs a logged-in user: call `login()` first. */
  NOT_LOGGED_IN = -1002,
  /** The live room does not exist (never started, or already ended). */
  ROOM_NOT_FOUND = -2100,
  /** The actor is not in the live room the command is about: `joinLive()` first. */
  NOT_IN_ROOM = -2101,
  /** The actor is already in a live room: `leaveLive()` first. */
  ALREADY_IN_ROOM = -2102,
  /** A live room with that id is already running. */
  ROOM_ALREADY_EXISTS = -2103,
  /** The target user is not in the room (or not logged in). */
  USER_NOT_FOUND = -2200,
  /** No pending request matches (unknown applicant, inviter, co-host or battle request). */
  REQUEST_NOT_FOUND = -2311,
  /** The seated user's microphone or camera is locked by an admin. */
  DEVICE_LOCKED = -2360,
  /** The host is not in a co-host connection. */
  NOT_CONNECTED = -2400,
  /** The battle does not exist or the user is not part of it. */
  BATTLE_NOT_FOUND = -2410,
  /** The host is already in a battle (or waiting for answers to one). */
  ALREADY_IN_BATTLE = -2411,

  // ── SeatApplicationErrorCode (anchor values) ─────────────────────────────
  MAX_SEAT_COUNT_LIMIT = -2340,
  SEAT_INDEX_NOT_EXIST = -2344,
  INSUFFICIENT_OPERATION_PERMISSIONS = 100006,
  SEAT_LOCKED = 100200,
  SEAT_OCCUPIED = 100201,
  ALREADY_ON_THE_SEAT_QUEUE = 100202,
  ALREADY_IN_SEAT = 100203,
  NOT_ON_THE_SEAT_QUEUE = 100204,
  ALL_SEAT_OCCUPIED = 100205,
  USER_NOT_IN_SEAT = 100206,
  USER_ALREADY_ON_SEAT = 100210,
  SEAT_NOT_SUPPORT_LINK_MIC = 100211,
  EMPTY_SEAT_LIST = 100251,

  // ── co-host / battle (anchor values) ─────────────────────────────────────
  /** The host has an incoming co-host request to answer first. */
  CO_HOST_REQUEST_PENDING = 100402,
  /** No invitee of a battle request can battle. */
  BATTLE_NO_VALID_ROOM = 100412,

  // ── calls ────────────────────────────────────────────────────────────────
  /** A call action of this user is still pending: wait for it (= TUICallEngine's re-entry guard -1204). */
  CALL_REQUEST_PENDING = -1204,
  /** The user has no call this action applies to (hang up twice, accept while idle…). */
  NOT_IN_CALL = -2500,
  /** The user is already calling, ringing or in a call: hang up first. */
  ALREADY_IN_CALL = -2501,
  /** No ongoing call has that id. */
  CALL_NOT_FOUND = -2502,
  /** Only a connected 1-to-1 call can switch between audio and video. */
  CALL_MEDIA_SWITCH_UNSUPPORTED = -2503,
  /** The call already has the most participants allowed (9). */
  CALL_FULL = -2504,
}

/** The plain, serialisable form of an error that crosses the protocol. */
export interface ErrorInfo {
  readonly code: ErrorCode | number
  readonly message: string
}

/** The one error class of the library: callers branch on `code`, never on `message`. */
export class EngineError extends Error {
  override readonly name = 'EngineError'
  constructor(
    readonly code: ErrorCode | number,
    message?: string,
    options?: ErrorOptions,
  ) {
    super(message ?? ErrorCode[code] ?? `Error ${code}`, options)
  }

  toJSON(): ErrorInfo {
    return { code: this.code, message: this.message }
  }
}

/** Rebuilds an `EngineError` from anything thrown or received over the protocol. */
export function toEngineError(raw: unknown): EngineError {
  if (raw instanceof EngineError) return raw
  if (raw && typeof raw === 'object' && typeof (raw as ErrorInfo).code === 'number') {
    const { code, message } = raw as ErrorInfo
    return new EngineError(code, typeof message === 'string' ? message : undefined, { cause: raw })
  }
  return new EngineError(ErrorCode.INVALID_ARGUMENT, raw instanceof Error ? raw.message : String(raw), { cause: raw })
}
