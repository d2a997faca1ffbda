// Co-host and battle between the playground's two rooms in a real Chromium.
import type { Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { AUDIENCE } from '../../playground/src/cast'
import { expectVideoPlaying, panel, poll, screenshot, useStage } from './stage'

const stage = useStage()

/** Every grid that must play both hosts while connected: each audience's both hosts, each host its partner. */
async function expectBothHostsPlaying(page: Page, when: string): Promise<void> {
  await page.bringToFront()
  const video = (viewer: string, tile: string, userId: string) =>
    panel(page, viewer).getByTestId('grid').getByTestId(tile).getByTestId(`seat-video-${userId}`)
  for (const { userId } of AUDIENCE) {
    await expectVideoPlaying(video(userId, 'seat-0', 'host1'), `${when}: host 1 on ${userId}’s grid`)
    await expectVideoPlaying(video(userId, 'partner-live2', 'host2'), `${when}: host 2 on ${userId}’s grid`)
  }
  await expectVideoPlaying(video('host1', 'partner-live2', 'host2'), `${when}: host 2 on host 1’s grid`)
  await expectVideoPlaying(video('host2', 'partner-live1', 'host1'), `${when}: host 1 on host 2’s grid`)
}

describe('co-host in the playground', () => {
  it('host 2 requests, host 1 accepts: both connected and see each other; a battle runs; exit disconnects both', async () => {
    const page = await stage.open()
    const host1 = panel(page, 'host1')
    const host2 = panel(page, 'host2')
    // each host's CoHostPanel is a dialog over its own panel
    const dialog1 = host1.getByRole('dialog')
    const dialog2 = host2.getByRole('dialog')

    await host2.getByTestId('open-co-host').click()
    await dialog2.getByTestId('host-live1').getByTestId('request').click()
    // the request opens host 1's dialog by itself
    await dialog1.getByTestId('incoming').getByTestId('accept').click()

    for (const dialog of [dialog1, dialog2]) {
      await dialog.getByTestId('connected').getByTestId('connected-live1').waitFor()
      await dialog.getByTestId('connected').getByTestId('connected-live2').waitFor()
    }
    await expectBothHostsPlaying(page, 'connected')

    await dialog1.getByTestId('start-battle').click()
    for (const dialog of [dialog1, dialog2]) {
      await dialog.getByTestId('battle').getByTestId('battler-host1').waitFor()
      await dialog.getByTestId('battle').getByTestId('battler-host2').waitFor()
    }
    await dialog2.getByTestId('close').click()
    await expectBothHostsPlaying(page, 'in battle')
    await screenshot(page, 'co-host-battle')

    await dialog1.getByTestId('exit-battle').click()
    await poll(() => dialog1.getByTestId('battle').count(), 'the battle ended').toBe(0)
    await dialog1.getByTestId('exit').click()
    await dialog1.getByTestId('confirm-exit-dialog').waitFor()
    await dialog1.getByTestId('confirm-exit').click()
    await poll(() => dialog1.getByTestId('connected').count(), 'host 1 disconnected').toBe(0)
    await poll(() => host2.getByTestId('partner-live1').count(), 'host 1 left host 2’s grid').toBe(0)
    await poll(() => host1.getByTestId('partner-live2').count(), 'host 2 left host 1’s grid').toBe(0)
    await host2.getByTestId('open-co-host').click()
    await dialog2.getByTestId('host-live1').getByTestId('request').waitFor()
    await poll(() => dialog2.getByTestId('connected').count(), 'host 2 disconnected').toBe(0)
    await screenshot(page, 'co-host-exited')
  })
})
