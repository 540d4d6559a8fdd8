import * as z from 'zod/mini'
import {
  BUDGET_RANGES,
  LEAD_LIMITS,
  LEAD_STATUSES,
  MATCH_FIELDS,
  PIPELINE_STATUSES,
  PROJECT_TYPES,
  REFERRAL_STATUSES,
} from '../leads/vocabulary'
import { PARTNER_CATEGORIES } from '../partners/vocabulary'
import { Cursor, Limit, RegionCode, Slug } from './common'

/**
 * What clients send about leads, and the words both sides share: the leads function builds
 * these at its cold start. Leads as stored and answered are in ./lead.ts, which only the
 * OpenAPI document and the tests load.
 */

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

export const ReferralQuery = z.strictObject({ status: z.optional(ReferralStatus), limit: Limit, cursor: Cursor })
export type ReferralQuery = z.infer<typeof ReferralQuery>

export const ReferralDecisionInput = z
  .strictObject({ decision: z.enum(['accept', 'reject']), reason: z.optional(Reason) })
  .check(
    z.refine((d) => d.decision !== 'reject' || !!d.reason, { path: ['reason'], message: 'Enter a reason for the rejection.' }),
  )
export type ReferralDecisionInput = z.infer<typeof ReferralDecisionInput>
