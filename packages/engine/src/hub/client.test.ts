import { describe, expect, it, vi } from 'vitest'
import { EngineError, ErrorCode } from '../errors'
import type { RoomEvent, SessionView } from '../model/types'
import { openSession } from './client'
import { PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from './protocol'
import { createPortPair } from './transport'

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

const view = (userName: string): SessionView => ({ user: { userId: 'ann', userName, avatarUrl: '' }, live: null })
const kicked: RoomEvent = { type: 'user.kickedOffline' }
const metadata = (n: number): RoomEvent => ({ type: 'live.metadataChanged', liveId: 'r', metadata: { n: String(n) } })

/** A scripted hub end: records what the client sends, lets the test answer. */
function fakeHub() {
  const [client, hubSide] = createPortPair<ServerMessage, ClientMessage>()
  const received: ClientMessage[] = []
  hubSide.onMessage((message) => received.push(message))
  return { client, hubSide, received }
}

async function welcomed(version = 5) {
  const hub = fakeHub()
  const opening = openSession(hub.client, { userId: 'ann', userName: 'Ann', userSig: 'sig' })
  hub.hubSide.send({ kind: 'welcome', version, view: view('Ann') })
  const session = await opening
  return { ...hub, session }
}

describe('openSession', () => {
  it('says hello with the protocol version and profile, then resolves on welcome with the view', async () => {
    const { received, session } = await welcomed(5)
    expect(received).toEqual([
      { kind: 'hello', protocol: PROTOCOL_VERSION, userId: 'ann', userName: 'Ann', avatarUrl: undefined, userSig: 'sig' },
    ])
    expect(session.userId).toBe('ann')
    expect(session.view).toEqual(view('Ann'))
    expect(session.profile).toEqual({ userId: 'ann', userName: 'Ann', avatarUrl: '' })
    expect(session.version).toBe(5)
    expect(session.closed).toBe(false)
  })

  it('rejects with the hub error when the hello is refused', async () => {
    const { client, hubSide } = fakeHub()
    const opening = openSession(client, { userId: '' })
    hubSide.send({ kind: 'closed', reason: 'refused', error: { code: ErrorCode.INVALID_ARGUMENT, message: 'userId must be a non-empty string' } })
    hubSide.close()
    const error = await opening.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ code: ErrorCode.INVALID_ARGUMENT, message: 'userId must be a non-empty string' })
  })

  it('rejects with NOT_LOGGED_IN when the hub goes away before the welcome', async () => {
    const { client, hubSide } = fakeHub()
    const opening = openSession(client, { userId: 'ann' })
    hubSide.close()
    await expect(opening).rejects.toMatchObject({ code: ErrorCode.NOT_LOGGED_IN })
  })
})

describe('Session', () => {
  it('numbers requests and queries, resolves results, rejects with EngineError and tracks the version', async () => {
    const { session, hubSide, received } = await welcomed(5)
    const started = session.request({ type: 'live.start', liveId: 'r' })
    const refused = session.request({ type: 'seat.take', seatIndex: 99 })
    const listed = session.query({ type: 'live.list' })
    await flush()
    expect(received.slice(1)).toEqual([
      { kind: 'request', id: 1, command: { type: 'live.start', liveId: 'r' } },
      { kind: 'request', id: 2, command: { type: 'seat.take', seatIndex: 99 } },
      { kind: 'query', id: 3, query: { type: 'live.list' } },
    ])
    // answered out of order on purpose: ids, not order, match them
    hubSide.send({ kind: 'response', id: 3, ok: true, result: { list: [], cursor: '' }, version: 6 })
    hubSide.send({ kind: 'response', id: 2, ok: false, error: { code: ErrorCode.SEAT_INDEX_NOT_EXIST, message: 'no seat 99' }, version: 6 })
    hubSide.send({ kind: 'response', id: 1, ok: true, result: { liveId: 'r' }, version: 6 })
    await expect(listed).resolves.toEqual({ list: [], cursor: '' })
    const error = await refused.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ code: ErrorCode.SEAT_INDEX_NOT_EXIST, message: 'no seat 99' })
    await expect(started).resolves.toEqual({ liveId: 'r' })
    expect(session.version).toBe(6)
  })

  it('hands events to every listener in hub order with their version; unsubscribe stops them', async () => {
    const { session, hubSide } = await welcomed(5)
    const first: Array<[RoomEvent, number]> = []
    const second = vi.fn()
    session.onEvent((event, version) => first.push([event, version]))
    const off = session.onEvent(second)
    hubSide.send({ kind: 'event', version: 7, event: metadata(1) })
    hubSide.send({ kind: 'event', version: 7, event: metadata(2) }) // same command, same version
    hubSide.send({ kind: 'event', version: 9, event: metadata(3) }) // a gap is normal: 8 was for others
    await flush()
    off()
    hubSide.send({ kind: 'event', version: 10, event: kicked })
    await flush()
    expect(first).toEqual([[metadata(1), 7], [metadata(2), 7], [metadata(3), 9], [kicked, 10]])
    expect(second.mock.calls).toEqual([[metadata(1), 7], [metadata(2), 7], [metadata(3), 9]])
    expect(session.version).toBe(10)
  })

  it('drops an event whose version went back, asks one resync, and takes the fresh view', async () => {
    const { session, hubSide, received } = await welcomed(5)
    const events = vi.fn()
    const resynced = vi.fn()
    session.onEvent(events)
    session.onResync(resynced)
    hubSide.send({ kind: 'event', version: 8, event: metadata(1) })
    hubSide.send({ kind: 'event', version: 6, event: metadata(2) })
    hubSide.send({ kind: 'event', version: 7, event: metadata(3) })
    await flush()
    expect(events.mock.calls).toEqual([[metadata(1), 8]])
    expect(received.filter((m) => m.kind === 'resync')).toHaveLength(1)
    hubSide.send({ kind: 'sync', version: 9, view: view('Ann B') })
    await flush()
    expect(resynced).toHaveBeenCalledWith(view('Ann B'), 9)
    expect(session.view).toEqual(view('Ann B'))
    expect(session.profile.userName).toBe('Ann B')
    expect(session.version).toBe(9)
    hubSide.send({ kind: 'event', version: 4, event: metadata(4) })
    await flush()
    expect(received.filter((m) => m.kind === 'resync')).toHaveLength(2) // a new gap asks again
  })

  it('close() says bye and resolves when the hub confirms; pending calls reject, later ones too', async () => {
    const { session, hubSide, received } = await welcomed()
    const closed = vi.fn()
    session.onClose(closed)
    const pending = session.request({ type: 'live.leave' })
    const closing = session.close()
    expect(session.close()).toBe(closing)
    await flush()
    expect(received.slice(1).map((m) => m.kind)).toEqual(['request', 'bye'])
    hubSide.send({ kind: 'closed', reason: 'loggedOut' })
    hubSide.close()
    await closing
    await expect(pending).rejects.toMatchObject({ code: ErrorCode.NOT_LOGGED_IN })
    await expect(session.request({ type: 'live.leave' })).rejects.toMatchObject({ code: ErrorCode.NOT_LOGGED_IN })
    expect(session.closed).toBe(true)
    expect(closed).toHaveBeenCalledTimes(1)
    expect(closed).toHaveBeenCalledWith('loggedOut', undefined)
  })

  it('reports the hub’s reason and error, or `disconnected` when the port just goes away', async () => {
    const kickedOut = await welcomed()
    const reasons = vi.fn()
    kickedOut.session.onClose(reasons)
    kickedOut.hubSide.send({ kind: 'closed', reason: 'kickedOffline' })
    kickedOut.hubSide.close()
    await flush()
    expect(reasons.mock.calls).toEqual([['kickedOffline', undefined]])

    const dropped = await welcomed()
    const events = vi.fn()
    dropped.session.onEvent(events)
    dropped.session.onClose(reasons)
    dropped.hubSide.close()
    await flush()
    expect(reasons.mock.calls[1]).toEqual(['disconnected', undefined])
    expect(dropped.session.closed).toBe(true)
    await expect(dropped.session.close()).resolves.toBeUndefined()
    expect(dropped.received.map((m) => m.kind)).toEqual(['hello']) // no bye on a dead port
  })
})

describe('session edge cases', () => {
  it('tells an onClose listener registered after the close, once', async () => {
    const { hubSide, session } = await welcomed()
    hubSide.send({ kind: 'closed', reason: 'kickedOffline' })
    hubSide.close()
    await flush()
    expect(session.closed).toBe(true)
    const late = vi.fn()
    session.onClose(late)
    await flush()
    expect(late).toHaveBeenCalledExactlyOnceWith('kickedOffline', undefined)
  })

  it('rejects a request whose send throws, and keeps nothing pending', async () => {
    const { client, received, session } = await welcomed()
    vi.spyOn(client, 'send').mockImplementationOnce(() => { throw new Error('socket closing') })
    const error = await session.request({ type: 'live.leave' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ code: ErrorCode.NOT_LOGGED_IN, cause: new Error('socket closing') })
    // the next request goes out normally
    void session.request({ type: 'live.leave' }).catch(() => {})
    await flush()
    expect(received.filter((m) => m.kind === 'request')).toEqual([{ kind: 'request', id: 2, command: { type: 'live.leave' } }])
  })
})
