import { createLocalHub, type Hub } from '@atomicx-vue/engine'

// The one module-level value of the library: every app of the page that passes no `hub` shares it,
// so users of separate apps meet in the same rooms.
let defaultHub: Hub | null = null

/** The page's embedded hub, created on first use. */
export function getDefaultHub(): Hub {
  return (defaultHub ??= createLocalHub())
}
