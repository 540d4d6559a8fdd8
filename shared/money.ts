/**
 * US-dollar amounts as people write them, and back. Plain code: the API (CSV import) and the
 * browser's forms read prices with the same parser.
 */

/** "$1,299.95", "1299.9", "1,299", " 129.95 " -> cents; undefined when it is not an amount of money. */
export function parseDollars(text: string): number | undefined {
  const clean = text.trim().replace(/^\$\s*/, '')
  // thousands separators only where they group thousands: "1,299.00" yes, "12,99" no
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(clean)) return undefined
  const [whole = '', fraction = ''] = clean.replace(/,/g, '').split('.')
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return Number.isSafeInteger(cents) ? cents : undefined
}

/** 12995 -> "129.95": what a form field or a CSV cell shows, read back by parseDollars. */
export const centsToDollars = (cents: number) => `${Math.trunc(cents / 100)}.${String(Math.abs(cents % 100)).padStart(2, '0')}`
