/** MDF's words, limits and rules, as plain values the browser can load without any schema library. */

/** Joint-marketing activities a fund pays for (strategy section 7.1). */
export const ACTIVITY_TYPES = [
  'co-branded-campaign',
  'case-study',
  'trade-show',
  'showcase-installation',
  'video-content',
  'training',
  'digital-marketing',
  'pr',
] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

export const ACTIVITY_LABELS: Record<ActivityType, string> = {
  'co-branded-campaign': 'Co-branded campaign',
  'case-study': 'Case study',
  'trade-show': 'Trade show or event',
  'showcase-installation': 'Showcase installation',
  'video-content': 'Video content',
  training: 'Training program',
  'digital-marketing': 'Digital marketing',
  pr: 'PR and media',
}

/** What a proof-of-performance document shows; each document on a claim declares one. */
export const PROOF_KINDS = ['invoice', 'photo', 'published-material', 'attendance', 'performance-report'] as const
export type ProofKind = (typeof PROOF_KINDS)[number]

export const PROOF_LABELS: Record<ProofKind, string> = {
  invoice: 'Invoice or receipt',
  photo: 'Photos',
  'published-material': 'Published material',
  attendance: 'Attendee list',
  'performance-report': 'Performance report',
}

export const PROOF_HINTS: Record<ProofKind, string> = {
  invoice: 'What the activity cost: the invoice or receipt you paid.',
  photo: 'Photos of the booth, the installation or the event.',
  'published-material': 'The ad, article, case study, video stills or press release as published.',
  attendance: 'The sign-in sheet or attendee list.',
  'performance-report': 'Reach, clicks and leads from the campaign platform.',
}

/**
 * The proof each activity needs before it can be approved: always what it cost, plus what shows
 * it happened (a booth in photos, a case study as published, a training's attendees, a
 * campaign's numbers). A claim may be filed with part of it; approval needs all of it.
 */
export const REQUIRED_PROOF: Record<ActivityType, readonly ProofKind[]> = {
  'co-branded-campaign': ['invoice', 'published-material'],
  'case-study': ['invoice', 'published-material'],
  'trade-show': ['invoice', 'photo'],
  'showcase-installation': ['invoice', 'photo'],
  'video-content': ['invoice', 'published-material'],
  training: ['invoice', 'attendance'],
  'digital-marketing': ['invoice', 'performance-report'],
  pr: ['invoice', 'published-material'],
}

/** The proof kinds an activity still lacks, given the kinds its documents declare. */
export const missingProof = (activityType: ActivityType, kinds: readonly ProofKind[]): ProofKind[] =>
  REQUIRED_PROOF[activityType].filter((kind) => !kinds.includes(kind))

/**
 * `submitted -> approved | rejected | info-requested`, `info-requested -> submitted` (the
 * claimant edits and resubmits), `approved -> paid`.
 */
export const CLAIM_STATUSES = ['submitted', 'info-requested', 'approved', 'rejected', 'paid'] as const
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  submitted: 'Submitted',
  'info-requested': 'Information requested',
  approved: 'Approved',
  rejected: 'Rejected',
  paid: 'Paid',
}

/** The amount a claim in this state holds in its fund's pending balance. */
export const holdsReservation = (status: ClaimStatus) => status === 'submitted' || status === 'info-requested'

export const DECISIONS = ['approve', 'reject', 'request-info'] as const
export type Decision = (typeof DECISIONS)[number]

/**
 * The two sides of a joint fund. A claim records which side filed it; the other side decides it
 * and records its payment (the side that pays records that it paid).
 */
export const SIDES = ['partner', 'homeaiq'] as const
export type Side = (typeof SIDES)[number]

export const otherSide = (side: Side): Side => (side === 'partner' ? 'homeaiq' : 'partner')

/** Every movement of money in a fund; each is one immutable ledger entry. */
export const LEDGER_KINDS = ['allocate', 'adjust', 'reserve', 'release', 'approve', 'pay', 'lapse'] as const
export type LedgerKind = (typeof LEDGER_KINDS)[number]

export const LEDGER_LABELS: Record<LedgerKind, string> = {
  allocate: 'Fund opened',
  adjust: 'Allocation changed',
  reserve: 'Claim reserved',
  release: 'Released',
  approve: 'Approved',
  pay: 'Paid',
  lapse: 'Lapsed',
}

export const MDF_LIMITS = {
  /** a claim is due within this many days of its activity's end */
  claimDueDays: 60,
  /** a fund closes this many days after its period ends */
  closeAfterDays: 60,
  /** partners with an unclaimed balance are reminded this many days before the fund closes */
  remindDaysBeforeClose: 30,
  descriptionMin: 10,
  descriptionMax: 2000,
  reasonMin: 5,
  reasonMax: 1000,
  referenceMax: 80,
  documentsMax: 20,
  /** $10M: above any joint-marketing activity, below anything that could overflow */
  maxCents: 1_000_000_000,
} as const

/** `2026-Q4` or `2026` */
export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4]))?$/
