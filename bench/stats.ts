/** Median, min and max of repeated measurements; ratios of medians. */
export interface Spread {
  median: number
  min: number
  max: number
  runs: number
}

export function spread(xs: number[]): Spread {
  if (!xs.length) throw new Error('no measurements')
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length / 2
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: xs.length }
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export const ratio = (value: number, reference: number) => Math.round((value / reference) * 100) / 100

/** A shuffled copy: each round visits the functions in a new order, so no one always runs after the same neighbour. */
export function shuffled<T>(xs: readonly T[]): T[] {
  const copy = [...xs]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}
