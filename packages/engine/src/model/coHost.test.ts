import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { coHostCandidates, coHostSessionView, dropRoomCoHost } from './coHost'
import { expire, reduce } from './reduce'
import { accept as must, profile, roomOf, T0, world } from './testing'
import { createTx } from './tx'
import {
  CoHostLayoutTemplate, ConnectionCode,
  type Command, type CommandOf, type CoHostRequestView, type CoHostUserView, type Delivery, type LiveId, type ModelState, type UserId,
} from './types'

const host = (userId: UserId, liveId: LiveId): CoHostUserView => ({ ...profile(userId), liveId })
const H = { l1: host('h1', 'l1'), l2: host('h2', 'l2'), l3: host('h3', 'l3'), l4: host('h4', 'l4') }

/** Lives l1…l4 owned by h1…h4, each with one audience member a1…a4 and l1 with admin adam; `loner` is in no live. */
const base = world({
  users: ['loner'],
  lives: [
    { liveId: 'l1', owner: 'h1', admins: ['adam'], audience: ['a1'] },
    { liveId: 'l2', owner: 'h2', audience: ['a2'] },
    { liveId: 'l3', owner: 'h3', audience: ['a3'] },
    { liveId: 'l4', owner: 'h4', audience: ['a4'] },
  ],
})

const request = (liveId: LiveId, extra: Partial<CommandOf<'coHost.request'>> = {}): CommandOf<'coHost.request'> =>
  ({ type: 'coHost.request', liveId, timeout: 30, ...extra })

function run(state: ModelState, ...steps: [UserId, Command][]): ModelState {
  for (const [actor, command] of steps) state = must(state, actor, command).state
  return state
}

/** l1 and l2 connected (h1 asked, h2 accepted). */
const pair = run(base, ['h1', request('l2')], ['h2', { type: 'coHost.accept', liveId: 'l1' }])

function refused(state: ModelState, actor: UserId, command: Command, code: ErrorCode): void {
  const result = reduce(state, command, { actor, now: T0 })
  expect(result.ok ? 'accepted' : result.error.code).toBe(code)
  expect(result.state).toBe(state)
}

function pending(state: ModelState, from: LiveId, to: LiveId): CoHostRequestView {
  const view = coHostSessionView(state, from, roomOf(state, from).ownerId).coHostOutgoing.find((r) => r.invitee.liveId === to)
  if (!view) throw new Error(`no request ${from} → ${to}`)
  return view
}

const ended = (view: CoHostRequestView, outcome: string): Delivery =>
  ({ to: { users: [view.inviter.userId, view.invitee.userId] }, event: { type: 'coHost.requestEnded', request: view, outcome } } as Delivery)

function changed(liveId: LiveId, hosts: CoHostUserView[] | null, joined: CoHostUserView[], left: CoHostUserView[], state: ModelState): Delivery {
  const connectionId = hosts && roomOf(state, liveId).connectionId
  const connection = hosts && connectionId ? { connectionId, layoutTemplate: state.connections.get(connectionId)!.layoutTemplate, hosts } : null
  return { to: { room: liveId }, event: { type: 'coHost.connectionChanged', liveId, connection, joined, left } }
}

/**
 * What breaks the co-host invariants in `state`: the connected relation is symmetric, a room has at
 * most one incoming request and none while connected, the index agrees with the requests it indexes,
 * and each request has exactly its deadline. Plain checks, not one `expect` each: the property runs
 * this after every step, where `expect` would dominate the time.
 */
function inconsistencies(state: ModelState): string[] {
  const problems: string[] = []
  const check = (ok: boolean, problem: () => string) => ok || problems.push(problem())
  const requests = [...state.coHostRequests.values()]
  for (const [connectionId, connection] of state.connections) {
    check(connection.liveIds.length > 1, () => `${connectionId} holds ${connection.liveIds.length} room(s)`)
    for (const liveId of connection.liveIds) check(state.rooms.get(liveId)?.connectionId === connectionId, () => `${connectionId} lists ${liveId}, which points elsewhere`)
  }
  for (const [liveId, room] of state.rooms) {
    if (room.connectionId) check(state.connections.get(room.connectionId)?.liveIds.includes(liveId) === true, () => `${liveId} points at ${room.connectionId}, which does not list it`)
    const incoming = requests.filter((r) => r.toLiveId === liveId).map((r) => r.requestId)
    check(incoming.length <= 1, () => `${liveId} has incoming ${incoming.join()}`)
    check(!room.connectionId || incoming.length === 0, () => `${liveId} is connected with incoming ${incoming.join()}`) // a connected room is busy
    const index = state.coHostByRoom.get(liveId)
    check((index?.incoming ?? null) === (incoming[0] ?? null), () => `${liveId} indexes incoming ${index?.incoming ?? null}, has ${incoming.join()}`)
    const outgoing = requests.filter((r) => r.fromLiveId === liveId).map((r) => r.requestId).join()
    check((index?.outgoing.toArray() ?? []).join() === outgoing, () => `${liveId} indexes outgoing ${index?.outgoing.toArray().join()}, has ${outgoing}`)
  }
  for (const r of requests) check((state.deadlines.get(`cohost|${r.requestId}`) ?? null) === r.expiresAt, () => `${r.requestId} expires at ${r.expiresAt}, its deadline differs`)
  const deadlines = [...state.deadlines.keys()].filter((key) => key.startsWith('cohost|')).length
  check(deadlines === requests.filter((r) => r.expiresAt !== null).length, () => `${deadlines} co-host deadlines for the requests ${requests.map((r) => r.requestId).join()}`)
  return problems
}

function expectConsistent(state: ModelState): void {
  expect(inconsistencies(state)).toEqual([])
}

describe('coHost.request', () => {
  it('stores the request with its deadline and tells both owners', () => {
    const result = must(base, 'h1', request('l2', { extensionInfo: '{"withBattle":false}', layoutTemplate: CoHostLayoutTemplate.HostDynamic1v6 }))
    expect(result.result).toEqual({ code: ConnectionCode.Success })
    const [stored] = [...result.state.coHostRequests.values()]
    const view: CoHostRequestView = {
      requestId: stored!.requestId,
      inviter: H.l1,
      invitee: H.l2,
      layoutTemplate: CoHostLayoutTemplate.HostDynamic1v6,
      extensionInfo: '{"withBattle":false}',
      createdAt: T0,
      expiresAt: T0 + 30_000,
    }
    expect(result.deliveries).toEqual([{ to: { users: ['h1', 'h2'] }, event: { type: 'coHost.requestAdded', request: view } }])
    expect(result.timers).toEqual([{ op: 'set', key: `cohost|${view.requestId}`, at: T0 + 30_000 }])
    expect(coHostSessionView(result.state, 'l1', 'h1')).toEqual({ connection: null, coHostOutgoing: [view], coHostIncoming: [] })
    expect(coHostSessionView(result.state, 'l2', 'h2')).toEqual({ connection: null, coHostOutgoing: [], coHostIncoming: [view] })
    // requests are the owners' business only
    expect(coHostSessionView(result.state, 'l2', 'a2')).toEqual({ connection: null, coHostOutgoing: [], coHostIncoming: [] })
    expectConsistent(result.state)
  })

  it('defaults to the dynamic grid, no extension info, and no deadline for timeout 0', () => {
    const result = must(base, 'h1', request('l2', { timeout: 0 }))
    const view = pending(result.state, 'l1', 'l2')
    expect(view).toMatchObject({ layoutTemplate: CoHostLayoutTemplate.HostDynamicGrid, extensionInfo: '', expiresAt: null })
    expect(result.timers).toEqual([])
    expect(result.state.deadlines.size).toBe(0)
  })

  it('lets one owner ask several rooms at once', () => {
    const state = run(base, ['h1', request('l2')], ['h1', request('l3')])
    expect(coHostSessionView(state, 'l1', 'h1').coHostOutgoing.map((r) => r.invitee)).toEqual([H.l2, H.l3])
    expectConsistent(state)
  })

  it.each<[string, UserId, Command, ErrorCode]>([
    ['nobody logged in', 'ghost', request('l2'), ErrorCode.NOT_LOGGED_IN],
    ['a user in no live', 'loner', request('l2'), ErrorCode.NOT_IN_ROOM],
    ['an audience member', 'a1', request('l2'), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['an administrator', 'adam', request('l2'), ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['the own live', 'h1', request('l1'), ErrorCode.INVALID_ARGUMENT],
    ['an empty liveId', 'h1', request(''), ErrorCode.INVALID_ARGUMENT],
    ['an unknown layout', 'h1', request('l2', { layoutTemplate: 800 }), ErrorCode.INVALID_ARGUMENT],
    ['a negative timeout', 'h1', request('l2', { timeout: -1 }), ErrorCode.INVALID_ARGUMENT],
    ['a timeout in ms', 'h1', request('l2', { timeout: 30_000_000 }), ErrorCode.INVALID_ARGUMENT],
    ['a non-string extensionInfo', 'h1', { ...request('l2'), extensionInfo: 5 } as unknown as Command, ErrorCode.INVALID_ARGUMENT],
  ])('refuses %s', (_, actor, command, code) => refused(base, actor, command, code))

  it('refuses a host who has a request to answer (CO_HOST_REQUEST_PENDING)', () => {
    const state = run(base, ['h3', request('l1')])
    refused(state, 'h1', request('l2'), ErrorCode.CO_HOST_REQUEST_PENDING)
    refused(state, 'h1', request('l3'), ErrorCode.CO_HOST_REQUEST_PENDING)
  })

  const waiting = run(base, ['h1', request('l2')])
  it.each<[string, ModelState, UserId, LiveId, ConnectionCode]>([
    ['an unknown live', base, 'h1', 'nowhere', ConnectionCode.RoomNotExist],
    ['a room already asked', waiting, 'h1', 'l2', ConnectionCode.Connecting],
    ['a room already connected with mine', pair, 'h1', 'l2', ConnectionCode.Connecting],
    ['a room asked by another room', waiting, 'h3', 'l2', ConnectionCode.ConnectingOtherRoom],
    ['a room connected with others', pair, 'h3', 'l1', ConnectionCode.ConnectingOtherRoom],
  ])('answers at once, storing nothing, for %s', (_, state, actor, liveId, code) => {
    const result = must(state, actor, request(liveId))
    expect(result.result).toEqual({ code })
    expect(result.state).toBe(state)
    expect(result.deliveries).toEqual([])
    expect(result.timers).toEqual([])
  })

  it.each([
    [CoHostLayoutTemplate.HostDynamicGrid, 9],
    [CoHostLayoutTemplate.HostDynamic1v6, 7],
    [CoHostLayoutTemplate.HostVideoLandscapeFixed2Seats, 2],
  ])('answers Full once a %i connection holds %i rooms', (layoutTemplate, capacity) => {
    const ids = Array.from({ length: capacity + 1 }, (_, i) => `r${i}`)
    let state = world({ lives: ids.map((liveId) => ({ liveId, owner: `o${liveId}` })) })
    state = run(state, ['or0', request('r1', { layoutTemplate })], ['or1', { type: 'coHost.accept', liveId: 'r0' }])
    for (const liveId of ids.slice(2, capacity)) state = run(state, ['or0', request(liveId)], [`o${liveId}`, { type: 'coHost.accept', liveId: 'r0' }])
    expect(state.connections.first()?.liveIds).toHaveLength(capacity)
    const result = must(state, 'or0', request(`r${capacity}`))
    expect(result.result).toEqual({ code: ConnectionCode.Full })
    expect(result.state).toBe(state)
  })
})

describe('coHost.cancel / reject', () => {
  const state = run(base, ['h1', request('l2')])
  const view = pending(state, 'l1', 'l2')

  it.each([
    ['h1', { type: 'coHost.cancel', liveId: 'l2' }, 'cancelled'],
    ['h2', { type: 'coHost.reject', liveId: 'l1' }, 'rejected'],
  ] as const)('%s ends the request for both owners', (actor, command, outcome) => {
    const result = must(state, actor, command)
    expect(result.deliveries).toEqual([ended(view, outcome)])
    expect(result.timers).toEqual([{ op: 'clear', key: `cohost|${view.requestId}` }])
    expect(result.state.coHostRequests.size).toBe(0)
    expect(result.state.coHostByRoom.size).toBe(0)
    expect(result.state.deadlines.size).toBe(0)
    expect(coHostSessionView(result.state, 'l2', 'h2').coHostIncoming).toEqual([])
  })

  it.each<[string, UserId, Command, ErrorCode]>([
    ['cancelling a request never sent', 'h1', { type: 'coHost.cancel', liveId: 'l3' }, ErrorCode.REQUEST_NOT_FOUND],
    ['cancelling a request as its target', 'h2', { type: 'coHost.cancel', liveId: 'l1' }, ErrorCode.REQUEST_NOT_FOUND],
    ['cancelling another room\'s request', 'h3', { type: 'coHost.cancel', liveId: 'l2' }, ErrorCode.REQUEST_NOT_FOUND],
    ['rejecting a room that never asked', 'h2', { type: 'coHost.reject', liveId: 'l3' }, ErrorCode.REQUEST_NOT_FOUND],
    ['rejecting as the requester', 'h1', { type: 'coHost.reject', liveId: 'l2' }, ErrorCode.REQUEST_NOT_FOUND],
    ['cancelling as audience', 'a1', { type: 'coHost.cancel', liveId: 'l2' }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['rejecting as audience', 'a2', { type: 'coHost.reject', liveId: 'l1' }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['rejecting with no liveId', 'h2', { type: 'coHost.reject' } as unknown as Command, ErrorCode.INVALID_ARGUMENT],
  ])('refuses %s', (_, actor, command, code) => refused(state, actor, command, code))
})

describe('coHost.accept', () => {
  it('connects both rooms and tells every member of each', () => {
    const state = run(base, ['h1', request('l2', { layoutTemplate: CoHostLayoutTemplate.HostDynamic1v6 })])
    const view = pending(state, 'l1', 'l2')
    const result = must(state, 'h2', { type: 'coHost.accept', liveId: 'l1' })
    const next = result.state
    const [connection] = [...next.connections.values()]
    expect(connection).toEqual({ connectionId: connection!.connectionId, layoutTemplate: CoHostLayoutTemplate.HostDynamic1v6, liveIds: ['l1', 'l2'] })
    expect(result.deliveries).toEqual([
      ended(view, 'accepted'),
      changed('l1', [H.l1, H.l2], [H.l2], [], next),
      changed('l2', [H.l1, H.l2], [H.l1], [], next),
    ])
    expect(result.timers).toEqual([{ op: 'clear', key: `cohost|${view.requestId}` }])
    // every member sees the connection; nobody has a request left
    for (const [liveId, userId] of [['l1', 'a1'], ['l2', 'h2']] as const) {
      expect(coHostSessionView(next, liveId, userId)).toEqual({
        connection: { connectionId: connection!.connectionId, layoutTemplate: CoHostLayoutTemplate.HostDynamic1v6, hosts: [H.l1, H.l2] },
        coHostOutgoing: [],
        coHostIncoming: [],
      })
    }
    expectConsistent(next)
  })

  it('adds the target to the requester\'s connection, keeping its layout', () => {
    const state = run(pair, ['h2', request('l3', { layoutTemplate: CoHostLayoutTemplate.HostVideoLandscapeFixed2Seats })])
    const result = must(state, 'h3', { type: 'coHost.accept', liveId: 'l2' })
    const hosts = [H.l1, H.l2, H.l3]
    expect(result.deliveries.slice(1)).toEqual([
      changed('l1', hosts, [H.l3], [], result.state),
      changed('l2', hosts, [H.l3], [], result.state),
      changed('l3', hosts, [H.l1, H.l2], [], result.state),
    ])
    expect(result.state.connections.size).toBe(1)
    expect(result.state.connections.first()?.layoutTemplate).toBe(CoHostLayoutTemplate.HostDynamicGrid)
    expectConsistent(result.state)
  })

  it('ends a request the requester had still to answer: a connected room is busy', () => {
    const state = run(base, ['h1', request('l2')], ['h3', request('l1')])
    const stale = pending(state, 'l3', 'l1')
    const result = must(state, 'h2', { type: 'coHost.accept', liveId: 'l1' })
    expect(result.deliveries.at(-1)).toEqual(ended(stale, 'rejected'))
    expect(result.timers.at(-1)).toEqual({ op: 'clear', key: `cohost|${stale.requestId}` })
    expect(result.state.coHostRequests.size).toBe(0)
    expectConsistent(result.state)
  })

  it('keeps the target\'s own requests: who accepts them joins the same connection', () => {
    const state = run(base, ['h2', request('l3')], ['h1', request('l2')], ['h2', { type: 'coHost.accept', liveId: 'l1' }])
    expect(pending(state, 'l2', 'l3')).toBeDefined()
    const next = run(state, ['h3', { type: 'coHost.accept', liveId: 'l2' }])
    expect(next.connections.first()?.liveIds).toEqual(['l1', 'l2', 'l3'])
    expectConsistent(next)
  })

  it('withdraws the requests of a connection that became full', () => {
    const layoutTemplate = CoHostLayoutTemplate.HostVideoLandscapeFixed2Seats
    const state = run(base, ['h1', request('l2', { layoutTemplate })], ['h1', request('l3', { layoutTemplate })])
    const withdrawn = pending(state, 'l1', 'l3')
    const result = must(state, 'h2', { type: 'coHost.accept', liveId: 'l1' })
    expect(result.deliveries.at(-1)).toEqual(ended(withdrawn, 'cancelled'))
    expect(result.state.coHostRequests.size).toBe(0)
    expectConsistent(result.state)
  })

  it.each<[string, UserId, Command, ErrorCode]>([
    ['a room that never asked', 'h2', { type: 'coHost.accept', liveId: 'l3' }, ErrorCode.REQUEST_NOT_FOUND],
    ['its own request', 'h1', { type: 'coHost.accept', liveId: 'l2' }, ErrorCode.REQUEST_NOT_FOUND],
    ['as audience', 'a2', { type: 'coHost.accept', liveId: 'l1' }, ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['as a user in no live', 'loner', { type: 'coHost.accept', liveId: 'l1' }, ErrorCode.NOT_IN_ROOM],
  ])('refuses accepting %s', (_, actor, command, code) => refused(run(base, ['h1', request('l2')]), actor, command, code))
})

describe('timeout', () => {
  it('ends an unanswered request for both owners at its deadline', () => {
    const state = run(base, ['h1', request('l2', { timeout: 10 })])
    const view = pending(state, 'l1', 'l2')
    const early = expire(state, T0 + 9_999)
    expect(early.ok && early.state).toBe(state)
    const result = expire(state, T0 + 10_000, [`cohost|${view.requestId}`])
    if (!result.ok) throw new Error('expire refused')
    expect(result.deliveries).toEqual([ended(view, 'timeout')])
    expect(result.timers).toEqual([{ op: 'clear', key: `cohost|${view.requestId}` }])
    expect(result.state.coHostRequests.size).toBe(0)
    expectConsistent(result.state)
  })
})

describe('coHost.exit', () => {
  const trio = run(pair, ['h1', request('l3')], ['h3', { type: 'coHost.accept', liveId: 'l1' }])

  it('takes the room out and tells the rest who left', () => {
    const result = must(trio, 'h2', { type: 'coHost.exit' })
    expect(result.deliveries).toEqual([
      changed('l2', null, [], [H.l1, H.l3], result.state),
      changed('l1', [H.l1, H.l3], [], [H.l2], result.state),
      changed('l3', [H.l1, H.l3], [], [H.l2], result.state),
    ])
    expect(roomOf(result.state, 'l2').connectionId).toBeNull()
    expect(coHostSessionView(result.state, 'l2', 'a2').connection).toBeNull()
    expectConsistent(result.state)
  })

  it('dissolves a connection left with one room', () => {
    const result = must(pair, 'h1', { type: 'coHost.exit' })
    expect(result.deliveries).toEqual([changed('l1', null, [], [H.l2], result.state), changed('l2', null, [], [H.l1], result.state)])
    expect(result.state.connections.size).toBe(0)
    expect(roomOf(result.state, 'l2').connectionId).toBeNull()
    expectConsistent(result.state)
  })

  it.each<[string, UserId, ErrorCode]>([
    ['a host not connected', 'h3', ErrorCode.NOT_CONNECTED],
    ['an audience member of a connected room', 'a1', ErrorCode.INSUFFICIENT_OPERATION_PERMISSIONS],
    ['a user in no live', 'loner', ErrorCode.NOT_IN_ROOM],
  ])('refuses %s', (_, actor, code) => refused(pair, actor, { type: 'coHost.exit' }, code))
})

describe('a host leaving the live', () => {
  it('ends the live\'s requests both ways, as liveEnded, for both owners', () => {
    const state = run(base, ['h1', request('l2')], ['h3', request('l1')], ['h4', request('l3')])
    const views = [pending(state, 'l3', 'l1'), pending(state, 'l1', 'l2')]
    const result = must(state, 'h1', { type: 'live.end' })
    expect(result.deliveries.slice(0, 2)).toEqual(views.map((view) => ended(view, 'liveEnded')))
    expect(result.timers.slice(0, 2)).toEqual(views.map((view) => ({ op: 'clear', key: `cohost|${view.requestId}` })))
    expect([...result.state.coHostRequests.values()].map((r) => [r.fromLiveId, r.toLiveId])).toEqual([['l4', 'l3']]) // unrelated requests stand
    expectConsistent(result.state)
  })

  it('takes the live out of its connection: the others hear it left', () => {
    const trio = run(pair, ['h1', request('l3')], ['h3', { type: 'coHost.accept', liveId: 'l1' }])
    const result = must(trio, 'h2', { type: 'live.leave' })
    expect(result.deliveries.filter((d) => d.event.type === 'coHost.connectionChanged')).toEqual([
      changed('l2', null, [], [H.l1, H.l3], result.state), // the room is gone: the hub reaches nobody
      changed('l1', [H.l1, H.l3], [], [H.l2], result.state),
      changed('l3', [H.l1, H.l3], [], [H.l2], result.state),
    ])
    expect(result.state.connections.first()?.liveIds).toEqual(['l1', 'l3'])
    expectConsistent(result.state)
  })

  it('dissolves a two-room connection when one live ends', () => {
    const result = must(pair, 'h2', { type: 'live.end' })
    expect(result.state.connections.size).toBe(0)
    expect(roomOf(result.state, 'l1').connectionId).toBeNull()
    expectConsistent(result.state)
  })

  it('reports the outcome it is given and ignores unknown lives', () => {
    const state = run(base, ['h1', request('l2')])
    const tx = createTx(state, { actor: '', now: T0 })
    dropRoomCoHost(tx, 'nowhere', 'left')
    expect(tx.state).toBe(state)
    dropRoomCoHost(tx, 'l2', 'left')
    expect(tx.deliveries).toEqual([ended(pending(state, 'l1', 'l2'), 'left')])
  })
})

describe('coHostCandidates', () => {
  const ctx = (actor: UserId) => ({ actor, now: T0 })
  const ids = (state: ModelState, actor: UserId, cursor?: string, count?: number) =>
    coHostCandidates(state, ctx(actor), cursor, count).list.map((h) => h.liveId)

  it('lists other rooms\' owners, minus connected and already invited ones', () => {
    expect(coHostCandidates(base, ctx('h1')).list).toEqual([H.l2, H.l3, H.l4])
    const state = run(pair, ['h1', request('l3')])
    expect(ids(state, 'h1')).toEqual(['l4'])
    expect(ids(state, 'h2')).toEqual(['l3', 'l4']) // l3 was invited by l1, not by l2
    expect(ids(state, 'loner')).toEqual(['l1', 'l2', 'l3', 'l4'])
  })

  it('pages with a cursor that survives rooms ending', () => {
    const first = coHostCandidates(base, ctx('h1'), '', 2)
    expect(first.list).toEqual([H.l2, H.l3])
    expect(first.cursor).not.toBe('')
    const state = run(base, ['h2', { type: 'live.end' }])
    expect(coHostCandidates(state, ctx('h1'), first.cursor, 2)).toEqual({ list: [H.l4], cursor: '' })
  })

  it.each<[string, UserId, unknown, unknown, ErrorCode]>([
    ['nobody logged in', 'ghost', '', 20, ErrorCode.NOT_LOGGED_IN],
    ['a made-up cursor', 'h1', 'abc', 20, ErrorCode.INVALID_ARGUMENT],
    ['count 0', 'h1', '', 0, ErrorCode.INVALID_ARGUMENT],
    ['count 101', 'h1', '', 101, ErrorCode.INVALID_ARGUMENT],
    ['a fractional count', 'h1', '', 1.5, ErrorCode.INVALID_ARGUMENT],
  ])('refuses %s', (_, actor, cursor, count, code) => {
    expect(() => coHostCandidates(base, ctx(actor), cursor as string, count as number)).toThrow(expect.objectContaining({ code }))
  })
})

describe('invariants under any sequence of co-host commands', () => {
  /** Runs: FC_RUNS (the benchmark profile sets 10,000), else a CI-sized default. */
  const numRuns = Number(process.env.FC_RUNS ?? 200)
  const lives = ['l1', 'l2', 'l3', 'l4']
  const owner = (liveId: LiveId): UserId => `h${liveId.slice(1)}`
  const live = fc.constantFrom(...lives)
  const step = fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('request' as const), actor: live, liveId: live, layoutTemplate: fc.constantFrom(600, 601, 400), timeout: fc.constantFrom(0, 5) }) },
    { weight: 8, arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'reject' as const), actor: live }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('cancel' as const), actor: live, liveId: live }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('exit' as const, 'expire' as const), actor: live }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('end' as const), actor: live }) },
  )
  type Step = typeof step extends fc.Arbitrary<infer S> ? S : never
  // answers go to the request actually waiting, so connections grow
  const toCommand = (state: ModelState, s: Step): Command => {
    const from = coHostSessionView(state, s.actor, owner(s.actor)).coHostIncoming[0]?.inviter.liveId ?? 'none'
    switch (s.kind) {
      case 'request': return { type: 'coHost.request', liveId: s.liveId, layoutTemplate: s.layoutTemplate, timeout: s.timeout }
      case 'accept': return { type: 'coHost.accept', liveId: from }
      case 'reject': return { type: 'coHost.reject', liveId: from }
      case 'cancel': return { type: 'coHost.cancel', liveId: s.liveId }
      case 'exit': return { type: 'coHost.exit' }
      default: return { type: 'live.end' }
    }
  }

  it('keeps connections symmetric, one incoming request per room, and the index and deadlines exact', () => {
    let biggest = 0
    fc.assert(fc.property(fc.array(step, { minLength: 20, maxLength: 60 }), (steps) => {
      let state = base
      let now = T0
      for (const s of steps) {
        now += 1_000
        const result = s.kind === 'expire' ? expire(state, now) : reduce(state, toCommand(state, s), { actor: owner(s.actor), now })
        if (!result.ok) expect(result.state).toBe(state)
        state = result.state
        expectConsistent(state)
        for (const connection of state.connections.values()) biggest = Math.max(biggest, connection.liveIds.length)
      }
    }), { numRuns })
    expect(biggest).toBeGreaterThan(2) // the runs grew connections beyond a pair
  }, Math.max(30_000, numRuns * 20)) // generous: CI machines are shared and slow
})
