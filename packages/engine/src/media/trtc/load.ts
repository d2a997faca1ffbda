import type { TrtcModules, TrtcSdk } from './sdk'

// Specifiers live in variables so that neither TypeScript nor a bundler resolves them: the SDK is an
// optional peer dependency, and importing it outside a browser throws ("location is not defined").
const SDK = 'trtc-sdk-v5'
const CROSS_ROOM = 'trtc-sdk-v5/plugins/cross-room'

/**
 * Imports `trtc-sdk-v5` and its CrossRoom plugin at run time. Without the plugin, co-host is not
 * supported but everything else works. A bundler cannot follow these imports (their specifiers are
 * variables), so bundled apps pass their own `load`, which it can:
 * @example
 * createTrtcEngine({ sdkAppId, userId, userSig, load: async () => ({
 *   TRTC: (await import('trtc-sdk-v5')).default,
 *   CrossRoom: (await import('trtc-sdk-v5/plugins/cross-room')).CrossRoom,
 * }) })
 */
export async function loadTrtcSdk(): Promise<TrtcModules> {
  const [sdk, plugin] = await Promise.all([
    import(/* @vite-ignore */ SDK) as Promise<{ default: TrtcSdk }>,
    (import(/* @vite-ignore */ CROSS_ROOM) as Promise<{ CrossRoom?: unknown; default?: unknown }>).catch(() => undefined),
  ])
  return { TRTC: sdk.default, CrossRoom: plugin?.CrossRoom ?? plugin?.default }
}
