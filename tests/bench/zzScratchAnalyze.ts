import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
const vueEntry = fileURLToPath(new URL('../../packages/vue/src/index.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'atomicx-an-'))
const entry = join(dir, 'entry.ts')
writeFileSync(entry, `export { useCoGuestState, useDeviceState } from ${JSON.stringify(vueEntry)}\n`)
await build({ configFile: false, logLevel: 'silent', root: dir,
  resolve: { conditions: ['source', 'module', 'browser', 'production'] },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: { outDir: join(dir, 'out'), emptyOutDir: true, minify: false, lib: { entry, formats: ['es'], fileName: 'bundle' },
    rollupOptions: { external: [/^vue$/, /^pinia$/, /^trtc-sdk-v5/] } } })
const out = join(dir, 'out')
for (const f of readdirSync(out)) { const p = join(out, f); console.log(p, readFileSync(p).length) }
