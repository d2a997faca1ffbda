import { EngineError, ErrorCode } from '@atomicx-vue/engine'
import type { ViewTarget } from '../types/seat'

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
