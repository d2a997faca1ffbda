// The co-guest flows of the playground in a real Chromium: fake cameras, one in-page hub, one app per user.
import { describe, expect, it } from 'vitest'
import { expectVideoPlaying, panel, poll, screenshot, useStage } from './stage'

const stage = useStage()

describe('co-guest in the playground', () => {
  it('audience applies, the host accepts, the guest’s camera plays on the host’s grid, the guest leaves', async () => {
    const page = await stage.open()
    const host = panel(page, 'host1')
    const guest = panel(page, 'audience1')
    // seat 0 is the host's; "any seat" (-1) gives the guest the first free one
    const guestSeat = host.getByTestId('grid').getByTestId('seat-1')

    await guest.getByTestId('apply').click()
    await guest.getByTestId('cancel-application').waitFor()
    const application = host.getByTestId('applicant-audience1')
    await application.getByTestId('accept').click()

    await guest.getByTestId('leave-seat').waitFor()
    await poll(() => application.count(), 'the application is gone').toBe(0)
    await expectVideoPlaying(guestSeat.getByTestId('seat-video-audience1'), 'audience1 on the host’s grid')
    // every member sees the new guest: the other audience's grid too
    await expectVideoPlaying(panel(page, 'audience2').getByTestId('seat-video-audience1'), 'audience1 on audience2’s grid')
    await screenshot(page, 'co-guest-apply-accepted')

    await guest.getByTestId('leave-seat').click()
    await guest.getByTestId('apply').waitFor()
    // an empty seat is a button to apply with, and no video of the guest is left anywhere on the grid
    await poll(() => guestSeat.evaluate((tile) => tile.tagName), 'the guest’s seat is empty again').toBe('BUTTON')
    await poll(() => host.getByTestId('grid').locator('video').count(), 'only the host is on the grid').toBe(1)
    // the guest's own grid drops their preview quietly (it once showed "The video could not play")
    await poll(() => guest.getByTestId('grid').getByTestId('seat-1').evaluate((tile) => tile.tagName), 'the guest’s own grid shows the seat empty').toBe('BUTTON')
    expect(await guest.getByRole('alert').allTextContents()).toEqual([])
    await screenshot(page, 'co-guest-left')
  })

  it('the host invites, the audience accepts, the guest is seated with video on the host’s grid', async () => {
    const page = await stage.open()
    const host = panel(page, 'host1')
    const invitee = panel(page, 'audience2')

    await host.getByTestId('tab-invite').click()
    await host.getByTestId('candidate-audience2').getByTestId('invite').click()
    const dialog = invitee.getByRole('dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Host One')
    await dialog.getByTestId('accept').click()

    await invitee.getByTestId('leave-seat').waitFor()
    await poll(() => dialog.count(), 'the dialog closes').toBe(0)
    await expectVideoPlaying(host.getByTestId('grid').getByTestId('seat-video-audience2'), 'audience2 on the host’s grid')
    // the host hears the answer (onHostInvitationResponded) and lists the new co-guest
    await host.getByText('Bob accepted your invitation').waitFor()
    await host.getByTestId('tab-coGuests').click()
    await host.getByTestId('co-guest-audience2').waitFor()
    await screenshot(page, 'co-guest-invite-accepted')
  })
})
