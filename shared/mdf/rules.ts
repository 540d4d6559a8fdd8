import { dayWords, usd } from '../format'
import { ConflictError, ForbiddenError, RuleViolationError, type FieldIssue } from '../errors'
import { TIER_TERMS } from '../partners/terms'
import type { PartnerTier } from '../partners/vocabulary'
import type { SignedInActor } from '../roles'
import type { PortalDocument } from '../schemas/document'
import type { Claim, ClaimEvent, Fund } from '../schemas/mdf'
import type { ClaimInput, DecisionInput, FundAdjust, FundOpen, PaymentInput } from '../schemas/mdf-input'
import { foldLedger, type Movement } from './ledger'
import { claimDueBy, closesOn, day, periodRange, remindOn } from './periods'
import {
  ACTIVITY_LABELS,
  CLAIM_STATUS_LABELS,
  missingProof,
  PROOF_LABELS,
  type ClaimStatus,
  type ProofKind,
  type Side,
} from './vocabulary'

/**
 * MDF's rules, pure: each takes the input, the current state and the time, and answers the next
 * state plus the movements of money it makes. The repository writes the movements as ledger
 * entries and ADDs their sum to the fund in one transaction, so the fund is the ledger's sum by
 * construction; the rules decide which movements are legal.
 */

const longDay = (isoDay: string) => dayWords(isoDay, 'short')

/** HomeAIQ staff act for HomeAIQ; a manufacturer's users for the partner. */
export const sideOf = (actor: SignedInActor): Side => (actor.kind === 'staff' ? 'homeaiq' : 'partner')

/** Who decides a claim and records its payment: the side that did not file it. */
const deciders = (claim: Pick<Claim, 'filedBy' | 'partnerName'>) =>
  claim.filedBy === 'partner' ? 'HomeAIQ staff' : `${claim.partnerName}’s admins`
const filer = (claim: Pick<Claim, 'filedBy' | 'partnerName'>) => (claim.filedBy === 'partner' ? claim.partnerName : 'HomeAIQ')

/* ---------- funds ---------- */

/**
 * The allocation the tier's MDF rate suggests for a revenue: the middle of the rate's range
 * (strategic 3-5% -> 4%, preferred 2-3% -> 2.5%), whole cents rounded down. Standard-tier MDF is
 * case by case: no suggestion.
 */
export function suggestAllocation(
  revenueCents: number,
  tier: PartnerTier,
): { allocatedCents: number; mdfRateBps: number } | undefined {
  const rate = TIER_TERMS[tier].mdfRate
  if (!rate) return undefined
  const mdfRateBps = Math.round((rate.minBps + rate.maxBps) / 2)
  return { allocatedCents: Math.floor((revenueCents * mdfRateBps) / 10_000), mdfRateBps }
}

export const isClosed = (fund: Pick<Fund, 'closedAt'>) => fund.closedAt !== undefined

/** Opens a fund: its dates, and the allocation as its first ledger movement. */
export function openFund(
  input: FundOpen,
  ctx: { partnerId: string; tier: PartnerTier; actor: SignedInActor; now: Date },
): { fund: Fund; movements: Movement[] } {
  const today = day(ctx.now)
  const range = periodRange(input.period)
  const closes = closesOn(input.period)
  if (today > closes) {
    throw new RuleViolationError(`The ${input.period} fund would be closed already.`, [
      { field: 'period', message: `Claims for ${input.period} closed on ${longDay(closes)}: open a fund for a current period.` },
    ])
  }
  const suggested = input.revenueCents === undefined ? undefined : suggestAllocation(input.revenueCents, ctx.tier)
  const allocatedCents = input.allocatedCents ?? suggested?.allocatedCents
  if (allocatedCents === undefined || allocatedCents <= 0) {
    throw new RuleViolationError('The fund needs an allocation.', [
      {
        field: 'allocatedCents',
        message:
          input.revenueCents !== undefined && !suggested
            ? 'Standard-tier MDF is decided case by case: enter the allocation.'
            : 'Enter the allocation, or the partner’s revenue to suggest one from its tier’s MDF rate.',
      },
    ])
  }
  const movements: Movement[] = [{ kind: 'allocate', amountCents: allocatedCents }]
  const at = ctx.now.toISOString()
  const fund: Fund = {
    partnerId: ctx.partnerId,
    period: input.period,
    startsOn: range.start,
    endsOn: range.end,
    closesOn: closes,
    ...foldLedger(movements),
    ...(input.revenueCents !== undefined ? { revenueCents: input.revenueCents } : {}),
    ...(input.revenueCents !== undefined && input.allocatedCents === undefined && suggested
      ? { mdfRateBps: suggested.mdfRateBps }
      : {}),
    openedAt: at,
    openedBy: ctx.actor.email,
    openedByRole: ctx.actor.role,
    version: 1,
    updatedAt: at,
  }
  return { fund, movements }
}

/** Raises or lowers an allocation, never below what claims hold (approved + pending). */
export function adjustAllocation(fund: Fund, input: FundAdjust): Movement[] {
  if (isClosed(fund))
    throw new ConflictError(`The ${fund.period} fund closed on ${longDay(fund.closesOn)}; its allocation is final.`)
  const held = fund.allocatedCents - fund.availableCents
  const issue = (message: string) => new RuleViolationError(message, [{ field: 'allocatedCents', message }])
  if (input.allocatedCents === fund.allocatedCents) throw issue(`The allocation is ${usd(fund.allocatedCents)} already.`)
  if (input.allocatedCents < held) {
    throw issue(`Approved and pending claims hold ${usd(held)}: the allocation cannot go below that.`)
  }
  return [{ kind: 'adjust', amountCents: input.allocatedCents - fund.allocatedCents, note: input.reason }]
}

/** What the close job does to a fund today: remind once 30 days before, lapse the rest once after the last day. */
export function closingAction(fund: Fund, today: string): 'close' | 'remind' | undefined {
  if (isClosed(fund)) return undefined
  if (today > fund.closesOn) return 'close'
  if (today >= remindOn(fund.period) && !fund.reminderSentAt && fund.availableCents > 0) return 'remind'
  return undefined
}

/** At close, what nobody claimed lapses. */
export const lapseMovements = (fund: Fund): Movement[] =>
  fund.availableCents > 0 ? [{ kind: 'lapse', amountCents: fund.availableCents, note: 'Unclaimed at close' }] : []

/* ---------- claims ---------- */

/**
 * The rules a claim must meet against its fund and the clock, each naming its field. `held` is
 * what the claim already reserves (a resubmission may reuse its own reservation);
 * `firstSubmittedAt` keeps the due date of the first submission for a resubmission.
 */
export function claimIssues(
  input: ClaimInput,
  fund: Fund | undefined,
  ctx: { today: string; firstSubmittedOn?: string; held?: number },
): FieldIssue[] {
  if (!fund) return [{ field: 'period', message: `No MDF fund is open for ${input.period}.` }]
  const issues: FieldIssue[] = []
  if (isClosed(fund) || ctx.today > fund.closesOn) {
    issues.push({ field: 'period', message: `The ${fund.period} fund closed on ${longDay(fund.closesOn)}.` })
    return issues
  }
  const inside = `The activity must take place within ${fund.period} (${longDay(fund.startsOn)} – ${longDay(fund.endsOn)}).`
  if (input.activityStart < fund.startsOn) issues.push({ field: 'activityStart', message: inside })
  if (input.activityEnd > fund.endsOn) issues.push({ field: 'activityEnd', message: inside })
  else if (input.activityEnd > ctx.today) {
    issues.push({ field: 'activityEnd', message: 'Claim once the activity has ended: the proof shows what took place.' })
  } else {
    const filedOn = ctx.firstSubmittedOn ?? ctx.today
    const due = claimDueBy(input.activityEnd)
    if (filedOn > due) {
      issues.push({
        field: 'activityEnd',
        message: `Claims are due within 60 days of the activity’s end: this one was due by ${longDay(due)}.`,
      })
    }
  }
  const available = fund.availableCents + (ctx.held ?? 0)
  if (input.amountCents > available) {
    issues.push({ field: 'amountCents', message: `Only ${usd(available)} of the ${fund.period} fund is available.` })
  }
  return issues
}

function assertClaimable(input: ClaimInput, fund: Fund | undefined, ctx: Parameters<typeof claimIssues>[2]) {
  const issues = claimIssues(input, fund, ctx)
  if (issues.length) throw new RuleViolationError('The claim does not meet the MDF rules.', issues)
}

const documentsOf = (input: ClaimInput, docs: PortalDocument[]) =>
  input.documentIds.map((id) => {
    const doc = docs.find((d) => d.id === id)!
    return { documentId: id, filename: doc.filename, contentType: doc.contentType, kind: input.proofKinds[id] as ProofKind }
  })

const eventBy = (actor: SignedInActor, at: string, rest: Omit<ClaimEvent, 'by' | 'byRole' | 'at'>): ClaimEvent => ({
  ...rest,
  at,
  by: actor.email,
  byRole: actor.role,
})

/** Files a claim: it reserves its amount (pending) in its fund. `documents`: the attached uploads, checked. */
export function newClaim(
  input: ClaimInput,
  ctx: { id: string; partnerName: string; fund: Fund | undefined; actor: SignedInActor; now: Date; documents: PortalDocument[] },
): { claim: Claim; movements: Movement[] } {
  assertClaimable(input, ctx.fund, { today: day(ctx.now) })
  const at = ctx.now.toISOString()
  const { documentIds: _ids, proofKinds: _kinds, ...fields } = input
  const claim: Claim = {
    ...fields,
    id: ctx.id,
    partnerId: ctx.fund!.partnerId,
    partnerName: ctx.partnerName,
    documents: documentsOf(input, ctx.documents),
    status: 'submitted',
    filedBy: sideOf(ctx.actor),
    submittedBy: ctx.actor.email,
    submittedByRole: ctx.actor.role,
    firstSubmittedAt: at,
    submittedAt: at,
    events: [eventBy(ctx.actor, at, { action: 'submitted', amountCents: input.amountCents })],
    version: 1,
    updatedAt: at,
  }
  return { claim, movements: [{ kind: 'reserve', amountCents: input.amountCents, claimId: ctx.id }] }
}

export const missingProofOf = (claim: Pick<Claim, 'activityType' | 'documents'>) =>
  missingProof(
    claim.activityType,
    claim.documents.map((d) => d.kind),
  )

function assertStatus(claim: Claim, expected: ClaimStatus, doing: string) {
  if (claim.status !== expected) {
    throw new ConflictError(`This claim is ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()}: it cannot be ${doing}.`)
  }
}

/** Money a claim gives back to its fund; once the fund has closed, it lapses with the rest. */
function releaseMovements(claimId: string, amountCents: number, fundClosed: boolean, note?: string): Movement[] {
  if (amountCents <= 0) return []
  const release: Movement = { kind: 'release', amountCents, claimId, ...(note ? { note } : {}) }
  return fundClosed ? [release, { kind: 'lapse', amountCents, claimId, note: 'Released after the fund closed' }] : [release]
}

/**
 * The other side's decision on a submitted claim. Approve in full or in part (the rest is
 * released), reject (releases all), or ask for information (the reservation stays).
 */
export function decideClaim(
  claim: Claim,
  input: DecisionInput,
  ctx: { actor: SignedInActor; now: Date; fundClosed: boolean },
): { claim: Claim; movements: Movement[] } {
  if (sideOf(ctx.actor) === claim.filedBy) {
    throw new ForbiddenError(`Nobody decides a claim their own side filed: ${deciders(claim)} decide this one.`)
  }
  assertStatus(claim, 'submitted', 'decided')
  const at = ctx.now.toISOString()
  const base = { ...claim, version: claim.version + 1, updatedAt: at }
  const reason = input.reason ? { reason: input.reason } : {}
  switch (input.decision) {
    case 'approve': {
      const approvedCents = input.approvedCents ?? claim.amountCents
      if (approvedCents > claim.amountCents) {
        throw new RuleViolationError('An approval cannot exceed the claim.', [
          { field: 'approvedCents', message: `Approve at most the ${usd(claim.amountCents)} claimed.` },
        ])
      }
      const missing = missingProofOf(claim)
      if (missing.length) {
        throw new RuleViolationError(
          `A ${ACTIVITY_LABELS[claim.activityType].toLowerCase()} claim needs its proof before approval.`,
          [
            {
              field: 'documentIds',
              message: `Missing proof: ${missing.map((k) => PROOF_LABELS[k].toLowerCase()).join(', ')}. Request it from the claimant.`,
            },
          ],
        )
      }
      const rest = claim.amountCents - approvedCents
      return {
        claim: {
          ...base,
          status: 'approved',
          approvedCents,
          decidedAt: at,
          events: [...claim.events, eventBy(ctx.actor, at, { action: 'approved', amountCents: approvedCents, ...reason })],
        },
        movements: [
          { kind: 'approve', amountCents: approvedCents, claimId: claim.id },
          ...releaseMovements(claim.id, rest, ctx.fundClosed, 'Not approved'),
        ],
      }
    }
    case 'reject':
      return {
        claim: {
          ...base,
          status: 'rejected',
          decidedAt: at,
          events: [...claim.events, eventBy(ctx.actor, at, { action: 'rejected', ...reason })],
        },
        movements: releaseMovements(claim.id, claim.amountCents, ctx.fundClosed, 'Rejected'),
      }
    case 'request-info':
      return {
        claim: {
          ...base,
          status: 'info-requested',
          events: [...claim.events, eventBy(ctx.actor, at, { action: 'info-requested', ...reason })],
        },
        movements: [],
      }
  }
}

/**
 * The claimant's side edits a claim it was asked about and submits it again. Its reservation
 * stays; a changed amount reserves or releases the difference. It stays in its fund and keeps
 * the due date of its first submission.
 */
export function resubmitClaim(
  claim: Claim,
  input: ClaimInput,
  ctx: { fund: Fund; actor: SignedInActor; now: Date; documents: PortalDocument[] },
): { claim: Claim; movements: Movement[] } {
  if (sideOf(ctx.actor) !== claim.filedBy) {
    throw new ForbiddenError(`Only ${filer(claim)}, who filed this claim, can change it.`)
  }
  assertStatus(claim, 'info-requested', 'resubmitted')
  if (input.period !== claim.period) {
    throw new RuleViolationError('A claim stays in its fund.', [
      { field: 'period', message: `This claim belongs to ${claim.period}: file a new claim for another period.` },
    ])
  }
  assertClaimable(input, ctx.fund, {
    today: day(ctx.now),
    firstSubmittedOn: claim.firstSubmittedAt.slice(0, 10),
    held: claim.amountCents,
  })
  const at = ctx.now.toISOString()
  const { documentIds: _ids, proofKinds: _kinds, ...fields } = input
  const delta = input.amountCents - claim.amountCents
  return {
    claim: {
      ...claim,
      ...fields,
      documents: documentsOf(input, ctx.documents),
      status: 'submitted',
      submittedAt: at,
      events: [...claim.events, eventBy(ctx.actor, at, { action: 'resubmitted', amountCents: input.amountCents })],
      version: claim.version + 1,
      updatedAt: at,
    },
    movements:
      delta > 0
        ? [{ kind: 'reserve', amountCents: delta, claimId: claim.id, note: 'Amount raised on resubmission' }]
        : releaseMovements(claim.id, -delta, isClosed(ctx.fund), 'Amount lowered on resubmission'),
  }
}

/** The side that decided an approved claim records that it paid it, once. */
export function recordPayment(
  claim: Claim,
  input: PaymentInput,
  ctx: { actor: SignedInActor; now: Date },
): { claim: Claim; movements: Movement[] } {
  if (sideOf(ctx.actor) === claim.filedBy) {
    throw new ForbiddenError(`The side that did not file a claim pays it: ${deciders(claim)} record this payment.`)
  }
  if (claim.status === 'paid') {
    throw new ConflictError(`This claim was paid already, on ${longDay(claim.payment!.paidOn)} (${claim.payment!.reference}).`)
  }
  assertStatus(claim, 'approved', 'paid')
  const today = day(ctx.now)
  const decidedOn = claim.decidedAt!.slice(0, 10)
  if (input.paidOn > today) {
    throw new RuleViolationError('A payment is recorded once made.', [
      { field: 'paidOn', message: 'The payment date cannot be in the future.' },
    ])
  }
  if (input.paidOn < decidedOn) {
    throw new RuleViolationError('A claim is paid after its approval.', [
      { field: 'paidOn', message: `The claim was approved on ${longDay(decidedOn)}: it cannot have been paid before.` },
    ])
  }
  const at = ctx.now.toISOString()
  const approvedCents = claim.approvedCents!
  return {
    claim: {
      ...claim,
      status: 'paid',
      payment: { ...input, recordedAt: at, recordedBy: ctx.actor.email, recordedByRole: ctx.actor.role },
      events: [...claim.events, eventBy(ctx.actor, at, { action: 'paid', amountCents: approvedCents })],
      version: claim.version + 1,
      updatedAt: at,
    },
    movements: [{ kind: 'pay', amountCents: approvedCents, claimId: claim.id, note: input.reference }],
  }
}
