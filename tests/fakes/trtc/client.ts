import type { TrtcClient, TrtcStreamType } from '../../../packages/engine/src/media/trtc/sdk'
import type { ClientState, Core } from './core'
import { takeFailure } from './core'
import { startCrossRoom, stopCrossRoom, updateCrossRoom } from './crossRoom'
import { FakeMisuseError, FakeRtcError, invalidParameter } from './errors'
import { rateLimit, sendCustomMessage, sendSEIMessage, type RateWindows } from './messages'
import { muteRemoteAudio, startRemoteVideo, stopRemoteVideo, updateRemoteVideo } from './remote'
import { enterRoom, exitSessions, switchRole } from './session'
import { required } from './validate'
import { startLocalAudio, startLocalVideo, startScreenShare, stopTrack, updateLocalAudio, updateLocalVideo, updateScreenShare } from './tracks'

/** The fake instance: the SDK's methods plus the SDK's own helpers the wrapper never calls. */
export interface FakeTrtcClient extends TrtcClient {
  sendSEIMessage(buffer: ArrayBuffer, options?: { seiPayloadType?: number; toSubStream?: boolean }): Promise<void> | void
}

/** `TRTC.create(options)` of one cloud. */
export function createClient(core: Core, options: { readonly plugins?: readonly unknown[]; readonly enableSEI?: boolean } = {}): FakeTrtcClient {
  const plugins = new Set((options.plugins ?? []).map((p) => (p as { Name?: unknown })?.Name).filter((n): n is string => typeof n === 'string'))
  const state: ClientState = {
    id: core.nextId++,
    listeners: new Map(),
    plugins,
    enableSEI: options.enableSEI === true,
    connection: 'DISCONNECTED',
    tracks: {},
    playing: new Map(),
    remoteAudioMuted: new Map(),
    remoteAudioVolume: new Map(),
    volume: { interval: 0, next: 0 },
    destroyed: false,
  }
  core.clients.push(state)
  const rates: RateWindows = new Map()
  const seqs = new Map<number, number>()

  // Every async method: misuse after destroy, an armed failure, then the body; errors reject, never throw.
  const method = <A extends unknown[]>(name: string, body: (...args: A) => void) =>
    async (...args: A): Promise<void> => {
      if (state.destroyed) throw new FakeMisuseError(`${name}() on a destroyed instance`)
      takeFailure(core, name, (f) => new FakeRtcError(f.code, f.extraCode, f.message ?? `${name} failed (failNext)`, name))
      body(...args)
    }

  return {
    enterRoom: method('enterRoom', (config) => enterRoom(core, state, config)),
    exitRoom: method('exitRoom', () => exitSessions(core, [state], 0)),
    switchRole: method('switchRole', (role) => switchRole(core, state, role)),
    startLocalAudio: method('startLocalAudio', (config) => startLocalAudio(core, state, config)),
    updateLocalAudio: method('updateLocalAudio', (config) => updateLocalAudio(core, state, config)),
    stopLocalAudio: method('stopLocalAudio', () => stopTrack(core, state, 'audio')),
    startLocalVideo: method('startLocalVideo', (config) => startLocalVideo(core, state, config)),
    updateLocalVideo: method('updateLocalVideo', (config) => updateLocalVideo(core, state, config)),
    stopLocalVideo: method('stopLocalVideo', () => stopTrack(core, state, 'video')),
    startScreenShare: method('startScreenShare', (config) => startScreenShare(core, state, config)),
    updateScreenShare: method('updateScreenShare', (config) => updateScreenShare(state, config)),
    stopScreenShare: method('stopScreenShare', () => stopTrack(core, state, 'screen')),
    startRemoteVideo: method('startRemoteVideo', (config) => startRemoteVideo(core, state, config)),
    updateRemoteVideo: method('updateRemoteVideo', (config) => updateRemoteVideo(core, state, config)),
    stopRemoteVideo: method('stopRemoteVideo', (config: { userId: string; streamType?: TrtcStreamType }) => stopRemoteVideo(core, state, config)),
    muteRemoteAudio: method('muteRemoteAudio', (userId: string, mute: boolean) => muteRemoteAudio(core, state, userId, mute)),
    startPlugin: method('startPlugin', (name, opts) => startCrossRoom(core, state, name, opts)),
    updatePlugin: method('updatePlugin', (name, opts) => updateCrossRoom(core, state, name, opts)),
    stopPlugin: method('stopPlugin', (name, opts) => stopCrossRoom(core, state, name, opts)),

    // sync in the SDK: bad input throws
    setRemoteAudioVolume(userId, volume) {
      if (state.destroyed) throw new FakeMisuseError('setRemoteAudioVolume() on a destroyed instance')
      required('setRemoteAudioVolume', 'userId', userId, 'string')
      if (typeof volume !== 'number' || !(volume >= 0)) throw invalidParameter('setRemoteAudioVolume', 5002, 'volume must be a number ≥ 0')
      state.remoteAudioVolume.set(userId, volume)
    },

    enableAudioVolumeEvaluation(interval = 2000) {
      if (typeof interval !== 'number') throw invalidParameter('enableAudioVolumeEvaluation', 5002, 'interval must be a number')
      const every = interval <= 0 ? 0 : Math.max(interval, 100)
      state.volume = { interval: every, next: core.clock + every }
    },

    // typed void by the SDK: a rate overflow throws now, everything else rejects
    sendCustomMessage(message) {
      rateLimit(core, rates, 'sendCustomMessage', message?.data)
      return method('sendCustomMessage', () => sendCustomMessage(core, state, seqs, message))()
    },

    sendSEIMessage(buffer, options) {
      rateLimit(core, rates, 'sendSEIMessage', buffer)
      return method('sendSEIMessage', () => sendSEIMessage(core, state, buffer, options))()
    },

    destroy() {
      if (state.session) throw new FakeMisuseError('destroy() while in a room: call exitRoom() first')
      state.destroyed = true
      state.listeners.clear()
      for (const kind of ['video', 'audio', 'screen'] as const) delete state.tracks[kind]
      core.clients.splice(core.clients.indexOf(state), 1)
    },

    on(event, fn) {
      const set = state.listeners.get(event) ?? new Set()
      // the SDK ignores a second registration of the same function
      set.add(fn as (payload: never) => void)
      state.listeners.set(event, set)
    },

    off(event, fn) {
      if (event === '*') state.listeners.clear()
      else state.listeners.get(event)?.delete(fn as (payload: never) => void)
    },
  }
}
