import * as z from 'zod/mini'
import { ACTIVITY_TYPES, CLAIM_STATUSES, DECISIONS, MDF_LIMITS as L, PERIOD_PATTERN, PROOF_KINDS, SIDES } from '../mdf/vocabulary'
import { Cursor, IsoDate, Limit, Slug, Ulid } from './common'

/**
 * What clients send about market development funds, and the words both sides share: the mdf
 * function builds these at its cold start. Funds, ledgers and claims as stored and answered are
 * in ./mdf.ts, which only the OpenAPI document and the tests load.
 */

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
