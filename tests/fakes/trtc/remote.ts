import type { TrtcRemoteVideoConfig, TrtcStreamType } from '../../../packages/engine/src/media/trtc/sdk'
import { emit, type ClientState, type Core } from './core'
import { aborted, invalidOperation, invalidParameter } from './errors'
import { checkView, oneOf, required } from './validate'

function checkRemote(client: ClientState, fn: string, config: TrtcRemoteVideoConfig): { key: string; streamType: TrtcStreamType } {
  required(fn, 'userId', config?.userId, 'string')
  if (config.streamType === undefined) throw invalidParameter(fn, 5001, 'streamType is required')
  const streamType = oneOf(fn, 'streamType', config.streamType, ['main', 'sub'] as const)
  checkView(fn, config.view)
  const s = client.session
  if (!s) throw invalidOperation(fn, 5101, 'not in a room')
  const peer = s.view.get(config.userId)
  if (!peer || !(peer.main || peer.audio || peer.sub)) throw invalidOperation(fn, 5102, `${config.userId} publishes nothing`)
  if (!peer[streamType]) throw invalidOperation(fn, 5103, `${config.userId} does not publish its ${streamType} stream`)
  return { key: `${config.userId}|${streamType}`, streamType }
}

function play(core: Core, client: ClientState, userId: string, streamType: TrtcStreamType) {
  const playing = () => emit(core, client, 'video-play-state-changed', { userId, streamType, state: 'PLAYING', reason: 'playing' })
  if (!core.autoplay) {
    const resume = async () => {
      if (client.playing.has(`${userId}|${streamType}`)) playing()
    }
    emit(core, client, 'autoplay-failed', { userId, mediaType: streamType === 'main' ? 'video' : 'screen', resume })
    return
  }
  playing()
  emit(core, client, 'first-video-frame', { userId, streamType, width: 640, height: 480 })
}

/** `startRemoteVideo`: 5101/5102/5103; a repeat is 5998; plays (or reports blocked autoplay). */
export function startRemoteVideo(core: Core, client: ClientState, config: TrtcRemoteVideoConfig): void {
  const { key, streamType } = checkRemote(client, 'startRemoteVideo', config)
  if (client.playing.has(key)) throw aborted('startRemoteVideo', `${key} is already playing`)
  client.playing.set(key, config.view ?? null)
  play(core, client, config.userId, streamType)
}

/** `updateRemoteVideo`: same checks; moves the view of a playing stream (5998 when not playing). */
export function updateRemoteVideo(core: Core, client: ClientState, config: TrtcRemoteVideoConfig): void {
  const { key } = checkRemote(client, 'updateRemoteVideo', config)
  if (!client.playing.has(key)) throw aborted('updateRemoteVideo', `${key} is not playing`)
  client.playing.set(key, config.view ?? null)
}

/** `stopRemoteVideo`: `'*'` stops all; otherwise `streamType` is required (5014). */
export function stopRemoteVideo(core: Core, client: ClientState, config: { readonly userId: string; readonly streamType?: TrtcStreamType }): void {
  required('stopRemoteVideo', 'userId', config?.userId, 'string')
  if (config.userId !== '*' && config.streamType === undefined) throw invalidParameter('stopRemoteVideo', 5014, 'streamType is required')
  for (const key of [...client.playing.keys()]) {
    const userId = key.slice(0, key.lastIndexOf('|'))
    const streamType = key.slice(userId.length + 1) as TrtcStreamType
    if (config.userId !== '*' && (userId !== config.userId || streamType !== config.streamType)) continue
    client.playing.delete(key)
    emit(core, client, 'video-play-state-changed', { userId, streamType, state: 'STOPPED', reason: 'ended' })
  }
}

/** `muteRemoteAudio`: remembered per user (or `'*'`); available peers' players pause or resume. */
export function muteRemoteAudio(core: Core, client: ClientState, userId: unknown, mute: unknown): void {
  required('muteRemoteAudio', 'userId', userId, 'string')
  if (typeof mute !== 'boolean') throw invalidParameter('muteRemoteAudio', 5002, 'mute must be a boolean')
  client.remoteAudioMuted.set(userId as string, mute)
  for (const [peer, presence] of client.session?.view ?? []) {
    if (!presence.audio || (userId !== '*' && userId !== peer)) continue
    emit(core, client, 'audio-play-state-changed', { userId: peer, state: mute ? 'PAUSED' : 'PLAYING', reason: mute ? 'pause' : 'playing' })
  }
}
