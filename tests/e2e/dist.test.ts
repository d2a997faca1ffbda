// The BUILT packages (dist/, what npm users get) import in plain Node without the `source`
// condition: no DOM at import time, every entry and `exports` path resolves.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const testsDir = fileURLToPath(new URL('..', import.meta.url))

function importInNode(specifier: string, names: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const script = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(${JSON.stringify(names)}.filter((n) => m[n] === undefined)))`
  const { status, stdout, stderr } = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: testsDir, encoding: 'utf8' })
  return { status, stdout: stdout.trim(), stderr }
}

describe('built packages in plain Node', () => {
  it.each([
    ['@atomicx-vue/engine', ['createLocalHub', 'reduce', 'createTrtcEngine', 'createLocalMediaEngine']],
    ['@atomicx-vue/engine/testing', ['createFakeBackend']],
    ['@atomicx-vue/vue', ['createAtomicx', 'useCoGuestState', 'useDeviceState', 'useCallState', 'CoGuestEvent', 'ErrorCode']],
    ['@atomicx-vue/vue/testing', ['createTestUser', 'createLive', 'goLive', 'flush', 'tearDown', 'recordEvents', 'createFakeBackend']],
    ['@atomicx-vue/components', ['CoGuestPanel', 'CoHostPanel', 'LiveView', 'CallView', 'DeviceSettings']],
  ])('%s', (specifier, names) => {
    const { status, stdout, stderr } = importInNode(specifier, names)
    expect(stderr).not.toMatch(/Error/)
    expect(status).toBe(0)
    expect(JSON.parse(stdout)).toEqual([]) // no expected export is missing
  })
})
