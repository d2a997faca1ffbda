import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { BenchSection } from './table'

const RUNS = 10_000
/** every file of the model with fast-check properties (their table tests run along) */
const FILES = ['model.property.test.ts', 'coHost.test.ts', 'battle.test.ts', 'calls.test.ts', 'reduce.test.ts'].map((f) => `src/model/${f}`)
const root = fileURLToPath(new URL('../..', import.meta.url))

interface VitestJson {
  readonly numPassedTests: number
  readonly numFailedTests: number
}

/** Runs the model's property tests (and the tables beside them) with the benchmark profile (FC_RUNS). */
export const propertyRuns: BenchSection = {
  name: 'property',
  title: `Room model property tests, ${RUNS.toLocaleString('en')} runs each`,
  async run() {
    const vitest = spawnSync(
      `${root}/node_modules/.bin/vitest`,
      ['run', '--project', 'engine', ...FILES, '--reporter=json'],
      { cwd: root, env: { ...process.env, FC_RUNS: String(RUNS) }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    const start = vitest.stdout.indexOf('{')
    if (start < 0) throw new Error(`vitest did not report: ${vitest.stderr || vitest.error?.message}`)
    const report = JSON.parse(vitest.stdout.slice(start)) as VitestJson
    return [
      { metric: 'runs per property (FC_RUNS)', value: RUNS.toLocaleString('en') },
      { metric: 'tests passed in the property files', value: String(report.numPassedTests) },
      { metric: 'tests failed in the property files', value: String(report.numFailedTests), meets: report.numFailedTests === 0 },
    ]
  },
}
