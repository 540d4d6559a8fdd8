import { grouped, usd } from '../format'
import * as z from 'zod/mini'

/**
 * The one message map: turns zod's issues into sentences for people ("Enter a name.") for every
 * failure a schema can report. A message a schema spells itself (`.regex(p, 'Use …')`,
 * `z.enum(v, { error })`, a refine) wins; this map speaks only where zod would use its own
 * validator wording ("Too small: expected string to have >=1 characters").
 */

/** Field names whose plain reading is not enough ("msrpCents" would read "msrp cents"). */
const LABELS: Record<string, string> = {
  name: 'a name',
  sku: 'a SKU',
  skus: 'the SKUs',
  msrpCents: 'the MSRP',
  mapCents: 'the MAP',
  leadTimeDays: 'the lead time in days',
  endOfLifeDate: 'the end-of-life date',
  effectiveDate: 'the effective date',
  email: 'an email address',
  phone: 'a phone number',
  website: 'the website',
  regions: 'the regions',
  region: 'the region',
  title: 'a title',
  body: 'the text',
  kind: 'the kind',
  reason: 'a reason',
  changeReason: 'a reason for the change',
  limit: 'the page size',
  cursor: 'the page cursor',
  q: 'the search text',
  contentType: 'the file type',
  filename: 'the file name',
  size: 'the file size',
  period: 'the period',
  description: 'a description',
}

/** "the lead time in days" for `leadTimeDays`; list entries read "entry 2 of the SKUs". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const names = path.filter((p): p is string => typeof p === 'string')
  const key = names.at(-1)
  if (key === undefined) return 'this value'
  const base = LABELS[key] ?? `the ${words(key)}`
  const last = path.at(-1)
  return typeof last === 'number' ? `entry ${last + 1} of ${base.replace(/^an? /, 'the ')}` : base
}

const words = (key: string) =>
  key
    .replace(/(Cents|Ids?|Days)$/, (m) => ({ Cents: ' amount', Id: '', Ids: 's', Days: ' in days' })[m] ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .toLowerCase()
    .trim()

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Amounts in cents read as dollars ("$0.01"), other numbers as they are. */
function amount(path: readonly PropertyKey[], value: unknown): string {
  const key = path.filter((p) => typeof p === 'string').at(-1)
  const n = typeof value === 'bigint' ? Number(value) : (value as number)
  if (typeof key === 'string' && key.endsWith('Cents') && Number.isFinite(n)) {
    return usd(n)
  }
  return grouped(n)
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${grouped(n)} ${many}`)

const FORMATS: Record<string, (label: string) => string> = {
  email: () => 'Enter an email address such as name@example.com.',
  date: (label) => `Enter ${label} as a date such as 2026-03-31.`,
  datetime: (label) => `Enter ${label} as a date and time such as 2026-03-31T09:00:00Z.`,
  url: (label) => `Enter ${label} as a full web address such as https://example.com.`,
}

const TYPES: Record<string, (label: string) => string> = {
  number: (label) => `Enter ${label} as a number.`,
  int: (label) => `Enter ${label} as a whole number.`,
  string: (label) => `Enter ${label} as text.`,
  boolean: (label) => `Choose yes or no for ${label}.`,
  array: (label) => `Give ${label} as a list.`,
  object: (label) => `Give ${label} as a group of fields.`,
}

type Issue = z.core.$ZodRawIssue

/** The sentence for one issue; used as zod's per-parse error map. */
export function messageForPeople(issue: Issue): string {
  const path = issue.path ?? []
  const label = fieldLabel(path)
  const missing = issue.input === undefined || issue.input === null
  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0) return 'Send the request as a JSON object.'
      if (missing) return issue.expected === 'array' ? `Give ${label} (an empty list if none).` : `Enter ${label}.`
      return (TYPES[issue.expected] ?? TYPES.string!)(label)
    case 'invalid_value':
      if (issue.values.length === 1) return `${sentence(label)} can only be ${String(issue.values[0])}.`
      return `Choose ${label}: one of ${issue.values.map(String).join(', ')}.`
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string')
        return min <= 1 ? `Enter ${label}.` : `${sentence(label)} needs at least ${plural(min, 'character', 'characters')}.`
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Give at least ${plural(min, 'entry', 'entries')} for ${label}.`
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        if (min === 0 && issue.inclusive) return `${sentence(label)} cannot be negative.`
        return issue.inclusive
          ? `${sentence(label)} must be at least ${amount(path, issue.minimum)}.`
          : `${sentence(label)} must be more than ${amount(path, issue.minimum)}.`
      }
      return `${sentence(label)} is too small.`
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return `Shorten ${label} to ${plural(max, 'character', 'characters')} or fewer.`
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Give at most ${plural(max, 'entry', 'entries')} for ${label}.`
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive
          ? `${sentence(label)} can be at most ${amount(path, issue.maximum)}.`
          : `${sentence(label)} must be less than ${amount(path, issue.maximum)}.`
      }
      return `${sentence(label)} is too large.`
    }
    case 'invalid_format':
      return FORMATS[issue.format]?.(label) ?? `Check the format of ${label}.`
    case 'not_multiple_of':
      return `${sentence(label)} must be a multiple of ${amount(path, issue.divisor)}.`
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `Remove the field ${issue.keys[0]}: it is not one this form takes.`
        : `Remove the fields ${issue.keys.join(', ')}: they are not ones this form takes.`
    default:
      return `Check ${label}.`
  }
}

/** `schema.safeParse` with messages for people: what every parse of outside input uses. */
export function parseForPeople<T extends z.ZodMiniType>(schema: T, value: unknown): z.core.util.SafeParseResult<z.output<T>> {
  return schema.safeParse(value, { error: messageForPeople })
}
