import { ForbiddenError, RuleViolationError, ValidationError } from '../errors'
import type { Role } from '../roles'
import type { Partner, PartnerCreate, PartnerPatch } from '../schemas/partner'
import { TIER_TERMS, defaultBaseDiscountBps, percent, withinRange } from './terms'
import { LISTING_FIELDS, STAFF_FIELDS, type PartnerStatus } from './vocabulary'

const STAFF_EDITABLE = [...LISTING_FIELDS, ...STAFF_FIELDS]

/** Which partner fields each role may change (DESIGN 2.1: tier, category, status are staff-only). */
export function editableFields(role: Role): readonly (keyof PartnerPatch)[] {
  if (role === 'staff') return STAFF_EDITABLE
  if (role === 'partner-admin') return LISTING_FIELDS
  return []
}

/** Lifecycle of a partnership; `sunset` is final. */
const STATUS_MOVES: Record<PartnerStatus, readonly PartnerStatus[]> = {
  prospect: ['active', 'sunset'],
  active: ['suspended', 'sunset'],
  suspended: ['active', 'sunset'],
  sunset: [],
}

export function newPartner(input: PartnerCreate, now: Date): Partner {
  const partner: Partner = {
    ...input,
    baseDiscountBps: input.baseDiscountBps ?? defaultBaseDiscountBps(input.tier),
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  }
  assertDiscountWithinTier(partner)
  return partner
}

/**
 * Applies a field-level patch for a role. Throws ForbiddenError naming every field the
 * role may not change, or RuleViolationError for an impossible status move or a discount
 * outside the tier's range. Returns the next version of the partner.
 */
export function applyPartnerPatch(current: Partner, input: PartnerPatch, role: Role, now: Date): Partner {
  const { changeReason, ...patch } = input
  const allowed = new Set<string>(editableFields(role))
  const denied = Object.keys(input).filter((field) => !allowed.has(field) && !(field === 'changeReason' && role === 'staff'))
  if (denied.length > 0) {
    throw new ForbiddenError(
      `Your role (${role}) may not change ${denied.join(', ')}.`,
      denied.map((field) => ({ field, message: 'Only HomeAIQ staff may change this field.' })),
    )
  }
  if (patch.status && patch.status !== current.status && !STATUS_MOVES[current.status].includes(patch.status)) {
    throw new RuleViolationError(`A ${current.status} partner cannot become ${patch.status}.`, [
      { field: 'status', message: `Allowed next states: ${STATUS_MOVES[current.status].join(', ') || 'none'}.` },
    ])
  }
  const next: Partner = { ...current, ...patch, version: current.version + 1, updatedAt: now.toISOString() }
  // A tier change without a negotiated discount moves the partner to the new tier's floor.
  if (patch.tier && patch.tier !== current.tier && patch.baseDiscountBps === undefined) {
    next.baseDiscountBps = defaultBaseDiscountBps(patch.tier)
  }
  assertDiscountWithinTier(next)
  if (termsChange(current, next) && !changeReason) {
    throw new ValidationError([
      { field: 'changeReason', message: 'Say why the tier or discount changes: the partner’s admins are told the reason.' },
    ])
  }
  return next
}

/** What changed in a partner's commercial terms (tier, negotiated discount), in words; undefined when nothing did. */
export function termsChange(before: Partner, after: Partner): string[] | undefined {
  const lines = [
    ...(before.tier !== after.tier ? [`Tier: ${TIER_TERMS[before.tier].label} → ${TIER_TERMS[after.tier].label}`] : []),
    ...(before.baseDiscountBps !== after.baseDiscountBps
      ? [`Base discount: ${percent(before.baseDiscountBps)} → ${percent(after.baseDiscountBps)}`]
      : []),
  ]
  return lines.length ? lines : undefined
}

function assertDiscountWithinTier(partner: Partner) {
  const range = TIER_TERMS[partner.tier].baseDiscount
  if (!withinRange(partner.baseDiscountBps, range)) {
    throw new RuleViolationError('The base discount lies outside the tier’s range.', [
      {
        field: 'baseDiscountBps',
        message: `The ${partner.tier} tier allows ${range.minBps / 100}% to ${range.maxBps / 100}%.`,
      },
    ])
  }
}

/** Lowercase, accent-free form of a name, for search and stable ordering. */
export function searchKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** The words of a search box, each of which must appear in a search key (at most 5). */
export const searchTerms = (q: string | undefined): string[] => (q ? searchKey(q).split(' ').filter(Boolean).slice(0, 5) : [])

/** Whether a listed partner matches the directory's category, tier and name filters (the same ones the directory index applies). */
export function matchesDirectory(
  partner: Pick<Partner, 'category' | 'tier' | 'name'>,
  query: { category?: string | undefined; tier?: string | undefined; q?: string | undefined },
): boolean {
  const name = searchKey(partner.name)
  return (
    (!query.category || partner.category === query.category) &&
    (!query.tier || partner.tier === query.tier) &&
    searchTerms(query.q).every((term) => name.includes(term))
  )
}

/** Only active partners are listed publicly. */
export const isListed = (partner: Pick<Partner, 'status'>) => partner.status === 'active'
