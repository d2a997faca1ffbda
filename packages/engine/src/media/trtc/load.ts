import type { TrtcModules, TrtcStatic } from './sdk'

// Specifiers live in variables so that neither TypeScript nor a bundler resolves them: the SDK is an
// optional peer dependency, and importing it outside a browser throws ("location is not defined").
const SDK = 'trtc-sdk-v5'
const CROSS_ROOM = 'trtc-sdk-v5/plugins/cross-room'

/**
 * Imports `trtc-sdk-v5` and its CrossRoom plugin at run time. Without the plugin, co-host is not
 * supported but everything else works. Bundled apps should pass their own `load` instead (for
 * example `() => import('trtc-sdk-v5').then(m => ({ TRTC: m.default }))`), so the bundler sees the SDK.
 */
export async function loadTrtcSdk(): Promise<TrtcModules> {
  const [sdk, plugin] = await Promise.all([
    import(/* @vite-ignore */ SDK) as Promise<{ default: TrtcStatic }>,
    (import(/* @vite-ignore */ CROSS_ROOM) as Promise<{ CrossRoom?: unknown; default?: unknown }>).catch(() => undefined),
  ])
  return { TRTC: sdk.default, CrossRoom: plugin?.CrossRoom ?? plugin?.default }
}
