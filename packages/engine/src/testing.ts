/**
 * Test helpers for apps built on atomicx-vue (`@atomicx-vue/engine/testing`): a deterministic capture
 * backend that needs no camera, microphone or DOM.
 *
 * @example
 * const backend = createFakeBackend()
 * app.use(createAtomicx({ hub: createLocalHub(), media: { kind: 'local', backend } }))
 */
export { createFakeBackend } from './media/fakeBackend'
export type { FakeAttachment, FakeBackend, FakeBackendOptions, FakeCaptureKind, FakeDevice, FakeGain, FakeRequest } from './media/fakeBackend'
