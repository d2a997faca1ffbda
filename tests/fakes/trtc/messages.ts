import { emit, type ClientState, type Core } from './core'
import { FakeRtcError, invalidOperation, invalidParameter } from './errors'
import { checkPayload } from './validate'

/** Per-instance, per-method 1 s windows of the SDK's message rate limit. */
export type RateWindows = Map<string, { start: number; calls: number; bytes: number }>

const MAX_CALLS = 30
const MAX_BYTES = 8000

/**
 * Counts a call (and its bytes, even if the call is refused later) in the current window and throws
 * synchronously on overflow, as the SDK does (an internal error, code 4097).
 */
export function rateLimit(core: Core, windows: RateWindows, fn: string, data: unknown): void {
  const prev = windows.get(fn)
  const w = prev && core.clock - prev.start < 1000 ? prev : { start: core.clock, calls: 0, bytes: 0 }
  windows.set(fn, w)
  w.calls++
  w.bytes += data instanceof ArrayBuffer ? data.byteLength : 0
  if (w.calls > MAX_CALLS) throw new FakeRtcError(4097, undefined, `api ${fn} call times is over ${MAX_CALLS} in 1 second`, fn, 'RtcError')
  if (w.bytes > MAX_BYTES) throw new FakeRtcError(4097, undefined, `api ${fn} call size is over ${MAX_BYTES} bytes in 1 second`, fn, 'RtcError')
}

/** `sendCustomMessage` after the rate check: argument, then state errors; delivery to every other member of the room. */
export function sendCustomMessage(core: Core, client: ClientState, seqs: Map<number, number>, message: { cmdId?: unknown; data?: unknown }): void {
  const fn = 'sendCustomMessage'
  const { cmdId } = message ?? {}
  if (typeof cmdId !== 'number') throw invalidParameter(fn, 5002, 'cmdId must be a number')
  if (cmdId < 1) throw invalidParameter(fn, 5007, 'cmdId must be at least 1')
  if (cmdId > 10) throw invalidParameter(fn, 5008, 'cmdId must be at most 10')
  const data = checkPayload(fn, message.data)
  const s = client.session
  if (!s) throw invalidOperation(fn, 5101, 'not in a room')
  if (s.scene === 'live' && s.role === 'audience') throw invalidOperation(fn, 5107, 'an audience cannot send custom messages')
  const seq = (seqs.get(cmdId) ?? 0) + 1
  seqs.set(cmdId, seq)
  for (const other of core.rooms.get(s.roomKey)?.sessions ?? []) {
    if (other !== s) emit(core, other.client, 'custom-message', { userId: s.userId, cmdId, seq, data: data.slice(0) })
  }
}

/** `sendSEIMessage`: needs `enableSEI`, a room, and the carrying stream published; reaches its players only. */
export function sendSEIMessage(core: Core, client: ClientState, buffer: unknown, options: { seiPayloadType?: number; toSubStream?: boolean } = {}): void {
  const fn = 'sendSEIMessage'
  if (!client.enableSEI) throw invalidOperation(fn, 5108, 'create the instance with enableSEI: true')
  const data = checkPayload(fn, buffer)
  const s = client.session
  if (!s) throw invalidOperation(fn, 5101, 'not in a room')
  const streamType = options.toSubStream ? 'sub' : 'main'
  if (client.tracks[options.toSubStream ? 'screen' : 'video']?.state !== 'started') throw invalidOperation(fn, 5109, `publish the ${streamType} stream first`)
  for (const other of core.rooms.get(s.roomKey)?.sessions ?? []) {
    if (other !== s && other.client.playing.has(`${s.userId}|${streamType}`)) {
      emit(core, other.client, 'sei-message', { userId: s.userId, streamType, data: data.slice(0), seiPayloadType: options.seiPayloadType ?? 243 })
    }
  }
}
