import { HOMEAIQ_ACTOR, type Actor } from '../roles'
import type { Lead, LeadView, Referral, ReferralView } from '../schemas/lead'
import type { LeadContact } from '../schemas/lead-input'
import { HELD_STATUSES } from './vocabulary'

/** A lead, or a part of one as an audit entry holds it, with its homeowner's contact when it was read. */
export type LeadRecord = Partial<Lead> & { contact?: LeadContact }

const pick = <T extends object, K extends string>(record: T, fields: readonly K[]) =>
  Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, (record as Record<string, unknown>)[f]]))

/** What every partner concerned may see: the project, never the homeowner. */
const ROUTING_FIELDS = ['id', 'projectType', 'region', 'categories', 'budgetRange', 'createdAt'] as const
/** What the partner holding the offer or the lead sees besides. */
const HOLDER_FIELDS = [
  'status',
  'slaHours',
  'offeredTo',
  'offeredToName',
  'offerExpiresAt',
  'assignedTo',
  'assignedToName',
  'valueCents',
  'updatedAt',
  'version',
] as const
/** Storage detail nobody is shown. */
const INTERNAL_FIELDS = ['matchFields', 'lapseWarnedFor', 'country'] as const

/**
 * THE view of a lead, for every route and for the audit trail. Staff see everything. A partner
 * sees the project's routing data and its own offers; the status and offer fields only while it
 * holds the offer or the lead; the homeowner's contact only once it accepted the lead (never
 * before, never after the lead went elsewhere). Fields are picked, not dropped: anything new
 * on a lead stays hidden from partners until it is added here.
 */
export function leadView(lead: LeadRecord, reader: Actor): LeadView {
  if (reader.kind === 'staff') {
    const copy: Record<string, unknown> = { ...lead }
    for (const field of INTERNAL_FIELDS) delete copy[field]
    return copy as LeadView
  }
  const view: Record<string, unknown> = pick(lead, ROUTING_FIELDS)
  if (reader.kind !== 'partner') return view as LeadView
  const me = reader.partnerId
  const accepted = lead.assignedTo === me
  if (accepted || (lead.status === 'offered' && lead.offeredTo === me)) Object.assign(view, pick(lead, HOLDER_FIELDS))
  if (lead.offers) view.offers = lead.offers.filter((o) => o.partnerId === me)
  // its own pipeline: the steps from its acceptance on (not who had the lead before)
  if (accepted && lead.history) view.history = lead.history.filter((s) => HELD_STATUSES.includes(s.status))
  if (accepted && lead.contact) view.contact = lead.contact
  return view as LeadView
}

/** The fields of a referral its referrer sees: never the contact (it is a lead's, once accepted). */
const REFERRER_FIELDS = [
  'id',
  'status',
  'referredBy',
  'referrerName',
  'submittedBy',
  'projectType',
  'region',
  'categories',
  'budgetRange',
  'conflict',
  'decision',
  'createdAt',
  'updatedAt',
  'version',
] as const

/** THE view of a referral (routes and audit trail): staff see all of it, the referrer its own record without the contact. */
export function referralView(
  referral: Partial<Referral> & { contact?: LeadContact; lead?: LeadView },
  reader: Actor,
): ReferralView {
  if (reader.kind === 'staff') {
    const { matchFields: _internal, ...rest } = referral
    return rest as ReferralView
  }
  const view: Record<string, unknown> = pick(referral, REFERRER_FIELDS)
  if (referral.decision) view.decision = { ...referral.decision, by: HOMEAIQ_ACTOR.email }
  return view as ReferralView
}
