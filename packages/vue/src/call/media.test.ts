// The call's own media engine (apart from the live one) and devices asked for before the media room.
import { describe, expect, it } from 'vitest'
import { useAtomicxClient } from '../core/context'
import { localNetworkOf } from '../core/media'
import { createTestUser, flush } from '../core/testing'
import { CallMediaType } from '../types/device'
import { callTestbed, connected } from './testing'
import { useCallState } from './useCallState'

const { VIDEO, AUDIO } = CallMediaType
const bed = callTestbed()
const { people } = bed

describe('the call\'s own media engine', () => {
  it('is not the live one: built when the call connects, hears only the call, disposed at its end; the next call builds another', async () => {
    const [alice, bob] = await people('alice', 'bob')
    const live = await alice.use(useAtomicxClient).media()
    await connected(alice, bob)
    const [, first] = alice.engines
    expect(alice.engines).toHaveLength(2)
    expect(first!.join).toHaveBeenCalledWith({ roomId: 'call_1', userId: 'alice', role: 'anchor', scene: 'rtc' })
    expect(live.join).not.toHaveBeenCalled()

    alice.engines[0]!.emit('volumes', { levels: [{ userId: 'carol', volume: 80 }] }) // the live room's
    first!.emit('volumes', { levels: [{ userId: 'bob', volume: 30 }] })
    expect(alice.call.speakerVolumes.value).toEqual({ bob: 30 })

    await bob.call.hangup()
    await flush()
    expect(first!.dispose).toHaveBeenCalledTimes(1)
    expect(live.dispose).not.toHaveBeenCalled()
    expect(await alice.use(useAtomicxClient).media()).toBe(live)
    await connected(alice, bob)
    expect(alice.engines).toHaveLength(3)
    expect(alice.engine.join).toHaveBeenCalledWith(expect.objectContaining({ roomId: 'call_2' }))
  })
})

describe('devices asked for while calling or ringing', () => {
  it('openLocalCamera while ringing resolves at once without media; the camera opens into its view on entering (an audio call too)', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: AUDIO })
    await flush()
    const view = document.createElement('div')
    await bob.call.openLocalCamera({ view })
    expect(bob.engines).toEqual([])
    expect(bob.call.isCameraOpened.value).toBe(false)
    await bob.call.accept()
    await flush()
    const { join, startMicrophone, startCamera } = bob.engine
    expect(startCamera).toHaveBeenCalledWith({ view, quality: '720p', mirror: true })
    const [joined, microphone, camera] = [join, startMicrophone, startCamera].map((fn) => fn.mock.invocationCallOrder[0]!)
    expect(joined! < microphone! && microphone! < camera!).toBe(true)
    expect(bob.call.selfInfo.value).toMatchObject({ isEntered: true, isAudioAvailable: true, isVideoAvailable: true })
  })

  it('closing camera and microphone while calling keeps them closed on entering; they open later as usual', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: VIDEO })
    await alice.call.closeLocalCamera()
    await alice.call.closeLocalMicrophone()
    await flush()
    await bob.call.accept()
    await flush()
    expect(alice.engine.join).toHaveBeenCalledTimes(1)
    expect([alice.engine.startCamera, alice.engine.startMicrophone].map((fn) => fn.mock.calls.length)).toEqual([0, 0])
    expect([alice.call.isCameraOpened.value, alice.call.isMicrophoneOpened.value]).toEqual([false, false])
    await alice.call.openLocalMicrophone()
    expect(alice.call.isMicrophoneOpened.value).toBe(true)
  })

  it('what was asked for ends with the call: the next one opens the defaults', async () => {
    const [alice, bob] = await people('alice', 'bob')
    await alice.call.calls({ userIdList: ['bob'], mediaType: VIDEO })
    await alice.call.closeLocalCamera()
    await flush()
    await bob.call.reject()
    await flush()
    await connected(alice, bob)
    expect(alice.engine.startCamera).toHaveBeenCalledTimes(1)
  })

  it('with the local engine: the caller opens the camera into a view while calling, and it plays there once connected', async () => {
    const [alice, bob] = [await createTestUser(bed.hub, 'alice'), await createTestUser(bed.hub, 'bob')]
    bed.track(alice, bob)
    await alice.use(useCallState).calls({ userIdList: ['bob'], mediaType: VIDEO })
    await flush()
    const view = document.createElement('div')
    await alice.use(useCallState).openLocalCamera({ view }) // the engine would refuse it with NOT_IN_ROOM
    expect(alice.backend.playing(view)).toBeUndefined()
    await bob.use(useCallState).accept()
    await flush()
    await localNetworkOf(bed.hub).flush()
    expect(alice.backend.playing(view)?.getVideoTracks()).toHaveLength(1)
    expect(alice.use(useCallState).lastError.value).toBeNull()
  })
})
