import { useNow } from './useNow'

/**
 * Countdowns to the deadlines of pending requests (`expiresAt`, ms on the hub clock, null = no timeout).
 * Ticks every second while `deadlines()` holds one; returns the whole seconds left for one of them (0 once
 * due), or null for a request without a deadline.
 */
export function useCountdown(deadlines: () => readonly (number | null)[]): (expiresAt: number | null) => number | null {
  // the joined deadlines change whenever one comes or goes: the clock is re-read then
  const now = useNow(() => deadlines().filter((deadline) => deadline !== null).join())
  return (expiresAt) => (expiresAt === null ? null : Math.max(0, Math.ceil((expiresAt - now.value) / 1000)))
}
