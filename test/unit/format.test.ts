import { describe, expect, it } from 'vitest'
import { byName, dayWords, grouped, usd } from '../../shared/format'

// The plain-code wording must read exactly as ICU's en-US / en-GB would.
describe('format', () => {
  it('groups thousands as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 12500, 999999, 1000000, 50000, -1234, 1234.5, 2 ** 40]) {
      expect(grouped(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }))
    }
  })

  it('writes cents as en-US dollars', () => {
    const icu = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
    for (const cents of [0, 1, 99, 100, 450000, 123456789, -2550, 5]) expect(usd(cents)).toBe(icu.format(cents / 100))
  })

  it('writes days as en-US and en-GB do, in UTC', () => {
    for (const iso of ['2026-01-01', '2026-05-03T23:30:00.000Z', '2027-12-31T00:00:00Z', '2026-02-28']) {
      const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
      const opts = { year: 'numeric', day: 'numeric', timeZone: 'UTC' } as const
      expect(dayWords(iso, 'long')).toBe(d.toLocaleDateString('en-US', { ...opts, month: 'long' }))
      expect(dayWords(iso, 'short')).toBe(d.toLocaleDateString('en-US', { ...opts, month: 'short' }))
      expect(dayWords(iso, 'british')).toBe(d.toLocaleDateString('en-GB', { ...opts, month: 'long' }))
    }
  })

  it('orders names case aside', () => {
    expect(['sonos', 'Ecobee', 'Lutron', 'ecobee', 'Ubiquiti'].sort(byName)).toEqual([
      'Ecobee',
      'ecobee',
      'Lutron',
      'sonos',
      'Ubiquiti',
    ])
  })
})
