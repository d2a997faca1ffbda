import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

// Workspace packages resolve to their sources through the `source` export condition,
// so tests never need a build. Seed code imports "tuikit-atomicx-vue3": alias it to ours.
const resolve = {
  conditions: ['source', 'module', 'browser', 'development|production'],
  alias: { 'tuikit-atomicx-vue3': here('./packages/vue/src/index.ts') },
}

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        test: { name: 'engine', root: here('./packages/engine'), environment: 'node', include: ['src/**/*.test.ts'] },
      },
      {
        plugins: [vue()],
        resolve,
        test: { name: 'vue', root: here('./packages/vue'), environment: 'happy-dom', include: ['src/**/*.test.ts'], typecheck: { enabled: false } },
      },
      {
        plugins: [vue()],
        resolve,
        test: { name: 'components', root: here('./packages/components'), environment: 'happy-dom', include: ['src/**/*.test.ts'], passWithNoTests: true },
      },
      {
        plugins: [vue()],
        resolve,
        // tests/ssr run in the node environment, which resolves with the SSR conditions: sources there too
        ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
        test: { name: 'flows', root: here('./tests'), environment: 'happy-dom', include: ['**/*.test.ts'], exclude: ['e2e/**', '**/node_modules/**'], passWithNoTests: true },
      },
      {
        resolve,
        test: { name: 'e2e', root: here('./tests'), environment: 'node', include: ['e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false, passWithNoTests: true },
      },
    ],
  },
})
