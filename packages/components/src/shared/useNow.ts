import { onScopeDispose, readonly, shallowRef, watch, type Ref } from 'vue'

/** The time in ms, refreshed every second while `active()` holds; the timer stops with the scope. */
export function useNow(active: () => boolean): Readonly<Ref<number>> {
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
