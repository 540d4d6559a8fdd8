import type { PartnerTier } from '../partners/vocabulary'

/**
 * The partner scorecard of the strategy's section 2.2: four criteria, weighted 30/30/20/20,
 * each scored on its five sub-criteria from 1 to 5. Plain values: the staff form shows them.
 */
export const SCORECARD_CRITERIA = [
  {
    key: 'strategicAlignment',
    label: 'Strategic alignment',
    weight: 30,
    subCriteria: [
      'Channel strategy compatibility',
      'Open integration philosophy',
      'Market positioning',
      'Innovation leadership',
      'Growth trajectory',
    ],
  },
  {
    key: 'commercialPotential',
    label: 'Commercial potential',
    weight: 30,
    subCriteria: [
      'Revenue opportunity',
      'Margin structure',
      'Deal structure flexibility',
      'Enterprise readiness',
      'Financial stability',
    ],
  },
  {
    key: 'technicalExcellence',
    label: 'Technical excellence',
    weight: 20,
    subCriteria: [
      'Integration capabilities',
      'Product reliability',
      'Technical support',
      'Documentation quality',
      'Technology roadmap',
    ],
  },
  {
    key: 'customerValue',
    label: 'Customer value',
    weight: 20,
    subCriteria: [
      'Product differentiation',
      'Customer demand',
      'Solution completeness',
      'Design excellence',
      'Price-performance ratio',
    ],
  },
] as const

export type CriterionKey = (typeof SCORECARD_CRITERIA)[number]['key']
export type ScorecardScores = Record<CriterionKey, number[]>

/** The score a tier is recommended from (the one place these thresholds live). */
export const TIER_THRESHOLDS: { tier: PartnerTier; minScore: number }[] = [
  { tier: 'strategic', minScore: 80 },
  { tier: 'preferred', minScore: 60 },
  { tier: 'standard', minScore: 0 },
]

const mean = (scores: readonly number[]) => scores.reduce((sum, s) => sum + s, 0) / scores.length
const oneDecimal = (n: number) => Math.round(n * 10) / 10

export interface ScorecardResult {
  criteria: Record<CriterionKey, { scores: number[]; mean: number; weight: number }>
  /** 20 (all ones) .. 100 (all fives), one decimal */
  score: number
  recommendedTier: PartnerTier
}

/** Each criterion's mean, the weighted score `sum(weight x mean / 5 x 100)` and the tier it recommends. */
export function scoreCard(scores: ScorecardScores): ScorecardResult {
  const criteria = Object.fromEntries(
    SCORECARD_CRITERIA.map((c) => [c.key, { scores: scores[c.key], mean: oneDecimal(mean(scores[c.key])), weight: c.weight }]),
  ) as ScorecardResult['criteria']
  const exact = SCORECARD_CRITERIA.reduce((sum, c) => sum + (c.weight / 100) * (mean(scores[c.key]) / 5) * 100, 0)
  const score = oneDecimal(exact)
  return { criteria, score, recommendedTier: recommendedTier(score) }
}

export const recommendedTier = (score: number): PartnerTier => TIER_THRESHOLDS.find((t) => score >= t.minScore)!.tier
