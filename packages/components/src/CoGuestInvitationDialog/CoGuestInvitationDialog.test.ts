import { DeviceStatus, useCoGuestState, useDeviceState, useLiveListState, useLiveSeatState } from '@atomicx-vue/vue'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createLocalHub, type Hub } from '@atomicx-vue/engine'
import { createFakeBackend } from '@atomicx-vue/engine/testing'
import { createLive, createUser, flush, tearDown, type TestUser } from '../testing/harness'
import CoGuestInvitationDialog from './CoGuestInvitationDialog.vue'

let hub: Hub
let host: TestUser
let guest: TestUser

const seated = (who: TestUser) => who.use(useLiveSeatState).seatList.value.map((seat) => seat.userInfo.userId).filter(Boolean)
const isOpen = (dialog: VueWrapper) => dialog.find('[role="dialog"]').exists()

async function invite(timeout = 30, seatIndex = -1): Promise<void> {
  await host.use(useCoGuestState).inviteToSeat({ userId: 'guest', seatIndex, timeout })
  await flush()
}

beforeEach(async () => {
  hub = createLocalHub()
  ;[host, guest] = await createLive(hub, ['host', 'guest'])
})

afterEach(() => tearDown(hub, [host, guest]))

describe('opening', () => {
  it('opens as a modal dialog on an invitation, naming the inviter, with a countdown and focus on Accept', async () => {
    const dialog = await guest.show(CoGuestInvitationDialog)
    expect(isOpen(dialog)).toBe(false)
    await invite()
    const box = dialog.find('[role="dialog"]')
    expect(box.attributes('aria-modal')).toBe('true')
    expect(document.getElementById(box.attributes('aria-labelledby')!)?.textContent).toBe('Invitation to join')
    expect(document.getElementById(box.attributes('aria-describedby')!)?.textContent).toBe('Name of host invites you to join the live on a seat')
    expect(dialog.find('[role="timer"]').text()).toBe('30s')
    expect(document.activeElement).toBe(dialog.find('[data-testid="accept"]').element)
  })

  it('shows an invitation that arrived before it mounted', async () => {
    await invite()
    expect(isOpen(await guest.show(CoGuestInvitationDialog))).toBe(true)
  })

  it("never opens for a host's own outgoing invitations", async () => {
    const dialog = await host.show(CoGuestInvitationDialog)
    await invite()
    expect(isOpen(dialog)).toBe(false)
  })
})

describe('answers', () => {
  it('Accept seats the guest, opens the devices, closes and is emitted', async () => {
    const dialog = await guest.show(CoGuestInvitationDialog)
    await invite()
    await dialog.find('[data-testid="accept"]').trigger('click')
    await flush()
    await flush()
    expect(dialog.emitted('accept')).toEqual([['host']])
    expect(seated(host)).toEqual(['host', 'guest'])
    expect(isOpen(dialog)).toBe(false)
    expect(guest.use(useDeviceState).cameraStatus.value).toBe(DeviceStatus.On)
  })

  it('Reject tells the host, closes and is emitted', async () => {
    const dialog = await guest.show(CoGuestInvitationDialog)
    await invite()
    await dialog.find('[data-testid="reject"]').trigger('click')
    await flush()
    expect(dialog.emitted('reject')).toEqual([['host']])
    expect(host.use(useCoGuestState).invitees.value).toEqual([])
    expect(seated(host)).toEqual(['host'])
    expect(isOpen(dialog)).toBe(false)
  })

  it('Escape rejects', async () => {
    const dialog = await guest.show(CoGuestInvitationDialog)
    await invite()
    await dialog.find('[role="dialog"]').trigger('keydown', { key: 'Escape' })
    await flush()
    expect(dialog.emitted('reject')).toEqual([['host']])
    expect(isOpen(dialog)).toBe(false)
  })

  it('closes without an answer when the host cancels', async () => {
    const dialog = await guest.show(CoGuestInvitationDialog)
    await invite()
    await host.use(useCoGuestState).cancelInvitation({ inviteeId: 'guest' })
    await flush()
    expect(isOpen(dialog)).toBe(false)
    expect(dialog.emitted('reject')).toBeUndefined()
  })

  it('counts down and closes when the invitation expires', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const dialog = await guest.show(CoGuestInvitationDialog)
    await invite(10)
    vi.advanceTimersByTime(4_000)
    await nextTick()
    expect(dialog.find('[role="timer"]').text()).toBe('6s')
    vi.advanceTimersByTime(6_000)
    await flush()
    expect(isOpen(dialog)).toBe(false)
  })

  it('counts down to the invitation\'s own deadline, also one that arrived before it mounted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    await invite(45)
    vi.advanceTimersByTime(20_000)
    const dialog = await guest.show(CoGuestInvitationDialog)
    expect(dialog.find('[role="timer"]').text()).toBe('25s')
  })

  it('an invitation without a timeout shows no countdown, and no timer runs for it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const before = vi.getTimerCount()
    const dialog = await guest.show(CoGuestInvitationDialog)
    await invite(0)
    expect(isOpen(dialog)).toBe(true)
    expect(dialog.find('[role="timer"]').exists()).toBe(false)
    expect(vi.getTimerCount()).toBe(before)
  })

  it('100210: the invited seat got taken; the message shows and the dialog stays', async () => {
    const viewer = await createUser(hub, 'viewer', createFakeBackend())
    await viewer.use(useLiveListState).joinLive({ liveId: 'live1' })
    await invite(0, 2)
    await host.use(useCoGuestState).inviteToSeat({ userId: 'viewer', seatIndex: 2, timeout: 0 })
    await flush()
    await viewer.use(useCoGuestState).acceptInvitation({ inviterId: 'host' })
    await flush()
    const dialog = await guest.show(CoGuestInvitationDialog)
    await dialog.find('[data-testid="accept"]').trigger('click')
    await flush()
    expect(dialog.find('[role="alert"]').text()).toContain('This seat is already occupied by others')
    expect(dialog.emitted('error')).toHaveLength(1)
    expect(isOpen(dialog)).toBe(true)
    viewer.unmount()
  })
})

describe('keyboard, language and cleanup', () => {
  it('keeps Tab inside and gives the focus back when it closes', async () => {
    const outside = document.createElement('button')
    document.body.append(outside)
    outside.focus()
    const dialog = await guest.show(CoGuestInvitationDialog)
    await invite()
    const [accept, reject] = dialog.findAll('[role="dialog"] button')
    ;(reject!.element as HTMLElement).focus()
    await dialog.find('[role="dialog"]').trigger('keydown', { key: 'Tab' })
    expect(document.activeElement).toBe(accept!.element)
    await dialog.find('[role="dialog"]').trigger('keydown', { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(reject!.element)
    await host.use(useCoGuestState).cancelInvitation({ inviteeId: 'guest' })
    await flush()
    expect(document.activeElement).toBe(outside)
  })

  it('switches to Simplified Chinese', async () => {
    const dialog = await guest.show(CoGuestInvitationDialog)
    await invite()
    guest.i18n.setLanguage('zh-CN')
    await nextTick()
    expect(dialog.find('h2').text()).toBe('连麦邀请')
    expect(dialog.find('[data-testid="accept"]').text()).toBe('同意')
  })

  it('unmounting stops the countdown', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const before = vi.getTimerCount()
    await guest.show(CoGuestInvitationDialog)
    await invite(30)
    expect(vi.getTimerCount()).toBe(before + 2) // the invitation's expiry in the hub, the countdown
    await guest.hide()
    expect(vi.getTimerCount()).toBe(before + 1)
  })
})
