/** One printed figure. `target` and `meets` are informative: benches report, they never assert. */
export interface BenchRow {
  readonly metric: string
  readonly value: string
  readonly target?: string
  readonly meets?: boolean
}

/** A group of figures; each bench file exports one, index.ts prints them in order. */
export interface BenchSection {
  /** short name to pick it on the command line: `pnpm bench hub` */
  readonly name: string
  readonly title: string
  run(): Promise<readonly BenchRow[]>
}

/** Microseconds from milliseconds, with a readable precision. */
export function micros(ms: number): string {
  return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`
}

/** Prints a section as an aligned plain-text table. */
export function printTable(title: string, rows: readonly BenchRow[]): void {
  const header = ['metric', 'value', 'target', '']
  const cells = rows.map((row) => [row.metric, row.value, row.target ?? '', row.meets === undefined ? '' : row.meets ? 'ok' : 'MISSED'])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: readonly string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  for (const c of cells) console.log(line(c))
}
