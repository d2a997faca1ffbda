import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EngineError, ErrorCode } from '../errors'
import { reduce } from '../model/reduce'
import { LiveKickedOutReason, type Command, type ModelState, type RoomEvent, type UserId } from '../model/types'
import { openSession } from './client'
import { createLocalHub, type Hub } from './localHub'
import { PROTOCOL_VERSION, type ClientMessage, type ClientPort, type HubPort, type ServerMessage } from './protocol'
import type { Session } from './session'
import { createPortPair } from './transport'

const realSetTimeout = setTimeout
/** Lets every queued message travel, even under fake timers. */
const flush = () => new Promise<void>((resolve) => realSetTimeout(resolve, 0))

const profile = (userId: UserId) => ({ userId, userName: userId.toUpperCase(), avatarUrl: '' })

/** The hub's end of a port, checking that every message survives structured cloning unchanged. */
function plainOnly(port: HubPort): HubPort {
  return {
    send(message) {
      expect(structuredClone(message)).toStrictEqual(message)
      port.send(message)
    },
    onMessage: (receive) => port.onMessage(receive),
    onClose: (handle) => port.onClose(handle),
    close: () => port.close(),
  }
}

interface Client {
  readonly session: Session
  /** everything pushed to this session, in order */
  readonly events: RoomEvent[]
  /** the client's end, to drop the connection like a closed tab */
  readonly port: ClientPort
}

let hub: Hub
let clock: number

async function connect(userId: UserId, into: Hub = hub): Promise<Client> {
  const [port, hubSide] = createPortPair<ServerMessage, ClientMessage>()
  into.accept(plainOnly(hubSide))
  const session = await openSession(port, { userId, userName: profile(userId).userName })
  const events: RoomEvent[] = []
  session.onEvent((event) => events.push(event))
  return { session, events, port }
}

/** A raw connection that speaks the protocol by hand, as a malicious or buggy client could. */
function rawConnection(into: Hub = hub) {
  const [port, hubSide] = createPortPair<ServerMessage, ClientMessage>()
  into.accept(plainOnly(hubSide))
  const received: ServerMessage[] = []
  let closed = false
  port.onMessage((message) => received.push(message))
  port.onClose(() => (closed = true))
  return { port, received, isClosed: () => closed }
}

const typesOf = (events: readonly RoomEvent[]) => events.map((event) => event.type)
const clear = (...clients: Client[]) => clients.forEach((client) => (client.events.length = 0))

/** owner runs live1 with an admin and three audience members; everybody's event log starts empty. */
async function liveRoom() {
  const owner = await connect('owner')
  await owner.session.request({ type: 'live.start', liveId: 'live1' })
  const [admin, aud1, aud2, aud3] = [await connect('admin'), await connect('aud1'), await connect('aud2'), await connect('aud3')]
  for (const member of [admin, aud1, aud2, aud3]) await member.session.request({ type: 'live.join', liveId: 'live1' })
  await owner.session.request({ type: 'member.setAdmin', userId: 'admin' })
  await flush()
  const all = [owner, admin, aud1, aud2, aud3] as const
  clear(...all)
  return { owner, admin, aud1, aud2, aud3, all }
}

const room = (state: ModelState) => state.rooms.get('live1')!

/** Fake timers from t = 0, and a hub on the default clock (Date.now, which they fake too). */
function fakeTime(): void {
  vi.useFakeTimers({ now: 0 })
  hub.dispose()
  hub = createLocalHub()
}

beforeEach(() => {
  clock = 1_000
  hub = createLocalHub({ now: () => clock })
})

afterEach(() => {
  hub.dispose()
  vi.useRealTimers()
})

describe('createLocalHub: sessions', () => {
  it('logs the user in on hello and welcomes the session with its view', async () => {
    const ann = await connect('ann')
    expect(ann.session.view).toEqual({ user: profile('ann'), live: null })
    expect(ann.session.version).toBe(hub.state.version)
    expect(hub.state.users.get('ann')).toMatchObject({ ...profile('ann'), liveId: null })
    expect(hub.sessionCount).toBe(1)
  })

  it('refuses a first message that is not hello, another protocol, and a login the model refuses', async () => {
    const notHello = rawConnection()
    notHello.port.send({ kind: 'resync' })
    const oldClient = rawConnection()
    oldClient.port.send({ kind: 'hello', protocol: PROTOCOL_VERSION + 1, userId: 'ann' })
    const noName = rawConnection()
    noName.port.send({ kind: 'hello', protocol: PROTOCOL_VERSION, userId: '' })
    const noId = rawConnection()
    noId.port.send({ kind: 'hello', protocol: PROTOCOL_VERSION } as ClientMessage)
    await flush()
    for (const refused of [notHello, oldClient, noName, noId]) {
      expect(refused.received).toEqual([{ kind: 'closed', reason: 'refused', error: { code: ErrorCode.INVALID_ARGUMENT, message: expect.any(String) } }])
      expect(refused.isClosed()).toBe(true)
    }
    expect(oldClient.received[0]).toMatchObject({ error: { message: expect.stringContaining(`speaks ${PROTOCOL_VERSION}`) } })
    expect(hub.sessionCount).toBe(0)
    expect(hub.state.users.size).toBe(0)
  })

  it('the same user connecting again kicks the old session out of its live, then offline', async () => {
    const { owner, aud1 } = await liveRoom()
    await aud1.session.request({ type: 'coGuest.apply', seatIndex: -1, timeout: 0 })
    await flush()
    clear(owner, aud1)
    const closed = vi.fn()
    aud1.session.onClose(closed)

    const again = await connect('aud1')
    expect(aud1.events).toEqual([
      { type: 'live.kickedOut', liveId: 'live1', reason: LiveKickedOutReason.byLoggedOnOtherDevice },
      expect.objectContaining({ type: 'coGuest.applicationEnded', outcome: 'left' }),
      { type: 'user.kickedOffline' },
    ])
    expect(closed).toHaveBeenCalledWith('kickedOffline', undefined)
    await expect(aud1.session.request({ type: 'coGuest.cancelApplication' })).rejects.toMatchObject({ code: ErrorCode.NOT_LOGGED_IN })
    expect(typesOf(owner.events)).toEqual(['coGuest.applicationEnded', 'member.left'])
    expect(hub.sessionCount).toBe(5)
    expect(again.session.view).toEqual({ user: profile('aud1'), live: null })
    await expect(again.session.request({ type: 'live.join', liveId: 'live1' })).resolves.toMatchObject({ liveId: 'live1' })
  })

  it('answers queries and resync with the current version', async () => {
    const { owner } = await liveRoom()
    await expect(owner.session.query({ type: 'live.info', liveId: 'live1' })).resolves.toMatchObject({ liveId: 'live1', memberCount: 5 })
    await expect(owner.session.query({ type: 'live.info', liveId: 'nope' })).rejects.toMatchObject({ code: ErrorCode.ROOM_NOT_FOUND })

    const raw = rawConnection()
    raw.port.send({ kind: 'hello', protocol: PROTOCOL_VERSION, userId: 'ann' })
    raw.port.send({ kind: 'resync' })
    await flush()
    expect(raw.received[1]).toEqual({ kind: 'sync', version: hub.state.version, view: { user: { ...profile('ann'), userName: '' }, live: null } })
  })
})

describe('createLocalHub: fan-out', () => {
  it('an application reaches the applicant and the hosts only, with its payload and the state version', async () => {
    const { owner, admin, aud1, aud2, aud3 } = await liveRoom()
    const versions: number[] = []
    owner.session.onEvent((_event, version) => versions.push(version))
    await aud1.session.request({ type: 'coGuest.apply', seatIndex: -1, timeout: 30 })
    await flush()
    const added: RoomEvent = {
      type: 'coGuest.applicationAdded',
      application: { liveId: 'live1', user: profile('aud1'), seatIndex: -1, createdAt: 1_000, expiresAt: 31_000 },
    }
    expect(owner.events).toEqual([added])
    expect(admin.events).toEqual([added])
    expect(aud1.events).toEqual([added])
    expect(aud2.events).toEqual([])
    expect(aud3.events).toEqual([])
    expect(versions).toEqual([hub.state.version])
  })

  it('sends the requester its own events of a command before the response, all with the new version', async () => {
    await liveRoom()
    const guest = rawConnection()
    guest.port.send({ kind: 'hello', protocol: PROTOCOL_VERSION, userId: 'guest' })
    guest.port.send({ kind: 'request', id: 1, command: { type: 'live.join', liveId: 'live1' } })
    guest.port.send({ kind: 'request', id: 2, command: { type: 'coGuest.apply', seatIndex: -1, timeout: 0 } })
    await flush()
    const version = hub.state.version
    // so when request() resolves, whatever listens to the session has already applied the command
    expect(guest.received.slice(1).map((m) => [m.kind === 'event' ? m.event.type : m.kind, 'version' in m && m.version])).toEqual([
      ['member.joined', version - 1],
      ['response', version - 1],
      ['coGuest.applicationAdded', version],
      ['response', version],
    ])
  })

  it('delivers exactly what the model addressed to each user, in the model’s order', async () => {
    const { owner, admin, aud1, aud2, aud3, all } = await liveRoom()
    await aud1.session.request({ type: 'coGuest.apply', seatIndex: 1, timeout: 0 })
    await owner.session.request({ type: 'coGuest.invite', userId: 'aud2', seatIndex: 2, timeout: 0 })
    await flush()
    clear(...all)
    // what the pure model says ending this live sends, projected on each recipient
    const command: Command = { type: 'live.end' }
    const expected = reduce(hub.state, command, { actor: 'owner', now: clock })
    if (!expected.ok) throw new Error(expected.error.message)
    const byUser = (userId: UserId) => expected.deliveries
      .filter(({ to }) => ('users' in to ? to.users.includes(userId) : expected.state.rooms.get(to.room)?.members.has(userId)))
      .map(({ event }) => event)

    await owner.session.request(command)
    await flush()
    for (const client of [owner, admin, aud1, aud2, aud3]) expect(client.events).toEqual(byUser(client.session.userId))
    expect(typesOf(owner.events)).toEqual(['coGuest.applicationEnded', 'coGuest.invitationEnded'])
    expect(typesOf(aud1.events)).toEqual(['coGuest.applicationEnded', 'live.ended'])
    expect(typesOf(aud3.events)).toEqual(['live.ended'])
    expect(hub.state.rooms.has('live1')).toBe(false)
  })

  it('a refused command reaches only the requester, as an EngineError, and changes nothing', async () => {
    const { aud1, aud2, all } = await liveRoom()
    await aud1.session.request({ type: 'coGuest.apply', seatIndex: -1, timeout: 0 })
    await flush()
    clear(...all)
    const before = hub.state
    const error = await aud2.session.request({ type: 'coGuest.accept', userId: 'aud1' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ code: ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS })
    await flush()
    expect(hub.state).toBe(before)
    for (const client of all) expect(client.events).toEqual([])
  })

  it('acts as the user who said hello, whatever a message claims', async () => {
    const { owner } = await liveRoom()
    const intruder = rawConnection()
    intruder.port.send({ kind: 'hello', protocol: PROTOCOL_VERSION, userId: 'aud9' })
    intruder.port.send({ kind: 'hello', protocol: PROTOCOL_VERSION, userId: 'owner' }) // ignored
    intruder.port.send({ kind: 'request', id: 1, command: { type: 'live.join', liveId: 'live1' } })
    await flush()
    const joined = hub.state.version
    owner.events.length = 0
    const forged = { type: 'live.end', actor: 'owner', userId: 'owner' } as Command
    intruder.port.send({ kind: 'request', id: 2, command: forged })
    intruder.port.send({ kind: 'request', id: 3, command: { type: 'user.logout' } })
    await flush()
    const refusal = (id: number, code: ErrorCode) => ({ kind: 'response', id, ok: false, error: { code, message: expect.any(String) }, version: joined })
    expect(intruder.received.slice(-2)).toEqual([
      refusal(2, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS),
      refusal(3, ErrorCode.INVALID_ARGUMENT),
    ])
    expect(hub.state.version).toBe(joined)
    expect(hub.state.rooms.has('live1')).toBe(true)
    expect(hub.state.users.has('aud9')).toBe(true)
    expect(owner.session.closed).toBe(false)
    expect(owner.events).toEqual([])
  })
})

describe('createLocalHub: leaving', () => {
  it('a dropped connection loses its application, invitation and seat, and the hosts hear it', async () => {
    const { owner, admin, aud1, aud2, aud3 } = await liveRoom()
    await aud1.session.request({ type: 'coGuest.apply', seatIndex: -1, timeout: 30 })
    await owner.session.request({ type: 'coGuest.invite', userId: 'aud2', seatIndex: -1, timeout: 30 })
    await owner.session.request({ type: 'coGuest.invite', userId: 'aud3', seatIndex: 4, timeout: 0 })
    await aud3.session.request({ type: 'coGuest.acceptInvitation', inviterId: 'owner' })
    await flush()
    clear(owner, admin)

    for (const gone of [aud1, aud2, aud3]) gone.port.close()
    await flush()
    const ended = (events: readonly RoomEvent[]) => events.flatMap((event) =>
      event.type === 'coGuest.applicationEnded' ? [`application ${event.application.user.userId} ${event.outcome}`]
        : event.type === 'coGuest.invitationEnded' ? [`invitation ${event.invitation.invitee.userId} ${event.outcome}`]
          : event.type === 'member.left' ? [`left ${event.member.userId}`] : [])
    expect(ended(owner.events)).toEqual(['application aud1 left', 'left aud1', 'invitation aud2 left', 'left aud2', 'left aud3'])
    expect(ended(admin.events)).toEqual(ended(owner.events))
    const lastSeats = owner.events.filter((event) => event.type === 'seat.listChanged').at(-1)
    expect(lastSeats).toMatchObject({ seats: expect.not.arrayContaining([expect.objectContaining({ user: expect.objectContaining({ userId: 'aud3' }) })]) })
    const live = room(hub.state)
    expect(live.applications.size).toBe(0)
    expect(live.invitations.size).toBe(0)
    expect(live.seats.some((seat) => seat.userId === 'aud3')).toBe(false)
    expect([...live.members.keys()]).toEqual(['owner', 'admin'])
    expect(hub.state.deadlines.size).toBe(0)
    expect(hub.sessionCount).toBe(2)
  })

  it('close() logs out: the room hears it and the session closes as loggedOut', async () => {
    const { owner, aud1 } = await liveRoom()
    const reasons = vi.fn()
    aud1.session.onClose(reasons)
    await aud1.session.close()
    await flush()
    expect(reasons).toHaveBeenCalledWith('loggedOut', undefined)
    expect(typesOf(owner.events)).toContain('member.left')
    expect(hub.state.users.has('aud1')).toBe(false)
    expect(room(hub.state).members.has('aud1')).toBe(false)
    expect(hub.sessionCount).toBe(4)
  })
})

describe('createLocalHub: deadlines', () => {
  it('an application times out after its seconds: both sides hear `timeout`, no timer is left', async () => {
    fakeTime()
    const { owner, aud1, aud2 } = await liveRoom()
    await aud1.session.request({ type: 'coGuest.apply', seatIndex: -1, timeout: 30 })
    await flush()
    clear(owner, aud1)
    expect(vi.getTimerCount()).toBe(1)

    await vi.advanceTimersByTimeAsync(29_999)
    await flush()
    expect(owner.events).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    await flush()
    const timedOut = { type: 'coGuest.applicationEnded', outcome: 'timeout', hostUser: null, application: expect.objectContaining({ user: profile('aud1'), expiresAt: 30_000 }) }
    expect(owner.events).toEqual([timedOut])
    expect(aud1.events).toEqual([timedOut])
    expect(aud2.events).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
    expect(hub.state.deadlines.size).toBe(0)
  })

  it('an answered request drops its timer', async () => {
    fakeTime()
    const { owner, aud1 } = await liveRoom()
    await owner.session.request({ type: 'coGuest.invite', userId: 'aud1', seatIndex: -1, timeout: 10 })
    expect(vi.getTimerCount()).toBe(1)
    await aud1.session.request({ type: 'coGuest.rejectInvitation', inviterId: 'owner' })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a timer that fires before the hub clock reaches the deadline waits for the rest', async () => {
    vi.useFakeTimers({ now: 0 })
    clock = 0
    const { owner, aud1 } = await liveRoom()
    await aud1.session.request({ type: 'coGuest.apply', seatIndex: -1, timeout: 30 })
    await flush()
    clear(owner)
    clock = 29_000 // the hub clock lags the timers
    await vi.advanceTimersByTimeAsync(30_000)
    await flush()
    expect(owner.events).toEqual([])
    expect(vi.getTimerCount()).toBe(1)
    clock = 30_000
    await vi.advanceTimersByTimeAsync(1_000)
    await flush()
    expect(typesOf(owner.events)).toEqual(['coGuest.applicationEnded'])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('dispose() clears every timer and closes every session with `shutdown`', async () => {
    fakeTime()
    const { owner, all } = await liveRoom()
    await all[2].session.request({ type: 'coGuest.apply', seatIndex: -1, timeout: 30 })
    await owner.session.request({ type: 'coGuest.invite', userId: 'aud2', seatIndex: -1, timeout: 60 })
    const reasons = vi.fn()
    for (const client of all) client.session.onClose(reasons)
    expect(vi.getTimerCount()).toBe(2)

    hub.dispose()
    await flush()
    expect(vi.getTimerCount()).toBe(0)
    expect(reasons.mock.calls).toEqual(all.map(() => ['shutdown', undefined]))
    expect(hub.sessionCount).toBe(0)
    await expect(connect('late')).rejects.toMatchObject({ code: ErrorCode.NOT_LOGGED_IN })
  })

  it('a hello still on its way when dispose() runs is shut down, not welcomed', async () => {
    const [port, hubSide] = createPortPair<ServerMessage, ClientMessage>()
    hub.accept(hubSide)
    const opening = openSession(port, { userId: 'late' })
    hub.dispose()
    await expect(opening).rejects.toMatchObject({ code: ErrorCode.NOT_LOGGED_IN, message: expect.stringContaining('shutdown') })
    expect(hub.sessionCount).toBe(0)
    expect(hub.state.users.size).toBe(0)
  })
})
