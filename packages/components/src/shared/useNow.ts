import { onScopeDispose, readonly, shallowRef, watch, type Ref } from 'vue'

/**
 * The time in ms (`Date.now()`, the hub's default clock), refreshed every second while `active()` is truthy.
 * A new value of `active()` re-reads the clock at once, so what it watches never starts from a stale tick.
 * No timer is left while inactive or after the scope ends.
 */
export function useNow(active: () => unknown): Readonly<Ref<number>> {
  const now = shallowRef(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  const stop = () => {
    clearInterval(timer)
    timer = undefined
  }
  watch(active, (on) => {
    stop()
    if (!on) return
    now.value = Date.now()
    timer = setInterval(() => (now.value = Date.now()), 1000)
  }, { immediate: true })
  onScopeDispose(stop)
  return readonly(now)
}
