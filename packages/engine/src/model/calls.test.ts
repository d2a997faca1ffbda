import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { expire, reduce } from './reduce'
import { accept, T0, world } from './testing'
import type { Command, ModelState, ReduceResult, RoomEvent, UserId } from './types'
import { CallEndReason, CallMediaType, CallParticipantStatus } from './types'

const { Audio, Video } = CallMediaType

/** One line per event and recipient, in delivery order: `bob call.userLeft(alice)`. */
function heard(result: ReduceResult): string[] {
  if (!result.ok) throw new Error(`refused: ${result.error.message}`)
  return result.deliveries.flatMap(({ to, event }) => ('users' in to ? to.users : []).map((user) => `${user} ${describe_(event)}`))
}

function describe_(event: RoomEvent): string {
  switch (event.type) {
    case 'call.userJoined':
    case 'call.userLeft': return `${event.type}(${event.userId})`
    case 'call.userDeclined': return `${event.type}(${event.userId} ${CallEndReason[event.reason]})`
    case 'call.usersInvited': return `${event.type}(${event.userIds.join(',')})`
    case 'call.ended':
    case 'call.notConnected': return `${event.type}(${CallEndReason[event.reason]} by ${event.userId})`
    case 'call.mediaTypeChanged': return `${event.type}(${event.oldMediaType}→${event.newMediaType})`
    default: return event.type
  }
}

/** Runs `command` as `actor` and returns the new state plus what everyone heard. */
function run(state: ModelState, actor: UserId, command: Command, now = T0): { state: ModelState; heard: string[] } {
  const result = accept(state, actor, command, now)
  return { state: result.state, heard: heard(result) }
}

/** Who is in which status in the actor's call, e.g. `{ alice: Accept, bob: Waiting }`. */
function statuses(state: ModelState, userId: UserId): Record<UserId, string> {
  const call = state.calls.get(state.userCalls.get(userId)!)!
  return Object.fromEntries([...call.participants].map(([id, m]) => [id, CallParticipantStatus[m.status]]))
}

/** The invariants every reachable state keeps. */
function checkInvariants(state: ModelState): void {
  for (const [callId, call] of state.calls) {
    expect(call.participants.size).toBeGreaterThanOrEqual(2)
    expect(call.participants.some((m) => m.status === CallParticipantStatus.Accept)).toBe(true)
    for (const [userId, member] of call.participants) {
      expect(state.userCalls.get(userId)).toBe(callId)
      expect(state.deadlines.has(`call|${callId}|${userId}`)).toBe(member.status === CallParticipantStatus.Waiting)
    }
  }
  for (const [userId, callId] of state.userCalls) expect(state.calls.get(callId)?.participants.has(userId)).toBe(true)
  for (const key of state.deadlines.keys()) if (key.startsWith('call|')) expect(state.calls.has(key.split('|')[1]!)).toBe(true)
}

function expectEmpty(state: ModelState): void {
  expect(state.calls.size).toBe(0)
  expect(state.userCalls.size).toBe(0)
  expect([...state.deadlines.keys()].filter((key) => key.startsWith('call|'))).toEqual([])
}

const users = world({ users: ['alice', 'bob', 'carol', 'dave', 'erin'] })
type StartCommand = Extract<Command, { type: 'call.start' }>
const start = (userIdList: UserId[], options: Partial<StartCommand> = {}): StartCommand =>
  ({ type: 'call.start', userIdList, mediaType: Video, ...options })
/** alice has called bob; bob is ringing. */
const ringing = run(users, 'alice', start(['bob'])).state
/** alice and bob are connected at T0 + 1 s. */
const connected = run(ringing, 'bob', { type: 'call.accept' }, T0 + 1000).state

describe('1-to-1 calls (§3.2)', () => {
  it('#1 calls: the caller is calling, the callee rings until the default 30 s timeout', () => {
    const result = accept(users, 'alice', start(['bob'], { userData: 'hi' }))
    expect(result.result).toEqual({ callId: 'call_1', roomId: 'call_1' })
    expect(heard(result)).toEqual(['alice call.created', 'bob call.received'])
    const received = result.deliveries[1]!.event
    expect(received).toMatchObject({
      type: 'call.received', inviterId: 'alice', userData: 'hi',
      call: {
        callId: 'call_1', roomId: 'call_1', mediaType: Video, callerId: 'alice', isGroup: false, status: 'calling', startedAt: 0,
        participants: [
          { userId: 'alice', userName: 'Alice', role: 'caller', status: CallParticipantStatus.Accept },
          { userId: 'bob', userName: 'Bob', role: 'callee', status: CallParticipantStatus.Waiting },
        ],
      },
    })
    expect(result.state.deadlines.get('call|call_1|bob')).toBe(T0 + 30_000)
    expect(result.timers).toEqual([{ op: 'set', key: 'call|call_1|bob', at: T0 + 30_000 }])
    checkInvariants(result.state)
  })

  it.each([[0, 30], [undefined, 30], [10, 10], [600, 600]])('timeout %s rings for %s s', (timeout, seconds) => {
    const { state } = run(users, 'alice', start(['bob'], { timeout }))
    expect(state.deadlines.get('call|call_1|bob')).toBe(T0 + seconds * 1000)
  })

  it('keeps a given room id, numeric or string', () => {
    expect(accept(users, 'alice', start(['bob'], { roomId: 42 })).result.roomId).toBe(42)
    expect(accept(users, 'alice', start(['bob'], { roomId: 'r-1' })).result.roomId).toBe('r-1')
  })

  it('#2 accept: both connected; the caller hears the callee join', () => {
    const result = accept(ringing, 'bob', { type: 'call.accept' }, T0 + 1000)
    expect(heard(result)).toEqual(['bob call.connected', 'alice call.userJoined(bob)'])
    expect(result.state.calls.get('call_1')).toMatchObject({ status: 'connected', startedAt: T0 + 1000 })
    expect(statuses(result.state, 'bob')).toEqual({ alice: 'Accept', bob: 'Accept' })
    expect(result.timers).toEqual([{ op: 'clear', key: 'call|call_1|bob' }])
    checkInvariants(result.state)
  })

  it('#3 reject: both sides not connected with reason Reject', () => {
    const { state, heard: events } = run(ringing, 'bob', { type: 'call.reject' })
    expect(events).toEqual([
      'bob call.notConnected(Reject by bob)',
      'alice call.userDeclined(bob Reject)',
      'alice call.notConnected(Reject by bob)',
    ])
    expectEmpty(state)
  })

  it('#4 no answer: nothing before the timeout, then both sides NoResponse', () => {
    const early = expire(ringing, T0 + 29_999)
    expect(early.ok && early.deliveries).toEqual([])
    const due = expire(ringing, T0 + 30_000, ['call|call_1|bob'])
    expect(heard(due)).toEqual([
      'bob call.notConnected(NoResponse by bob)',
      'alice call.userDeclined(bob NoResponse)',
      'alice call.notConnected(NoResponse by bob)',
    ])
    expectEmpty(due.state)
  })

  it('#5 line busy: the busy callee hears nothing and keeps their call', () => {
    const { state, heard: events } = run(connected, 'carol', start(['bob']))
    expect(events).toEqual([
      'carol call.created',
      'carol call.userDeclined(bob LineBusy)',
      'carol call.notConnected(LineBusy by bob)',
    ])
    expect(state.calls.size).toBe(1)
    expect(state.userCalls.has('carol')).toBe(false)
    expect(statuses(state, 'bob')).toEqual({ alice: 'Accept', bob: 'Accept' })
    checkInvariants(state)
  })

  it('#5 a ringing or calling user is busy too', () => {
    expect(run(ringing, 'carol', start(['bob'])).heard).toContain('carol call.userDeclined(bob LineBusy)')
    expect(run(ringing, 'carol', start(['alice'])).heard).toContain('carol call.userDeclined(alice LineBusy)')
  })

  it('#6 cancel: the caller hangs up while calling; both hear Canceled by the caller', () => {
    const { state, heard: events } = run(ringing, 'alice', { type: 'call.hangup' })
    expect(events).toEqual(['alice call.notConnected(Canceled by alice)', 'bob call.notConnected(Canceled by alice)'])
    expectEmpty(state)
  })

  it('#7 ignore: the callee stops ringing silently; the caller hears line busy', () => {
    const { state, heard: events } = run(ringing, 'bob', { type: 'call.ignore' })
    expect(events).toEqual(['alice call.userDeclined(bob LineBusy)', 'alice call.notConnected(LineBusy by bob)'])
    expectEmpty(state)
  })

  it('a ringing callee who hangs up rejects', () => {
    expect(run(ringing, 'bob', { type: 'call.hangup' }).heard).toEqual(run(ringing, 'bob', { type: 'call.reject' }).heard)
  })

  it('#9 hangup when connected: the leaver ends; the other hears the leave, then the end', () => {
    const result = accept(connected, 'bob', { type: 'call.hangup' }, T0 + 61_000)
    expect(heard(result)).toEqual([
      'bob call.ended(Hangup by bob)',
      'alice call.userLeft(bob)',
      'alice call.ended(Hangup by bob)',
    ])
    const ends = result.deliveries.map((d) => d.event).filter((e) => e.type === 'call.ended')
    expect(ends.map((e) => e.type === 'call.ended' && e.totalTime)).toEqual([60_000, 60_000])
    expectEmpty(result.state)
  })

  it('#11 switch media type: both sides hear it; only in a connected 1-to-1 call', () => {
    const { state, heard: events } = run(connected, 'bob', { type: 'call.switchMediaType', mediaType: Audio })
    expect(events).toEqual(['alice call.mediaTypeChanged(2→1)', 'bob call.mediaTypeChanged(2→1)'])
    expect(state.calls.get('call_1')!.mediaType).toBe(Audio)
    const refused = reduce(ringing, { type: 'call.switchMediaType', mediaType: Audio }, { actor: 'alice', now: T0 })
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.CALL_MEDIA_SWITCH_UNSUPPORTED } })
  })

  it('an offline (not logged-in) callee: the caller hears Offline at once', () => {
    const { state, heard: events } = run(users, 'alice', start(['zoe']))
    expect(events).toEqual(['alice call.created', 'alice call.userDeclined(zoe Offline)', 'alice call.notConnected(Offline by zoe)'])
    expectEmpty(state)
  })

  it('back-to-back: an ended call is not busy; ids never repeat', () => {
    let state = run(connected, 'alice', { type: 'call.hangup' }).state
    const again = accept(state, 'bob', start(['alice']))
    expect(again.result.callId).toBe('call_2')
    expect(heard(again)).toEqual(['bob call.created', 'alice call.received'])
    state = run(again.state, 'alice', { type: 'call.reject' }).state
    expect(run(state, 'alice', start(['bob'])).heard).toEqual(['alice call.created', 'bob call.received'])
  })
})

describe('group calls (§3.4)', () => {
  const group = run(users, 'alice', start(['bob', 'carol', 'dave'])).state

  it('every callee gets the whole list; one accept connects the caller, the others keep ringing', () => {
    const result = accept(users, 'alice', start(['bob', 'carol']))
    expect(heard(result)).toEqual(['alice call.created', 'bob call.received', 'carol call.received'])
    const view = result.deliveries[1]!.event
    expect(view.type === 'call.received' && view.call.isGroup).toBe(true)
    expect(view.type === 'call.received' && view.call.participants.map((p) => p.userId)).toEqual(['alice', 'bob', 'carol'])
    const { state, heard: events } = run(result.state, 'bob', { type: 'call.accept' })
    expect(events).toEqual(['bob call.connected', 'alice call.userJoined(bob)', 'carol call.changed'])
    expect(statuses(state, 'alice')).toEqual({ alice: 'Accept', bob: 'Accept', carol: 'Waiting' })
  })

  it('one reject, one timeout, one busy: only the caller hears them and the call goes on', () => {
    let state = run(group, 'bob', { type: 'call.accept' }).state
    let step = run(state, 'carol', { type: 'call.reject' })
    expect(step.heard).toEqual([
      'carol call.notConnected(Reject by carol)',
      'alice call.userDeclined(carol Reject)',
      'bob call.changed',
      'dave call.changed',
    ])
    state = step.state
    step = run(state, 'erin', { type: 'call.start', userIdList: ['dave'], mediaType: Audio })
    expect(step.heard).toContain('erin call.userDeclined(dave LineBusy)')
    const due = expire(state, T0 + 30_000)
    expect(heard(due)).toEqual([
      'dave call.notConnected(NoResponse by dave)',
      'alice call.userDeclined(dave NoResponse)',
      'bob call.changed',
    ])
    expect(statuses(due.state, 'alice')).toEqual({ alice: 'Accept', bob: 'Accept' })
    checkInvariants(due.state)
  })

  it('in a chat-group call every participant hears who declined', () => {
    const state = run(users, 'alice', start(['bob', 'carol'], { chatGroupId: 'g1' })).state
    expect(run(state, 'carol', { type: 'call.reject' }).heard).toEqual([
      'carol call.notConnected(Reject by carol)',
      'alice call.userDeclined(carol Reject)',
      'bob call.userDeclined(carol Reject)',
    ])
  })

  it('a busy invitee at start is left out; the others ring', () => {
    const busy = run(users, 'dave', start(['erin'])).state
    const { state, heard: events } = run(busy, 'alice', start(['bob', 'erin']))
    expect(events).toEqual(['alice call.created', 'bob call.received', 'alice call.userDeclined(erin LineBusy)'])
    expect(statuses(state, 'alice')).toEqual({ alice: 'Accept', bob: 'Waiting' })
  })

  it('when every invitee fails before anyone answers the caller is not connected', () => {
    let state = run(users, 'alice', start(['bob', 'carol'])).state
    state = run(state, 'bob', { type: 'call.reject' }).state
    expect(state.calls.size).toBe(1)
    const { state: after, heard: events } = run(state, 'carol', { type: 'call.reject' })
    expect(events).toEqual([
      'carol call.notConnected(Reject by carol)',
      'alice call.userDeclined(carol Reject)',
      'alice call.notConnected(Reject by carol)',
    ])
    expectEmpty(after)
  })

  it('a leave while two remain: only the leaver ends; the last one left ends too', () => {
    let state = run(group, 'bob', { type: 'call.accept' }).state
    state = run(state, 'carol', { type: 'call.accept' }).state
    state = run(state, 'dave', { type: 'call.reject' }).state
    let step = run(state, 'alice', { type: 'call.hangup' })
    expect(step.heard).toEqual(['alice call.ended(Hangup by alice)', 'bob call.userLeft(alice)', 'carol call.userLeft(alice)'])
    expect(statuses(step.state, 'bob')).toEqual({ bob: 'Accept', carol: 'Accept' })
    step = run(step.state, 'carol', { type: 'call.hangup' })
    expect(step.heard).toEqual(['carol call.ended(Hangup by carol)', 'bob call.userLeft(carol)', 'bob call.ended(Hangup by carol)'])
    expectEmpty(step.state)
  })

  it('the last one in leaving cancels the invitees still ringing', () => {
    let state = run(users, 'alice', start(['bob', 'carol'])).state
    state = run(state, 'bob', { type: 'call.accept' }).state
    let step = run(state, 'alice', { type: 'call.hangup' })
    expect(step.heard).toEqual(['alice call.ended(Hangup by alice)', 'bob call.userLeft(alice)', 'carol call.changed'])
    step = run(step.state, 'bob', { type: 'call.hangup' })
    expect(step.heard).toEqual(['bob call.ended(Hangup by bob)', 'carol call.notConnected(Canceled by bob)'])
    expectEmpty(step.state)
  })

  it('invite mid-call: everyone in hears it, the invitee rings with the invitation\'s data', () => {
    const result = accept(connected, 'bob', { type: 'call.invite', userIdList: ['carol'], timeout: 20, userData: 'join us' }, T0 + 5000)
    expect(heard(result)).toEqual(['alice call.usersInvited(carol)', 'bob call.usersInvited(carol)', 'carol call.received'])
    expect(result.deliveries.find((d) => d.event.type === 'call.received')!.event).toMatchObject({ inviterId: 'bob', userData: 'join us', call: { isGroup: true, status: 'connected' } })
    expect(result.state.deadlines.get('call|call_1|carol')).toBe(T0 + 25_000)
    // the caller and the inviter hear the timeout; nobody else is left to tell
    expect(heard(expire(result.state, T0 + 25_000))).toEqual([
      'carol call.notConnected(NoResponse by carol)',
      'alice call.userDeclined(carol NoResponse)',
      'bob call.userDeclined(carol NoResponse)',
    ])
  })

  it('invite a busy user: the inviter hears line busy, the call stays 1-to-1', () => {
    const busy = run(connected, 'carol', start(['dave'])).state
    const { state, heard: events } = run(busy, 'alice', { type: 'call.invite', userIdList: ['dave'] })
    expect(events).toEqual(['alice call.userDeclined(dave LineBusy)'])
    expect(state.calls.get('call_1')!.isGroup).toBe(false)
  })

  it('join an ongoing call by id: the joiner connects, the others hear it, the ringing ones refresh', () => {
    let state = run(users, 'alice', start(['bob', 'carol'])).state
    state = run(state, 'bob', { type: 'call.accept' }).state
    const { state: after, heard: events } = run(state, 'dave', { type: 'call.join', callId: 'call_1' })
    expect(events).toEqual(['dave call.connected', 'alice call.userJoined(dave)', 'bob call.userJoined(dave)', 'carol call.changed'])
    expect(statuses(after, 'dave')).toEqual({ alice: 'Accept', bob: 'Accept', carol: 'Waiting', dave: 'Accept' })
    checkInvariants(after)
  })

  it('joining a call nobody answered yet connects the caller', () => {
    const { heard: events, state } = run(ringing, 'carol', { type: 'call.join', callId: 'call_1' })
    expect(events).toEqual(['carol call.connected', 'alice call.userJoined(carol)', 'bob call.changed'])
    expect(state.calls.get('call_1')!.status).toBe('connected')
  })
})

describe('profile changes', () => {
  it('everyone in the call (the ringing ones and the user too) gets the call with the new profile; others hear nothing', () => {
    const state = run(users, 'alice', start(['bob', 'carol'])).state
    const result = accept(run(state, 'bob', { type: 'call.accept' }).state, 'bob', { type: 'user.updateProfile', userName: 'Robert' })
    expect(heard(result)).toEqual(['alice call.changed', 'bob call.changed', 'carol call.changed'])
    const event = result.deliveries[0]!.event
    expect(event.type === 'call.changed' && event.call.participants.find((p) => p.userId === 'bob')?.userName).toBe('Robert')
  })

  it('a user in no call changes their profile silently', () => {
    expect(run(connected, 'carol', { type: 'user.updateProfile', avatarUrl: 'c.png' }).heard).toEqual([])
  })
})

describe('logout, disconnect and kicked offline end the user\'s call', () => {
  it('logout when connected: the other side hears a leave and the end', () => {
    expect(run(connected, 'bob', { type: 'user.logout' }).heard).toEqual([
      'bob call.ended(Hangup by bob)',
      'alice call.userLeft(bob)',
      'alice call.ended(Hangup by bob)',
    ])
  })

  it('disconnect while ringing: the caller hears Offline', () => {
    const { state, heard: events } = run(ringing, 'bob', { type: 'user.disconnect' })
    expect(events).toEqual(['alice call.userDeclined(bob Offline)', 'alice call.notConnected(Offline by bob)'])
    expectEmpty(state)
  })

  it('the same user logging in elsewhere is kicked offline and leaves the call', () => {
    const { state, heard: events } = run(connected, 'alice', { type: 'user.login' })
    expect(events).toEqual([
      'alice call.ended(EndByServer by alice)',
      'bob call.userLeft(alice)',
      'bob call.ended(Hangup by alice)',
      'alice user.kickedOffline',
    ])
    expectEmpty(state)
  })
})

describe('bad input is refused with a typed error and changes nothing', () => {
  const ten = ['bob', 'carol', 'dave', 'erin', 'u5', 'u6', 'u7', 'u8', 'u9']
  it.each<[string, ModelState, UserId, Command, ErrorCode]>([
    ['calling yourself', users, 'alice', start(['alice']), ErrorCode.INVALID_ARGUMENT],
    ['calling yourself among others', users, 'alice', start(['bob', 'alice']), ErrorCode.INVALID_ARGUMENT],
    ['an empty list', users, 'alice', start([]), ErrorCode.INVALID_ARGUMENT],
    ['no list', users, 'alice', { type: 'call.start', mediaType: Audio } as unknown as Command, ErrorCode.INVALID_ARGUMENT],
    ['a duplicate callee', users, 'alice', start(['bob', 'bob']), ErrorCode.INVALID_ARGUMENT],
    ['more than 9 participants', users, 'alice', start(ten), ErrorCode.INVALID_ARGUMENT],
    ['a timeout under 10 s', users, 'alice', start(['bob'], { timeout: 9 }), ErrorCode.INVALID_ARGUMENT],
    ['a timeout over 600 s', users, 'alice', start(['bob'], { timeout: 601 }), ErrorCode.INVALID_ARGUMENT],
    ['a negative timeout', users, 'alice', start(['bob'], { timeout: -1 }), ErrorCode.INVALID_ARGUMENT],
    ['a NaN timeout', users, 'alice', start(['bob'], { timeout: Number.NaN }), ErrorCode.INVALID_ARGUMENT],
    ['an unknown media type', users, 'alice', start(['bob'], { mediaType: 3 as CallMediaType }), ErrorCode.INVALID_ARGUMENT],
    ['room id 0', users, 'alice', start(['bob'], { roomId: 0 }), ErrorCode.INVALID_ARGUMENT],
    ['an empty room id', users, 'alice', start(['bob'], { roomId: '' }), ErrorCode.INVALID_ARGUMENT],
    ['a room id with a slash', users, 'alice', start(['bob'], { roomId: 'a/b' }), ErrorCode.INVALID_ARGUMENT],
    ['a room id of 65 characters', users, 'alice', start(['bob'], { roomId: 'r'.repeat(65) }), ErrorCode.INVALID_ARGUMENT],
    ['a room id over 2^31-1', users, 'alice', start(['bob'], { roomId: 2 ** 31 }), ErrorCode.INVALID_ARGUMENT],
    ['calling without login', users, 'zoe', start(['bob']), ErrorCode.NOT_LOGGED_IN],
    ['a second call while calling', ringing, 'alice', start(['carol']), ErrorCode.ALREADY_IN_CALL],
    ['a call while ringing', ringing, 'bob', start(['carol']), ErrorCode.ALREADY_IN_CALL],
    ['accept while idle', users, 'bob', { type: 'call.accept' }, ErrorCode.NOT_IN_CALL],
    ['the caller accepting', ringing, 'alice', { type: 'call.accept' }, ErrorCode.NOT_IN_CALL],
    ['accept twice', connected, 'bob', { type: 'call.accept' }, ErrorCode.NOT_IN_CALL],
    ['reject while connected', connected, 'bob', { type: 'call.reject' }, ErrorCode.NOT_IN_CALL],
    ['ignore while idle', users, 'bob', { type: 'call.ignore' }, ErrorCode.NOT_IN_CALL],
    ['hangup while idle', users, 'alice', { type: 'call.hangup' }, ErrorCode.NOT_IN_CALL],
    ['join an unknown call', users, 'carol', { type: 'call.join', callId: 'call_9' }, ErrorCode.CALL_NOT_FOUND],
    ['join while in a call', ringing, 'bob', { type: 'call.join', callId: 'call_1' }, ErrorCode.ALREADY_IN_CALL],
    ['invite while ringing', ringing, 'bob', { type: 'call.invite', userIdList: ['carol'] }, ErrorCode.NOT_IN_CALL],
    ['invite someone already in', connected, 'alice', { type: 'call.invite', userIdList: ['bob'] }, ErrorCode.INVALID_ARGUMENT],
    ['invite past 9 participants', connected, 'alice', { type: 'call.invite', userIdList: ten.slice(1) }, ErrorCode.CALL_FULL],
    ['invite with a bad timeout', connected, 'alice', { type: 'call.invite', userIdList: ['carol'], timeout: 5 }, ErrorCode.INVALID_ARGUMENT],
    ['switch to the same type', connected, 'alice', { type: 'call.switchMediaType', mediaType: Video }, ErrorCode.INVALID_ARGUMENT],
  ])('%s', (_, state, actor, command, code) => {
    const result = reduce(state, command, { actor, now: T0 })
    expect(result).toMatchObject({ ok: false, error: { code } })
    expect(result.state).toBe(state)
  })

  it('hangup twice', () => {
    const { state } = run(connected, 'alice', { type: 'call.hangup' })
    const result = reduce(state, { type: 'call.hangup' }, { actor: 'alice', now: T0 })
    expect(result).toMatchObject({ ok: false, state, error: { code: ErrorCode.NOT_IN_CALL } })
  })

  it('joining a full call', () => {
    const eight = ['bob', 'carol', 'dave', 'erin', 'u5', 'u6', 'u7', 'u8']
    let state = world({ users: ['alice', ...eight, 'u9'] })
    state = run(state, 'alice', start(eight)).state
    const result = reduce(state, { type: 'call.join', callId: 'call_1' }, { actor: 'u9', now: T0 })
    expect(result).toMatchObject({ ok: false, state, error: { code: ErrorCode.CALL_FULL } })
  })
})

describe('invariants under any sequence of call commands', () => {
  /** Runs: FC_RUNS (the benchmark profile sets 10,000), else a CI-sized default. */
  const numRuns = Number(process.env.FC_RUNS ?? 200)
  const people = ['alice', 'bob', 'carol', 'dave']
  const command = fc.oneof(
    fc.record({ type: fc.constant('call.start' as const), userIdList: fc.subarray(people, { minLength: 1 }), mediaType: fc.constantFrom(Audio, Video) }),
    fc.constantFrom<Command>({ type: 'call.accept' }, { type: 'call.reject' }, { type: 'call.ignore' }, { type: 'call.hangup' }, { type: 'user.logout' }, { type: 'user.login' }),
    fc.record({ type: fc.constant('call.invite' as const), userIdList: fc.subarray(people, { minLength: 1 }) }),
    fc.record({ type: fc.constant('call.join' as const), callId: fc.constantFrom('call_1', 'call_2', 'call_3') }),
  )
  const step = fc.tuple(fc.constantFrom(...people), command, fc.integer({ min: 0, max: 40_000 }))

  it('keeps userCalls, deadlines and calls consistent and leaves nothing behind', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
      let state = world({ users: people })
      let now = T0
      for (const [actor, cmd, wait] of steps) {
        now += wait
        const due = expire(state, now)
        if (due.ok) state = due.state
        const result = reduce(state, cmd, { actor, now })
        if (!result.ok) expect(result.state).toBe(state)
        state = result.state
        checkInvariants(state)
      }
      for (const userId of people) if (state.users.has(userId)) state = accept(state, userId, { type: 'user.logout' }, now).state
      expectEmpty(state)
    }), { numRuns })
  }, Math.max(30_000, numRuns * 20)) // generous: CI machines are shared and slow
})
