import {
  DeviceStatus, SeatApplicationErrorCode, TUISeatMode, useCoGuestState, useCoHostState, useDeviceState, useLiveListState, useLiveSeatState,
} from '@atomicx-vue/vue'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { createLocalHub, type Hub } from '@atomicx-vue/engine'
import { createFakeBackend, type FakeBackend } from '@atomicx-vue/engine/testing'
import { createUser, flush, type TestUser } from '../testing/harness'
import LiveView from './LiveView.vue'

let hub: Hub
let backend: FakeBackend
let host: TestUser
let guest: TestUser

const video = (view: VueWrapper, userId: string) => view.find(`[data-testid="seat-video-${userId}"]`).element as HTMLVideoElement
const seat = (view: VueWrapper, index: number) => view.find(`[data-testid="seat-${index}"]`)

// emoji and dingbats: without an emoji font (headless Chromium, many Linux desktops) they show as "□"
const EMOJI = /[\p{Extended_Pictographic}\u2700-\u27bf]/u

async function startLive(who: TestUser, liveId: string, seatMode?: TUISeatMode): Promise<void> {
  await who.use(useLiveListState).startLive({ liveId, liveName: liveId, seatMode })
  await flush()
}

async function seatGuest(seatIndex = 1): Promise<void> {
  await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex, timeout: 0 })
  await flush()
  await guest.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
  await flush()
}

async function openCamera(who: TestUser): Promise<void> {
  await who.use(useDeviceState).openLocalCamera()
  await flush()
}

beforeEach(async () => {
  hub = createLocalHub()
  backend = createFakeBackend()
  host = await createUser(hub, 'host', backend)
  guest = await createUser(hub, 'guest', backend)
})

afterEach(() => {
  vi.useRealTimers()
  host.unmount()
  guest.unmount()
  hub.dispose()
})

describe('tiles', () => {
  beforeEach(async () => {
    await startLive(host, 'live1')
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await flush()
  })

  it('one tile per seat: the owner with name and video, the others empty buttons', async () => {
    const view = await guest.show(LiveView)
    const count = guest.use(useLiveSeatState).seatList.value.length
    expect(view.findAll('[data-testid^="seat-"]:not(video)')).toHaveLength(count)
    expect(seat(view, 0).attributes('aria-label')).toBe('Seat 1: Name of host')
    expect(seat(view, 0).find('.atomicx-name').text()).toBe('Name of host')
    expect(video(view, 'host').tagName).toBe('VIDEO')
    expect(seat(view, 1).element.tagName).toBe('BUTTON')
    expect(seat(view, 1).attributes('aria-label')).toBe('Apply for seat 2')
  })

  it("plays the owner's camera in the audience's tile and the own camera in the owner's", async () => {
    await openCamera(host)
    const guestView = await guest.show(LiveView)
    const hostView = await host.show(LiveView)
    await flush()
    const played = backend.playing(video(guestView, 'host'))
    expect(played).toBeDefined()
    expect(backend.playing(video(hostView, 'host'))).toBe(played) // the same capture, previewed and received
    expect(played!.getVideoTracks()).toHaveLength(1)
  })

  it("a guest who takes a seat appears on the host's grid with their video", async () => {
    const view = await host.show(LiveView)
    await seatGuest(2)
    await openCamera(guest)
    await flush()
    expect(seat(view, 2).find('.atomicx-name').text()).toBe('Name of guest')
    const played = backend.playing(video(view, 'guest'))
    expect(played).toBeDefined()
    const own = await guest.show(LiveView)
    await flush()
    expect(backend.playing(video(own, 'guest'))).toBe(played)
  })

  it('a guest who leaves goes back to an empty seat and their video stops', async () => {
    await seatGuest(2)
    await openCamera(guest)
    const view = await host.show(LiveView)
    await flush()
    const element = video(view, 'guest')
    expect(backend.playing(element)).toBeDefined()
    await guest.use(useCoGuestState).disConnect()
    await flush()
    expect(backend.playing(element)).toBeUndefined()
    expect(seat(view, 2).element.tagName).toBe('BUTTON')
  })

  it("a guest who leaves stops their own preview without an error, and their camera is off", async () => {
    await seatGuest(2)
    await openCamera(guest)
    const view = await guest.show(LiveView)
    await flush()
    const preview = video(view, 'guest')
    expect(backend.playing(preview)).toBeDefined()
    // leaving stops the camera while the removed tile still asks to clear its preview
    await guest.use(useCoGuestState).disConnect()
    await flush()
    expect(view.emitted('error')).toBeUndefined()
    expect(view.find('[role="alert"]').exists()).toBe(false)
    expect(backend.playing(preview)).toBeUndefined()
    expect(seat(view, 2).element.tagName).toBe('BUTTON')
    expect(guest.use(useDeviceState).cameraStatus.value).toBe(DeviceStatus.Off)
  })

  it('shows the microphone state and who is speaking', async () => {
    await seatGuest(1)
    const view = await host.show(LiveView)
    const mic = () => seat(view, 1).find('svg[role="img"]')
    expect(mic().attributes()).toMatchObject({ 'aria-label': 'Microphone off', 'data-icon': 'micOff' })
    expect(seat(view, 1).find('.atomicx-caption').text()).toBe('Name of guest') // a drawn icon, no text
    expect(view.html()).not.toMatch(EMOJI)
    await guest.use(useDeviceState).openLocalMicrophone()
    await flush()
    expect(mic().attributes()).toMatchObject({ 'aria-label': 'Microphone on', 'data-icon': 'mic' })
    backend.setLevel(60)
    await new Promise((resolve) => setTimeout(resolve, 450)) // the engine reports volumes every 200 ms
    await flush()
    expect(seat(view, 1).attributes('data-speaking')).toBe('true')
    expect(seat(view, 1).find('.speaking').text()).toBe('Speaking')
    expect(seat(view, 0).attributes('data-speaking')).toBe('false')
  })

  it('the tile slot gets the user, the seat and the speaking state', async () => {
    const Wrapped = defineComponent({
      setup: () => () => h(LiveView, null, { tile: ({ user, seatIndex, isSpeaking }: { user: { userId: string }; seatIndex: number; isSpeaking: boolean }) =>
        h('i', { class: 'extra' }, `${user.userId}@${seatIndex}:${isSpeaking}`) }),
    })
    const view = await guest.show(Wrapped)
    expect(view.find('[data-testid="seat-0"] .extra').text()).toBe('host@0:false')
  })
})

describe('empty seats', () => {
  it('apply-to-take live: a click applies for that seat and is emitted', async () => {
    await startLive(host, 'live1')
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    const view = await guest.show(LiveView)
    await seat(view, 3).trigger('click')
    await flush()
    expect(view.emitted('empty-seat-click')).toEqual([[3]])
    expect(host.use(useCoGuestState).applicants.value.map((u) => u.userId)).toEqual(['guest'])
    await host.use(useCoGuestState).acceptApplication({ userId: 'guest' })
    await flush()
    expect(seat(view, 3).find('.atomicx-name').text()).toBe('Name of guest')
  })

  it('a second application shows its error by code', async () => {
    await startLive(host, 'live1')
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    const view = await guest.show(LiveView)
    await seat(view, 3).trigger('click')
    await flush()
    await seat(view, 4).trigger('click')
    await flush()
    expect(view.find('[role="alert"]').text()).toContain('You have already applied for a seat')
    expect(view.emitted('error')).toEqual([[{ action: 'applyForSeat', error: expect.objectContaining({ code: SeatApplicationErrorCode.ALREADY_ON_THE_SEAT_QUEUE }) }]])
  })

  it('free-to-take live: a click takes the seat', async () => {
    await startLive(host, 'live1', TUISeatMode.kFreeToTake)
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    const view = await guest.show(LiveView)
    expect(seat(view, 4).attributes('aria-label')).toBe('Take seat 5')
    await seat(view, 4).trigger('click')
    await flush()
    expect(host.use(useLiveSeatState).seatList.value[4]!.userInfo.userId).toBe('guest')
    expect(seat(view, 4).element.tagName).toBe('DIV')
  })

  it('a seated user or takeSeatOnClick false only emits', async () => {
    await startLive(host, 'live1')
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    const hostView = await host.show(LiveView)
    expect(seat(hostView, 2).attributes('aria-label')).toBe('Seat 3: empty')
    await seat(hostView, 2).trigger('click')
    const guestView = await guest.show(LiveView, { takeSeatOnClick: false })
    await seat(guestView, 2).trigger('click')
    await flush()
    expect(hostView.emitted('empty-seat-click')).toEqual([[2]])
    expect(guestView.emitted('empty-seat-click')).toEqual([[2]])
    expect(host.use(useCoGuestState).applicants.value).toEqual([])
    expect(host.use(useLiveSeatState).seatList.value[2]!.userInfo.userId).toBe('')
  })

  it('a locked seat is a disabled button saying so', async () => {
    await startLive(host, 'live1')
    await host.use(useLiveSeatState).lockSeat({ seatIndex: 5 })
    await flush()
    const view = await host.show(LiveView)
    expect(seat(view, 5).attributes('disabled')).toBeDefined()
    expect(seat(view, 5).attributes('aria-label')).toBe('Seat 6: locked')
    const lock = seat(view, 5).find('svg')
    expect(lock.attributes()).toMatchObject({ 'data-icon': 'lock', 'aria-hidden': 'true' }) // the button's label says it
    expect(lock.attributes()).not.toHaveProperty('role')
    expect(seat(view, 5).text()).toBe('')
    expect(view.html()).not.toMatch(EMOJI)
  })
})

describe('co-hosting', () => {
  it("shows the partner live's host with their video while connected", async () => {
    await startLive(host, 'liveA')
    const partner = await createUser(hub, 'partner', backend)
    await startLive(partner, 'liveB')
    await openCamera(partner)
    const view = await host.show(LiveView)
    expect(view.find('[data-testid^="partner-"]').exists()).toBe(false)
    await host.use(useCoHostState).requestHostConnection({ liveId: 'liveB', timeout: 0 })
    await flush()
    await partner.use(useCoHostState).acceptHostConnection({ liveId: 'liveA' })
    await flush()
    const tile = view.find('[data-testid="partner-liveB"]')
    expect(tile.find('.atomicx-caption .atomicx-name').text()).toBe('Name of partner')
    expect(view.find('h3').text()).toBe('Connected lives')
    expect(backend.playing(video(view, 'partner'))).toBeDefined()
    partner.unmount()
  })
})

describe('language and cleanup', () => {
  beforeEach(async () => {
    await startLive(host, 'live1')
    await guest.use(useLiveListState).joinLive({ liveId: 'live1' })
    await flush()
  })

  it('switches to Simplified Chinese', async () => {
    const view = await guest.show(LiveView)
    guest.i18n.setLanguage('zh-CN')
    await nextTick()
    expect(seat(view, 1).attributes('aria-label')).toBe('申请 2 号麦')
    expect(seat(view, 0).attributes('aria-label')).toBe('1 号麦位：Name of host')
  })

  it('unmounting stops every video it played and the own preview', async () => {
    await openCamera(host)
    const guestView = await guest.show(LiveView)
    const hostView = await host.show(LiveView)
    await flush()
    const [received, preview] = [video(guestView, 'host'), video(hostView, 'host')]
    await guest.hide()
    await host.hide()
    await flush()
    expect(backend.playing(received)).toBeUndefined()
    expect(backend.playing(preview)).toBeUndefined()
    expect(host.use(useDeviceState).cameraStatus.value).toBe(DeviceStatus.On) // only the preview stopped
  })
})
