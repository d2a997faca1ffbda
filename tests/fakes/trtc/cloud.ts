import type { TrtcDeviceType, TrtcStatic } from '../../../packages/engine/src/media/trtc/sdk'
import { createClient, type FakeTrtcClient } from './client'
import { EVENT, TYPE } from './constants'
import { broadcast, emit, findRoom, setConnection, takeFailure, type ClientState, type Core, type FailSpec, type TrackKind } from './core'
import { createDelivery } from './delivery'
import { createDeviceRegistry, deviceInfo, makeDevice, type DeviceSeed, type FakeDeviceInfo, type Permission } from './devices'
import { ERROR_CODE, FakeMisuseError, FakeRtcError } from './errors'
import { exitSessions, kickOut } from './session'
import { statisticsOf } from './statistics'
import { stopTrack } from './tracks'

/** Options of `createFakeCloud`. */
export interface FakeCloudOptions {
  /** Announce a joiner's peers before `enterRoom` resolves (default: after), so both orders get tested. */
  readonly peersBeforeResolve?: boolean
  /** Initial devices (default: camera-1, mic-1, speaker-1). */
  readonly devices?: DeviceSeed
}

/** The fake's `TRTC` statics: the shape of the SDK's default export. */
export interface FakeTrtcStatic extends TrtcStatic {
  create(options?: { readonly plugins?: readonly unknown[]; readonly enableSEI?: boolean; readonly enableAutoPlayDialog?: boolean }): FakeTrtcClient
  getCameraList(requestPermission?: boolean): Promise<FakeDeviceInfo[]>
  getMicrophoneList(requestPermission?: boolean): Promise<FakeDeviceInfo[]>
  getSpeakerList(requestPermission?: boolean): Promise<FakeDeviceInfo[]>
  getPermissions(option?: { readonly request?: boolean; readonly types?: ReadonlyArray<'camera' | 'microphone'> }): Promise<{ camera: Permission | null; microphone: Permission | null }>
  isSupported(): Promise<{ result: boolean; detail: Record<string, boolean> }>
  setLogLevel(level?: number): void
  readonly EVENT: typeof EVENT
  readonly ERROR_CODE: typeof ERROR_CODE
  readonly TYPE: typeof TYPE
  readonly VERSION: string
}

/** Network sample for `setNetwork`: qualities on the 0–6 scale, rtt in ms, loss in %. */
export interface FakeNetwork {
  readonly up: number
  readonly down: number
  readonly rtt: number
  readonly loss: number
}

/** Read-only view of one session, for assertions. */
export interface SessionSnapshot {
  readonly room: string
  readonly userId: string
  readonly role: string
  readonly scene: string
  readonly published: readonly TrackKind[]
  readonly capturing: readonly TrackKind[]
  /** `${userId}|${streamType}` → view */
  readonly playing: ReadonlyMap<string, unknown>
  readonly remoteAudioMuted: ReadonlyMap<string, boolean>
  readonly remoteAudioVolume: ReadonlyMap<string, number>
  /** the microphone's `captureVolume`, while capturing */
  readonly captureVolume?: number
  /** remote users this session was told about */
  readonly sees: readonly string[]
}

/** Read-only view of one room, for assertions. */
export interface RoomSnapshot {
  readonly key: string
  readonly scene: string
  readonly users: ReadonlyArray<{ readonly userId: string; readonly role: string; readonly published: readonly TrackKind[] }>
  readonly links: ReadonlyArray<{ readonly owner: string; readonly to: string; readonly userId?: string }>
}

/** One isolated fake TRTC backend: the SDK objects to inject, plus test controls (reference §3.5). */
export interface FakeCloud {
  readonly TRTC: FakeTrtcStatic
  readonly CrossRoom: { new (): object; readonly Name: 'CrossRoom' }
  readonly FakeRtcError: typeof FakeRtcError
  /** the manual clock, from 0 */
  now(): number
  /** Moves the clock, firing volume ticks per interval and network/statistics every 2 s in a room. */
  advance(ms: number): void
  /** Delivers everything queued, including what listeners trigger. */
  flush(): Promise<void>
  setVolume(userId: string, volume: number): void
  setNetwork(userId: string, network: FakeNetwork): void
  readonly devices: {
    add(kind: TrtcDeviceType, info: { readonly deviceId: string; readonly label?: string; readonly groupId?: string }): void
    /** Unplugs: captures using it move to another device of the kind, or get ERROR 5308/5309. */
    remove(deviceId: string): void
    permission(kind: 'camera' | 'microphone', state: Permission): void
    busy(deviceId: string, busy?: boolean): void
  }
  /** Server RemoveUser: the user is exited, then `kicked-out{banned}`; others see exit reason 2. */
  removeUser(room: string | number, userId: string): void
  /** Server DismissRoom: everybody is exited, then `kicked-out{room_disband}`. */
  dismissRoom(room: string | number): void
  /** Network loss: reconnects, or with `recover: false` exits with ERROR 5500/5502. */
  dropConnection(userId: string, options?: { readonly recover?: boolean }): void
  /** The browser's "stop sharing" button. */
  endScreenShare(userId: string): void
  /** false: remote playback needs a gesture (`autoplay-failed`). */
  autoplay: boolean
  /** 'cancel': the screen picker is dismissed (5302). */
  screenPicker: 'allow' | 'cancel'
  /** Server-side userSig check: return an extraCode to refuse the join with 5400. */
  sigCheck: Core['sigCheck']
  /** The next call of `method` (instance or static) rejects with this error. */
  failNext(method: string, error: FailSpec): void
  /** Errors thrown by listeners (caught, as in the SDK). */
  readonly listenerErrors: readonly unknown[]
  rooms(): RoomSnapshot[]
  /** The joined session of `userId`, if any. */
  session(userId: string): SessionSnapshot | undefined
}

const KINDS = ['video', 'audio', 'screen'] as const
const DEFAULT_NETWORK: FakeNetwork = { up: 1, down: 1, rtt: 30, loss: 0 }

/** Creates an isolated fake cloud (reference §3). Clouds share nothing. */
export function createFakeCloud(options: FakeCloudOptions = {}): FakeCloud {
  const core: Core = {
    peersBeforeResolve: options.peersBeforeResolve === true,
    clock: 0,
    nextId: 1,
    clients: [],
    rooms: new Map(),
    links: [],
    devices: createDeviceRegistry(options.devices),
    volumes: new Map(),
    networks: new Map(),
    autoplay: true,
    screenPicker: 'allow',
    failures: new Map(),
    listenerErrors: [],
    delivery: createDelivery(),
  }

  const failure = (name: string) => takeFailure(core, name, (f) => new FakeRtcError(f.code, f.extraCode, f.message ?? `${name} failed (failNext)`, name))
  const list = (name: string, kind: TrtcDeviceType) => async (requestPermission = true) => {
    failure(name)
    return core.devices.all.filter((d) => d.kind === kind).map((d) => deviceInfo(core.devices, d, requestPermission))
  }
  const joinedAs = (userId: string) => core.clients.filter((c) => c.session?.userId === userId)
  const orMisuse = (clients: ClientState[], what: string) => {
    if (!clients.length) throw new FakeMisuseError(`no ${what}`)
    return clients
  }

  const TRTC: FakeTrtcStatic = {
    create: (opts) => createClient(core, opts),
    getCameraList: list('getCameraList', 'camera'),
    getMicrophoneList: list('getMicrophoneList', 'microphone'),
    getSpeakerList: list('getSpeakerList', 'speaker'),
    async setCurrentSpeaker(speakerId) {
      failure('setCurrentSpeaker')
      const device = core.devices.all.find((d) => d.kind === 'speaker' && d.deviceId === speakerId)
      // the SDK silently ignores an unknown id
      if (!device) return
      core.devices.currentSpeaker = speakerId
      broadcast(core, 'device-changed', { type: 'speaker', action: 'active', device: deviceInfo(core.devices, device) })
    },
    async getPermissions({ types = ['camera', 'microphone'] } = {}) {
      const { camera, microphone } = core.devices.permissions
      return { camera: types.includes('camera') ? camera : null, microphone: types.includes('microphone') ? microphone : null }
    },
    async isSupported() {
      const detail = { isBrowserSupported: true, isWebRTCSupported: true, isMediaDevicesSupported: true, isScreenShareSupported: true, isSmallStreamSupported: true, isH264EncodeSupported: true, isH264DecodeSupported: true }
      return { result: true, detail }
    },
    setLogLevel() {},
    EVENT,
    ERROR_CODE,
    TYPE,
    VERSION: '5.17.1',
  }

  function volumeTick(client: ClientState) {
    const level = (userId: string | undefined) => (userId === undefined ? 0 : core.volumes.get(userId) ?? 0)
    const mic = client.tracks.audio
    // the capture volume scales what the microphone hears
    const levels = mic ? [{ userId: '', volume: mic.muted ? 0 : Math.round((level(client.userId) * (mic.captureVolume ?? 100)) / 100) }] : []
    for (const [userId, presence] of client.session?.view ?? []) if (presence.audio) levels.push({ userId, volume: level(userId) })
    levels.sort((a, b) => b.volume - a.volume)
    emit(core, client, 'audio-volume', { result: levels.map((l) => ({ ...l, floatVolume: l.volume / 100 })) })
  }

  function networkTick(client: ClientState, userId: string) {
    const n = core.networks.get(userId) ?? DEFAULT_NETWORK
    emit(core, client, 'network-quality', { uplinkNetworkQuality: n.up, downlinkNetworkQuality: n.down, uplinkRTT: n.rtt, downlinkRTT: n.rtt, uplinkLoss: n.loss, downlinkLoss: n.loss })
    emit(core, client, 'statistics', statisticsOf(core, client, n))
  }

  function snapshot(client: ClientState): SessionSnapshot | undefined {
    const s = client.session
    if (!s) return undefined
    return {
      room: s.roomKey,
      userId: s.userId,
      role: s.role,
      scene: s.scene,
      published: KINDS.filter((k) => client.tracks[k]?.state === 'started'),
      capturing: KINDS.filter((k) => client.tracks[k]),
      playing: new Map(client.playing),
      remoteAudioMuted: new Map(client.remoteAudioMuted),
      remoteAudioVolume: new Map(client.remoteAudioVolume),
      ...(client.tracks.audio ? { captureVolume: client.tracks.audio.captureVolume } : {}),
      sees: [...s.view.keys()],
    }
  }

  return {
    TRTC,
    CrossRoom: class CrossRoom {
      static readonly Name = 'CrossRoom'
    },
    FakeRtcError,
    now: () => core.clock,

    advance(ms) {
      if (!(ms >= 0)) throw new FakeMisuseError('advance(ms) needs ms ≥ 0')
      const until = core.clock + ms
      // fire due ticks in time order; ties in instance order, volume first
      for (;;) {
        let due: { at: number; fire: () => void } | undefined
        for (const c of core.clients) {
          const s = c.session
          if (c.volume.interval > 0 && c.volume.next <= until && (!due || c.volume.next < due.at)) {
            due = { at: c.volume.next, fire: () => { c.volume.next += c.volume.interval; volumeTick(c) } }
          }
          if (s && s.nextNetworkAt <= until && (!due || s.nextNetworkAt < due.at)) {
            due = { at: s.nextNetworkAt, fire: () => { s.nextNetworkAt += 2000; networkTick(c, s.userId) } }
          }
        }
        if (!due) break
        core.clock = due.at
        due.fire()
      }
      core.clock = until
    },

    flush: () => core.delivery.flush(),

    setVolume(userId, volume) {
      if (!(volume >= 0 && volume <= 100)) throw new FakeMisuseError('volume must be 0–100')
      core.volumes.set(userId, Math.round(volume))
    },

    setNetwork(userId, network) {
      core.networks.set(userId, { ...network })
    },

    devices: {
      add(kind, info) {
        const device = makeDevice(kind, info, core.devices.all.filter((d) => d.kind === kind).length + 1)
        core.devices.all.push(device)
        broadcast(core, 'device-changed', { type: kind, action: 'add', device: deviceInfo(core.devices, device) })
      },
      remove(deviceId) {
        const at = core.devices.all.findIndex((d) => d.deviceId === deviceId)
        if (at < 0) throw new FakeMisuseError(`no device "${deviceId}"`)
        const [device] = core.devices.all.splice(at, 1) as [typeof core.devices.all[number]]
        broadcast(core, 'device-changed', { type: device.kind, action: 'remove', device: deviceInfo(core.devices, device) })
        if (device.kind === 'speaker') return
        const kind = device.kind === 'camera' ? 'video' : 'audio'
        const next = core.devices.all.find((d) => d.kind === device.kind && !core.devices.busy.has(d.deviceId))
        for (const client of core.clients) {
          const track = client.tracks[kind]
          if (track?.deviceId !== deviceId) continue
          // the SDK recaptures from another device, or gives up with 5308 (camera) / 5309 (microphone)
          if (next) {
            track.deviceId = next.deviceId
            emit(core, client, 'device-changed', { type: device.kind, action: 'active', device: deviceInfo(core.devices, next) })
          } else {
            const extraCode = device.kind === 'camera' ? 5308 : 5309
            emit(core, client, 'error', new FakeRtcError(5300, extraCode, `${device.kind} recapture failed`, '', 'DEVICE_ERROR'))
          }
        }
      },
      permission(kind, state) {
        core.devices.permissions[kind] = state
        broadcast(core, 'permission-state-change', { ...core.devices.permissions })
      },
      busy(deviceId, busy = true) {
        if (busy) core.devices.busy.add(deviceId)
        else core.devices.busy.delete(deviceId)
      },
    },

    removeUser(room, userId) {
      const r = findRoom(core, room)
      kickOut(core, orMisuse((r?.sessions ?? []).filter((s) => s.userId === userId).map((s) => s.client), `${userId} in room ${room}`), 'banned', 2)
    },

    dismissRoom(room) {
      const r = findRoom(core, room)
      if (!r) throw new FakeMisuseError(`no room ${room}`)
      kickOut(core, r.sessions.map((s) => s.client), 'room_disband', 0)
    },

    dropConnection(userId, { recover = true } = {}) {
      const clients = orMisuse(joinedAs(userId), `joined user ${userId}`)
      for (const c of clients) {
        setConnection(core, c, 'DISCONNECTED')
        setConnection(core, c, 'CONNECTING', true)
        if (recover) setConnection(core, c, 'CONNECTED')
      }
      if (recover) return
      exitSessions(core, clients, 1)
      for (const c of clients) emit(core, c, 'error', new FakeRtcError(5500, 5502, 'reconnection failed: left the room', ''))
    },

    endScreenShare(userId) {
      for (const c of orMisuse(core.clients.filter((c) => c.userId === userId && c.tracks.screen), `screen share of ${userId}`)) {
        stopTrack(core, c, 'screen')
        emit(core, c, 'screen-share-stopped', undefined)
      }
    },

    get autoplay() {
      return core.autoplay
    },
    set autoplay(on) {
      core.autoplay = on
    },
    get screenPicker() {
      return core.screenPicker
    },
    set screenPicker(choice) {
      core.screenPicker = choice
    },
    get sigCheck() {
      return core.sigCheck
    },
    set sigCheck(check) {
      core.sigCheck = check
    },

    failNext(method, error) {
      core.failures.set(method, error)
    },

    listenerErrors: core.listenerErrors,

    rooms: () => [...core.rooms.values()].map((r) => ({
      key: r.key,
      scene: r.scene,
      users: r.sessions.map((s) => ({ userId: s.userId, role: s.role, published: KINDS.filter((k) => s.client.tracks[k]?.state === 'started') })),
      links: core.links.filter((l) => l.fromRoom === r.key).map((l) => ({ owner: l.owner.userId ?? '', to: l.toRoom, ...(l.userId === undefined ? {} : { userId: l.userId }) })),
    })),

    session: (userId) => {
      const client = joinedAs(userId)[0]
      return client && snapshot(client)
    },
  }
}
