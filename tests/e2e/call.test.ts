// A 1-to-1 video call between the playground's two callers in a real Chromium.
import type { Locator } from 'playwright-core'
import { describe, it } from 'vitest'
import { expectVideoPlaying, panel, poll, screenshot, useStage } from './stage'

const stage = useStage()

describe('calls in the playground', () => {
  it('caller 1 calls, caller 2 accepts: connected with each other’s video playing; hang up ends it on both sides', async () => {
    const page = await stage.open()
    const caller = panel(page, 'caller1')
    const callee = panel(page, 'caller2')
    const status = (side: Locator) => side.getByTestId('call-status').textContent()

    await caller.getByTestId('call-peer').click()
    await poll(() => status(caller), 'the caller is calling').toBe('calling')
    await callee.getByTestId('ringing').waitFor()
    await callee.getByTestId('call-accept').click()

    await poll(() => status(caller), 'the caller is connected').toBe('connected')
    await poll(() => status(callee), 'the callee is connected').toBe('connected')
    await expectVideoPlaying(caller.getByTestId('call-video-caller2'), 'caller 2 on caller 1’s call view')
    await expectVideoPlaying(callee.getByTestId('call-video-caller1'), 'caller 1 on caller 2’s call view')
    await screenshot(page, 'call-connected')

    await caller.getByTestId('call-hangup').click()
    await poll(() => status(caller), 'the caller hung up').toBe('idle')
    await poll(() => status(callee), 'the callee’s call ended').toBe('idle')
    await poll(() => callee.getByTestId('call-view').count(), 'the callee’s call view closed').toBe(0)
    await screenshot(page, 'call-ended')
  })
})
