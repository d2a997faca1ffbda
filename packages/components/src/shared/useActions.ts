import { shallowRef, type ShallowRef } from 'vue'
import type { MessageKey, MessageParams } from '../i18n'
import { errorMessageKey, type ActionFailure } from './errors'

/** A text to show, kept as key and params so it follows a language switch. */
export interface Notice {
  readonly key: MessageKey
  readonly params?: MessageParams
}

/** What `useActions` gives a component. */
export interface Actions {
  /** the last failure's message, until the next action starts */
  readonly error: Readonly<ShallowRef<Notice | null>>
  /** whether an action for `key` is running */
  isBusy(key: string): boolean
  /**
   * Runs `work` unless one for `key` is running. A failure becomes `error` (by code, else `fallback`) and
   * is reported; resolves whether it succeeded.
   */
  run(key: string, action: string, work: () => Promise<unknown>, fallback: MessageKey): Promise<boolean>
  /** Shows and reports a failure that did not come from `run` (an error event). */
  fail(action: string, cause: unknown, fallback: MessageKey): void
  dismissError(): void
}

/** Runs a component's composable actions: one at a time per key (a row's buttons disable meanwhile). */
export function useActions(report: (failure: ActionFailure) => void): Actions {
  const busy = shallowRef<ReadonlySet<string>>(new Set())
  const error = shallowRef<Notice | null>(null)

  function setBusy(key: string, on: boolean): void {
    const next = new Set(busy.value)
    if (on) next.add(key)
    else next.delete(key)
    busy.value = next
  }

  function fail(action: string, cause: unknown, fallback: MessageKey): void {
    error.value = { key: errorMessageKey(cause, fallback) }
    report({ action, error: cause })
  }

  async function run(key: string, action: string, work: () => Promise<unknown>, fallback: MessageKey): Promise<boolean> {
    if (busy.value.has(key)) return false
    setBusy(key, true)
    error.value = null
    try {
      await work()
      return true
    } catch (cause) {
      fail(action, cause, fallback)
      return false
    } finally {
      setBusy(key, false)
    }
  }

  return {
    error,
    isBusy: (key) => busy.value.has(key),
    run,
    fail,
    dismissError: () => (error.value = null),
  }
}
