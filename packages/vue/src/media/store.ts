import { EngineError, ErrorCode, type MediaEngine, type SeatUserView } from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef, watch } from 'vue'
import { useAtomicxClient } from '../core/context'
import { createSerialQueue } from './queue'
import { applyStep, mediaSteps, OUT, placementOf, type MediaLive, type MediaPlacement, type MediaStep } from './transitions'

/** How often the engine reports volumes while in a live (the anchor evaluates every 200 ms). */
const VOLUME_INTERVAL_MS = 200

async function perform(engine: MediaEngine, userId: string, step: MediaStep): Promise<unknown> {
  switch (step.op) {
    case 'leave':
      engine.setVolumeInterval(0)
      return engine.leave()
    case 'join':
      await engine.join({ roomId: step.roomId, userId, role: step.role, scene: 'live' })
      return engine.setVolumeInterval(VOLUME_INTERVAL_MS)
    case 'stopLocal': return Promise.all([engine.stopMicrophone(), engine.stopCamera(), engine.stopScreenShare()])
    case 'setRole': return engine.setRole(step.role)
    case 'connect': return engine.connectRoom({ roomId: step.roomId })
    case 'disconnect': return engine.disconnectRoom(step.roomId)
  }
}

/**
 * The one place that decides the user's media room membership (internal). It follows the hub: in the
 * current live's room as anchor while owner or seated, audience otherwise (local media stopped
 * first), out after leaving or once the engine was put out of the room (`removed`: the live store then
 * leaves the live on the hub); a connected owner links to the partner rooms. Transitions run one after
 * another and always aim at the latest state, so fast sequences stay consistent.
 */
export const useMediaStore = defineStore('media', () => {
  const client = useAtomicxClient()
  const live = shallowRef<MediaLive | null>(null)
  const userId = computed(() => client.session.value?.userId ?? null)
  /** the live whose media room the engine was put out of: not joined again while the user is still in it */
  const removedFrom = shallowRef<string | null>(null)
  const desired = computed(() => (live.value?.liveId === removedFrom.value ? OUT : placementOf(live.value, userId.value)))
  /** where the engine is now */
  const placement = shallowRef<MediaPlacement>(OUT)
  /** my seat in the current live, null when not seated */
  const seat = computed<SeatUserView | null>(() => live.value?.seats.find((s) => s.user?.userId === userId.value)?.user ?? null)
  // the engine `placement` describes; another instance (after a re-login) starts out of every room
  let engine: MediaEngine | null = null
  const enqueue = createSerialQueue()

  async function reconcile(): Promise<MediaEngine | null> {
    const me = userId.value
    if (!me) {
      // logging out disposed the engine, and with it the room
      engine = null
      placement.value = OUT
      return null
    }
    if (!engine && desired.value.roomId === null) return null // no engine needed to stay out
    const current = await client.media()
    if (current !== engine) {
      engine = current
      placement.value = OUT
    }
    for (const step of mediaSteps(placement.value, desired.value)) {
      await perform(current, me, step)
      placement.value = applyStep(placement.value, step)
    }
    return current
  }

  const sync = () => enqueue(reconcile).catch(client.reportError)
  watch(desired, sync, { flush: 'sync' })

  onScopeDispose(client.onView((view) => {
    const next = view?.live
    live.value = next
      ? { liveId: next.info.liveId, ownerId: next.info.owner.userId, seats: next.seats, connection: next.connection }
      : null
    // leaving the live (or entering another) ends the removal; a resync of the same live does not
    if (next?.info.liveId !== removedFrom.value) removedFrom.value = null
  }))
  onScopeDispose(client.on('seat.listChanged', ({ liveId, seats }) => {
    if (live.value?.liveId === liveId) live.value = { ...live.value, seats }
  }))
  onScopeDispose(client.on('coHost.connectionChanged', ({ liveId, connection }) => {
    if (live.value?.liveId === liveId) live.value = { ...live.value, connection }
  }))
  // The engine already left the room (same user joined elsewhere, server removal, fatal error). The live
  // store now leaves the live on the hub; until then, seat changes must not join the room again.
  onScopeDispose(client.onMedia('removed', () => {
    void enqueue(async () => {
      engine?.setVolumeInterval(0)
      placement.value = OUT
    })
    // after the line above: the reconcile this sets off must see the engine out, or it would call leave()
    removedFrom.value = live.value?.liveId ?? null
  }))

  /**
   * The engine once every transition asked for so far is done: device actions wait for it, so a
   * microphone opened right after taking a seat starts after the switch to anchor.
   */
  async function ready(): Promise<MediaEngine> {
    const current = await enqueue(reconcile)
    if (!current || placement.value.roomId === null) throw new EngineError(ErrorCode.NOT_IN_ROOM, 'Join or start a live first')
    return current
  }

  return {
    /** the placement the hub asks for */
    desired,
    placement,
    seat,
    ready,
  }
})
