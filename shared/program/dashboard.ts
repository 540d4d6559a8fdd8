import { byName, inOrder } from '../format'
import { BALANCE_FIELDS, type Balances, ZERO_BALANCES } from '../mdf/ledger'
import { PARTNER_TIERS, type PartnerTier } from '../partners/vocabulary'
import { TIER_TERMS } from '../partners/terms'
import type { PartnerStats } from './stats'

/**
 * The program's figures against the strategy: year-1 targets of section 10 (20+ active
 * partnerships; 5-7 / 8-10 / 10-15 per tier; a 30 %+ average discount) with section 2.1's tier
 * sizes as each tier's capacity. Pure: the dashboards hand in what the writes maintain.
 */
export const YEAR_ONE_TARGETS = {
  activePartners: 20,
  tiers: { strategic: { min: 5, max: 7 }, preferred: { min: 8, max: 10 }, standard: { min: 10, max: 15 } },
  averageDiscountBps: 3000,
} as const satisfies {
  activePartners: number
  tiers: Record<PartnerTier, { min: number; max: number }>
  averageDiscountBps: number
}

/** Where a tier stands: short of its year-1 target, within it, past it, or past the tier's capacity. */
export type TierStanding = 'below-target' | 'on-target' | 'above-target' | 'over-capacity'

export interface TierFigure {
  tier: PartnerTier
  active: number
  target: { min: number; max: number }
  capacity: { min: number; max: number }
  standing: TierStanding
}

/** The part of a partner record the program figures read. */
export interface PartnerFacts {
  id: string
  name: string
  tier: PartnerTier
  status: string
  baseDiscountBps: number
  scorecard?: { score: number; recommendedTier: PartnerTier } | undefined
}

const isActive = (p: PartnerFacts) => p.status === 'active'

export function standingOf(count: number, target: { min: number; max: number }, capacity: { max: number }): TierStanding {
  if (count > capacity.max) return 'over-capacity'
  if (count > target.max) return 'above-target'
  return count >= target.min ? 'on-target' : 'below-target'
}

/** Active partners per tier against the tier's year-1 target and capacity. */
export function tierDistribution(partners: readonly PartnerFacts[]): TierFigure[] {
  return PARTNER_TIERS.map((tier) => {
    const active = partners.filter((p) => isActive(p) && p.tier === tier).length
    const target = YEAR_ONE_TARGETS.tiers[tier]
    const capacity = TIER_TERMS[tier].targetCount
    return { tier, active, target, capacity, standing: standingOf(active, target, capacity) }
  })
}

/** The mean negotiated base discount of the active partners, in whole basis points (null: none active). */
export function averageDiscountBps(partners: readonly PartnerFacts[]): number | null {
  const active = partners.filter(isActive)
  if (!active.length) return null
  return Math.round(active.reduce((sum, p) => sum + p.baseDiscountBps, 0) / active.length)
}

/** A share as a fraction 0..1 (null when there is nothing to divide by). */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)

export interface LeadFigure {
  offered: number
  accepted: number
  won: number
  lost: number
  wonCents: number
  /** accepted of offered */
  acceptanceRate: number | null
  /** won of the leads it closed (won or lost) */
  winRate: number | null
  /** won of accepted: how many leads it took became projects */
  conversionRate: number | null
}

export function leadFigure(s: PartnerStats): LeadFigure {
  return {
    offered: s.leadsOffered,
    accepted: s.leadsAccepted,
    won: s.leadsWon,
    lost: s.leadsLost,
    wonCents: s.leadsWonCents,
    acceptanceRate: rate(s.leadsAccepted, s.leadsOffered),
    winRate: rate(s.leadsWon, s.leadsWon + s.leadsLost),
    conversionRate: rate(s.leadsWon, s.leadsAccepted),
  }
}

const TIER_RANK: Record<PartnerTier, number> = { strategic: 0, preferred: 1, standard: 2 }

export interface ScorecardMismatch {
  partnerId: string
  partnerName: string
  tier: PartnerTier
  recommendedTier: PartnerTier
  score: number
  /** `over`: a tier above what its score earns (the program overpays) */
  direction: 'over' | 'under'
}

/** Scored partners (not sunset) whose tier is not the one their latest scorecard recommends; overpaid first. */
export function scorecardMismatches(partners: readonly PartnerFacts[]): ScorecardMismatch[] {
  return partners
    .filter((p) => p.status !== 'sunset' && p.scorecard && p.scorecard.recommendedTier !== p.tier)
    .map((p) => ({
      partnerId: p.id,
      partnerName: p.name,
      tier: p.tier,
      recommendedTier: p.scorecard!.recommendedTier,
      score: p.scorecard!.score,
      direction: TIER_RANK[p.tier] < TIER_RANK[p.scorecard!.recommendedTier] ? ('over' as const) : ('under' as const),
    }))
    .sort((a, b) => (a.direction === b.direction ? byName(a.partnerName, b.partnerName) : a.direction === 'over' ? -1 : 1))
}

export interface CoverageFigure {
  tier: PartnerTier
  /** active partners in the tier */
  partners: number
  /** of them, holding at least one active badge */
  certified: number
  coverage: number | null
  /** per program id: active partners of the tier holding its badge */
  byProgram: Record<string, number>
}

/** Certification coverage by tier: `certifiedBy` maps each program to the partners holding its active badge. */
export function certificationCoverage(
  partners: readonly PartnerFacts[],
  certifiedBy: ReadonlyMap<string, ReadonlySet<string>>,
): CoverageFigure[] {
  return PARTNER_TIERS.map((tier) => {
    const inTier = partners.filter((p) => isActive(p) && p.tier === tier)
    const byProgram = Object.fromEntries(
      [...certifiedBy].map(([programId, holders]) => [programId, inTier.filter((p) => holders.has(p.id)).length]),
    )
    const certified = inTier.filter((p) => [...certifiedBy.values()].some((holders) => holders.has(p.id))).length
    return { tier, partners: inTier.length, certified, coverage: rate(certified, inTier.length), byProgram }
  })
}

/** Funds summed per period, newest period first. */
export function mdfByPeriod<F extends Balances & { period: string }>(
  funds: readonly F[],
): (Balances & { period: string; funds: number })[] {
  const periods = new Map<string, Balances & { period: string; funds: number }>()
  for (const fund of funds) {
    const row = periods.get(fund.period) ?? { period: fund.period, funds: 0, ...ZERO_BALANCES }
    row.funds += 1
    for (const key of BALANCE_FIELDS) row[key] += fund[key]
    periods.set(fund.period, row)
  }
  return [...periods.values()].sort((a, b) => inOrder(b.period, a.period))
}

/** Whole hours from `now` until `iso` (negative once past), as a countdown shows them. */
export function hoursLeft(iso: string, now: Date): number {
  return Math.floor((Date.parse(iso) - now.getTime()) / 3_600_000)
}
