import * as z from 'zod/mini'
import { SCORECARD_CRITERIA } from '../program/scorecard'
import { Cursor, IsoDateTime, Limit, listOf } from './common'
import { PartnerTier } from './vocabulary'

const FiveScores = z
  .array(
    z.number().check(z.int('Score in whole points.'), z.minimum(1, 'Score from 1 to 5.'), z.maximum(5, 'Score from 1 to 5.')),
  )
  .check(z.length(5, 'Score each of the five sub-criteria.'))

export const ScorecardInput = z.strictObject({
  ...(Object.fromEntries(SCORECARD_CRITERIA.map((c) => [c.key, FiveScores])) as Record<
    (typeof SCORECARD_CRITERIA)[number]['key'],
    typeof FiveScores
  >),
  notes: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
})
export type ScorecardInput = z.infer<typeof ScorecardInput>

const Criterion = z.object({ scores: z.array(z.int()), mean: z.number(), weight: z.int() })

export const Scorecard = z.object({
  id: z.string(),
  partnerId: z.string(),
  criteria: z.object(
    Object.fromEntries(SCORECARD_CRITERIA.map((c) => [c.key, Criterion])) as Record<
      (typeof SCORECARD_CRITERIA)[number]['key'],
      typeof Criterion
    >,
  ),
  score: z.number(),
  recommendedTier: PartnerTier,
  /** the tier the partner had when it was scored */
  actualTier: PartnerTier,
  notes: z.optional(z.string()),
  scoredBy: z.string(),
  scoredAt: IsoDateTime,
})
export type Scorecard = z.infer<typeof Scorecard>

export const ScorecardPage = listOf(Scorecard)
export const ScorecardHistoryQuery = z.strictObject({ limit: Limit, cursor: Cursor })
