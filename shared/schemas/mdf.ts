import * as z from 'zod/mini'
import {
  ACTIVITY_TYPES,
  CLAIM_STATUSES,
  DECISIONS,
  LEDGER_KINDS,
  MDF_LIMITS as L,
  PERIOD_PATTERN,
  PROOF_KINDS,
  SIDES,
} from '../mdf/vocabulary'
import { ROLES } from '../roles'
import { Cursor, IsoDate, IsoDateTime, Limit, Slug, Ulid, listOf } from './common'

export const Period = z.string().check(z.regex(PERIOD_PATTERN, 'Use a quarter such as 2026-Q4, or a year such as 2026.'))
export const ActivityType = z.enum(ACTIVITY_TYPES, { error: `Choose one of ${ACTIVITY_TYPES.join(', ')}.` })
export const ProofKind = z.enum(PROOF_KINDS, { error: `Choose one of ${PROOF_KINDS.join(', ')}.` })
export const ClaimStatus = z.enum(CLAIM_STATUSES)
export const Side = z.enum(SIDES)

/** Money is whole US cents: 450000 is $4,500.00. */
export const Cents = z
  .number({ error: 'Enter an amount in cents (a whole number).' })
  .check(
    z.int('Use whole cents, e.g. 450000 for $4,500.00.'),
    z.positive('Enter an amount above zero.'),
    z.maximum(L.maxCents, 'This is more than any fund holds.'),
  )

const Reason = z
  .string()
  .check(z.trim(), z.minLength(L.reasonMin, `Write at least ${L.reasonMin} characters.`), z.maxLength(L.reasonMax))

/* ---------- funds ---------- */

/** Staff open a fund with an allocation, or with the partner's revenue to suggest one from the tier's MDF rate. */
export const FundOpen = z.strictObject({
  period: Period,
  allocatedCents: z.optional(Cents),
  /** the partner's revenue through HomeAIQ that the allocation is based on (HomeAIQ-internal) */
  revenueCents: z.optional(Cents),
})
export type FundOpen = z.infer<typeof FundOpen>

export const FundAdjust = z.strictObject({
  allocatedCents: Cents,
  /** why the allocation changed: the partner sees it in the ledger */
  reason: Reason,
})
export type FundAdjust = z.infer<typeof FundAdjust>

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
export const LedgerQuery = z.strictObject({ limit: Limit, cursor: Cursor })

/* ---------- claims ---------- */

const unique = (ids: string[]) => new Set(ids).size === ids.length

const ClaimFields = z.strictObject({
  period: Period,
  activityType: ActivityType,
  activityStart: IsoDate,
  activityEnd: IsoDate,
  amountCents: Cents,
  description: z
    .string()
    .check(
      z.trim(),
      z.minLength(L.descriptionMin, `Describe the activity in at least ${L.descriptionMin} characters.`),
      z.maxLength(L.descriptionMax),
    ),
  /** ready `mdf-proof` uploads of this partner */
  documentIds: z
    .array(Ulid)
    .check(
      z.minLength(1, 'Attach at least one proof-of-performance document.'),
      z.maxLength(L.documentsMax),
      z.refine(unique, 'Attach each document once.'),
    ),
  /** what each document proves, by document id: every attached document declares one */
  proofKinds: z.record(z.string(), ProofKind),
})

/** A claim as filed, and as resubmitted after a request for information. */
export const ClaimInput = ClaimFields.check(
  z.superRefine((claim, ctx) => {
    if (claim.activityStart > claim.activityEnd) {
      ctx.addIssue({ code: 'custom', path: ['activityEnd'], message: 'The activity cannot end before it starts.' })
    }
    claim.documentIds.forEach((id, i) => {
      if (!claim.proofKinds[id])
        ctx.addIssue({ code: 'custom', path: ['proofKinds', id], message: `Say what document ${i + 1} proves.` })
    })
    for (const id of Object.keys(claim.proofKinds)) {
      if (!claim.documentIds.includes(id))
        ctx.addIssue({ code: 'custom', path: ['proofKinds', id], message: 'This document is not attached to the claim.' })
    }
  }),
)
export type ClaimInput = z.infer<typeof ClaimInput>

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

export const DecisionInput = z
  .strictObject({
    decision: z.enum(DECISIONS, { error: 'Choose approve, reject or request-info.' }),
    /** approve only: less than claimed approves in part and releases the rest */
    approvedCents: z.optional(Cents),
    /** required to reject or to request information; the claimant reads it */
    reason: z.optional(Reason),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.decision !== 'approve' && !d.reason) {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message: d.decision === 'reject' ? 'Enter a reason for the rejection.' : 'Say what information you need.',
        })
      }
      if (d.decision !== 'approve' && d.approvedCents !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['approvedCents'], message: 'Only an approval takes an amount.' })
      }
    }),
  )
export type DecisionInput = z.infer<typeof DecisionInput>

export const PaymentInput = z.strictObject({
  reference: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter the payment reference (the transfer or check number).'), z.maxLength(L.referenceMax)),
  paidOn: IsoDate,
})
export type PaymentInput = z.infer<typeof PaymentInput>

export const PartnerClaimQuery = z.strictObject({
  status: z.optional(ClaimStatus),
  period: z.optional(Period),
  limit: Limit,
  cursor: Cursor,
})
export type PartnerClaimQuery = z.infer<typeof PartnerClaimQuery>

/** The staff queue: one status at a time (default: waiting for a decision), oldest submission first. */
export const ClaimQueueQuery = z.strictObject({
  status: z._default(ClaimStatus, 'submitted'),
  partnerId: z.optional(Slug),
  period: z.optional(Period),
  filedBy: z.optional(Side),
  limit: Limit,
  cursor: Cursor,
})
export type ClaimQueueQuery = z.infer<typeof ClaimQueueQuery>

export const ClaimExportQuery = z.strictObject({ period: Period })
