import { createEmitter, EngineError, ErrorCode } from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { useAtomicxClient } from '../core/context'
import { emitAll } from '../core/events'
import { useLiveListStore } from '../liveList/store'
import { useMediaStore } from '../media/store'
import { CoHostStatus, type RequestHostConnectionParams, type TUIConnectionCode } from '../types/coHost'
import type { SeatUserInfo } from '../types/user'
import type { CoHostEventInfoMap } from './events'
import { actionsInFlight } from './inFlight'
import {
  connectionChanged, connectionEmissions, listsFrom, mergeCandidates, NO_LISTS, requestAdded, requestAddedEmissions, requestEnded, requestEndedEmissions,
  withoutLives, type CoHostLists,
} from './transitions'

/** `cancelHostConnection`, `acceptHostConnection` and `rejectHostConnection` parameters: the other live. */
export interface CoHostLiveParams {
  liveId: string
}

/** Live-to-live host connections of the current live (internal; use `useCoHostState`). */
export const useCoHostStore = defineStore('coHost', () => {
  const client = useAtomicxClient()
  const media = useMediaStore()
  const leavingLive = actionsInFlight(useLiveListStore(), ['leaveLive', 'endLive'])
  const events = createEmitter<CoHostEventInfoMap>(client.reportError)
  const lists = shallowRef<CoHostLists>(NO_LISTS)
  const candidates = shallowRef<readonly SeatUserInfo[]>([])
  const candidatesCursor = ref('')
  /** liveIds whose audio this host muted */
  const mutedHosts = shallowRef<readonly string[]>([])
  const connected = computed(() => lists.value.connected)
  const invitees = computed(() => lists.value.invitees)
  const applicant = computed(() => lists.value.applicant)
  const me = (): string => client.session.value?.userId ?? ''
  const coHostStatus = computed(() => (connected.value.some((host) => host.userId === me()) ? CoHostStatus.Connected : CoHostStatus.Disconnected))

  /** Mutes only last while their live stays connected (its media link goes with it). */
  function keepConnectedMutes(): void {
    const liveIds = lists.value.connected.map((host) => host.liveId)
    mutedHosts.value = mutedHosts.value.filter((liveId) => liveIds.includes(liveId))
  }

  onScopeDispose(client.onView((view) => {
    lists.value = listsFrom(view?.live ?? null)
    keepConnectedMutes()
    if (!view?.live) {
      candidates.value = []
      candidatesCursor.value = ''
    }
  }))
  onScopeDispose(client.on('coHost.requestAdded', ({ request }) => {
    lists.value = requestAdded(lists.value, request, me())
    emitAll(events, requestAddedEmissions(request, me()))
  }))
  onScopeDispose(client.on('coHost.requestEnded', ({ request, outcome }) => {
    lists.value = requestEnded(lists.value, request, me())
    emitAll(events, requestEndedEmissions(request, outcome, me(), leavingLive()))
  }))
  onScopeDispose(client.on('coHost.connectionChanged', ({ connection, joined, left }) => {
    lists.value = connectionChanged(lists.value, connection, joined)
    candidates.value = withoutLives(candidates.value, joined.map((host) => host.liveId))
    keepConnectedMutes()
    emitAll(events, connectionEmissions(joined, left))
  }))

  /**
   * Asks the owner of `liveId` to connect (`timeout` seconds, 0 = none). Resolves with that live's
   * code: anything but Success (busy, not found…) is returned, not thrown, and sends nothing.
   */
  async function requestHostConnection({ liveId, layoutTemplate, timeout, extensionInfo }: RequestHostConnectionParams): Promise<Map<string, TUIConnectionCode>> {
    const { code } = await client.request({ type: 'coHost.request', liveId, layoutTemplate, timeout, extensionInfo })
    return new Map([[liveId, code as number as TUIConnectionCode]]) // the engine's ConnectionCode has the same numbers
  }

  /** Withdraws the request to `liveId`. */
  async function cancelHostConnection({ liveId }: CoHostLiveParams): Promise<void> {
    await client.request({ type: 'coHost.cancel', liveId })
  }

  /** Accepts the request from `liveId`: both lives connect. */
  async function acceptHostConnection({ liveId }: CoHostLiveParams): Promise<void> {
    await client.request({ type: 'coHost.accept', liveId })
  }

  /** Refuses the request from `liveId`. */
  async function rejectHostConnection({ liveId }: CoHostLiveParams): Promise<void> {
    await client.request({ type: 'coHost.reject', liveId })
  }

  /** Leaves the connection (and any battle); the others stay connected while two or more remain. */
  async function exitHostConnection(): Promise<void> {
    await client.request({ type: 'coHost.exit' })
  }

  /** Fetches a page of lives to invite: cursor '' replaces `candidates`, a later cursor appends. */
  async function getCoHostCandidates(cursor = ''): Promise<void> {
    const page = await client.query({ type: 'coHost.candidates', cursor })
    candidates.value = mergeCandidates(candidates.value, page.list, cursor)
    candidatesCursor.value = page.cursor
  }

  /** Mutes (or unmutes) a connected live's audio in this live, for everyone watching it. */
  async function muteRemoteHostAudio(liveId: string, isMuted: boolean): Promise<void> {
    if (coHostStatus.value !== CoHostStatus.Connected) throw new EngineError(ErrorCode.NOT_CONNECTED, 'Connect with another host before muting its audio')
    if (typeof isMuted !== 'boolean') throw new EngineError(ErrorCode.INVALID_ARGUMENT, 'isMuted must be true or false')
    if (!connected.value.some((host) => host.liveId === liveId && host.userId !== me())) {
      throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Live "${String(liveId)}" is not connected with yours`)
    }
    await (await media.ready()).setConnectedMuted({ roomId: liveId, audio: isMuted })
    const others = mutedHosts.value.filter((id) => id !== liveId)
    mutedHosts.value = isMuted ? [...others, liveId] : others
  }

  return {
    coHostStatus,
    connected,
    applicant,
    invitees,
    candidates,
    candidatesCursor,
    mutedHosts,
    requestHostConnection,
    cancelHostConnection,
    acceptHostConnection,
    rejectHostConnection,
    exitHostConnection,
    getCoHostCandidates,
    muteRemoteHostAudio,
    subscribeEvent: events.on,
    unsubscribeEvent: events.off,
  }
})
