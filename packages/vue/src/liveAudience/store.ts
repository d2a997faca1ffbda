import { createEmitter } from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import { toLiveUserInfo } from '../core/convert'
import { useAtomicxClient } from '../core/context'
import { emitAll } from '../core/events'
import { deleteEntry, setEntries } from '../core/maps'
import type { AudienceInfo, DisableSendMessageParams } from '../types/audience'
import type { UserIdParams } from '../types/seat'
import type { LiveAudienceEventInfoMap } from './events'
import { audienceEntries, changeEmissions, presenceEmission } from './transitions'

const PAGE_SIZE = 100

/** Members of the current live other than its owner (internal; use `useLiveAudienceState`). */
export const useLiveAudienceStore = defineStore('liveAudience', () => {
  const client = useAtomicxClient()
  const events = createEmitter<LiveAudienceEventInfoMap>(client.reportError)
  /** userId → member, in join order */
  const audience = shallowRef(new Map<string, AudienceInfo>())
  const audienceList = computed(() => [...audience.value.values()])
  const audienceCount = computed(() => audience.value.size)
  const messageBannedUserList = computed(() => audienceList.value.filter((member) => member.isMessageDisabled).map(toLiveUserInfo))
  let liveId: string | null = null

  const isMe = (userId: string): boolean => userId === client.session.value?.userId

  onScopeDispose(client.onView((view) => {
    liveId = view?.live?.info.liveId ?? null
    audience.value = new Map()
    if (liveId) fetchAudienceList().catch(client.reportError)
  }))
  onScopeDispose(client.on('member.joined', ({ liveId: at, member }) => {
    if (at !== liveId) return
    setEntries(audience, audienceEntries([member]))
    if (!isMe(member.userId)) emitAll(events, [presenceEmission(member, true)])
  }))
  onScopeDispose(client.on('member.left', ({ liveId: at, member }) => {
    if (at !== liveId) return
    deleteEntry(audience, member.userId)
    if (!isMe(member.userId)) emitAll(events, [presenceEmission(member, false)])
  }))
  onScopeDispose(client.on('member.changed', ({ liveId: at, member }) => {
    if (at !== liveId) return
    const before = audience.value.get(member.userId)
    setEntries(audience, audienceEntries([member]))
    emitAll(events, changeEmissions(before, member))
  }))

  /**
   * Reloads the whole audience page by page. Pages merge into the live map, so joins and leaves that
   * arrive between pages are kept (the hub answers in order with its events).
   */
  async function fetchAudienceList(): Promise<AudienceInfo[]> {
    const forLive = liveId
    let cursor = ''
    do {
      const page = await client.query({ type: 'member.list', cursor, count: PAGE_SIZE })
      if (liveId !== forLive) break
      if (cursor === '') audience.value = new Map(audienceEntries(page.list))
      else setEntries(audience, audienceEntries(page.list))
      cursor = page.cursor
    } while (cursor)
    return audienceList.value
  }

  /** Makes a member an administrator (owner only). */
  async function setAdministrator({ userId }: UserIdParams): Promise<void> {
    await client.request({ type: 'member.setAdmin', userId })
  }

  /** Makes an administrator a general member again (owner only). */
  async function revokeAdministrator({ userId }: UserIdParams): Promise<void> {
    await client.request({ type: 'member.revokeAdmin', userId })
  }

  /** Removes a member from the live (owner; admins: audience only); they get `onKickedOutOfLive`. */
  async function kickUserOutOfRoom({ userId }: UserIdParams): Promise<void> {
    await client.request({ type: 'member.kick', userId })
  }

  /** Forbids or allows a member's chat messages (owner/admin). */
  async function disableSendMessage({ userId, isDisable }: DisableSendMessageParams): Promise<void> {
    await client.request({ type: 'member.disableMessage', userId, isDisable })
  }

  return {
    audience,
    audienceList,
    audienceCount,
    messageBannedUserList,
    fetchAudienceList,
    setAdministrator,
    revokeAdministrator,
    kickUserOutOfRoom,
    disableSendMessage,
    subscribeEvent: events.on,
    unsubscribeEvent: events.off,
  }
})
