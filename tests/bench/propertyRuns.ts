import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { BenchSection } from './table'

const RUNS = 10_000
const root = fileURLToPath(new URL('../..', import.meta.url))

interface VitestJson {
  readonly numPassedTests: number
  readonly numFailedTests: number
}

/** Runs the model's property tests with the benchmark profile (FC_RUNS) and reports what ran. */
export const propertyRuns: BenchSection = {
  name: 'property',
  title: `Room model property tests, ${RUNS.toLocaleString('en')} runs each`,
  async run() {
    const vitest = spawnSync(
      'pnpm',
      ['exec', 'vitest', 'run', '--project', 'engine', 'src/model/model.property.test.ts', '--reporter=json'],
      { cwd: root, env: { ...process.env, FC_RUNS: String(RUNS) }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    const start = vitest.stdout.indexOf('{')
    if (start < 0) throw new Error(`vitest did not report: ${vitest.stderr || vitest.error?.message}`)
    const report = JSON.parse(vitest.stdout.slice(start)) as VitestJson
    return [
      { metric: 'runs per property (FC_RUNS)', value: RUNS.toLocaleString('en') },
      { metric: 'property tests passed', value: String(report.numPassedTests) },
      { metric: 'property tests failed', value: String(report.numFailedTests), meets: report.numFailedTests === 0 },
    ]
  },
}
