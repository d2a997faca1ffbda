import { describe, expect, it } from 'vitest'

describe('importing without a browser', () => {
  // trtc-sdk-v5 throws "location is not defined" when evaluated outside a browser, so a clean
  // import proves the SDK stays unloaded until an engine is used
  it('loads the engine and the TRTC engine modules without evaluating the SDK', async () => {
    expect((globalThis as { location?: unknown }).location).toBeUndefined()
    await expect(import('../../index')).resolves.toHaveProperty('MediaErrorCode')
    await expect(import('./index')).resolves.toHaveProperty('createTrtcEngine')
  })
})
