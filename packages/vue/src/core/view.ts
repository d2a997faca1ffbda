import { EngineError, ErrorCode } from '@atomicx-vue/engine'
import type { ViewTarget } from '../types/seat'

/** How long `resolveViewSoon` waits for an element id to appear. */
export const VIEW_WAIT_MS = 1000
// how often it looks again meanwhile
const VIEW_POLL_MS = 50

/** The element a `view` parameter names: the element itself, or the id of one in the document. */
export function resolveView(view: ViewTarget): HTMLElement {
  if (typeof view !== 'string') {
    if (view && typeof view === 'object' && view.nodeType === 1) return view
    throw new EngineError(ErrorCode.INVALID_ARGUMENT, 'view must be an element or the id of one')
  }
  const element = typeof document === 'undefined' ? null : document.getElementById(view)
  if (!element) throw new EngineError(ErrorCode.INVALID_ARGUMENT, `No element with id "${view}": mount it before playing into it`)
  return element
}

/**
 * Like `resolveView`, but an id not in the document yet (a tile still rendering) is looked up again every
 * 50 ms for up to `VIEW_WAIT_MS`; then it rejects with `INVALID_ARGUMENT`.
 */
export async function resolveViewSoon(view: ViewTarget): Promise<HTMLElement> {
  if (typeof view !== 'string' || typeof document === 'undefined') return resolveView(view)
  for (let waited = 0; ; waited += VIEW_POLL_MS) {
    const element = document.getElementById(view)
    if (element) return element
    if (waited >= VIEW_WAIT_MS) throw new EngineError(ErrorCode.INVALID_ARGUMENT, `No element with id "${view}" appeared within ${VIEW_WAIT_MS} ms: mount it first`)
    await new Promise((resolve) => setTimeout(resolve, VIEW_POLL_MS))
  }
}
