// Written by vite.config.ts (`trtcSdk()`): lazy imports of trtc-sdk-v5, null when it is not installed.
// The shape of mode.ts `TrtcImports` (main.ts passes this module there, so the two cannot drift apart).
declare module 'virtual:trtc-sdk' {
  export const sdk: (() => Promise<{ readonly default: unknown }>) | null
  export const crossRoom: (() => Promise<{ readonly CrossRoom?: unknown; readonly default?: unknown }>) | null
}
