import { bundleSize } from './bundleSize'
import { hubRound } from './hubRound'
import { pendingScale } from './pendingScale'
import { propertyRuns } from './propertyRuns'
import { storeScale } from './storeScale'
import { printTable, type BenchSection } from './table'

// Each bench lives in its own file and exports a BenchSection: add new ones (bundle size…) here.
const sections: readonly BenchSection[] = [hubRound, pendingScale, storeScale, propertyRuns, bundleSize]

// `pnpm bench hub pending` runs only those; no names runs everything
const picked = process.argv.slice(2)
for (const section of sections.filter((s) => picked.length === 0 || picked.includes(s.name))) {
  const started = performance.now()
  const rows = await section.run()
  printTable(`${section.title}  (${((performance.now() - started) / 1000).toFixed(1)} s)`, rows)
}
