import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'

const TRTC_SDK = 'virtual:trtc-sdk'

/**
 * `virtual:trtc-sdk` (see src/mode.ts `TrtcImports`): lazy `import()`s of trtc-sdk-v5 and its CrossRoom
 * plugin when they are installed, else nulls. A bare specifier hidden from the bundler would not resolve
 * in a browser, so the build decides: the SDK becomes a chunk of its own that only TRTC mode loads, and
 * without it the build needs nothing.
 */
function trtcSdk(): Plugin {
  const id = `\0${TRTC_SDK}`
  return {
    name: 'playground:trtc-sdk',
    resolveId: (source) => (source === TRTC_SDK ? id : undefined),
    async load(loaded) {
      if (loaded !== id) return
      const lazy = async (specifier: string) => ((await this.resolve(specifier)) ? `() => import(${JSON.stringify(specifier)})` : 'null')
      return `export const sdk = ${await lazy('trtc-sdk-v5')}\nexport const crossRoom = ${await lazy('trtc-sdk-v5/plugins/cross-room')}\n`
    },
  }
}

// Workspace packages resolve to their sources (`source` condition); code written for the anchor
// imports "tuikit-atomicx-vue3", which is our @atomicx-vue/vue.
export default defineConfig({
  plugins: [vue(), trtcSdk()],
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
    alias: { 'tuikit-atomicx-vue3': fileURLToPath(new URL('../packages/vue/src/index.ts', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
})
