// The conformance list of reference/trtc-engine.md §3.7, run against the fake. The same list documents
// what the real trtc-sdk-v5 does, so a difference found in a browser is a bug of the fake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFakeCloud, type FakeCloud } from './index'
import { joined, only, record, SDK_APP_ID } from './testing'

let cloud: FakeCloud

beforeEach(() => {
  cloud = createFakeCloud()
})

// 10. after each test everything is delivered and no listener threw
afterEach(async () => {
  await cloud.flush()
  expect(cloud.listenerErrors).toEqual([])
})

describe('TRTC fake conformance (§3.7)', () => {
  it('1. a started camera is announced, played, and its stop ends playback before unavailable', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    b.log.splice(0)
    await a.client.startLocalVideo({ view: null })
    await cloud.flush()
    expect(b.log).toEqual([['remote-video-available', { userId: 'alice', streamType: 'main' }]])

    await b.client.startRemoteVideo({ userId: 'alice', streamType: 'main', view: document.createElement('div') })
    await cloud.flush()
    expect(only(b.log.splice(0), 'video-play-state', 'first-video-frame')).toEqual([
      ['video-play-state-changed', { userId: 'alice', streamType: 'main', state: 'PLAYING', reason: 'playing' }],
      ['first-video-frame', { userId: 'alice', streamType: 'main', width: 640, height: 480 }],
    ])

    await a.client.stopLocalVideo()
    await cloud.flush()
    expect(b.log).toEqual([
      ['video-play-state-changed', { userId: 'alice', streamType: 'main', state: 'STOPPED', reason: 'ended' }],
      ['remote-video-unavailable', { userId: 'alice', streamType: 'main' }],
    ])
    expect(cloud.session('bob')?.playing.size).toBe(0)
  })

  it('2. a live audience is invisible and publishes nothing until it becomes an anchor', async () => {
    const a = await joined(cloud, 'alice')
    a.log.splice(0)
    const c = await joined(cloud, 'carol', { role: 'audience' })
    await c.client.startLocalAudio()
    await cloud.flush()
    expect(only(a.log, 'remote-')).toEqual([])
    expect(only(c.log, 'publish-state')).toEqual([])
    expect(cloud.session('carol')).toMatchObject({ capturing: ['audio'], published: [] })

    await c.client.switchRole('anchor')
    await cloud.flush()
    expect(only(a.log, 'remote-')).toEqual([
      ['remote-user-enter', { userId: 'carol' }],
      ['remote-audio-available', { userId: 'carol' }],
    ])
    expect(only(c.log, 'publish-state').map(([, p]) => (p as { state: string }).state)).toEqual(['starting', 'started'])
  })

  it('3. room 123 and room "123" never see each other', async () => {
    const a = await joined(cloud, 'alice', { strRoomId: undefined, roomId: 123 })
    const b = await joined(cloud, 'bob', { strRoomId: '123' })
    await a.client.startLocalAudio()
    await b.client.startLocalAudio()
    await cloud.flush()
    expect(only(a.log, 'remote-')).toEqual([])
    expect(only(b.log, 'remote-')).toEqual([])
    expect(cloud.rooms().map((r) => r.key)).toEqual([`${SDK_APP_ID}|n|123`, `${SDK_APP_ID}|s|123`])
  })

  it('4. custom messages: validation rejects, the 31st call in a window throws, seq counts, the sender gets nothing', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    const c = await joined(cloud, 'carol', { role: 'audience' })
    const bytes = (n: number) => new ArrayBuffer(n)
    await expect(a.client.sendCustomMessage({ cmdId: 1, data: bytes(0) })).rejects.toMatchObject({ code: 5000, extraCode: 5017 })
    await expect(a.client.sendCustomMessage({ cmdId: 1, data: bytes(1001) })).rejects.toMatchObject({ code: 5000, extraCode: 5018 })
    await expect(a.client.sendCustomMessage({ cmdId: 0, data: bytes(1) })).rejects.toMatchObject({ code: 5000, extraCode: 5007 })
    await expect(a.client.sendCustomMessage({ cmdId: 11, data: bytes(1) })).rejects.toMatchObject({ code: 5000, extraCode: 5008 })
    await expect(c.client.sendCustomMessage({ cmdId: 1, data: bytes(1) })).rejects.toMatchObject({ code: 5100, extraCode: 5107 })

    a.log.splice(0)
    b.log.splice(0)
    c.log.splice(0)
    await a.client.sendCustomMessage({ cmdId: 2, data: new Uint8Array([7]).buffer })
    await a.client.sendCustomMessage({ cmdId: 2, data: new Uint8Array([8]).buffer })
    await cloud.flush()
    const received = only(b.log, 'custom-message').map(([, m]) => m as { userId: string; cmdId: number; seq: number; data: ArrayBuffer })
    expect(received.map(({ userId, cmdId, seq, data }) => [userId, cmdId, seq, [...new Uint8Array(data)]])).toEqual([['alice', 2, 1, [7]], ['alice', 2, 2, [8]]])
    // audiences receive too; the sender does not
    expect(only(c.log, 'custom-message')).toHaveLength(2)
    expect(only(a.log, 'custom-message')).toEqual([])

    // alice made 6 calls so far in this 1 s window (the refused ones count too)
    for (let i = 6; i < 30; i++) await a.client.sendCustomMessage({ cmdId: 3, data: bytes(1) })
    expect(() => a.client.sendCustomMessage({ cmdId: 3, data: bytes(1) })).toThrow(expect.objectContaining({ code: 4097, name: 'RtcError' }))
    cloud.advance(1000)
    await expect(a.client.sendCustomMessage({ cmdId: 3, data: bytes(1) })).resolves.toBeUndefined()
  })

  it('5. the same userId entering twice kicks the first session out', async () => {
    const first = await joined(cloud, 'alice')
    const second = await joined(cloud, 'alice')
    expect(only(first.log, 'kicked-out')).toEqual([['kicked-out', { reason: 'kick' }]])
    expect(only(first.log, 'connection').at(-1)).toEqual(['connection-state-changed', { prevState: 'CONNECTED', state: 'DISCONNECTED' }])
    expect(only(second.log, 'kicked-out')).toEqual([])
    expect(cloud.rooms()[0]?.users).toEqual([{ userId: 'alice', role: 'anchor', published: [] }])
    // the kicked instance is out: it may enter again, which kicks the other one
    await first.client.enterRoom({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', strRoomId: 'room', scene: 'live', role: 'anchor' })
    await cloud.flush()
    expect(only(second.log, 'kicked-out')).toEqual([['kicked-out', { reason: 'kick' }]])
  })

  it('6. exitRoom keeps capture; others see unavailable then exit; re-entering republishes', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    await a.client.startLocalVideo()
    await a.client.startLocalAudio()
    await cloud.flush()
    b.log.splice(0)
    a.log.splice(0)
    await a.client.exitRoom()
    await cloud.flush()
    expect(b.log).toEqual([
      ['remote-video-unavailable', { userId: 'alice', streamType: 'main' }],
      ['remote-audio-unavailable', { userId: 'alice' }],
      ['remote-user-exit', { userId: 'alice', reason: 0 }],
    ])
    // the leaver hears of nobody leaving, only of its own disconnection
    expect(a.log).toEqual([['connection-state-changed', { prevState: 'CONNECTED', state: 'DISCONNECTED' }]])
    expect(cloud.rooms()[0]?.users.map((u) => u.userId)).toEqual(['bob'])

    b.log.splice(0)
    await a.client.enterRoom({ sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', strRoomId: 'room', scene: 'live', role: 'anchor' })
    await cloud.flush()
    expect(cloud.session('alice')?.published).toEqual(['video', 'audio'])
    expect(b.log).toEqual([
      ['remote-user-enter', { userId: 'alice' }],
      ['remote-video-available', { userId: 'alice', streamType: 'main' }],
      ['remote-audio-available', { userId: 'alice' }],
    ])
  })

  it('7. start twice and update before start abort (5998); stopping what never started resolves', async () => {
    const client = cloud.TRTC.create()
    await client.startLocalVideo()
    await expect(client.startLocalVideo()).rejects.toMatchObject({ code: 5998 })
    await expect(client.updateLocalAudio({ mute: true })).rejects.toMatchObject({ code: 5998 })
    await expect(client.updateScreenShare({ view: null })).rejects.toMatchObject({ code: 5998 })
    await expect(client.stopLocalAudio()).resolves.toBeUndefined()
    await expect(client.stopScreenShare()).resolves.toBeUndefined()
    await client.startScreenShare()
    await expect(client.updateScreenShare({ view: null })).resolves.toBeUndefined()
  })

  it('8. CrossRoom links two rooms: enter + available both ways, update blocks in my room, stop exits', async () => {
    const a = await joined(cloud, 'alice', { strRoomId: 'r1' })
    const b = await joined(cloud, 'bob', { strRoomId: 'r2' })
    await a.client.startLocalAudio()
    await b.client.startLocalAudio()
    await b.client.startLocalVideo()
    await cloud.flush()
    a.log.splice(0)
    b.log.splice(0)

    await a.client.startPlugin('CrossRoom', { strRoomId: 'r2' })
    await cloud.flush()
    expect(a.log).toEqual([
      ['remote-user-enter', { userId: 'bob' }],
      ['remote-video-available', { userId: 'bob', streamType: 'main' }],
      ['remote-audio-available', { userId: 'bob' }],
    ])
    expect(b.log).toEqual([['remote-user-enter', { userId: 'alice' }], ['remote-audio-available', { userId: 'alice' }]])

    await a.client.updatePlugin('CrossRoom', { updateList: [{ strRoomId: 'r2', muteAudio: true, muteVideo: false, muteSubStream: false }] })
    await cloud.flush()
    expect(a.log.splice(0).slice(3)).toEqual([['remote-audio-unavailable', { userId: 'bob' }]])
    // the block is for my room only: bob's room still hears alice
    expect(b.log.splice(0)).toHaveLength(2)

    await a.client.stopPlugin('CrossRoom', { strRoomId: 'r2' })
    await cloud.flush()
    expect(a.log).toEqual([['remote-video-unavailable', { userId: 'bob', streamType: 'main' }], ['remote-user-exit', { userId: 'bob', reason: 0 }]])
    expect(b.log).toEqual([['remote-audio-unavailable', { userId: 'alice' }], ['remote-user-exit', { userId: 'alice', reason: 0 }]])
  })

  it('9. device errors: denied 5302, busy 5303, unplugging the only camera in use gives ERROR 5308', async () => {
    const client = cloud.TRTC.create()
    const log = record(client)
    cloud.devices.permission('camera', 'denied')
    await expect(client.startLocalVideo()).rejects.toMatchObject({ code: 5300, extraCode: 5302, name: 'DEVICE_ERROR' })
    cloud.devices.permission('camera', 'granted')
    cloud.devices.busy('camera-1')
    await expect(client.startLocalVideo()).rejects.toMatchObject({ code: 5300, extraCode: 5303 })
    cloud.devices.busy('camera-1', false)
    await client.startLocalVideo()
    log.splice(0)
    cloud.devices.remove('camera-1')
    await cloud.flush()
    expect(log.map(([event]) => event)).toEqual(['device-changed', 'error'])
    expect(log[1]?.[1]).toMatchObject({ code: 5300, extraCode: 5308 })
  })
})
