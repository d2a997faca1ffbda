// The playground's stage itself in a real Chromium: every user app starts, the lives play, the language switches.
import { describe, expect, it } from 'vitest'
import { expectVideoPlaying, panel, poll, screenshot, useStage } from './stage'

const stage = useStage()

describe('the playground stage', () => {
  it('says it runs on the embedded engine, is themed; each host’s camera plays on its grid and on every audience grid', async () => {
    const page = await stage.open()
    expect(await page.getByTestId('engine-note').textContent()).toContain('embedded engine')
    const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--atomicx-color-primary'))
    expect(primary, 'the components’ theme (their CSS variables) is in the built page').not.toBe('')
    for (const host of ['host1', 'host2']) {
      await expectVideoPlaying(panel(page, host).getByTestId('grid').getByTestId(`seat-video-${host}`), `${host}’s own camera`)
    }
    for (const userId of ['audience1', 'audience2', 'audience3']) {
      const grid = panel(page, userId).getByTestId('grid')
      await expectVideoPlaying(grid.getByTestId('seat-video-host1'), `host1 on ${userId}’s grid`)
      expect(await grid.locator('video').count()).toBe(1)
    }
  })

  it('device settings list the devices, preview the camera and meter the microphone without disturbing the live', async () => {
    const page = await stage.open()
    const host = panel(page, 'host1')
    await host.getByTestId('toggle-devices').click()

    await poll(() => host.getByTestId('microphone').locator('option').count(), 'the fake microphones are listed').toBeGreaterThan(1)
    await poll(() => host.getByTestId('camera').locator('option').count(), 'the fake camera is listed').toBeGreaterThan(0)
    await expectVideoPlaying(host.getByTestId('camera-preview').locator('video'), 'the camera preview')
    await poll(async () => Number(await host.getByTestId('mic-level').getAttribute('aria-valuenow')), 'the microphone level moves').toBeGreaterThan(0)
    await screenshot(page, 'device-settings')

    await host.getByTestId('toggle-devices').click()
    await poll(() => host.getByTestId('camera-preview').count(), 'the settings closed').toBe(0)
    await expectVideoPlaying(host.getByTestId('grid').getByTestId('seat-video-host1'), 'the live camera after the preview stopped')
    await expectVideoPlaying(panel(page, 'audience1').getByTestId('seat-video-host1'), 'the live camera on the audience’s grid')
  })

  it('one language switch changes the components of every user app', async () => {
    const page = await stage.open()
    const apply = panel(page, 'audience1').getByTestId('apply')
    const tab = panel(page, 'host1').getByTestId('tab-applications')
    expect(await apply.textContent()).toContain('Apply to join')

    await page.getByTestId('language').selectOption('zh-CN')
    await poll(() => apply.textContent(), 'the audience’s control speaks Chinese').toContain('申请连麦')
    await poll(() => tab.textContent(), 'the host’s panel speaks Chinese').toContain('连麦申请')

    await page.getByTestId('language').selectOption('en')
    await poll(() => apply.textContent(), 'back to English').toContain('Apply to join')
  })
})
