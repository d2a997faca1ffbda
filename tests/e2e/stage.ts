import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { AUDIENCE, CALLERS, ROOM_1, ROOM_2 } from '../../playground/src/cast'
import { screenshotPath, startHarness, type Harness } from './browser'

// Every user of the stage, by their panel's `data-user` (the tests name them: host1, audience1, caller1…)
const EVERYONE = [ROOM_1.host, ROOM_2.host, ...AUDIENCE, ...CALLERS].map((person) => person.userId)

/** How long one step (a click's effect crossing the hub, a camera opening) may take. */
export const STEP_MS = 10_000

/** The panel (= the app, = the user) `userId` of the stage. */
export const panel = (page: Page, userId: string): Locator => page.locator(`[data-user="${userId}"]`)

/** `expect.poll` with the step deadline: retries `read` until the matcher holds or STEP_MS passed. */
export const poll = <T>(read: () => Promise<T> | T, message: string) => expect.poll(read, { timeout: STEP_MS, interval: 100, message })

/**
 * Per test file: one preview server and browser. `open()` gives each test a fresh page (a fresh hub)
 * with every user logged in and in their live. After each test, no page error or console error may
 * have happened.
 */
export function useStage(): { open(): Promise<Page> } {
  let harness: Harness | undefined
  let page: Page | undefined
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.close()
  })
  afterEach(async () => {
    await page?.close()
    page = undefined
    expect(harness?.takeErrors()).toEqual([])
  })
  return {
    async open() {
      if (!harness) throw new Error('the harness did not start')
      page = await harness.open('/')
      page.setDefaultTimeout(STEP_MS)
      // a tab in the background gets few frame callbacks: videos would barely advance
      await page.bringToFront()
      for (const userId of EVERYONE) {
        const status = panel(page, userId).getByTestId('status')
        await poll(() => status.getAttribute('data-state'), `${userId} starts`).not.toBe('starting')
        expect(await status.getAttribute('data-state'), `${userId}: ${await status.textContent()}`).toBe('ready')
      }
      return page
    },
  }
}

/** The frame width and play position of a `<video>`. */
function playback(video: Locator): Promise<{ width: number; time: number }> {
  return video.evaluate((element: HTMLVideoElement) => ({ width: element.videoWidth, time: element.currentTime }))
}

/** Asserts that `video` really plays: it has frames and its position advances. */
export async function expectVideoPlaying(video: Locator, what: string): Promise<void> {
  await poll(async () => (await playback(video)).width, `${what}: video has frames`).toBeGreaterThan(0)
  const start = (await playback(video)).time
  await poll(async () => (await playback(video)).time, `${what}: video advances`).toBeGreaterThan(start)
}

/** How long `screenshot` waits for a video to present a frame (a stream without frames never does). */
const FRAME_WAIT_MS = 2_000

/**
 * Saves a full-page screenshot of the flow's state (tests/e2e/screenshots/<name>.png). A capture beyond
 * the viewport sometimes showed a `<video>` below it black although it had just been seen playing (the
 * compositor had no frame of it yet): the viewport grows to the whole page, and every playing video
 * presents a frame in it, before the capture.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()
  if (!viewport) throw new Error('the page has no fixed viewport')
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) })
  await page.evaluate((ms) => Promise.all([...document.querySelectorAll('video')]
    .filter((video) => video.srcObject && !video.paused)
    .map((video) => new Promise((done) => {
      video.requestVideoFrameCallback(done)
      setTimeout(done, ms)
    }))), FRAME_WAIT_MS)
  await page.screenshot({ path: screenshotPath(name), fullPage: true })
  await page.setViewportSize(viewport)
}
