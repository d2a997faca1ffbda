import { onMounted, shallowRef, type ShallowRef } from 'vue'

/** Where a panel's automatic start (login, start or join a live) stands. */
export type StartupState = 'starting' | 'ready' | 'failed'

/** A panel's startup progress, for its status line. */
export interface Startup {
  readonly state: Readonly<ShallowRef<StartupState>>
  /** why it failed, '' otherwise */
  readonly error: Readonly<ShallowRef<string>>
}

/** Runs `steps` once the panel is mounted and tracks the outcome. */
export function useStartup(steps: () => Promise<void>): Startup {
  const state = shallowRef<StartupState>('starting')
  const error = shallowRef('')
  onMounted(() => {
    steps().then(
      () => (state.value = 'ready'),
      (reason: unknown) => {
        error.value = reason instanceof Error ? reason.message : String(reason)
        state.value = 'failed'
      },
    )
  })
  return { state, error }
}
