import { createEmitter, type LiveSessionView, type RoomRole } from '@atomicx-vue/engine'
import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import { toLiveUserInfo } from '../core/convert'
import { useAtomicxClient } from '../core/context'
import { emitAll } from '../core/events'
import { deleteEntry, setEntry } from '../core/maps'
import { useLiveAudienceStore } from '../liveAudience/store'
import { useLiveSeatStore } from '../liveSeat/store'
import { GuestEvent, type ApplyForSeatParams, type CancelInvitationParams, type InvitationResponseParams, type InviteToSeatParams } from '../types/coGuest'
import type { UserIdParams } from '../types/seat'
import type { PendingUserInfo } from '../types/user'
import type { CoGuestEventInfoMap } from './events'
import {
  applicantEntry, applicationAddedEmissions, applicationEndedEmissions, candidatesFrom, connectedFrom, invitationAddedEmissions,
  invitationEndedEmissions, inviteeEntry, listsFrom,
} from './transitions'

/** Seat applications and invitations of the current live (internal; use `useCoGuestState`). */
export const useCoGuestStore = defineStore('coGuest', () => {
  const client = useAtomicxClient()
  const liveSeat = useLiveSeatStore()
  const liveAudience = useLiveAudienceStore()
  const events = createEmitter<CoGuestEventInfoMap>(client.reportError)
  /** pending applications by applicant */
  const applicantMap = shallowRef(new Map<string, PendingUserInfo>())
  /** pending invitations: by invitee on a host's device, by inviter on the invitee's */
  const inviteeMap = shallowRef(new Map<string, PendingUserInfo>())
  /** the current live ('' outside one): tells its own seats from co-host partners' */
  const liveId = shallowRef('')
  const applicants = computed(() => [...applicantMap.value.values()])
  const invitees = computed(() => [...inviteeMap.value.values()])
  const connected = computed(() => connectedFrom(liveSeat.seatList, liveId.value))
  const candidates = computed(() => candidatesFrom(liveAudience.audienceList, liveSeat.seatList, me()))

  const me = (): string => client.session.value?.userId ?? ''

  // which requests this user sees depends on their role: owner/admins see all of them
  let role: RoomRole | null = null

  function rebuild(live: LiveSessionView | null): void {
    const lists = listsFrom(live, me())
    role = live?.role ?? null
    liveId.value = live?.info.liveId ?? ''
    applicantMap.value = lists.applicants
    inviteeMap.value = lists.invitees
  }

  onScopeDispose(client.onView((view) => rebuild(view?.live ?? null)))
  onScopeDispose(client.on('coGuest.applicationAdded', ({ application }) => {
    setEntry(applicantMap, ...applicantEntry(application))
    emitAll(events, applicationAddedEmissions(application, me()))
  }))
  onScopeDispose(client.on('coGuest.applicationEnded', ({ application, outcome, hostUser }) => {
    deleteEntry(applicantMap, applicantEntry(application)[0])
    emitAll(events, applicationEndedEmissions(application, outcome, hostUser, me()))
  }))
  onScopeDispose(client.on('coGuest.invitationAdded', ({ invitation }) => {
    setEntry(inviteeMap, ...inviteeEntry(invitation, me()))
    emitAll(events, invitationAddedEmissions(invitation, me()))
  }))
  onScopeDispose(client.on('coGuest.invitationEnded', ({ invitation, outcome }) => {
    deleteEntry(inviteeMap, inviteeEntry(invitation, me())[0])
    emitAll(events, invitationEndedEmissions(invitation, outcome, me()))
  }))
  onScopeDispose(client.on('seat.kickedOff', ({ seatIndex, hostUser }) => {
    events.emit(GuestEvent.onKickedOffSeat, { seatIndex, hostUser: toLiveUserInfo(hostUser) })
  }))
  // becoming or ceasing to be an admin changes which requests this user sees: reload them
  onScopeDispose(client.on('member.changed', ({ member }) => {
    if (member.userId !== me() || member.role === role) return
    role = member.role
    client.query({ type: 'session.view' }).then((view) => rebuild(view.live), client.reportError)
  }))

  /** Applies for a seat (-1 = any free one); `timeout` in seconds, 0 = none. Own entry shows in `applicants`. */
  async function applyForSeat({ seatIndex, timeout }: ApplyForSeatParams): Promise<void> {
    await client.request({ type: 'coGuest.apply', seatIndex, timeout })
  }

  /** Withdraws the own pending application. */
  async function cancelApplication(): Promise<void> {
    await client.request({ type: 'coGuest.cancelApplication' })
  }

  /** Seats an applicant (owner/admin). Does not open their devices. */
  async function acceptApplication({ userId }: UserIdParams): Promise<void> {
    await client.request({ type: 'coGuest.accept', userId })
  }

  /** Turns an application down (owner/admin). */
  async function rejectApplication({ userId }: UserIdParams): Promise<void> {
    await client.request({ type: 'coGuest.reject', userId })
  }

  /** Invites a member to a seat (owner/admin); `timeout` in seconds, 0 = none. */
  async function inviteToSeat({ userId, seatIndex, timeout }: InviteToSeatParams): Promise<void> {
    await client.request({ type: 'coGuest.invite', userId, seatIndex, timeout })
  }

  /** Withdraws a pending invitation (owner/admin). */
  async function cancelInvitation({ inviteeId }: CancelInvitationParams): Promise<void> {
    await client.request({ type: 'coGuest.cancelInvitation', userId: inviteeId })
  }

  /** Accepts an invitation and takes the seat. Does not open devices. */
  async function acceptInvitation({ inviterId }: InvitationResponseParams): Promise<void> {
    await client.request({ type: 'coGuest.acceptInvitation', inviterId })
  }

  /** Turns an invitation down. */
  async function rejectInvitation({ inviterId }: InvitationResponseParams): Promise<void> {
    await client.request({ type: 'coGuest.rejectInvitation', inviterId })
  }

  /** Leaves the own seat and goes back to the audience. */
  async function disConnect(): Promise<void> {
    await client.request({ type: 'seat.leave' })
  }

  return {
    applicantMap,
    inviteeMap,
    applicants,
    invitees,
    connected,
    candidates,
    applyForSeat,
    cancelApplication,
    acceptApplication,
    rejectApplication,
    inviteToSeat,
    cancelInvitation,
    acceptInvitation,
    rejectInvitation,
    disConnect,
    subscribeEvent: events.on,
    unsubscribeEvent: events.off,
  }
})
