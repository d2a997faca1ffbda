import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../errors'
import { query, reduce } from './reduce'
import { accept, T0, world } from './testing'
import type { Command, CommandType, ModelState, Query, UserId } from './types'

describe('reduce', () => {
  const state = world({ users: ['alice'] })

  it.each<[string, unknown]>([
    ['an unknown type', { type: 'user.fly' }],
    ['a prototype key', { type: 'toString' }],
    ['no object', null],
    ['an object with no type', {}],
    // found by fuzzing: naming these in the message used to throw a TypeError instead of refusing
    ['a null-prototype object', Object.create(null)],
    ['a type String() cannot show', { type: { toString: 1 } }],
  ])('refuses %s as an unknown command, keeping the state', (_, command) => {
    const result = reduce(state, command as Command, { actor: 'alice', now: T0 })
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.INVALID_ARGUMENT, message: expect.stringContaining('Unknown command') } })
    expect(result.state).toBe(state)
  })
})

describe('any command with any field values', () => {
  /** Runs: FC_RUNS (the benchmark profile sets 10,000), else a CI-sized default. */
  const numRuns = Number(process.env.FC_RUNS ?? 200)
  // `satisfies` makes the compiler name a command type added to the model but missing here
  const TYPES = Object.keys({
    'user.login': 1, 'user.logout': 1, 'user.disconnect': 1, 'user.updateProfile': 1,
    'live.start': 1, 'live.join': 1, 'live.leave': 1, 'live.end': 1, 'live.update': 1, 'live.setMetadata': 1,
    'member.setAdmin': 1, 'member.revokeAdmin': 1, 'member.kick': 1, 'member.disableMessage': 1,
    'seat.take': 1, 'seat.leave': 1, 'seat.lock': 1, 'seat.lockDevice': 1, 'seat.kick': 1, 'seat.move': 1, 'seat.remoteDevice': 1, 'seat.deviceState': 1,
    'coGuest.apply': 1, 'coGuest.cancelApplication': 1, 'coGuest.accept': 1, 'coGuest.reject': 1,
    'coGuest.invite': 1, 'coGuest.cancelInvitation': 1, 'coGuest.acceptInvitation': 1, 'coGuest.rejectInvitation': 1,
    'coHost.request': 1, 'coHost.cancel': 1, 'coHost.accept': 1, 'coHost.reject': 1, 'coHost.exit': 1,
    'battle.request': 1, 'battle.cancel': 1, 'battle.accept': 1, 'battle.reject': 1, 'battle.exit': 1, 'battle.addScore': 1,
    'call.start': 1, 'call.accept': 1, 'call.reject': 1, 'call.ignore': 1, 'call.hangup': 1, 'call.join': 1, 'call.invite': 1, 'call.switchMediaType': 1,
  } satisfies Record<CommandType, 1>)
  const QUERIES: Query['type'][] = ['session.view', 'live.list', 'live.info', 'live.metadata', 'member.list', 'coHost.candidates']
  const FIELDS = [
    'liveId', 'userId', 'seatIndex', 'targetIndex', 'timeout', 'isLocked', 'device', 'policy', 'open', 'on', 'inviterId', 'layoutTemplate',
    'extensionInfo', 'battleId', 'userIdList', 'config', 'value', 'mediaType', 'callId', 'roomId', 'userData', 'metadata', 'isDisable',
    'userName', 'maxSeatCount', 'seatMode', 'categoryList', 'cursor', 'count', 'keys',
  ]
  /** Who and what the commands can hit: seats taken, an application, an invitation, a connection, a battle request, a call. */
  const START = ((): ModelState => {
    let state = world({
      users: ['carl', 'cleo'],
      lives: [
        { liveId: 'l1', owner: 'h1', admins: ['adam'], audience: ['ann', 'bob'], seated: ['bob'] },
        { liveId: 'l2', owner: 'h2', audience: ['eve'] },
      ],
    })
    const steps: [UserId, Command][] = [
      ['ann', { type: 'coGuest.apply', seatIndex: -1, timeout: 5 }],
      ['h2', { type: 'coGuest.invite', userId: 'eve', seatIndex: 1, timeout: 5 }],
      ['h1', { type: 'coHost.request', liveId: 'l2', timeout: 0 }],
      ['h2', { type: 'coHost.accept', liveId: 'l1' }],
      ['h1', { type: 'battle.request', userIdList: ['h2'], timeout: 5, config: { duration: 30, needResponse: true, extensionInfo: '' } }],
      ['carl', { type: 'call.start', userIdList: ['cleo'], mediaType: 1 }],
    ]
    for (const [actor, command] of steps) state = accept(state, actor, command).state
    return state
  })()
  const ACTORS = ['h1', 'h2', 'adam', 'ann', 'bob', 'eve', 'carl', 'cleo', 'ghost', '']
  const ids = fc.constantFrom<unknown>('l1', 'l2', 'h1', 'h2', 'ann', 'bob', 'eve', 'cleo', 'battle', -1, 0, 1, 2, 600, true, ['h2'], { duration: 5, needResponse: false })
  const value = fc.oneof(ids, fc.anything({ maxDepth: 1, withNullPrototype: true, withBigInt: true, withBoxedValues: true }), fc.constant({ toString: 1 }))
  const call = fc.record({ actor: fc.constantFrom(...ACTORS), type: fc.nat(), fields: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 }), isQuery: fc.boolean() })

  it('accepts it or refuses it with an ErrorCode, never throwing, and a refusal keeps the state', () => {
    const codes = new Set(Object.values(ErrorCode))
    fc.assert(fc.property(fc.array(call, { maxLength: 6 }), (calls) => {
      let state = START
      for (const { actor, type, fields, isQuery } of calls) {
        if (isQuery) {
          const answer = query(state, { ...fields, type: QUERIES[type % QUERIES.length]! } as Query, { actor, now: T0 })
          expect(answer.ok || codes.has(answer.error.code)).toBe(true)
          continue
        }
        const result = reduce(state, { ...fields, type: TYPES[type % TYPES.length]! } as Command, { actor, now: T0 + 1_000 })
        if (!result.ok) expect([codes.has(result.error.code), result.state]).toEqual([true, state])
        state = result.state
      }
    }), { numRuns })
  }, Math.max(30_000, numRuns * 20)) // generous: CI machines are shared and slow
})
