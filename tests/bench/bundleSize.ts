import { runBundleBench } from './bundle'
import type { BenchSection } from './table'

const TARGET_GZIP = 13 * 1024
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** Production bundle sizes (vue, pinia, trtc-sdk-v5 external), minified and gzipped. */
export const bundleSize: BenchSection = {
  name: 'bundle',
  title: 'Bundle size: production build of @atomicx-vue/vue imports',
  async run() {
    const { coGuestAndDevice, whole } = await runBundleBench()
    return [
      { metric: `${coGuestAndDevice.name} gzip (anchor: 25.8 KB)`, value: kb(coGuestAndDevice.gzip), target: '≤ 13 KB', meets: coGuestAndDevice.gzip <= TARGET_GZIP },
      { metric: `${coGuestAndDevice.name} minified`, value: kb(coGuestAndDevice.bytes) },
      { metric: `${whole.name} gzip`, value: kb(whole.gzip) },
    ]
  },
}
