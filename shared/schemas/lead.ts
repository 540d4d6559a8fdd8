import * as z from 'zod/mini'
import { OFFER_OUTCOMES } from '../leads/vocabulary'
import { PARTNER_CATEGORIES, PARTNER_TIERS } from '../partners/vocabulary'
import { IsoDateTime, listOf } from './common'
import { BudgetRange, LeadContact, LeadStatus, MatchField, ProjectType, ReferralStatus } from './lead-input'

/**
 * Leads and referrals as stored and as the API answers them: the response schemas of
 * shared/contracts/leads.ts, loaded only when asked for, so no Lambda builds them (see LoadSchema).
 */

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
