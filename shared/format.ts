/**
 * Numbers, amounts and dates as the portal writes them in English, in plain code. The first
 * `toLocaleString` / `Intl.*` call of a process loads ICU's locale data: 5-12 ms on a cold
 * Lambda, for words this file writes in microseconds (bench/README.md, "Decisions").
 */

/** 12500 -> "12,500"; -1234.5 -> "-1,234.5" */
export function grouped(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const [whole = '', fraction] = String(Math.abs(n)).split('.')
  const digits = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${n < 0 ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`
}

/** 450000 -> "$4,500.00"; -2550 -> "-$25.50" */
export function usd(cents: number): string {
  const abs = Math.abs(Math.round(cents))
  return `${cents < 0 ? '-' : ''}$${grouped(Math.trunc(abs / 100))}.${String(abs % 100).padStart(2, '0')}`
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/**
 * A day of an ISO date or timestamp, in UTC: `long` "May 3, 2026", `short` "May 3, 2026" with
 * the month cut to three letters ("Dec 2, 2026"), `british` "3 May 2026".
 */
export function dayWords(iso: string, style: 'long' | 'short' | 'british'): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso)
  const month = MONTHS[d.getUTCMonth()]!
  const day = d.getUTCDate()
  const year = d.getUTCFullYear()
  if (style === 'british') return `${day} ${month} ${year}`
  return `${style === 'short' ? month.slice(0, 3) : month} ${day}, ${year}`
}

/** Orders names as people read them (case aside, then as written), without ICU's collator. */
export function byName(a: string, b: string): number {
  const la = a.toLowerCase()
  const lb = b.toLowerCase()
  return la !== lb ? inOrder(la, lb) : inOrder(a, b)
}

/** Orders identifiers, slugs and ISO times as their characters do. */
export const inOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
