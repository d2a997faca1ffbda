import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { preview, type PreviewServer } from 'vite'

/** Debian's Chromium; playwright-core downloads nothing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Fake camera/microphone, auto-granted, peer connections on loopback, unmuted autoplay. */
const ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export interface Harness {
  readonly browser: Browser
  readonly context: BrowserContext
  readonly url: string
  /** Opens `path` in a new tab whose page errors and console errors are collected. */
  open(path?: string): Promise<Page>
  /** The errors collected since the last call, and clears them. */
  takeErrors(): string[]
  close(): Promise<void>
}

/** Serves the BUILT playground (`pnpm --filter @atomicx-vue/playground build`) on 127.0.0.1 and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  const root = fileURLToPath(new URL('../../playground', import.meta.url))
  if (!existsSync(`${root}/dist/index.html`)) throw new Error('No built playground: run `pnpm --filter @atomicx-vue/playground build` first')
  const server: PreviewServer = await preview({ root, configFile: `${root}/vite.config.ts`, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  const url = `http://127.0.0.1:${address.port}`
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS })
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.grantPermissions(['camera', 'microphone'], { origin: url })
  let errors: string[] = []
  return {
    browser,
    context,
    url,
    async open(path = '/') {
      const page = await context.newPage()
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
      page.on('console', (message) => { if (message.type() === 'error') errors.push(`console.error: ${message.text()}`) })
      await page.goto(url + path)
      return page
    },
    takeErrors() {
      const taken = errors
      errors = []
      return taken
    },
    async close() {
      await context.close()
      await browser.close()
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
    },
  }
}

/** Where a flow's screenshot goes (git-ignored). */
export const screenshotPath = (name: string): string =>
  fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url))
