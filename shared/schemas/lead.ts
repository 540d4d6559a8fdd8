import * as z from 'zod/mini'
import {
  BUDGET_RANGES,
  LEAD_LIMITS,
  LEAD_STATUSES,
  MATCH_FIELDS,
  OFFER_OUTCOMES,
  PIPELINE_STATUSES,
  PROJECT_TYPES,
  REFERRAL_STATUSES,
} from '../leads/vocabulary'
import { PARTNER_CATEGORIES, PARTNER_TIERS } from '../partners/vocabulary'
import { Cursor, IsoDateTime, Limit, RegionCode, Slug, listOf } from './common'

export const ProjectType = z.enum(PROJECT_TYPES)
export const BudgetRange = z.enum(BUDGET_RANGES)
export const LeadStatus = z.enum(LEAD_STATUSES)
export const PipelineStatus = z.enum(PIPELINE_STATUSES)
export const ReferralStatus = z.enum(REFERRAL_STATUSES)
export const MatchField = z.enum(MATCH_FIELDS)

const Reason = z
  .string()
  .check(
    z.trim(),
    z.minLength(LEAD_LIMITS.reasonMin, `Enter a reason of at least ${LEAD_LIMITS.reasonMin} characters.`),
    z.maxLength(LEAD_LIMITS.reasonMax),
  )

/** The homeowner: only staff and the partner that accepted the lead ever see this. */
export const LeadContact = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'Enter the homeowner’s name.'), z.maxLength(120)),
  email: z.pipe(z.string().check(z.trim()), z.email('Enter an e-mail address such as name@example.com.').check(z.maxLength(254))),
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 ().-]{7,25}$/, 'Use a phone number such as +1 555 010 0199.'))),
  address: z.string().check(z.trim(), z.minLength(5, 'Enter the street address of the project.'), z.maxLength(200)),
})
export type LeadContact = z.infer<typeof LeadContact>

const Categories = z.array(z.enum(PARTNER_CATEGORIES)).check(
  z.minLength(1, 'Choose at least one category.'),
  z.maxLength(PARTNER_CATEGORIES.length),
  z.refine((c) => new Set(c).size === c.length, 'List each category once.'),
)

/** What a homeowner project is, as staff share it or a partner refers it. */
const ProjectFields = {
  projectType: ProjectType,
  /** ISO 3166-2 subdivision (`US-CA`) or a country (`US`) */
  region: RegionCode,
  categories: Categories,
  budgetRange: BudgetRange,
  contact: LeadContact,
}

export const ReferralInput = z.strictObject(ProjectFields)
export type ReferralInput = z.infer<typeof ReferralInput>

export const LeadInput = z.strictObject({
  ...ProjectFields,
  /** hours the offered partner has to answer; default 48 */
  slaHours: z._default(
    z.int().check(z.minimum(LEAD_LIMITS.minSlaHours), z.maximum(LEAD_LIMITS.maxSlaHours)),
    LEAD_LIMITS.defaultSlaHours,
  ),
  /** offer to this partner instead of the next in turn (it must still be eligible) */
  offerTo: z.optional(Slug),
})
export type LeadInput = z.infer<typeof LeadInput>

export const Offer = z.object({
  partnerId: z.string(),
  partnerName: z.string(),
  tier: z.enum(PARTNER_TIERS),
  offeredAt: IsoDateTime,
  expiresAt: IsoDateTime,
  outcome: z.enum(OFFER_OUTCOMES),
  decidedAt: z.optional(IsoDateTime),
  /** who answered (a partner user's e-mail) */
  decidedBy: z.optional(z.string()),
  /** why it was declined */
  reason: z.optional(z.string()),
  /** staff named this partner rather than the next in turn */
  named: z.optional(z.boolean()),
})
export type Offer = z.infer<typeof Offer>

export const LeadStep = z.object({
  status: LeadStatus,
  at: IsoDateTime,
  by: z.string(),
  valueCents: z.optional(z.int()),
  reason: z.optional(z.string()),
})
export type LeadStep = z.infer<typeof LeadStep>

export const LeadSource = z.enum(['staff', 'referral'])

/** A lead's routing data as stored; the homeowner's contact is a separate item. */
export const Lead = z.object({
  id: z.string(),
  status: LeadStatus,
  projectType: ProjectType,
  region: z.string(),
  country: z.string(),
  categories: z.array(z.enum(PARTNER_CATEGORIES)),
  budgetRange: BudgetRange,
  slaHours: z.int(),
  source: LeadSource,
  /** the referring partner, when the lead came from a referral */
  referredBy: z.optional(z.string()),
  referrerName: z.optional(z.string()),
  sharedBy: z.string(),
  offeredTo: z.optional(z.string()),
  offeredToName: z.optional(z.string()),
  offerExpiresAt: z.optional(IsoDateTime),
  assignedTo: z.optional(z.string()),
  assignedToName: z.optional(z.string()),
  valueCents: z.optional(z.int()),
  offers: z.array(Offer),
  history: z.array(LeadStep),
  /** the contact fields whose match keys this lead owns (removed when it closes) */
  matchFields: z.array(MatchField),
  /** the offer (by its expiry) whose lapse warning went out */
  lapseWarnedFor: z.optional(IsoDateTime),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.int(),
})
export type Lead = z.infer<typeof Lead>

/** What a reader is shown of a lead (shared/leads/view.ts decides which fields). */
export const LeadView = z.extend(
  z.required(z.partial(z.omit(Lead, { matchFields: true, lapseWarnedFor: true, country: true })), {
    id: true,
    projectType: true,
    region: true,
    categories: true,
    budgetRange: true,
  }),
  { contact: z.optional(LeadContact) },
)
export type LeadView = z.infer<typeof LeadView>

export const LeadPage = listOf(LeadView)

export const PartnerLeadQuery = z.strictObject({ status: z.optional(LeadStatus), limit: Limit, cursor: Cursor })
export type PartnerLeadQuery = z.infer<typeof PartnerLeadQuery>

export const StaffLeadQuery = z.strictObject({
  status: z.optional(LeadStatus),
  /** the partner the lead is offered to or held by */
  partnerId: z.optional(Slug),
  /** a subdivision (`US-CA`) or a whole country (`US`) */
  region: z.optional(RegionCode),
  limit: Limit,
  cursor: Cursor,
})
export type StaffLeadQuery = z.infer<typeof StaffLeadQuery>

export const DeclineInput = z.strictObject({ reason: Reason })

export const PipelineInput = z.strictObject({
  status: PipelineStatus,
  valueCents: z.optional(z.int().check(z.positive('Enter a value above zero.'), z.maximum(LEAD_LIMITS.maxValueCents))),
  reason: z.optional(Reason),
})
export type PipelineInput = z.infer<typeof PipelineInput>

export const StaffOfferInput = z.strictObject({ offerTo: z.optional(Slug) })

export const Conflict = z.object({ leadId: z.string(), matchedOn: z.array(MatchField).check(z.minLength(1)) })
export type Conflict = z.infer<typeof Conflict>

export const Referral = z.object({
  id: z.string(),
  status: ReferralStatus,
  referredBy: z.string(),
  referrerName: z.string(),
  submittedBy: z.string(),
  projectType: ProjectType,
  region: z.string(),
  categories: z.array(z.enum(PARTNER_CATEGORIES)),
  budgetRange: BudgetRange,
  conflict: z.optional(Conflict),
  decision: z.optional(
    z.object({ decision: z.enum(['accept', 'reject']), reason: z.optional(z.string()), at: IsoDateTime, by: z.string() }),
  ),
  matchFields: z.array(MatchField),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.int(),
})
export type Referral = z.infer<typeof Referral>

export const ReferralView = z.extend(z.omit(Referral, { matchFields: true }), {
  contact: z.optional(LeadContact),
  /** staff: the lead an accepted referral became */
  lead: z.optional(LeadView),
})
export type ReferralView = z.infer<typeof ReferralView>
export const ReferralPage = listOf(ReferralView)

export const ReferralQuery = z.strictObject({ status: z.optional(ReferralStatus), limit: Limit, cursor: Cursor })
export type ReferralQuery = z.infer<typeof ReferralQuery>

export const ReferralDecisionInput = z
  .strictObject({ decision: z.enum(['accept', 'reject']), reason: z.optional(Reason) })
  .check(
    z.refine((d) => d.decision !== 'reject' || !!d.reason, { path: ['reason'], message: 'Enter a reason for the rejection.' }),
  )
export type ReferralDecisionInput = z.infer<typeof ReferralDecisionInput>
