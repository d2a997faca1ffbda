import { SeatApplicationErrorCode, useCoGuestState, useLiveAudienceState, useLiveSeatState } from '@atomicx-vue/vue'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createLocalHub, type Hub } from '@atomicx-vue/engine'
import { createLive, flush, tearDown, type TestUser } from '../testing/harness'
import CoGuestPanel from './CoGuestPanel.vue'

let hub: Hub
let host: TestUser
let guest: TestUser
let viewer: TestUser

const seated = (who: TestUser) => who.use(useLiveSeatState).seatList.value.map((seat) => seat.userInfo.userId).filter(Boolean)
const rowText = (panel: VueWrapper, testId: string) => panel.find(`[data-testid="${testId}"]`).text()
const nameText = (panel: VueWrapper, testId: string) => panel.find(`[data-testid="${testId}"] .name`).text()
const alertText = (panel: VueWrapper) => panel.find('[role="alert"]').text()
const timerText = (panel: VueWrapper, testId: string) => panel.find(`[data-testid="${testId}"] [role="timer"]`).text()

async function showPanel(who: TestUser, props: Record<string, unknown> = {}): Promise<VueWrapper> {
  return who.show(CoGuestPanel, props)
}

beforeEach(async () => {
  hub = createLocalHub()
  ;[host, guest, viewer] = await createLive(hub, ['host', 'guest', 'viewer'])
})

afterEach(() => tearDown(hub, [host, guest, viewer]))

describe('applications', () => {
  it('lists an application with its countdown; Accept seats the guest and is emitted', async () => {
    const panel = await showPanel(host)
    expect(panel.find('[role="tabpanel"]').text()).toBe('No application for live')
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
    await flush()
    expect(rowText(panel, 'applicant-guest')).toContain('Name of guest')
    expect(panel.find('[data-testid="applicant-guest"] [role="timer"]').text()).toBe('30s')
    expect(panel.find('[data-testid="tab-applications"]').text()).toBe('Applications (1)')

    await panel.find('[data-testid="applicant-guest"] [data-testid="accept"]').trigger('click')
    await flush()
    expect(seated(guest)).toEqual(['host', 'guest'])
    expect(panel.emitted('accept')).toEqual([['guest']])
    expect(panel.find('[data-testid="applicant-guest"]').exists()).toBe(false)
  })

  it('disables both buttons of a row while its action runs, not those of other rows', async () => {
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await viewer.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    const panel = await showPanel(host)
    // clicked synchronously: the next render shows the row busy before the hub answers
    ;(panel.find('[data-testid="applicant-guest"] [data-testid="reject"]').element as HTMLButtonElement).click()
    await nextTick()
    const disabled = (id: string) => panel.findAll(`[data-testid="applicant-${id}"] button`).map((b) => b.attributes('disabled') !== undefined)
    expect(disabled('guest')).toEqual([true, true])
    expect(disabled('viewer')).toEqual([false, false])
    await flush()
    expect(panel.emitted('reject')).toEqual([['guest']])
    expect(seated(host)).toEqual(['host'])
    expect(panel.findAll('[data-testid^="applicant-"]').map((row) => row.attributes('data-testid'))).toEqual(['applicant-viewer'])
  })

  it('counts down each second and drops the row when the application expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const panel = await showPanel(host)
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
    await flush()
    vi.advanceTimersByTime(10_000)
    await nextTick()
    expect(panel.find('[data-testid="applicant-guest"] [role="timer"]').text()).toBe('20s')
    expect(panel.find('[data-testid="applicant-guest"] [role="timer"]').attributes('aria-label')).toBe('20 seconds left')
    vi.advanceTimersByTime(20_000)
    await flush()
    expect(panel.find('[data-testid="applicant-guest"]').exists()).toBe(false)
  })

  it('counts down to each application\'s own deadline, also one that arrived before the panel showed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 50 })
    await flush()
    vi.advanceTimersByTime(15_000)
    const panel = await showPanel(host)
    await viewer.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 12 })
    await flush()
    expect([timerText(panel, 'applicant-guest'), timerText(panel, 'applicant-viewer')]).toEqual(['35s', '12s'])
  })

  it('an application without a timeout shows no countdown, and no timer runs for it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const before = vi.getTimerCount()
    const panel = await showPanel(host)
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    expect(panel.find('[data-testid="applicant-guest"] [role="timer"]').exists()).toBe(false)
    expect(vi.getTimerCount()).toBe(before)
  })

  it('ticks only while an application with a deadline is pending', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const before = vi.getTimerCount()
    await showPanel(host)
    expect(vi.getTimerCount()).toBe(before)
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
    await flush()
    expect(vi.getTimerCount()).toBe(before + 2) // the application's expiry in the hub, the panel's ticking
    await host.use(useCoGuestState).rejectApplication({ userId: 'guest' })
    await flush()
    expect(vi.getTimerCount()).toBe(before)
  })

  it('100210: the applied seat was taken meanwhile; the row stays and can be answered again', async () => {
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: 2, timeout: 0 })
    await host.use(useCoGuestState).inviteToSeat({ userId: 'viewer', seatIndex: 2, timeout: 0 })
    await flush()
    await viewer.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
    await flush()
    const panel = await showPanel(host)
    await panel.find('[data-testid="applicant-guest"] [data-testid="accept"]').trigger('click')
    await flush()
    expect(alertText(panel)).toContain('This seat is already occupied by others')
    const [[failure]] = panel.emitted('error') as [[{ action: string; error: { code: number } }]]
    expect(failure.action).toBe('acceptApplication')
    expect(failure.error.code).toBe(SeatApplicationErrorCode.USER_ALREADY_ON_SEAT)
    expect(panel.emitted('accept')).toBeUndefined()
    expect(panel.find('[data-testid="applicant-guest"] [data-testid="accept"]').attributes('disabled')).toBeUndefined()
  })

  it('100205: every free seat is locked', async () => {
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    const seats = host.use(useLiveSeatState)
    for (const seat of seats.seatList.value.slice(1)) await seats.lockSeat({ seatIndex: seat.index })
    await flush()
    const panel = await showPanel(host)
    await panel.find('[data-testid="applicant-guest"] [data-testid="accept"]').trigger('click')
    await flush()
    expect(alertText(panel)).toContain('There is no available seat to take')
  })

  it('the error message can be dismissed, and the next action clears it', async () => {
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    const seats = host.use(useLiveSeatState)
    for (const seat of seats.seatList.value.slice(1)) await seats.lockSeat({ seatIndex: seat.index })
    await flush()
    const panel = await showPanel(host)
    const click = async (button: string) => {
      await panel.find(`[data-testid="applicant-guest"] [data-testid="${button}"]`).trigger('click')
      await flush()
    }
    await click('accept')
    await panel.find('[role="alert"] button').trigger('click')
    expect(panel.find('[role="alert"]').exists()).toBe(false)
    await click('accept')
    expect(panel.find('[role="alert"]').exists()).toBe(true)
    await click('reject')
    expect(panel.find('[role="alert"]').exists()).toBe(false)
    expect(panel.emitted('reject')).toEqual([['guest']])
  })
})

describe('co-guests', () => {
  beforeEach(async () => {
    await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex: -1, timeout: 0 })
    await flush()
    await guest.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
    await flush()
  })

  it('lists the seated users with the own row marked (Me) and without a Disconnect button', async () => {
    const panel = await showPanel(host, { defaultTab: 'coGuests' })
    expect(panel.find('h3').text()).toBe('Current seat (2)')
    expect(nameText(panel, 'co-guest-host')).toBe('Name of host (Me)')
    expect(panel.find('[data-testid="co-guest-host"] button').exists()).toBe(false)
    expect(nameText(panel, 'co-guest-guest')).toBe('Name of guest')
    expect(panel.find('[data-testid="co-guest-guest"] [data-testid="disconnect"]').text()).toBe('Disconnect')
  })

  it("an administrator's panel offers no Disconnect for the owner", async () => {
    await host.use(useLiveAudienceState).setAdministrator({ userId: 'viewer' })
    await flush()
    const panel = await showPanel(viewer, { defaultTab: 'coGuests' })
    expect(panel.find('[data-testid="co-guest-host"] button').exists()).toBe(false)
    await panel.find('[data-testid="co-guest-guest"] [data-testid="disconnect"]').trigger('click')
    await flush()
    expect(seated(host)).toEqual(['host'])
  })

  it('Disconnect takes the guest off the seat and is emitted', async () => {
    const panel = await showPanel(host, { defaultTab: 'coGuests' })
    await panel.find('[data-testid="co-guest-guest"] [data-testid="disconnect"]').trigger('click')
    await flush()
    expect(seated(guest)).toEqual(['host'])
    expect(panel.emitted('disconnect')).toEqual([['guest']])
    expect(panel.find('[data-testid="co-guest-guest"]').exists()).toBe(false)
  })
})

describe('invite', () => {
  it('lists the audience not seated; Invite sends inviteTimeout and shows the pending state with a countdown, Cancel withdraws it', async () => {
    const panel = await showPanel(host, { defaultTab: 'invite', inviteTimeout: 20 })
    expect(panel.findAll('[data-testid^="candidate-"]').map((row) => row.attributes('data-testid'))).toEqual(['candidate-guest', 'candidate-viewer'])
    await panel.find('[data-testid="candidate-guest"] [data-testid="invite"]').trigger('click')
    await flush()
    expect(panel.emitted('invite')).toEqual([['guest']])
    expect(guest.use(useCoGuestState).invitees.value.map((u) => u.userId)).toEqual(['host'])
    expect(rowText(panel, 'candidate-guest')).toContain('Inviting…')
    expect(panel.find('[data-testid="candidate-guest"] [role="timer"]').text()).toBe('20s')

    await panel.find('[data-testid="candidate-guest"] [data-testid="cancel-invitation"]').trigger('click')
    await flush()
    expect(panel.emitted('cancel-invitation')).toEqual([['guest']])
    expect(guest.use(useCoGuestState).invitees.value).toEqual([])
    expect(panel.find('[data-testid="candidate-guest"] [data-testid="invite"]').exists()).toBe(true)
  })

  it.each([
    [false, 'Name of guest declined your invitation'],
    [true, 'Name of guest accepted your invitation'],
  ])('the answer (accepted: %s) shows as a status line', async (isAccept, text) => {
    const panel = await showPanel(host, { defaultTab: 'invite' })
    await panel.find('[data-testid="candidate-guest"] [data-testid="invite"]').trigger('click')
    await flush()
    const answer = guest.use(useCoGuestState)
    await (isAccept ? answer.acceptInvitation({ inviterId: 'host' }) : answer.rejectInvitation({ inviterId: 'host' }))
    await flush()
    expect(panel.find('[role="status"]').text()).toBe(text)
  })

  it('counts an invitation sent elsewhere down to its own deadline', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const panel = await showPanel(host, { defaultTab: 'invite', inviteTimeout: 20 })
    await host.use(useCoGuestState).inviteToSeat({ userId: 'viewer', seatIndex: -1, timeout: 50 })
    await flush()
    vi.advanceTimersByTime(5_000)
    await nextTick()
    expect(timerText(panel, 'candidate-viewer')).toBe('45s')
  })

  it('an unanswered invitation expires with a status line', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const panel = await showPanel(host, { defaultTab: 'invite', inviteTimeout: 10 })
    await panel.find('[data-testid="candidate-guest"] [data-testid="invite"]').trigger('click')
    await flush()
    vi.advanceTimersByTime(10_000)
    await flush()
    expect(panel.find('[role="status"]').text()).toBe('Name of guest did not answer your invitation')
    expect(panel.find('[data-testid="candidate-guest"] [data-testid="invite"]').exists()).toBe(true)
  })

  it('100006: an audience member cannot invite', async () => {
    const panel = await showPanel(viewer, { defaultTab: 'invite' })
    await panel.find('[data-testid="candidate-guest"] [data-testid="invite"]').trigger('click')
    await flush()
    expect(alertText(panel)).toContain('You do not have permission to do this')
    expect(guest.use(useCoGuestState).invitees.value).toEqual([])
  })
})

describe('keyboard, language and cleanup', () => {
  it('tabs are a tablist: arrows, Home and End select and focus; only the selected one is tabbable', async () => {
    const panel = await showPanel(host)
    const tabs = () => panel.findAll('[role="tab"]')
    expect(tabs().map((tab) => tab.attributes('tabindex'))).toEqual(['0', '-1', '-1'])
    await tabs()[0]!.trigger('keydown', { key: 'ArrowRight' })
    await nextTick()
    expect(tabs()[1]!.attributes('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(tabs()[1]!.element)
    expect(panel.find('[role="tabpanel"]').attributes('aria-labelledby')).toBe(tabs()[1]!.attributes('id'))
    await tabs()[1]!.trigger('keydown', { key: 'End' })
    expect(tabs()[2]!.attributes('aria-selected')).toBe('true')
    await tabs()[2]!.trigger('keydown', { key: 'ArrowRight' })
    expect(tabs()[0]!.attributes('aria-selected')).toBe('true')
    await tabs()[0]!.trigger('keydown', { key: 'ArrowLeft' })
    expect(tabs()[2]!.attributes('aria-selected')).toBe('true')
  })

  it('every action is a real button described by the row\'s name', async () => {
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    const panel = await showPanel(host)
    const accept = panel.find('[data-testid="applicant-guest"] [data-testid="accept"]')
    expect(accept.element.tagName).toBe('BUTTON')
    expect(accept.attributes('type')).toBe('button')
    expect(document.getElementById(accept.attributes('aria-describedby')!)?.textContent).toBe('Name of guest')
  })

  it('switches to Simplified Chinese and back', async () => {
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 0 })
    await flush()
    const panel = await showPanel(host)
    host.i18n.setLanguage('zh-CN')
    await nextTick()
    expect(panel.find('[data-testid="tab-applications"]').text()).toBe('连麦申请 (1)')
    expect(panel.find('[data-testid="accept"]').text()).toBe('同意')
    host.i18n.setLanguage('en')
    await nextTick()
    expect(panel.find('[data-testid="accept"]').text()).toBe('Accept')
  })

  it('unmounting stops its countdown timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const before = vi.getTimerCount()
    await showPanel(host)
    await guest.use(useCoGuestState).applyForSeat({ seatIndex: -1, timeout: 30 })
    await flush()
    expect(vi.getTimerCount()).toBe(before + 2) // the application's expiry in the hub, the panel's ticking
    await host.hide()
    expect(vi.getTimerCount()).toBe(before + 1)
  })
})
