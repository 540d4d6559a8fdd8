import { shownEmail, type Actor } from '../roles'
import type { Claim, ClaimView, Fund, FundView, LedgerEntry } from '../schemas/mdf'
import { missingProofOf } from './rules'
import { otherSide } from './vocabulary'

/**
 * What a reader may see of MDF records (or of parts of them, as audit entries hold them): the
 * revenue and rate behind an allocation are HomeAIQ's commercial terms, and partners see HomeAIQ
 * staff as "HomeAIQ". The GETs, lists, the ledger, the audit trail and the notifications all go
 * through these.
 */
export function redactFund<F extends Partial<Fund>>(fund: F, reader: Actor): F {
  if (reader.kind === 'staff') return fund
  const { revenueCents: _revenue, mdfRateBps: _rate, ...rest } = fund
  return (rest.openedBy ? { ...rest, openedBy: shownEmail(rest.openedBy, rest.openedByRole, reader) } : rest) as F
}

export const fundView = (fund: Fund, reader: Actor): FundView => ({
  ...redactFund(fund, reader),
  status: fund.closedAt ? 'closed' : 'open',
})

export function redactClaim<C extends Partial<Claim>>(claim: C, reader: Actor): C {
  if (reader.kind === 'staff') return claim
  return {
    ...claim,
    ...(claim.submittedBy ? { submittedBy: shownEmail(claim.submittedBy, claim.submittedByRole, reader) } : {}),
    ...(claim.events ? { events: claim.events.map((e) => ({ ...e, by: shownEmail(e.by, e.byRole, reader) })) } : {}),
    ...(claim.payment
      ? { payment: { ...claim.payment, recordedBy: shownEmail(claim.payment.recordedBy, claim.payment.recordedByRole, reader) } }
      : {}),
  }
}

export const claimView = (claim: Claim, reader: Actor): ClaimView => ({
  ...redactClaim(claim, reader),
  documentIds: claim.documents.map((d) => d.documentId),
  missingProof: missingProofOf(claim),
  decidedBySide: otherSide(claim.filedBy),
})

export const ledgerEntryView = (entry: LedgerEntry, reader: Actor): LedgerEntry => ({
  ...entry,
  by: shownEmail(entry.by, entry.byRole, reader),
})
