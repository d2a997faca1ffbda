// The whole test suite, in one command that needs nothing but Node and the installed dependencies
// (it never calls `pnpm` again, so it also works when pnpm itself came from `npx`).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = (name) => `${root}/node_modules/.bin/${name}`
const reportDir = mkdtempSync(join(tmpdir(), 'atomicx-test-'))
const report = join(reportDir, 'vitest.json')

const steps = [
  ['Chromium for the browser tests', 'node', ['tests/scripts/ensure-chromium.mjs']],
  ['lint', bin('eslint'), ['.']],
  ['types: engine', bin('tsc'), ['--noEmit', '-p', 'packages/engine/tsconfig.json']],
  ['types: vue', bin('vue-tsc'), ['--noEmit', '-p', 'packages/vue/tsconfig.json']],
  ['types: components', bin('vue-tsc'), ['--noEmit', '-p', 'packages/components/tsconfig.json']],
  ['types: playground', bin('vue-tsc'), ['--noEmit', '-p', 'playground/tsconfig.json']],
  ['types: tests', bin('vue-tsc'), ['--noEmit', '-p', 'tests/tsconfig.json']],
  ['build: engine', bin('vite'), ['build', 'packages/engine', '--logLevel', 'warn']],
  ['build: vue', bin('vite'), ['build', 'packages/vue', '--logLevel', 'warn']],
  ['build: components', bin('vite'), ['build', 'packages/components', '--logLevel', 'warn']],
  ['build: playground', bin('vite'), ['build', 'playground', '--logLevel', 'warn']],
  ['tests: unit, component, flows and browser end-to-end', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]],
]

for (const [title, command, args] of steps) {
  const started = Date.now()
  console.log(`\n▶ ${title}`)
  const { status, error } = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (error) throw error
  if (status !== 0) {
    console.error(`✖ ${title} failed (exit ${status})`)
    process.exit(status ?? 1)
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

// one plain closing line, whatever reads the log
const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'))
rmSync(reportDir, { recursive: true, force: true })
console.log(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`)
