import { DeviceStatus, SeatApplicationErrorCode, useCoGuestState, useDeviceState, useLiveListState, useLiveSeatState } from '@atomicx-vue/vue'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createLocalHub, type Hub } from '@atomicx-vue/engine'
import { createLive, flush, tearDown, type TestUser } from '../testing/harness'
import CoGuestControl from './CoGuestControl.vue'

let hub: Hub
let host: TestUser
let guest: TestUser

const buttons = (control: VueWrapper) => control.findAll('button').map((button) => button.attributes('data-testid'))
const status = (control: VueWrapper) => control.find('[role="status"]').text()
const ids = (list: readonly { userId: string }[]) => list.map((user) => user.userId)

async function click(control: VueWrapper, testId: string): Promise<void> {
  await control.find(`[data-testid="${testId}"]`).trigger('click')
  await flush()
}

beforeEach(async () => {
  hub = createLocalHub()
  ;[host, guest] = await createLive(hub, ['host', 'guest'])
})

afterEach(() => tearDown(hub, [host, guest]))

describe('states', () => {
  it('renders nothing outside a live, nor for the owner', async () => {
    expect((await host.show(CoGuestControl)).html()).toBe('<!--v-if-->')
    await guest.use(useLiveListState).leaveLive()
    expect((await guest.show(CoGuestControl)).html()).toBe('<!--v-if-->')
  })

  it('apply → pending with a countdown → cancel', async () => {
    const control = await guest.show(CoGuestControl, { timeout: 20 })
    expect(buttons(control)).toEqual(['apply'])
    await click(control, 'apply')
    expect(control.emitted('apply')).toEqual([[]])
    expect(ids(host.use(useCoGuestState).applicants.value)).toEqual(['guest'])
    expect(buttons(control)).toEqual(['cancel-application'])
    expect(control.text()).toContain('Waiting for the host…')
    expect(control.find('[role="timer"]').text()).toBe('20s')
    expect(control.find('[role="timer"]').attributes('aria-live')).toBe('polite')

    await click(control, 'cancel-application')
    expect(control.emitted('cancel')).toEqual([[]])
    expect(host.use(useCoGuestState).applicants.value).toEqual([])
    expect(buttons(control)).toEqual(['apply'])
  })

  it('accepted: the button becomes Leave seat and the microphone and camera open', async () => {
    const control = await guest.show(CoGuestControl)
    await click(control, 'apply')
    await host.use(useCoGuestState).acceptApplication({ userId: 'guest' })
    await flush()
    expect(control.emitted('responded')).toEqual([[true]])
    expect(status(control)).toBe('You are on the seat now')
    expect(buttons(control)).toEqual(['leave-seat'])
    await flush()
    const devices = guest.use(useDeviceState)
    expect([devices.microphoneStatus.value, devices.cameraStatus.value]).toEqual([DeviceStatus.On, DeviceStatus.On])
  })

  it('openDevicesOnSeat false leaves the devices closed', async () => {
    const control = await guest.show(CoGuestControl, { openDevicesOnSeat: false })
    await click(control, 'apply')
    await host.use(useCoGuestState).acceptApplication({ userId: 'guest' })
    await flush()
    await flush()
    expect(guest.use(useDeviceState).microphoneStatus.value).toBe(DeviceStatus.Off)
    expect(buttons(control)).toEqual(['leave-seat'])
  })

  it('rejected: a message, and Apply again', async () => {
    const control = await guest.show(CoGuestControl)
    await click(control, 'apply')
    await host.use(useCoGuestState).rejectApplication({ userId: 'guest' })
    await flush()
    expect(control.emitted('responded')).toEqual([[false]])
    expect(status(control)).toBe('The host rejected your request')
    expect(buttons(control)).toEqual(['apply'])
  })

  it('Leave seat goes back to the audience', async () => {
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: -1, timeout: 0 })
    await flush()
    await guest.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
    await flush()
    const control = await guest.show(CoGuestControl)
    await click(control, 'leave-seat')
    expect(control.emitted('leave')).toEqual([[]])
    expect(ids(host.use(useCoGuestState).connected.value)).toEqual(['host'])
    expect(buttons(control)).toEqual(['apply'])
  })

  it('removed by the host: a message', async () => {
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: -1, timeout: 0 })
    await flush()
    await guest.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
    await flush()
    const control = await guest.show(CoGuestControl)
    await host.use(useLiveSeatState).kickUserOutOfSeat({ userId: 'guest' })
    await flush()
    expect(status(control)).toBe('You were removed from the seat')
    expect(buttons(control)).toEqual(['apply'])
  })

  it('unanswered: the countdown runs out with a message', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const control = await guest.show(CoGuestControl, { timeout: 15 })
    await click(control, 'apply')
    vi.advanceTimersByTime(5_000)
    await nextTick()
    expect(control.find('[role="timer"]').text()).toBe('10s')
    vi.advanceTimersByTime(10_000)
    await flush()
    expect(status(control)).toBe('The host did not answer in time')
    expect(buttons(control)).toEqual(['apply'])
  })
})

describe('countdown', () => {
  it('counts down to the application\'s own deadline, also one sent before it mounted (not from its timeout prop)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 40 })
    await flush()
    vi.advanceTimersByTime(12_000)
    const control = await guest.show(CoGuestControl, { timeout: 20 })
    expect(control.find('[role="timer"]').text()).toBe('28s')
  })

  it('timeout 0: applies without one, shows no countdown and runs no timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const before = vi.getTimerCount()
    const control = await guest.show(CoGuestControl, { timeout: 0 })
    await click(control, 'apply')
    expect(guest.use(useCoGuestState).applicants.value.map((user) => user.expiresAt)).toEqual([null])
    expect(buttons(control)).toEqual(['cancel-application'])
    expect(control.find('[role="timer"]').exists()).toBe(false)
    expect(vi.getTimerCount()).toBe(before)
  })
})

describe('errors by code', () => {
  it.each([
    [0, 'This seat is already occupied by others', SeatApplicationErrorCode.SEAT_OCCUPIED],
    [42, 'This seat does not exist', SeatApplicationErrorCode.SEAT_INDEX_NOT_EXIST],
  ])('applying for seat %i: "%s"', async (seatIndex, text, code) => {
    const control = await guest.show(CoGuestControl, { seatIndex })
    await click(control, 'apply')
    expect(control.find('[role="alert"]').text()).toContain(text)
    const [[failure]] = control.emitted('error') as [[{ action: string; error: { code: number } }]]
    expect(failure).toMatchObject({ action: 'applyForSeat', error: { code } })
    expect(buttons(control)).toContain('apply')
  })

  it('a locked seat', async () => {
    await host.use(useLiveSeatState).lockSeat({ seatIndex: 3 })
    await flush()
    const control = await guest.show(CoGuestControl, { seatIndex: 3 })
    await click(control, 'apply')
    expect(control.find('[role="alert"]').text()).toContain('This seat is locked')
  })
})

describe('language and cleanup', () => {
  it('switches to Simplified Chinese', async () => {
    const control = await guest.show(CoGuestControl)
    guest.i18n.setLanguage('zh-CN')
    await nextTick()
    expect(control.find('[data-testid="apply"]').text()).toBe('申请连麦')
    expect(control.find('[data-testid="apply"]').element.tagName).toBe('BUTTON')
  })

  it('unmounting stops the countdown', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const before = vi.getTimerCount()
    const control = await guest.show(CoGuestControl)
    await click(control, 'apply')
    expect(vi.getTimerCount()).toBe(before + 2) // the hub's expiry and the countdown
    await guest.hide()
    expect(vi.getTimerCount()).toBe(before + 1)
  })
})
