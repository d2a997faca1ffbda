import { connectInPage, createLocalHub } from '@atomicx-vue/engine'
import { timeApplyRound } from './round'
import { micros, type BenchSection } from './table'

const TARGET_P50_MS = 0.05

/** The latency an app feels: one apply travelling to the host through the in-page hub. */
export const hubRound: BenchSection = {
  name: 'hub',
  title: 'In-page hub: audience coGuest.apply → owner hears coGuest.applicationAdded',
  async run() {
    const hub = createLocalHub()
    const owner = await connectInPage(hub, { userId: 'owner' })
    await owner.request({ type: 'live.start', liveId: 'bench' })
    const guest = await connectInPage(hub, { userId: 'guest' })
    await guest.request({ type: 'live.join', liveId: 'bench' })
    const latency = await timeApplyRound(owner, guest)
    hub.dispose()
    return [
      { metric: 'p50', value: micros(latency.p50), target: '≤ 50 µs', meets: latency.p50 <= TARGET_P50_MS },
      { metric: 'p99', value: micros(latency.p99) },
      { metric: 'samples (apply + cancel loops)', value: String(latency.samplesCount) },
    ]
  },
}
