/** `m:ss` (or `h:mm:ss`) for a number of seconds; negative counts as 0. */
export function formatSeconds(total: number): string {
  const seconds = Math.max(0, Math.floor(total))
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60]
  const two = (n: number) => String(n).padStart(2, '0')
  return h ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`
}
