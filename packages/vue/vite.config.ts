import { defineConfig } from 'vite'
import dts from 'vite-plugin-dts'

export default defineConfig({
  plugins: [dts({ include: ['src'], exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts'], tsconfigPath: './tsconfig.json' })],
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    sourcemap: true,
    rollupOptions: { external: [/^vue$/, /^pinia$/, /^@vueuse\//, /^@atomicx-vue\//, /^trtc-sdk-v5/] },
  },
})
