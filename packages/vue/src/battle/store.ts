import { createEmitter } from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import { actionsInFlight } from '../coHost/inFlight'
import { useCoHostStore } from '../coHost/store'
import { toCoHostUser } from '../coHost/transitions'
import { useAtomicxClient } from '../core/context'
import { emitAll } from '../core/events'
import { deleteEntry, setEntry } from '../core/maps'
import { useLiveListStore } from '../liveList/store'
import { BattleEvent, type BattleConfig, type TUIBattleCode } from '../types/battle'
import type { BattleEventInfoMap, BattleRequestInfo } from './events'
import {
  battleState, NO_BATTLE, requestAddedEmissions, requestEndedEmissions, startedEmission, toBattleInfo, toBattleRequest, type BattleState,
} from './transitions'

/** `requestBattle()` parameters: `timeout` in seconds (0 = none). */
export interface RequestBattleParams {
  config: BattleConfig
  userIdList: string[]
  timeout: number
}

/** What `requestBattle()` resolves with: the battle and each invitee's code. */
export interface RequestBattleResult {
  battleId: string
  result: Record<string, TUIBattleCode>
}

/** `cancelBattleRequest()` parameters. */
export interface CancelBattleRequestParams {
  battleId: string
  userIdList: string[]
}

/** `acceptBattle`, `rejectBattle` and `exitBattle` parameters. */
export interface BattleIdParams {
  battleId: string
}

/** The battle (PK) of the current live's connection (internal; use `useBattleState`). */
export const useBattleStore = defineStore('battle', () => {
  const client = useAtomicxClient()
  const leavingLive = actionsInFlight(useLiveListStore(), ['leaveLive', 'endLive'])
  const exitingConnection = actionsInFlight(useCoHostStore(), ['exitHostConnection'])
  const events = createEmitter<BattleEventInfoMap>(client.reportError)
  const state = shallowRef<BattleState>(NO_BATTLE)
  const currentBattleInfo = computed(() => state.value.info)
  const battleUsers = computed(() => state.value.users)
  const battleScore = computed(() => state.value.scores)
  /** requests waiting for this host's answer, by battleId */
  const requests = shallowRef(new Map<string, BattleRequestInfo>())
  const battleRequests = computed(() => [...requests.value.values()])
  let liveId = ''

  const me = (): string => client.session.value?.userId ?? ''
  const isCurrent = (battleId: string) => state.value.info?.battleId === battleId

  onScopeDispose(client.onView((view) => {
    liveId = view?.live?.info.liveId ?? ''
    state.value = battleState(view?.live?.battle ?? null)
    requests.value = new Map(view?.live?.battleRequests.map((request) => [request.battleId, toBattleRequest(request)]))
  }))
  onScopeDispose(client.on('battle.requestAdded', ({ request }) => {
    if (request.invitee.userId === me()) setEntry(requests, request.battleId, toBattleRequest(request))
    emitAll(events, requestAddedEmissions(request, me()))
  }))
  onScopeDispose(client.on('battle.requestEnded', ({ request, outcome }) => {
    if (request.invitee.userId === me()) deleteEntry(requests, request.battleId)
    emitAll(events, requestEndedEmissions(request, outcome, me(), leavingLive() || exitingConnection()))
  }))
  onScopeDispose(client.on('battle.started', ({ battle }) => {
    state.value = battleState(battle)
    emitAll(events, [startedEmission(battle)])
  }))
  onScopeDispose(client.on('battle.userJoined', ({ battle, user }) => {
    state.value = battleState(battle)
    events.emit(BattleEvent.onUserJoinBattle, { battleId: battle.battleId, battleUser: toCoHostUser(user) })
  }))
  onScopeDispose(client.on('battle.userExited', ({ battle, user }) => {
    // the own live's host left: the battle goes on without this live
    state.value = user.liveId === liveId ? NO_BATTLE : battleState(battle)
    events.emit(BattleEvent.onUserExitBattle, { battleId: battle.battleId, battleUser: toCoHostUser(user) })
  }))
  onScopeDispose(client.on('battle.scoreChanged', ({ battle }) => {
    if (isCurrent(battle.battleId)) state.value = { ...state.value, scores: new Map(Object.entries(battle.scores)) }
  }))
  onScopeDispose(client.on('battle.ended', ({ battle, reason }) => {
    events.emit(BattleEvent.onBattleEnded, { battleInfo: toBattleInfo(battle), reason })
    if (isCurrent(battle.battleId)) state.value = NO_BATTLE
  }))

  /**
   * Invites connected hosts to battle. With `needResponse: false` it starts at once; otherwise with
   * the first accept. Nothing changes here until `onBattleStarted`.
   */
  async function requestBattle({ config, userIdList, timeout }: RequestBattleParams): Promise<RequestBattleResult> {
    const { battleId, result } = await client.request({ type: 'battle.request', config, userIdList, timeout })
    return { battleId, result: { ...result } }
  }

  /** Withdraws invitations of a battle this host sent. */
  async function cancelBattleRequest({ battleId, userIdList }: CancelBattleRequestParams): Promise<void> {
    await client.request({ type: 'battle.cancel', battleId, userIdList })
  }

  /** Joins the battle this host was invited to. */
  async function acceptBattle({ battleId }: BattleIdParams): Promise<void> {
    await client.request({ type: 'battle.accept', battleId })
  }

  /** Refuses a battle invitation. */
  async function rejectBattle({ battleId }: BattleIdParams): Promise<void> {
    await client.request({ type: 'battle.reject', battleId })
  }

  /** Leaves the battle; it ends (`allMemberExit`) when fewer than two hosts remain. */
  async function exitBattle({ battleId }: BattleIdParams): Promise<void> {
    await client.request({ type: 'battle.exit', battleId })
  }

  return {
    currentBattleInfo,
    battleUsers,
    battleScore,
    battleRequests,
    requestBattle,
    cancelBattleRequest,
    acceptBattle,
    rejectBattle,
    exitBattle,
    subscribeEvent: events.on,
    unsubscribeEvent: events.off,
  }
})
