import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

// Workspace packages resolve to their sources (`source` condition); code written for the anchor
// imports "tuikit-atomicx-vue3", which is our @atomicx-vue/vue.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
    alias: { 'tuikit-atomicx-vue3': fileURLToPath(new URL('../packages/vue/src/index.ts', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
})
