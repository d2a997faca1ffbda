import type { TrtcConnectionState, TrtcEventMap, TrtcRole, TrtcScene } from '../../../packages/engine/src/media/trtc/sdk'
import type { Delivery } from './delivery'
import type { DeviceRegistry } from './devices'
import type { FakeRtcError } from './errors'

/** A local track: `state` is its publish state, `muted` hides it from others while published. */
export interface Track {
  deviceId?: string
  publish: boolean
  muted: boolean
  state: 'stopped' | 'started'
  /** microphone: `option.captureVolume` (default 100) */
  captureVolume?: number
  /** camera and screen: what `statistics` reports of it */
  encoding?: { readonly width: number; readonly height: number; readonly frameRate: number; readonly bitrate: number }
}

export type TrackKind = 'video' | 'audio' | 'screen'

/** What an observer knows of one remote user: which streams it may play. */
export interface Presence {
  readonly sid: number
  readonly main: boolean
  readonly audio: boolean
  readonly sub: boolean
}

/** One user in one room, from `enterRoom` to its exit. */
export interface Session {
  readonly sid: number
  readonly client: ClientState
  readonly userId: string
  readonly roomKey: string
  readonly scene: TrtcScene
  role: TrtcRole
  /** false until the joiner's initial peers are announced (3.3) */
  ready: boolean
  /** the remote users this session was told about */
  view: Map<string, Presence>
  nextNetworkAt: number
}

/** One TRTC instance. */
export interface ClientState {
  readonly id: number
  readonly listeners: Map<string, Set<(payload: never) => void>>
  readonly plugins: ReadonlySet<string>
  readonly enableSEI: boolean
  /** the last userId it entered with (for controls addressed by userId) */
  userId?: string
  session?: Session
  connection: TrtcConnectionState
  readonly tracks: Partial<Record<TrackKind, Track>>
  /** `${userId}|${streamType}` → view */
  readonly playing: Map<string, unknown>
  readonly remoteAudioMuted: Map<string, boolean>
  /** `setRemoteAudioVolume` by userId (or `'*'`) */
  readonly remoteAudioVolume: Map<string, number>
  volume: { interval: number; next: number }
  destroyed: boolean
}

/** A CrossRoom link started by `owner` from its room. Blocks apply to streams forwarded into `fromRoom`. */
export interface Link {
  readonly owner: ClientState
  readonly fromRoom: string
  readonly toRoom: string
  readonly userId?: string
  readonly blocks: Map<string, { audio: boolean; video: boolean; sub: boolean }>
}

export interface Room {
  readonly key: string
  readonly scene: TrtcScene
  readonly sessions: Session[]
}

export interface FailSpec {
  readonly code: number
  readonly extraCode?: number
  readonly message?: string
}

/** The shared state of one fake cloud. Nothing of it lives at module level. */
export interface Core {
  readonly peersBeforeResolve: boolean
  clock: number
  nextId: number
  readonly clients: ClientState[]
  readonly rooms: Map<string, Room>
  links: Link[]
  readonly devices: DeviceRegistry
  readonly volumes: Map<string, number>
  readonly networks: Map<string, { up: number; down: number; rtt: number; loss: number }>
  autoplay: boolean
  screenPicker: 'allow' | 'cancel'
  readonly failures: Map<string, FailSpec>
  sigCheck?: (config: { readonly sdkAppId: number; readonly userId: string; readonly userSig: string }) => number | undefined
  readonly listenerErrors: unknown[]
  readonly delivery: Delivery
}

/** Queues `event` for `client`'s listeners (looked up at delivery, as the SDK's emitter does). */
export function emit<E extends keyof TrtcEventMap>(core: Core, client: ClientState, event: E, payload: TrtcEventMap[E]): void {
  core.delivery.push(() => {
    if (client.destroyed) return
    for (const fn of [...(client.listeners.get(event) ?? [])]) {
      try {
        ;(fn as (p: TrtcEventMap[E]) => void)(payload)
      } catch (error) {
        // the SDK logs a throwing listener and goes on
        core.listenerErrors.push(error)
      }
    }
  })
}

/** Queues `event` for every live instance of the cloud (device and speaker changes). */
export function broadcast<E extends keyof TrtcEventMap>(core: Core, event: E, payload: TrtcEventMap[E]): void {
  for (const client of core.clients) emit(core, client, event, payload)
}

/** Moves the connection state and emits the change. */
export function setConnection(core: Core, client: ClientState, state: TrtcConnectionState, isReconnecting?: boolean): void {
  const prevState = client.connection
  client.connection = state
  emit(core, client, 'connection-state-changed', isReconnecting ? { prevState, state, isReconnecting } : { prevState, state })
}

/** Throws the failure `failNext` armed for `method`, once. */
export function takeFailure(core: Core, method: string, make: (spec: FailSpec) => FakeRtcError): void {
  const spec = core.failures.get(method)
  if (!spec) return
  core.failures.delete(method)
  throw make(spec)
}

/** The room a control names: a number is a `roomId`, a string a `strRoomId` (any sdkAppId). */
export function findRoom(core: Core, room: string | number): Room | undefined {
  const id = typeof room === 'number' ? `n|${room}` : `s|${room}`
  return [...core.rooms.values()].find((r) => r.key.slice(r.key.indexOf('|') + 1) === id)
}
