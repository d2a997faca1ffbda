import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

export interface BundleFigure {
  readonly name: string
  readonly bytes: number
  readonly gzip: number
}

/**
 * Production build of `export { … } from '@atomicx-vue/vue'` with vue, pinia and trtc-sdk-v5 external
 * (everything else — @vueuse/core, the engine — bundled), measured minified and gzipped.
 */
export async function measureBundle(name: string, source: string): Promise<BundleFigure> {
  const dir = mkdtempSync(join(tmpdir(), 'atomicx-bundle-'))
  try {
    const entry = join(dir, 'entry.ts')
    writeFileSync(entry, source)
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      resolve: { conditions: ['source', 'module', 'browser', 'production'] },
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: join(dir, 'out'),
        emptyOutDir: true,
        minify: true,
        lib: { entry, formats: ['es'], fileName: 'bundle' },
        rollupOptions: { external: [/^vue$/, /^pinia$/, /^trtc-sdk-v5/] },
      },
    })
    const out = join(dir, 'out')
    const file = readdirSync(out).find((f) => /\.m?js$/.test(f))
    if (!file) throw new Error('no bundle produced')
    const code = readFileSync(join(out, file))
    return { name, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const vueEntry = fileURLToPath(new URL('../../packages/vue/src/index.ts', import.meta.url))

/** The anchor's same import is 25.8 KB gzip without its engine; our target is ≤ 13 KB. */
export async function runBundleBench(): Promise<{ coGuestAndDevice: BundleFigure; whole: BundleFigure }> {
  return {
    coGuestAndDevice: await measureBundle('{ useCoGuestState, useDeviceState }', `export { useCoGuestState, useDeviceState } from ${JSON.stringify(vueEntry)}\n`),
    whole: await measureBundle('whole @atomicx-vue/vue (incl. embedded hub)', `export * from ${JSON.stringify(vueEntry)}\n`),
  }
}
