import * as z from 'zod/mini'
import { LEDGER_KINDS } from '../mdf/vocabulary'
import { ROLES } from '../roles'
import { IsoDate, IsoDateTime, Slug, listOf } from './common'
import { ActivityType, ClaimStatus, Period, ProofKind, Side } from './mdf-input'

/**
 * Funds, ledger entries and claims as stored and as the API answers them: the response schemas
 * of shared/contracts/mdf.ts, loaded only when asked for, so no Lambda builds them (see LoadSchema).
 */

/** A fund's balances in integer cents (see shared/mdf/ledger.ts). */
export const BalancesShape = {
  allocatedCents: z.int(),
  pendingCents: z.int(),
  approvedCents: z.int(),
  paidCents: z.int(),
  lapsedCents: z.int(),
  availableCents: z.int(),
}

export const Fund = z.object({
  partnerId: Slug,
  period: Period,
  startsOn: IsoDate,
  endsOn: IsoDate,
  /** the last day claims are taken; the day after, what is left lapses */
  closesOn: IsoDate,
  ...BalancesShape,
  /** HomeAIQ-internal: the revenue and MDF rate the allocation came from */
  revenueCents: z.optional(z.int()),
  mdfRateBps: z.optional(z.int()),
  openedAt: IsoDateTime,
  openedBy: z.string(),
  openedByRole: z.enum(ROLES),
  /** the allocation's version (claims move balances, not the version) */
  version: z.int(),
  updatedAt: IsoDateTime,
  reminderSentAt: z.optional(IsoDateTime),
  closedAt: z.optional(IsoDateTime),
})
export type Fund = z.infer<typeof Fund>

export const FundView = z.extend(Fund, { status: z.enum(['open', 'closed']) })
export type FundView = z.infer<typeof FundView>
export const FundPage = listOf(FundView)

/* ---------- ledger ---------- */

export const LedgerEntry = z.object({
  id: z.string(),
  partnerId: Slug,
  period: Period,
  kind: z.enum(LEDGER_KINDS),
  /** positive, except an `adjust` that lowered the allocation */
  amountCents: z.int(),
  claimId: z.optional(z.string()),
  note: z.optional(z.string()),
  at: IsoDateTime,
  by: z.string(),
  byRole: z.enum([...ROLES, 'system']),
})
export type LedgerEntry = z.infer<typeof LedgerEntry>
export const LedgerPage = listOf(LedgerEntry)
/* ---------- claims ---------- */

export const ClaimDocument = z.object({
  documentId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  kind: ProofKind,
})
export type ClaimDocument = z.infer<typeof ClaimDocument>

/** One step of a claim's history, shown on the claim. */
export const ClaimEvent = z.object({
  action: z.enum(['submitted', 'resubmitted', 'info-requested', 'approved', 'rejected', 'paid']),
  at: IsoDateTime,
  by: z.string(),
  byRole: z.enum(ROLES),
  reason: z.optional(z.string()),
  amountCents: z.optional(z.int()),
})
export type ClaimEvent = z.infer<typeof ClaimEvent>

export const Payment = z.object({
  reference: z.string(),
  paidOn: IsoDate,
  recordedAt: IsoDateTime,
  recordedBy: z.string(),
  recordedByRole: z.enum(ROLES),
})

export const Claim = z.object({
  id: z.string(),
  partnerId: Slug,
  partnerName: z.string(),
  period: Period,
  activityType: ActivityType,
  activityStart: IsoDate,
  activityEnd: IsoDate,
  /** what was claimed; a submitted claim holds this much of the fund as pending */
  amountCents: z.int(),
  description: z.string(),
  documents: z.array(ClaimDocument),
  status: ClaimStatus,
  /** the side that filed it; the other side decides it and records its payment */
  filedBy: Side,
  submittedBy: z.string(),
  submittedByRole: z.enum(ROLES),
  firstSubmittedAt: IsoDateTime,
  /** the latest submission (a resubmission after a request for information moves it) */
  submittedAt: IsoDateTime,
  approvedCents: z.optional(z.int()),
  decidedAt: z.optional(IsoDateTime),
  payment: z.optional(Payment),
  events: z.array(ClaimEvent),
  version: z.int(),
  updatedAt: IsoDateTime,
})
export type Claim = z.infer<typeof Claim>

export const ClaimView = z.extend(Claim, {
  documentIds: z.array(z.string()),
  /** proof the activity type needs that no document declares yet: approval waits for it */
  missingProof: z.array(ProofKind),
  /** which side decides this claim and records its payment */
  decidedBySide: Side,
})
export type ClaimView = z.infer<typeof ClaimView>
export const ClaimPage = listOf(ClaimView)
