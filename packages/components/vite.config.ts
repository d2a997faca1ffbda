import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import dts from 'vite-plugin-dts'

export default defineConfig({
  plugins: [vue(), dts({ include: ['src'], exclude: ['src/**/*.test.ts', 'src/testing/**'], tsconfigPath: './tsconfig.json' })],
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index', cssFileName: 'components' },
    sourcemap: true,
    rollupOptions: { external: [/^vue$/, /^pinia$/, /^@vueuse\//, /^@atomicx-vue\//] },
  },
})
