/** The lead program's words, as plain values the browser can load without any schema library. */
export const PROJECT_TYPES = ['new-construction', 'renovation', 'retrofit', 'commercial'] as const
export const BUDGET_RANGES = ['under-10k', '10k-50k', '50k-100k', '100k-250k', 'over-250k'] as const

/**
 * A lead's life: offered to one partner at a time (or `unassigned` when nobody eligible is left),
 * then the accepting partner's pipeline. `won` and `lost` close it.
 */
export const LEAD_STATUSES = ['offered', 'unassigned', 'accepted', 'contacted', 'quoted', 'won', 'lost'] as const
/** The statuses the accepting partner moves a lead to, in order (`lost` may end it at any step). */
export const PIPELINE_STATUSES = ['contacted', 'quoted', 'won', 'lost'] as const
export const OFFER_OUTCOMES = ['open', 'accepted', 'declined', 'lapsed'] as const
/** A partner's referral: waiting for staff, flagged as a possible duplicate, or decided. */
export const REFERRAL_STATUSES = ['pending', 'conflict', 'accepted', 'rejected'] as const
export const MATCH_FIELDS = ['email', 'phone', 'address'] as const

export type ProjectType = (typeof PROJECT_TYPES)[number]
export type BudgetRange = (typeof BUDGET_RANGES)[number]
export type LeadStatus = (typeof LEAD_STATUSES)[number]
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number]
export type OfferOutcome = (typeof OFFER_OUTCOMES)[number]
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]
export type MatchField = (typeof MATCH_FIELDS)[number]

export const CLOSED_STATUSES: readonly LeadStatus[] = ['won', 'lost']
/** Statuses in which the accepting partner holds the lead. */
export const HELD_STATUSES: readonly LeadStatus[] = ['accepted', 'contacted', 'quoted', 'won', 'lost']

export const PROJECT_TYPE_LABELS: Record<ProjectType, string> = {
  'new-construction': 'New construction',
  renovation: 'Renovation',
  retrofit: 'Retrofit',
  commercial: 'Commercial',
}

export const BUDGET_LABELS: Record<BudgetRange, string> = {
  'under-10k': 'Under $10k',
  '10k-50k': '$10k–$50k',
  '50k-100k': '$50k–$100k',
  '100k-250k': '$100k–$250k',
  'over-250k': 'Over $250k',
}

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  offered: 'Offered',
  unassigned: 'Unassigned',
  accepted: 'Accepted',
  contacted: 'Contacted',
  quoted: 'Quoted',
  won: 'Won',
  lost: 'Lost',
}

export const OFFER_OUTCOME_LABELS: Record<OfferOutcome, string> = {
  open: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  lapsed: 'Lapsed',
}

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  pending: 'Waiting for HomeAIQ',
  conflict: 'Possible duplicate',
  accepted: 'Accepted',
  rejected: 'Declined',
}

export const MATCH_FIELD_LABELS: Record<MatchField, string> = { email: 'e-mail', phone: 'phone', address: 'address' }

export const LEAD_LIMITS = {
  /** hours a partner has to accept or decline an offer */
  defaultSlaHours: 48,
  minSlaHours: 1,
  maxSlaHours: 168,
  /** the offered partner is reminded this many hours before the offer lapses (offers longer than that only) */
  lapseWarningHours: 6,
  reasonMin: 3,
  reasonMax: 500,
  /** the largest deal value a pipeline accepts: $100M */
  maxValueCents: 10_000_000_000,
} as const

/** The next pipeline steps from a status (lost ends a lead at any step before it is won). */
export const NEXT_STATUSES: Record<LeadStatus, readonly PipelineStatus[]> = {
  offered: [],
  unassigned: [],
  accepted: ['contacted', 'lost'],
  contacted: ['quoted', 'lost'],
  quoted: ['won', 'lost'],
  won: [],
  lost: [],
}

/** Pipeline steps that record the deal's value. */
export const NEEDS_VALUE: readonly PipelineStatus[] = ['quoted', 'won']
