import type { ClaimStatus } from '../mdf/vocabulary'
import type { Lead } from '../schemas/lead'

/**
 * A partner's program counters: what the dashboards show that would otherwise need reading
 * every lead, claim or briefing. Each write that changes one ADDs the difference in its own
 * transaction (functions/data/stats.ts); these pure functions say what that difference is.
 */
export const STAT_FIELDS = [
  'leadsOffered',
  'leadsAccepted',
  'leadsWon',
  'leadsLost',
  'leadsWonCents',
  'briefingsAwaitingAck',
  'claimsSubmitted',
  'claimsInfoRequested',
  'claimsApproved',
  'claimsRejected',
  'claimsPaid',
] as const
export type StatField = (typeof STAT_FIELDS)[number]
export type PartnerStats = Record<StatField, number>
export type StatsDelta = Partial<Record<StatField, number>>

export const emptyStats = (): PartnerStats => Object.fromEntries(STAT_FIELDS.map((f) => [f, 0])) as PartnerStats

export const CLAIM_STAT: Record<ClaimStatus, StatField> = {
  submitted: 'claimsSubmitted',
  'info-requested': 'claimsInfoRequested',
  approved: 'claimsApproved',
  rejected: 'claimsRejected',
  paid: 'claimsPaid',
}

/** Claims that still need someone: waiting for a decision, for more information, or for payment. */
export const openClaims = (s: PartnerStats) => s.claimsSubmitted + s.claimsInfoRequested + s.claimsApproved

/** A claim moving from one status to another (null: it does not exist before / after). */
export function claimDelta(before: ClaimStatus | null, after: ClaimStatus | null): StatsDelta {
  const delta: StatsDelta = {}
  if (before === after) return delta
  if (before) delta[CLAIM_STAT[before]] = -1
  if (after) delta[CLAIM_STAT[after]] = (delta[CLAIM_STAT[after]] ?? 0) + 1
  return delta
}

/** What one lead contributes to each partner's lead counters: its offers, acceptances and outcome. */
export function leadContribution(lead: Lead | null): Map<string, StatsDelta> {
  const byPartner = new Map<string, StatsDelta>()
  if (!lead) return byPartner
  const add = (pid: string, field: StatField, by: number) => {
    const delta = byPartner.get(pid) ?? {}
    delta[field] = (delta[field] ?? 0) + by
    byPartner.set(pid, delta)
  }
  for (const offer of lead.offers) {
    add(offer.partnerId, 'leadsOffered', 1)
    if (offer.outcome === 'accepted') add(offer.partnerId, 'leadsAccepted', 1)
  }
  if (lead.assignedTo && lead.status === 'won') {
    add(lead.assignedTo, 'leadsWon', 1)
    add(lead.assignedTo, 'leadsWonCents', lead.valueCents ?? 0)
  }
  if (lead.assignedTo && lead.status === 'lost') add(lead.assignedTo, 'leadsLost', 1)
  return byPartner
}

/** The change of each partner's lead counters when a lead goes from `before` to `after`. */
export function leadDelta(before: Lead | null, after: Lead | null): Map<string, StatsDelta> {
  const result = new Map<string, StatsDelta>()
  const merge = (source: Map<string, StatsDelta>, sign: 1 | -1) => {
    for (const [pid, delta] of source) {
      const into = result.get(pid) ?? {}
      for (const [field, by] of Object.entries(delta) as [StatField, number][]) into[field] = (into[field] ?? 0) + sign * by
      result.set(pid, into)
    }
  }
  merge(leadContribution(after), 1)
  merge(leadContribution(before), -1)
  for (const [pid, delta] of result) {
    for (const field of Object.keys(delta) as StatField[]) if (delta[field] === 0) delete delta[field]
    if (!Object.keys(delta).length) result.delete(pid)
  }
  return result
}
