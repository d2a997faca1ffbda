// The rest of the fake's spec (reference §3.3–3.6): argument checks, timing, controls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeCloud, FakeMisuseError, type FakeCloud } from './index'
import { joined, only, record, SDK_APP_ID } from './testing'

let cloud: FakeCloud

beforeEach(() => {
  cloud = createFakeCloud()
})

afterEach(async () => {
  await cloud.flush()
  expect(cloud.listenerErrors).toEqual([])
})

const base = { sdkAppId: SDK_APP_ID, userId: 'alice', userSig: 'sig', strRoomId: 'room' }

describe('enterRoom', () => {
  it.each([
    ['no sdkAppId', { sdkAppId: undefined }, 5001],
    ['a string sdkAppId', { sdkAppId: '1' }, 5002],
    ['sdkAppId 0', { sdkAppId: 0 }, 5003],
    ['no userId', { userId: undefined }, 5001],
    ['a numeric userId', { userId: 5 }, 5002],
    ['a blank userId', { userId: '  ' }, 5003],
    ['an empty userSig', { userSig: '' }, 5003],
    ['a string roomId', { roomId: '12' }, 5016],
    ['a fractional roomId', { roomId: 1.5 }, 5013],
    ['roomId 4294967295', { roomId: 4294967295 }, 5013],
    ['a "/" in strRoomId', { strRoomId: 'a/b' }, 5012],
    ['a 65-character strRoomId', { strRoomId: 'x'.repeat(65) }, 5012],
    ['no room id (roomId 0 counts as none)', { strRoomId: undefined, roomId: 0 }, 5015],
    ['an unknown scene', { scene: 'meeting' }, 5005],
    ['an unknown role', { role: 'host' }, 5005],
  ])('rejects %s with 5000/%i and changes nothing', async (_, patch, extraCode) => {
    const client = cloud.TRTC.create()
    await expect(client.enterRoom({ ...base, ...patch } as never)).rejects.toMatchObject({ code: 5000, extraCode, functionName: 'enterRoom', name: 'INVALID_PARAMETER' })
    expect(cloud.rooms()).toEqual([])
  })

  it('defaults to rtc and anchor, and refuses a second join (5104)', async () => {
    const client = cloud.TRTC.create()
    await client.enterRoom(base)
    expect(cloud.session('alice')).toMatchObject({ scene: 'rtc', role: 'anchor', room: `${SDK_APP_ID}|s|room` })
    await expect(client.enterRoom(base)).rejects.toMatchObject({ code: 5100, extraCode: 5104 })
    await client.exitRoom()
  })

  it('rejects with 5400 and the account code when sigCheck refuses', async () => {
    cloud.sigCheck = ({ userSig }) => (userSig === 'expired' ? 70001 : undefined)
    await expect(cloud.TRTC.create().enterRoom({ ...base, userSig: 'expired' })).rejects.toMatchObject({ code: 5400, extraCode: 70001 })
    expect(cloud.rooms()).toEqual([])
  })

  it('treats a scene different from the room\'s as misuse', async () => {
    await joined(cloud, 'alice', { scene: 'live' })
    await expect(cloud.TRTC.create().enterRoom({ ...base, userId: 'bob', scene: 'rtc' })).rejects.toBeInstanceOf(FakeMisuseError)
  })

  it.each([false, true])('announces peers %s enterRoom resolves (peersBeforeResolve: %s)', async (before) => {
    cloud = createFakeCloud({ peersBeforeResolve: before })
    const a = await joined(cloud, 'alice')
    await a.client.startLocalAudio()
    const client = cloud.TRTC.create()
    const log = record(client)
    await client.enterRoom({ ...base, userId: 'bob', scene: 'live', role: 'anchor' }).then(() => log.push(['resolved' as never, undefined]))
    await cloud.flush()
    const order = log.map(([event]) => event).filter((e) => e !== 'connection-state-changed')
    expect(order).toEqual(before ? ['remote-user-enter', 'remote-audio-available', 'resolved'] : ['resolved', 'remote-user-enter', 'remote-audio-available'])
    expect(only(log, 'connection').map(([, p]) => (p as { state: string }).state)).toEqual(['CONNECTING', 'CONNECTED'])
  })

  it('publishes tracks started before the join once joined', async () => {
    const client = cloud.TRTC.create()
    const log = record(client)
    await client.startLocalAudio()
    await client.enterRoom({ ...base, scene: 'live', role: 'anchor' })
    await cloud.flush()
    expect(only(log, 'publish-state')).toEqual([
      ['publish-state-changed', { mediaType: 'audio', prevState: 'stopped', state: 'starting' }],
      ['publish-state-changed', { mediaType: 'audio', prevState: 'starting', state: 'started' }],
    ])
  })
})

describe('leaving and roles', () => {
  it('tells others main video, audio, sub video, then the exit', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    await a.client.startScreenShare()
    await a.client.startLocalAudio()
    await a.client.startLocalVideo()
    await cloud.flush()
    b.log.splice(0)
    await a.client.exitRoom()
    await cloud.flush()
    expect(b.log.map(([event, p]) => [event, (p as { streamType?: string }).streamType])).toEqual([
      ['remote-video-unavailable', 'main'],
      ['remote-audio-unavailable', undefined],
      ['remote-video-unavailable', 'sub'],
      ['remote-user-exit', undefined],
    ])
  })

  it('stepping down unpublishes with api-call and shows others an exit with reason 3', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    await a.client.startLocalAudio()
    await cloud.flush()
    a.log.splice(0)
    b.log.splice(0)
    await a.client.switchRole('audience')
    await cloud.flush()
    expect(a.log).toEqual([['publish-state-changed', { mediaType: 'audio', prevState: 'started', state: 'stopped', reason: 'api-call' }]])
    expect(b.log).toEqual([['remote-audio-unavailable', { userId: 'alice' }], ['remote-user-exit', { userId: 'alice', reason: 3 }]])
    expect(cloud.session('alice')).toMatchObject({ role: 'audience', capturing: ['audio'], published: [] })
  })

  it('switchRole needs a room (5101) and does nothing in rtc', async () => {
    await expect(cloud.TRTC.create().switchRole('audience')).rejects.toMatchObject({ code: 5100, extraCode: 5101 })
    const a = await joined(cloud, 'alice', { scene: 'rtc' })
    await a.client.switchRole('audience')
    expect(cloud.session('alice')?.role).toBe('anchor')
  })

  it('removeUser exits the user, then kicked-out{banned}; others see reason 2', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    b.log.splice(0)
    a.log.splice(0)
    cloud.removeUser('room', 'alice')
    await cloud.flush()
    expect(a.log).toEqual([['connection-state-changed', { prevState: 'CONNECTED', state: 'DISCONNECTED' }], ['kicked-out', { reason: 'banned' }]])
    expect(b.log).toEqual([['remote-user-exit', { userId: 'alice', reason: 2 }]])
    expect(() => cloud.removeUser('room', 'alice')).toThrow(FakeMisuseError)
  })

  it('dismissRoom kicks everybody with room_disband', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    cloud.dismissRoom('room')
    await cloud.flush()
    expect(only(a.log, 'kicked', 'remote-user-exit')).toEqual([['kicked-out', { reason: 'room_disband' }]])
    expect(only(b.log, 'kicked', 'remote-user-exit')).toEqual([['kicked-out', { reason: 'room_disband' }]])
    expect(cloud.rooms()).toEqual([])
  })

  it('dropConnection reconnects, or gives up with 5500/5502 after leaving', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    a.log.splice(0)
    b.log.splice(0)
    cloud.dropConnection('alice')
    await cloud.flush()
    expect(a.log).toEqual([
      ['connection-state-changed', { prevState: 'CONNECTED', state: 'DISCONNECTED' }],
      ['connection-state-changed', { prevState: 'DISCONNECTED', state: 'CONNECTING', isReconnecting: true }],
      ['connection-state-changed', { prevState: 'CONNECTING', state: 'CONNECTED' }],
    ])
    a.log.splice(0)
    cloud.dropConnection('alice', { recover: false })
    await cloud.flush()
    expect(a.log.map(([event, p]) => (event === 'connection-state-changed' ? (p as { state: string }).state : event))).toEqual(['DISCONNECTED', 'CONNECTING', 'DISCONNECTED', 'error'])
    expect(a.log.at(-1)?.[1]).toMatchObject({ code: 5500, extraCode: 5502 })
    expect(b.log).toEqual([['remote-user-exit', { userId: 'alice', reason: 1 }]])
    expect(cloud.session('alice')).toBeUndefined()
  })

  it('destroy while in a room is misuse; after exitRoom the instance is gone', async () => {
    const a = await joined(cloud, 'alice')
    expect(() => a.client.destroy()).toThrow(FakeMisuseError)
    await a.client.exitRoom()
    a.client.destroy()
    await expect(a.client.startLocalAudio()).rejects.toBeInstanceOf(FakeMisuseError)
  })
})

describe('remote playback', () => {
  it('checks room, publisher, stream and repeats', async () => {
    const stranger = cloud.TRTC.create()
    await expect(stranger.startRemoteVideo({ userId: 'alice', streamType: 'main' })).rejects.toMatchObject({ extraCode: 5101 })
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    await expect(b.client.startRemoteVideo({ userId: 'alice', streamType: 'main' })).rejects.toMatchObject({ code: 5100, extraCode: 5102 })
    await a.client.startLocalAudio()
    await cloud.flush()
    await expect(b.client.startRemoteVideo({ userId: 'alice', streamType: 'main' })).rejects.toMatchObject({ code: 5100, extraCode: 5103 })
    await a.client.startLocalVideo()
    await cloud.flush()
    await expect(b.client.updateRemoteVideo({ userId: 'alice', streamType: 'main', view: null })).rejects.toMatchObject({ code: 5998 })
    await b.client.startRemoteVideo({ userId: 'alice', streamType: 'main', view: null })
    await expect(b.client.startRemoteVideo({ userId: 'alice', streamType: 'main' })).rejects.toMatchObject({ code: 5998 })
    const view = document.createElement('div')
    await b.client.updateRemoteVideo({ userId: 'alice', streamType: 'main', view })
    expect(cloud.session('bob')?.playing.get('alice|main')).toBe(view)
    await expect(b.client.stopRemoteVideo({ userId: 'alice' })).rejects.toMatchObject({ code: 5000, extraCode: 5014 })
    await expect(b.client.startRemoteVideo({ userId: 'alice', streamType: 'main', view: 'missing-id' })).rejects.toMatchObject({ extraCode: 5009 })
    b.log.splice(0)
    await b.client.stopRemoteVideo({ userId: '*' })
    await cloud.flush()
    expect(b.log).toEqual([['video-play-state-changed', { userId: 'alice', streamType: 'main', state: 'STOPPED', reason: 'ended' }]])
  })

  it('reports blocked autoplay; resume() plays', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    await a.client.startScreenShare()
    await cloud.flush()
    cloud.autoplay = false
    b.log.splice(0)
    await b.client.startRemoteVideo({ userId: 'alice', streamType: 'sub', view: null })
    await cloud.flush()
    const [[event, payload]] = b.log.splice(0) as [[string, { userId: string; mediaType: string; resume(): Promise<void> }]]
    expect([event, payload.userId, payload.mediaType]).toEqual(['autoplay-failed', 'alice', 'screen'])
    await payload.resume()
    await cloud.flush()
    expect(b.log).toEqual([['video-play-state-changed', { userId: 'alice', streamType: 'sub', state: 'PLAYING', reason: 'playing' }]])
  })

  it('muteRemoteAudio pauses available peers and is forgotten on exit', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    await a.client.startLocalAudio()
    await cloud.flush()
    b.log.splice(0)
    await b.client.muteRemoteAudio('*', true)
    await cloud.flush()
    expect(b.log).toEqual([['audio-play-state-changed', { userId: 'alice', state: 'PAUSED', reason: 'pause' }]])
    expect(cloud.session('bob')?.remoteAudioMuted).toEqual(new Map([['*', true]]))
    await b.client.exitRoom()
    await b.client.enterRoom({ ...base, userId: 'bob', scene: 'live', role: 'anchor' })
    expect(cloud.session('bob')?.remoteAudioMuted.size).toBe(0)
  })

  it('endScreenShare stops and unpublishes, then screen-share-stopped', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    await a.client.startScreenShare()
    await cloud.flush()
    a.log.splice(0)
    b.log.splice(0)
    cloud.endScreenShare('alice')
    await cloud.flush()
    expect(a.log.map(([e]) => e)).toEqual(['publish-state-changed', 'screen-share-stopped'])
    expect(b.log).toEqual([['remote-video-unavailable', { userId: 'alice', streamType: 'sub' }]])
    await expect(a.client.startScreenShare()).resolves.toBeUndefined()
  })
})

describe('devices', () => {
  it('lists copies; labels stay empty while permission is prompt and not requested', async () => {
    const [camera] = await cloud.TRTC.getCameraList()
    expect(camera).toMatchObject({ deviceId: 'camera-1', kind: 'videoinput', label: 'Fake camera 1', groupId: 'group-camera-1' })
    expect(camera?.toJSON()).toEqual({ deviceId: 'camera-1', kind: 'videoinput', label: 'Fake camera 1', groupId: 'group-camera-1' })
    cloud.devices.permission('microphone', 'prompt')
    expect((await cloud.TRTC.getMicrophoneList(false))[0]?.label).toBe('')
    expect((await cloud.TRTC.getSpeakerList())[0]?.label).toBe('Fake speaker 1')
    expect(await cloud.TRTC.getPermissions({ types: ['microphone'] })).toEqual({ camera: null, microphone: 'prompt' })
  })

  it('a capture grants a prompt permission and announces it', async () => {
    cloud.devices.permission('microphone', 'prompt')
    const client = cloud.TRTC.create()
    const log = record(client)
    await client.startLocalAudio()
    expect(only(log, 'permission')).toEqual([['permission-state-change', { camera: 'granted', microphone: 'granted' }]])
  })

  it('hot-plug reaches every instance; unplugging the device in use moves capture or fails with 5309', async () => {
    const one = cloud.TRTC.create()
    const two = cloud.TRTC.create()
    const [log1, log2] = [record(one), record(two)]
    await one.startLocalAudio()
    cloud.devices.add('microphone', { deviceId: 'mic-2', label: 'USB' })
    await cloud.flush()
    expect(only(log2, 'device')).toEqual([['device-changed', expect.objectContaining({ type: 'microphone', action: 'add', device: expect.objectContaining({ deviceId: 'mic-2', label: 'USB' }) })]])
    log1.splice(0)
    cloud.devices.remove('mic-1')
    await cloud.flush()
    expect(log1.map(([, p]) => [(p as { action: string }).action, (p as { device: { deviceId: string } }).device.deviceId])).toEqual([['remove', 'mic-1'], ['active', 'mic-2']])
    log1.splice(0)
    cloud.devices.remove('mic-2')
    await cloud.flush()
    expect(log1.at(-1)).toEqual(['error', expect.objectContaining({ code: 5300, extraCode: 5309 })])
    await expect(one.startLocalVideo({ option: { cameraId: 'nope' } })).rejects.toMatchObject({ extraCode: 5304 })
  })

  it('setCurrentSpeaker switches every instance; an unknown id does nothing', async () => {
    cloud.devices.add('speaker', { deviceId: 'speaker-2' })
    const [one, two] = [cloud.TRTC.create(), cloud.TRTC.create()]
    const [log1, log2] = [record(one), record(two)]
    await cloud.TRTC.setCurrentSpeaker('nope')
    await cloud.TRTC.setCurrentSpeaker('speaker-2')
    await cloud.flush()
    for (const log of [log1, log2]) expect(log).toEqual([['device-changed', expect.objectContaining({ type: 'speaker', action: 'active', device: expect.objectContaining({ deviceId: 'speaker-2' }) })]])
  })

  it('the screen picker cancel is a 5302 denial', async () => {
    cloud.screenPicker = 'cancel'
    await expect(cloud.TRTC.create().startScreenShare()).rejects.toMatchObject({ code: 5300, extraCode: 5302 })
  })
})

describe('clock, volumes and network', () => {
  it('fires volume ticks per interval: me as "" while captured (0 muted), publishing remotes, loudest first', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    await a.client.startLocalAudio()
    await b.client.startLocalAudio()
    await cloud.flush()
    cloud.setVolume('alice', 30)
    cloud.setVolume('bob', 80)
    a.client.enableAudioVolumeEvaluation(50) // below the SDK's minimum: 100
    a.log.splice(0)
    cloud.advance(250)
    await cloud.flush()
    const ticks = only(a.log.splice(0), 'audio-volume')
    expect(ticks).toHaveLength(2)
    expect(ticks[0]).toEqual(['audio-volume', { result: [{ userId: 'bob', volume: 80, floatVolume: 0.8 }, { userId: '', volume: 30, floatVolume: 0.3 }] }])
    await a.client.updateLocalAudio({ mute: true })
    cloud.advance(100)
    await cloud.flush()
    expect(only(a.log.splice(0), 'audio-volume')[0]?.[1]).toEqual({ result: [{ userId: 'bob', volume: 80, floatVolume: 0.8 }, { userId: '', volume: 0, floatVolume: 0 }] })
    a.client.enableAudioVolumeEvaluation(0)
    cloud.advance(1000)
    await cloud.flush()
    expect(only(a.log, 'audio-volume')).toEqual([])
    expect(cloud.now()).toBe(1350)
  })

  it('reports network quality and statistics every 2 s in a room', async () => {
    const a = await joined(cloud, 'alice')
    cloud.setNetwork('alice', { up: 2, down: 3, rtt: 80, loss: 5 })
    cloud.advance(4000)
    await cloud.flush()
    expect(only(a.log, 'network-quality', 'statistics').map(([e]) => e)).toEqual(['network-quality', 'statistics', 'network-quality', 'statistics'])
    expect(only(a.log, 'network-quality')[0]?.[1]).toEqual({ uplinkNetworkQuality: 2, downlinkNetworkQuality: 3, uplinkRTT: 80, downlinkRTT: 80, uplinkLoss: 5, downlinkLoss: 5 })
  })

  it('statistics list what I publish and what I receive of each peer, muted or blocked streams excluded', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    await joined(cloud, 'carol') // publishes nothing: not listed
    await a.client.startLocalVideo({ option: { profile: '720p' } })
    await a.client.startLocalAudio({ option: { captureVolume: 50 } })
    await b.client.startLocalVideo({ option: { profile: { width: 960, height: 540, frameRate: 15, bitrate: 1000 } } })
    await b.client.startScreenShare()
    await b.client.startLocalAudio({ mute: true })
    cloud.setVolume('alice', 60)
    await cloud.flush()
    a.log.length = 0
    cloud.advance(2000)
    await cloud.flush()
    expect(only(a.log, 'statistics')[0]?.[1]).toEqual({
      rtt: 30, upLoss: 0, downLoss: 0, bytesSent: 0, bytesReceived: 0,
      localStatistics: { audio: { bitrate: 40, audioLevel: 0.3 }, video: [{ width: 1280, height: 720, frameRate: 15, bitrate: 500, videoType: 'big' }] },
      remoteStatistics: [{
        userId: 'bob',
        audio: { bitrate: 0, audioLevel: 0 },
        video: [{ width: 960, height: 540, frameRate: 15, bitrate: 1000, videoType: 'big' }, { width: 1920, height: 1080, frameRate: 5, bitrate: 1600, videoType: 'sub' }],
      }],
    })
  })

  it('captureVolume: recorded at start and update, scales the local volume level, bad values 5000', async () => {
    const a = await joined(cloud, 'alice')
    await expect(a.client.startLocalAudio({ option: { captureVolume: -1 } })).rejects.toMatchObject({ code: 5000, extraCode: 5002 })
    expect(cloud.session('alice')?.captureVolume).toBeUndefined()
    await a.client.startLocalAudio()
    expect(cloud.session('alice')?.captureVolume).toBe(100)
    await a.client.updateLocalAudio({ option: { captureVolume: 25 } })
    expect(cloud.session('alice')?.captureVolume).toBe(25)
    a.client.enableAudioVolumeEvaluation(100)
    cloud.setVolume('alice', 80)
    cloud.advance(100)
    await cloud.flush()
    expect(only(a.log, 'audio-volume').at(-1)?.[1]).toEqual({ result: [{ userId: '', volume: 20, floatVolume: 0.2 }] })
  })

  it('setRemoteAudioVolume is sync: records per user or *, throws 5000 on bad input', async () => {
    const a = await joined(cloud, 'alice')
    a.client.setRemoteAudioVolume('*', 40)
    a.client.setRemoteAudioVolume('bob', 120)
    expect(cloud.session('alice')?.remoteAudioVolume).toEqual(new Map([['*', 40], ['bob', 120]]))
    expect(() => a.client.setRemoteAudioVolume('bob', -1)).toThrow(expect.objectContaining({ code: 5000, extraCode: 5002 }))
    expect(() => a.client.setRemoteAudioVolume('', 10)).toThrow(expect.objectContaining({ code: 5000, extraCode: 5003 }))
  })
})

describe('SEI', () => {
  it('needs enableSEI and a published stream, and reaches only the players of that stream', async () => {
    const plain = await joined(cloud, 'zed')
    await expect(plain.client.sendSEIMessage(new ArrayBuffer(4))).rejects.toMatchObject({ code: 5100, extraCode: 5108 })
    const client = cloud.TRTC.create({ enableSEI: true })
    await client.enterRoom({ ...base, scene: 'live', role: 'anchor' })
    await expect(client.sendSEIMessage(new ArrayBuffer(4))).rejects.toMatchObject({ extraCode: 5109 })
    await client.startLocalVideo()
    const b = await joined(cloud, 'bob')
    await b.client.startRemoteVideo({ userId: 'alice', streamType: 'main', view: null })
    await client.sendSEIMessage(new Uint8Array([1, 2]).buffer)
    await cloud.flush()
    expect(only(b.log, 'sei')).toHaveLength(1)
    expect(only(plain.log, 'sei')).toEqual([])
  })
})

describe('CrossRoom errors', () => {
  it('needs the plugin, a room, and an anchor there', async () => {
    const bare = cloud.TRTC.create()
    await expect(bare.startPlugin('CrossRoom', { strRoomId: 'r2' })).rejects.toMatchObject({ code: 5998 })
    const a = await joined(cloud, 'alice', { strRoomId: 'r1' })
    await expect(a.client.startPlugin('CrossRoom', { strRoomId: 'r2' })).rejects.toMatchObject({ code: 5400, extraCode: -1 })
    await joined(cloud, 'bob', { strRoomId: 'r2' })
    await expect(a.client.startPlugin('CrossRoom', { strRoomId: 'r2', userId: 'nobody' })).rejects.toMatchObject({ code: 5400, extraCode: -1 })
    await expect(a.client.updatePlugin('CrossRoom', { updateList: [{ strRoomId: 'r2', muteAudio: true, muteVideo: false, muteSubStream: false }] })).rejects.toMatchObject({ code: 5999 })
    const out = cloud.TRTC.create({ plugins: [cloud.CrossRoom] })
    await expect(out.startPlugin('CrossRoom', { strRoomId: 'r2' })).rejects.toMatchObject({ code: 5100, extraCode: 5101 })
  })

  it('a user-level link forwards that anchor only, and only my streams there', async () => {
    const a = await joined(cloud, 'alice', { strRoomId: 'r1' })
    const a2 = await joined(cloud, 'amy', { strRoomId: 'r1' })
    await joined(cloud, 'bob', { strRoomId: 'r2' })
    const b2 = await joined(cloud, 'ben', { strRoomId: 'r2' })
    b2.log.splice(0)
    a2.log.splice(0)
    await a.client.startPlugin('CrossRoom', { strRoomId: 'r2', userId: 'bob' })
    await cloud.flush()
    expect(cloud.session('amy')?.sees).toEqual(['alice', 'bob'])
    expect(cloud.session('ben')?.sees).toEqual(['bob', 'alice'])
    expect(cloud.rooms()[0]?.links).toEqual([{ owner: 'alice', to: `${SDK_APP_ID}|s|r2`, userId: 'bob' }])
    await a.client.exitRoom()
    await cloud.flush()
    expect(cloud.session('ben')?.sees).toEqual(['bob'])
  })
})

describe('delivery (§3.3, §3.6)', () => {
  it('ignores a second registration, clears with off("*"), and catches throwing listeners', async () => {
    const client = cloud.TRTC.create()
    const fn = vi.fn(() => {
      throw new Error('listener bug')
    })
    client.on('device-changed', fn)
    client.on('device-changed', fn)
    const after = vi.fn()
    client.on('device-changed', after)
    await client.startLocalAudio()
    await cloud.flush()
    expect(fn).toHaveBeenCalledTimes(1)
    expect(after).toHaveBeenCalledTimes(1)
    expect(cloud.listenerErrors.map((e) => (e as Error).message)).toEqual(['listener bug'])
    ;(cloud.listenerErrors as unknown[]).splice(0)
    client.off('*')
    cloud.devices.add('camera', { deviceId: 'camera-2' })
    await cloud.flush()
    expect(after).toHaveBeenCalledTimes(1)
  })

  it('copies ArrayBuffers per receiver', async () => {
    const a = await joined(cloud, 'alice')
    const b = await joined(cloud, 'bob')
    const c = await joined(cloud, 'carol')
    await a.client.sendCustomMessage({ cmdId: 1, data: new Uint8Array([5]).buffer })
    await cloud.flush()
    const [fromB, fromC] = [b, c].map((x) => (only(x.log, 'custom')[0]?.[1] as { data: ArrayBuffer }).data)
    new Uint8Array(fromB!)[0] = 9
    expect([...new Uint8Array(fromC!)]).toEqual([5])
  })

  it('delivers in microtasks after the call, and flush() stops a runaway loop', async () => {
    const client = cloud.TRTC.create()
    const seen = vi.fn()
    client.on('device-changed', seen)
    const started = client.startLocalAudio()
    expect(seen).not.toHaveBeenCalled()
    await started
    expect(seen).toHaveBeenCalledTimes(1)
    // a listener that causes its own event forever
    client.on('device-changed', () => void cloud.TRTC.setCurrentSpeaker('speaker-1'))
    await cloud.TRTC.setCurrentSpeaker('speaker-1')
    await expect(cloud.flush()).rejects.toThrow(/more than 10000 deliveries/)
    client.off('*')
  })

  it('uses no timers, clock or randomness, and clouds share nothing', async () => {
    const spies = [vi.spyOn(globalThis, 'setTimeout'), vi.spyOn(globalThis, 'setInterval'), vi.spyOn(Date, 'now'), vi.spyOn(Math, 'random')]
    const other = createFakeCloud()
    const a = await joined(cloud, 'alice')
    const b = await joined(other, 'bob')
    await a.client.startLocalVideo()
    await b.client.startLocalVideo()
    a.client.enableAudioVolumeEvaluation(100)
    cloud.advance(5000)
    await cloud.flush()
    await other.flush()
    expect(only(a.log, 'remote-')).toEqual([])
    expect(only(b.log, 'remote-')).toEqual([])
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    vi.restoreAllMocks()
  })
})

describe('failNext', () => {
  it('makes the next call of a method reject once', async () => {
    const client = cloud.TRTC.create()
    cloud.failNext('startLocalAudio', { code: 5500, extraCode: 5501, message: 'firewall' })
    await expect(client.startLocalAudio()).rejects.toMatchObject({ code: 5500, extraCode: 5501, message: 'firewall', name: 'OPERATION_FAILED' })
    await expect(client.startLocalAudio()).resolves.toBeUndefined()
    cloud.failNext('getCameraList', { code: 5300, extraCode: 5302 })
    await expect(cloud.TRTC.getCameraList()).rejects.toMatchObject({ extraCode: 5302 })
  })
})
