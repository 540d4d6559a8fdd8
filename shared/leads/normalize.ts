import type { MatchField } from './vocabulary'

/**
 * Normalized contact values, so that the same homeowner written two ways is one match key.
 * Deliberately plain: no provider-specific e-mail rules (dots and +tags mean different
 * mailboxes at most providers), no postal-database lookups.
 */

/** `  Jane.Doe@Example.COM ` -> `jane.doe@example.com` */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** Calling codes of the countries the program's partners serve; NANP countries share +1. */
const CALLING_CODES: Record<string, string> = {
  US: '1',
  CA: '1',
  MX: '52',
  GB: '44',
  NL: '31',
  DE: '49',
  FR: '33',
  SE: '46',
  AU: '61',
  AE: '971',
}

/**
 * A phone number as `+<country code><number>` digits. A number written with `+` (or `00`) keeps
 * its own country code; otherwise the lead's country gives it (the trunk `0` dropped), and a
 * NANP number may be written with or without its leading 1. Undefined when nothing is left.
 */
export function normalizePhone(phone: string, region: string): string | undefined {
  const trimmed = phone.trim()
  let digits = trimmed.replace(/\D/g, '')
  if (!digits) return undefined
  if (trimmed.startsWith('+')) return `+${digits}`
  if (digits.startsWith('00')) return `+${digits.slice(2)}`
  const country = region.slice(0, 2)
  const code = Object.hasOwn(CALLING_CODES, country) ? CALLING_CODES[country] : undefined
  if (!code) return `+${digits}`
  if (code === '1') return digits.length === 11 && digits.startsWith('1') ? `+${digits}` : `+1${digits}`
  digits = digits.replace(/^0/, '')
  return `+${code}${digits}`
}

/** Street suffixes, directionals and unit designators, each written one way (USPS Publication 28 style). */
const ADDRESS_WORDS: Record<string, string> = {
  street: 'st',
  str: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  terrace: 'ter',
  circle: 'cir',
  parkway: 'pkwy',
  highway: 'hwy',
  square: 'sq',
  trail: 'trl',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
  // a unit is one home whatever word names it: "Apt 4", "Unit 4", "Suite 4" and "#4" match
  apartment: '#',
  apt: '#',
  unit: '#',
  suite: '#',
  ste: '#',
}

/**
 * `1200 Ocean Avenue, Apt. 4 — Santa Monica` -> `1200 ocean ave # 4 santa monica`: accents
 * dropped, lower case, punctuation to spaces (a `#` stays a unit marker), one space between
 * words, and the common abbreviations applied.
 */
export function normalizeAddress(address: string): string {
  return address
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    // own keys only: a word such as "constructor" is a word, not Object.prototype's
    .map((word) => (Object.hasOwn(ADDRESS_WORDS, word) ? ADDRESS_WORDS[word]! : word))
    .join(' ')
}

export type MatchValues = Partial<Record<MatchField, string>>

/** The values a contact is matched on against open leads and referrals. */
export function matchValues(contact: { email: string; phone?: string | undefined; address: string }, region: string) {
  const values: MatchValues = { email: normalizeEmail(contact.email), address: normalizeAddress(contact.address) }
  const phone = contact.phone ? normalizePhone(contact.phone, region) : undefined
  if (phone) values.phone = phone
  return values
}
