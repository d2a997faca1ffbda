import type { TrtcStatistics, TrtcStreamStatistics } from '../../../packages/engine/src/media/trtc/sdk'
import type { ClientState, Core, Presence } from './core'
import type { FakeNetwork } from './cloud'

// a published microphone's fake bitrate, kbps
const AUDIO_BITRATE = 40
const ALL: Presence = { sid: 0, main: true, audio: true, sub: true }

/** One client's published streams as the SDK reports them; `shown` limits them to what an observer receives. */
function streamsOf(core: Core, client: ClientState, shown: Presence): TrtcStreamStatistics {
  const live = (kind: 'audio' | 'video' | 'screen') => {
    const track = client.tracks[kind]
    return track?.state === 'started' && !track.muted ? track : undefined
  }
  const audio = shown.audio ? live('audio') : undefined
  const level = audio && client.userId !== undefined ? ((core.volumes.get(client.userId) ?? 0) * (audio.captureVolume ?? 100)) / 100 : 0
  const video: Array<TrtcStreamStatistics['video'][number]> = []
  const camera = shown.main ? live('video')?.encoding : undefined
  const screen = shown.sub ? live('screen')?.encoding : undefined
  if (camera) video.push({ ...camera, videoType: 'big' })
  if (screen) video.push({ ...screen, videoType: 'sub' })
  return { audio: { bitrate: audio ? AUDIO_BITRATE : 0, audioLevel: level / 100 }, video }
}

/** The `statistics` payload of `client`: network figures, what it publishes, and each peer it receives something of. */
export function statisticsOf(core: Core, client: ClientState, n: FakeNetwork): TrtcStatistics {
  const sessions = new Map([...core.rooms.values()].flatMap((r) => r.sessions.map((s) => [s.sid, s] as const)))
  const remoteStatistics = [...(client.session?.view ?? [])].flatMap(([userId, presence]) => {
    const peer = sessions.get(presence.sid)
    return peer && (presence.main || presence.audio || presence.sub) ? [{ userId, ...streamsOf(core, peer.client, presence) }] : []
  })
  return { rtt: n.rtt, upLoss: n.loss, downLoss: n.loss, bytesSent: 0, bytesReceived: 0, localStatistics: streamsOf(core, client, ALL), remoteStatistics }
}
