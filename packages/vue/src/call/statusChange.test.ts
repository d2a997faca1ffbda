// `onStatusChanged`: the kit's `statusChanged({ oldStatus, newStatus })` for code migrating from TUICallKit.
import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { flush } from '../core/testing'
import { CallMediaType } from '../types/device'
import { CallEvent } from './events'
import { callTestbed, type CallUser } from './testing'
import { IDLE_CALL, toStatusChange } from './transitions'
import { CallStatus, StatusChange, type ActiveCall } from './types'

const { VIDEO, AUDIO } = CallMediaType
const bed = callTestbed()
const { people } = bed

/** Every status change `u` sees from now on, as `old → new`. */
function watchStatus(u: CallUser): string[] {
  const seen: string[] = []
  u.call.onStatusChanged(({ oldStatus, newStatus }) => seen.push(`${oldStatus} → ${newStatus}`))
  return seen
}

describe('onStatusChanged', () => {
  it('1-to-1: dialing / be-invited, then calling-c2c-video, audio after a switch, idle at the end', async () => {
    const [alice, bob] = await people('alice', 'bob')
    const [aliceSaw, bobSaw] = [watchStatus(alice), watchStatus(bob)]
    await alice.call.calls({ userIdList: ['bob'], mediaType: VIDEO })
    await flush()
    await bob.call.accept()
    await flush()
    await alice.call.switchMediaType({ mediaType: AUDIO })
    await flush()
    await bob.call.hangup()
    await flush()
    expect(aliceSaw).toEqual(['idle → dialing-c2c', 'dialing-c2c → calling-c2c-video', 'calling-c2c-video → calling-c2c-audio', 'calling-c2c-audio → idle'])
    expect(bobSaw).toEqual(['idle → be-invited', 'be-invited → calling-c2c-video', 'calling-c2c-video → calling-c2c-audio', 'calling-c2c-audio → idle'])
  })

  it('group: dialing-group and calling-group-*; a decline ends ringing with idle; inviting while dialing makes a call a group', async () => {
    const [alice, bob, carol] = await people('alice', 'bob', 'carol')
    const [aliceSaw, carolSaw] = [watchStatus(alice), watchStatus(carol)]
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    await alice.call.inviteUser({ userIdList: ['carol'] })
    await flush()
    await bob.call.accept()
    await flush()
    await carol.call.reject()
    await flush()
    expect(aliceSaw).toEqual(['idle → dialing-c2c', 'dialing-c2c → dialing-group', 'dialing-group → calling-group-audio'])
    expect(carolSaw).toEqual(['idle → be-invited', 'be-invited → idle'])
  })

  it('fires before the call events of the change that caused it; nothing for what does not change the status', async () => {
    const [alice, bob, carol] = await people('alice', 'bob', 'carol')
    const order: string[] = []
    alice.call.onStatusChanged(({ newStatus }) => order.push(newStatus))
    alice.call.subscribeEvent(CallEvent.onCallStarted, () => order.push('onCallStarted'))
    alice.call.subscribeEvent(CallEvent.onUserJoined, () => order.push('onUserJoined'))
    await alice.call.calls({ userIdList: ['bob', 'carol'], mediaType: VIDEO })
    await flush()
    await bob.call.accept()
    await flush()
    await carol.call.accept() // one more in a connected call: same status
    await flush()
    alice.engine.emit('volumes', { levels: [{ userId: 'bob', volume: 50 }] })
    expect(order).toEqual(['dialing-group', 'calling-group-video', 'onUserJoined', 'onCallStarted', 'onUserJoined'])
  })

  it('ends with the scope it was subscribed in; the returned function unsubscribes too', async () => {
    const [alice] = await people('alice', 'bob')
    const [scoped, plain] = [vi.fn(), vi.fn()]
    const scope = effectScope()
    scope.run(() => alice.call.onStatusChanged(scoped))
    alice.call.onStatusChanged(plain)()
    scope.stop()
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    expect(alice.call.callStatus.value).toBe(CallStatus.Calling)
    expect([scoped, plain].map((fn) => fn.mock.calls.length)).toEqual([0, 0])
  })
})

describe('toStatusChange', () => {
  const call = (isGroupCall: boolean, mediaType: CallMediaType) => ({ isGroupCall, mediaType }) as ActiveCall
  it.each([
    [CallStatus.Idle, null, StatusChange.IDLE],
    [CallStatus.Ended, call(true, VIDEO), StatusChange.IDLE],
    [CallStatus.Ringing, call(true, VIDEO), StatusChange.BE_INVITED],
    [CallStatus.Calling, call(false, VIDEO), StatusChange.DIALING_C2C],
    [CallStatus.Calling, call(true, AUDIO), StatusChange.DIALING_GROUP],
    [CallStatus.Connected, call(false, AUDIO), StatusChange.CALLING_C2C_AUDIO],
    [CallStatus.Connected, call(false, VIDEO), StatusChange.CALLING_C2C_VIDEO],
    [CallStatus.Connected, call(true, AUDIO), StatusChange.CALLING_GROUP_AUDIO],
    [CallStatus.Connected, call(true, VIDEO), StatusChange.CALLING_GROUP_VIDEO],
  ])('%s %j → %s', (status, activeCall, expected) => {
    expect(toStatusChange({ ...IDLE_CALL, status, activeCall })).toBe(expected)
  })
})
