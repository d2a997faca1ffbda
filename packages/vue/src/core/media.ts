import { createLocalMediaEngine, createLocalMediaNetwork, createTrtcEngine, type Hub, type LocalMediaNetwork, type MediaBackend } from '@atomicx-vue/engine'
import type { AtomicxOptions, MediaEngineFactory } from './types'

// The in-page media network belongs to a hub: users of one hub see each other's streams, users of
// another hub do not. Weak, so a dropped hub takes its network with it.
const networks = new WeakMap<Hub, LocalMediaNetwork>()

/** The local media network of `hub`, created on first use. */
export function localNetworkOf(hub: Hub): LocalMediaNetwork {
  let network = networks.get(hub)
  if (!network) networks.set(hub, (network = createLocalMediaNetwork()))
  return network
}

/** The capture backend the local engine of these options uses (undefined = the browser's). */
export function localBackendOf(option: AtomicxOptions['media']): MediaBackend | undefined {
  return typeof option === 'object' && option.kind === 'local' ? option.backend : undefined
}

/** The media engine factory an `AtomicxOptions.media` value stands for. */
export function resolveMediaFactory(option: AtomicxOptions['media']): MediaEngineFactory {
  if (typeof option === 'function') return option
  if (typeof option === 'object' && option.kind === 'trtc') {
    const { sdkAppId, TRTC, CrossRoom, load } = option
    return ({ userId, userSig = '', sdkAppId: loginAppId }) => createTrtcEngine({ sdkAppId: loginAppId ?? sdkAppId, userId, userSig, TRTC, CrossRoom, load })
  }
  const backend = localBackendOf(option)
  return ({ userId }, hub) => createLocalMediaEngine({ network: localNetworkOf(hub), backend, userId })
}
