import { createEmitter, type MediaEngineEvents } from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { onScopeDispose, ref, shallowRef } from 'vue'
import { useAtomicxClient } from '../core/context'
import { useLoginStore } from '../login/store'
import {
  LiveListEvent, type FetchLiveListParams, type JoinLiveParams, type LiveInfo, type QueryMetaDataParams, type StartLiveParams,
  type UpdateLiveInfoParams, type UpdateLiveMetaDataParams,
} from '../types/live'
import type { LiveListEventInfoMap } from './events'
import { isAlreadyOut, mediaLostError, removalEmission } from './removal'
import { mergeLivePage, startInput, toLiveInfo, updateInput } from './transitions'

/** Lives of the hub and the one this user is in (internal; use `useLiveListState`). */
export const useLiveListStore = defineStore('liveList', () => {
  const client = useAtomicxClient()
  const login = useLoginStore()
  const events = createEmitter<LiveListEventInfoMap>(client.reportError)
  const liveList = shallowRef<readonly LiveInfo[]>([])
  const liveListCursor = ref('')
  /** null whenever the user is in no live: before joining, after leave/end, when ended or kicked out */
  const currentLive = shallowRef<LiveInfo | null>(null)
  // what updateLiveInfo() set before a live started: startLive() uses it
  let draft: UpdateLiveInfoParams = {}

  onScopeDispose(client.onView((view) => {
    currentLive.value = view?.live ? toLiveInfo(view.live.info) : null
  }))
  onScopeDispose(client.on('live.infoChanged', ({ info }) => {
    if (info.liveId === currentLive.value?.liveId) currentLive.value = toLiveInfo(info)
  }))
  onScopeDispose(client.on('live.ended', ({ liveId, reason }) => events.emit(LiveListEvent.onLiveEnded, { liveId, reason, message: '' })))
  onScopeDispose(client.on('live.kickedOut', ({ liveId, reason }) => {
    events.emit(LiveListEvent.onKickedOutOfLive, { liveId, reason, message: '' })
  }))
  onScopeDispose(client.onMedia('removed', (removed) => void mediaRemoved(removed).catch(client.reportError)))

  /**
   * The media engine is already out of the live's room (TRTC `kicked-out`, a room-fatal error; the local
   * engine: the same userId joined the room elsewhere). The user leaves the live on the hub too, so the
   * others see the member go and no seat or application is left behind, then hears why
   * (`removalEmission`). A refused leave means the hub ended or left the live first and told the
   * user itself: nothing more is said. `kick` is a login elsewhere: logged out as the hub's
   * kicked-offline does (`onKickedOffline`); `error` also reaches the app's error handler (`mediaLostError`).
   */
  async function mediaRemoved({ reason, error }: MediaEngineEvents['removed']): Promise<void> {
    const liveId = currentLive.value?.liveId
    if (liveId !== undefined && await leaveAfterRemoval()) {
      const { event, info } = removalEmission(reason, liveId)
      events.emit(event, info)
    }
    if (reason === 'error') client.reportError(mediaLostError(error))
    if (reason === 'kick') await login.kickedOffline()
  }

  /** `live.leave` for `mediaRemoved`: false when already out; other failures go to the app's error handler. */
  async function leaveAfterRemoval(): Promise<boolean> {
    try {
      await client.request({ type: 'live.leave' })
      return true
    } catch (refused) {
      if (!isAlreadyOut(refused)) client.reportError(refused)
      return false
    }
  }

  /** Creates a live with this user as owner on seat 0 and enters it. */
  async function startLive(params: StartLiveParams): Promise<void> {
    await client.request({ type: 'live.start', ...startInput(params, draft) })
    draft = {}
  }

  /** Enters a running live as audience. */
  async function joinLive({ liveId }: JoinLiveParams): Promise<void> {
    await client.request({ type: 'live.join', liveId })
  }

  /** Leaves the current live; when the owner leaves, the live ends. */
  async function leaveLive(): Promise<void> {
    await client.request({ type: 'live.leave' })
  }

  /** Ends the current live (owner only). */
  async function endLive(): Promise<void> {
    await client.request({ type: 'live.end' })
  }

  /** Changes the current live's info (owner/admin); before a live, keeps the values for `startLive`. */
  async function updateLiveInfo(params: UpdateLiveInfoParams): Promise<void> {
    if (!currentLive.value) {
      draft = { ...draft, ...params }
      return
    }
    await client.request({ type: 'live.update', ...updateInput(params) })
  }

  /** Fetches a page of public lives: cursor '' replaces `liveList`, a later cursor appends. */
  async function fetchLiveList({ cursor = '', count = 20 }: FetchLiveListParams = {}): Promise<void> {
    const page = await client.query({ type: 'live.list', cursor, count })
    liveList.value = mergeLivePage(liveList.value, page.list.map(toLiveInfo), cursor)
    liveListCursor.value = page.cursor
  }

  /** Looks one live up (read-only). */
  async function fetchLiveInfo(liveId: string): Promise<LiveInfo> {
    return toLiveInfo(await client.query({ type: 'live.info', liveId }))
  }

  /** Reads the current live's metadata (all keys when `keys` is empty). */
  async function queryMetaData({ keys }: QueryMetaDataParams): Promise<Record<string, string>> {
    return { ...(await client.query({ type: 'live.metadata', keys })) }
  }

  /** Sets metadata keys of the current live (owner/admin); '' deletes a key. */
  async function updateLiveMetaData({ metaData }: UpdateLiveMetaDataParams): Promise<void> {
    await client.request({ type: 'live.setMetadata', metadata: metaData })
  }

  /** Forgets the fetched list and any pre-live info; `currentLive` follows the hub (use `leaveLive`). */
  function reset(): void {
    liveList.value = []
    liveListCursor.value = ''
    draft = {}
  }

  return {
    liveList,
    liveListCursor,
    currentLive,
    startLive,
    createLive: startLive,
    joinLive,
    leaveLive,
    endLive,
    updateLiveInfo,
    fetchLiveList,
    fetchLiveInfo,
    queryMetaData,
    updateLiveMetaData,
    reset,
    subscribeEvent: events.on,
    unsubscribeEvent: events.off,
  }
})
