// Seed 001 ("Guest Connection (Web)"): every sample runs unchanged (seed001/*.vue, importing from
// "tuikit-atomicx-vue3"), a host and an audience member in one hub, checking what the comments promise.
import { createLocalHub, ErrorCode, type Hub } from '@atomicx-vue/engine'
import { DeviceStatus, useCoGuestState, useDeviceState, useLiveListState, useLiveSeatState } from 'tuikit-atomicx-vue3'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { createTestUser, flush, type TestUser } from '@atomicx-vue/vue/testing'
import ApplyForSeat from './seed001/ApplyForSeat.vue'
import CancelRequest from './seed001/CancelRequest.vue'
import DisconnectSeat from './seed001/DisconnectSeat.vue'
import HandleAudienceResponse from './seed001/HandleAudienceResponse.vue'
import HandleHostResponse from './seed001/HandleHostResponse.vue'
import InviteAudience from './seed001/InviteAudience.vue'
import ListenForRequests from './seed001/ListenForRequests.vue'
import ReceiveInvitation from './seed001/ReceiveInvitation.vue'
import RequestList from './seed001/RequestList.vue'
import RespondToInvitation from './seed001/RespondToInvitation.vue'

type Handler<K extends string, A extends unknown[] = []> = Record<K, (...args: A) => Promise<void>>

let hub: Hub
let host: TestUser
let guest: TestUser
let log: MockInstance<typeof console.log>
let errorLog: MockInstance<typeof console.error>

/** Lets hub messages, media switches and device captures finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await flush()
}

const logged = () => log.mock.calls.map((args) => args.join(' '))
const guestSeat = (who: TestUser) => who.use(useLiveSeatState).seatList.value.find((seat) => seat.userInfo.userId === 'guest')
const devices = (who: TestUser) => [who.use(useDeviceState).microphoneStatus.value, who.use(useDeviceState).cameraStatus.value]

beforeEach(async () => {
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
  errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  hub = createLocalHub()
  host = await createTestUser(hub, 'host')
  guest = await createTestUser(hub, 'guest')
  // "make sure you have created or joined a room as described in the Quick Start Guide"
  await host.use(useLiveListState).startLive({ liveId: 'seed001', liveName: 'Guest connection' })
  await guest.use(useLiveListState).joinLive({ liveId: 'seed001' })
  await settle()
})

afterEach(() => {
  host.unmount()
  guest.unmount()
  hub.dispose()
  vi.restoreAllMocks()
})

describe('audience requests to join', () => {
  let apply: Handler<'handleRequestToConnect'>
  let requestList: HTMLElement

  beforeEach(async () => {
    host.mount(ListenForRequests)
    requestList = host.mount(RequestList).element
    guest.mount(HandleHostResponse)
    apply = guest.mount<Handler<'handleRequestToConnect'>>(ApplyForSeat).exposed
    await apply.handleRequestToConnect()
    await settle()
  })

  const button = (text: string) => [...requestList.querySelectorAll('button')].find((b) => b.textContent === text)!

  it('the request is sent and the host is notified and lists it (userId, userName)', () => {
    // two users: the hub tells the host before it answers the guest
    expect(log.mock.calls).toEqual([
      ['Received guest request from audience:', { userId: 'guest', userName: 'Name of guest', avatarUrl: '' }],
      ['Request sent'],
    ])
    expect([...requestList.querySelectorAll('.applicant-item span')].map((span) => span.textContent)).toEqual(['Name of guest'])
    expect(host.use(useCoGuestState).applicants.value.map((a) => a.userId)).toEqual(['guest'])
  })

  it('Accept: the guest hears it, opens microphone and camera, and the host sees and plays them', async () => {
    button('Accept').click()
    await settle()
    expect(logged().at(-1)).toBe('Guest request accepted')
    expect(requestList.querySelectorAll('.applicant-item')).toHaveLength(0)
    expect(devices(guest)).toEqual([DeviceStatus.On, DeviceStatus.On])
    expect(guestSeat(host)?.userInfo).toMatchObject({ microphoneStatus: DeviceStatus.On, cameraStatus: DeviceStatus.On })
    const view = document.createElement('div')
    await host.use(useLiveSeatState).playUserVideo({ userId: 'guest', view })
    await settle()
    expect(host.backend.playing(view)).toBeDefined()
  })

  it('Reject: the guest hears it and stays in the audience with devices closed', async () => {
    button('Reject').click()
    await settle()
    expect(logged().at(-1)).toBe('Guest request rejected')
    expect(guestSeat(host)).toBeUndefined()
    expect(devices(guest)).toEqual([DeviceStatus.Off, DeviceStatus.Off])
  })

  it('disConnect returns the guest to the audience: seat freed on both sides, devices stopped', async () => {
    button('Accept').click()
    await settle()
    const { leaveSeat } = guest.mount<Handler<'leaveSeat'>>(DisconnectSeat).exposed
    await leaveSeat()
    await settle()
    expect(logged().at(-1)).toBe('Disconnected successfully')
    expect(guestSeat(host)).toBeUndefined()
    expect(host.use(useCoGuestState).connected.value.map((u) => u.userId)).toEqual(['host'])
    expect(devices(guest)).toEqual([DeviceStatus.Off, DeviceStatus.Off])
  })

  it('cancelApplication withdraws the request before the host responds', async () => {
    const { handleCancelRequest } = guest.mount<Handler<'handleCancelRequest'>>(CancelRequest).exposed
    await handleCancelRequest()
    await settle()
    expect(logged().at(-1)).toBe('Request cancelled successfully')
    expect(requestList.querySelectorAll('.applicant-item')).toHaveLength(0)
    expect(guest.use(useCoGuestState).applicants.value).toEqual([])
  })
})

describe('host invites audience to join', () => {
  let invitedBy: string[]
  let respond: Handler<'handleAccept' | 'handleReject', [inviterId: string]>

  beforeEach(async () => {
    host.mount(HandleAudienceResponse)
    invitedBy = []
    guest.mount(ReceiveInvitation, { onInvited: (inviterId: string) => invitedBy.push(inviterId) })
    respond = guest.mount<typeof respond>(RespondToInvitation).exposed
    const { handleInviteToSeat } = host.mount<Handler<'handleInviteToSeat', [userId: string]>>(InviteAudience).exposed
    await handleInviteToSeat('guest')
    await settle()
  })

  it('the invitation is sent and the audience saves hostUser.userId as inviterId', () => {
    expect(logged()).toEqual(['Sent guest invitation to audience guest'])
    expect(invitedBy).toEqual(['host'])
  })

  it('Accept: the guest takes a seat and opens microphone and camera; the host hears it', async () => {
    await respond.handleAccept(invitedBy[0]!)
    await settle()
    expect(logged().at(-1)).toBe('Audience Name of guest accepted your invitation')
    expect(guestSeat(host)?.userInfo).toMatchObject({ microphoneStatus: DeviceStatus.On, cameraStatus: DeviceStatus.On })
    expect(devices(guest)).toEqual([DeviceStatus.On, DeviceStatus.On])
    expect(errorLog).not.toHaveBeenCalled()
  })

  it('Reject: the host hears it and nobody is seated', async () => {
    await respond.handleReject(invitedBy[0]!)
    await settle()
    expect(logged().at(-1)).toBe('Audience Name of guest rejected your invitation')
    expect(guestSeat(host)).toBeUndefined()
  })

  it('accepting an invitation that is gone fails into the sample\'s catch', async () => {
    await respond.handleReject(invitedBy[0]!)
    await respond.handleAccept(invitedBy[0]!)
    expect(errorLog.mock.calls.at(-1)).toEqual(['Failed to accept invitation', expect.objectContaining({ code: ErrorCode.REQUEST_NOT_FOUND })])
  })
})

describe('FAQ', () => {
  it('actions need a joined live: applying outside one fails into the sample\'s catch', async () => {
    const outsider = await createTestUser(hub, 'outsider')
    await outsider.mount<Handler<'handleRequestToConnect'>>(ApplyForSeat).exposed.handleRequestToConnect()
    expect(errorLog.mock.calls.at(-1)).toEqual(['Request failed', expect.objectContaining({ code: ErrorCode.NOT_IN_ROOM })])
    outsider.unmount()
  })

  it('subscriptions end with their component, with or without the sample\'s unsubscribeEvent', async () => {
    const hostListener = host.mount(HandleAudienceResponse)
    const guestListener = guest.mount(HandleHostResponse)
    hostListener.unmount()
    guestListener.unmount()
    const { handleInviteToSeat } = host.mount<Handler<'handleInviteToSeat', [userId: string]>>(InviteAudience).exposed
    await handleInviteToSeat('guest')
    await guest.use(useCoGuestState).rejectInvitation({ inviterId: 'host' })
    await guest.mount<Handler<'handleRequestToConnect'>>(ApplyForSeat).exposed.handleRequestToConnect()
    await host.use(useCoGuestState).rejectApplication({ userId: 'guest' })
    await settle()
    expect(logged()).toEqual(['Sent guest invitation to audience guest', 'Request sent'])
  })
})
