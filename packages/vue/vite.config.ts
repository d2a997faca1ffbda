import { defineConfig } from 'vite'
import dts from 'vite-plugin-dts'

export default defineConfig({
  plugins: [dts({ include: ['src'], exclude: ['src/**/*.test.ts', 'src/**/*.test-d.ts'], tsconfigPath: './tsconfig.json' })],
  build: {
    lib: { entry: { index: 'src/index.ts', testing: 'src/testing.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    sourcemap: true,
    rollupOptions: {
      external: [/^vue$/, /^pinia$/, /^@vueuse\//, /^@atomicx-vue\//, /^trtc-sdk-v5/],
      // code shared by the main and testing entries
      output: { chunkFileNames: 'shared-[hash].js' },
    },
  },
})
