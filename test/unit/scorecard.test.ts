import { describe, expect, it } from 'vitest'
import { recommendedTier, scoreCard, SCORECARD_CRITERIA, type ScorecardScores } from '../../shared/program/scorecard'
import { ScorecardInput } from '../../shared/schemas/scorecard'

const all = (n: number): ScorecardScores =>
  Object.fromEntries(SCORECARD_CRITERIA.map((c) => [c.key, [n, n, n, n, n]])) as ScorecardScores

describe('the partner scorecard (strategy 2.2)', () => {
  it('follows the strategy: four criteria weighted 30/30/20/20, five sub-criteria each', () => {
    expect(SCORECARD_CRITERIA.map((c) => c.weight)).toEqual([30, 30, 20, 20])
    expect(SCORECARD_CRITERIA.every((c) => c.subCriteria.length === 5)).toBe(true)
  })

  it('scores all fives 100 and all ones 20', () => {
    expect(scoreCard(all(5))).toMatchObject({ score: 100, recommendedTier: 'strategic' })
    expect(scoreCard(all(1))).toMatchObject({ score: 20, recommendedTier: 'standard' })
  })

  it('matches hand-computed cases to one decimal', () => {
    // means 4.2, 3.8, 4.6, 3.4 -> 30*0.84 + 30*0.76 + 20*0.92 + 20*0.68 = 25.2 + 22.8 + 18.4 + 13.6 = 80.0
    const lutron = scoreCard({
      strategicAlignment: [5, 4, 5, 4, 3],
      commercialPotential: [4, 4, 3, 4, 4],
      technicalExcellence: [5, 5, 4, 5, 4],
      customerValue: [3, 4, 3, 4, 3],
    })
    expect(lutron.criteria.strategicAlignment.mean).toBe(4.2)
    expect(lutron.score).toBe(80)
    expect(lutron.recommendedTier).toBe('strategic')
    // means 3, 3.4, 2.6, 3.2 -> 18 + 20.4 + 10.4 + 12.8 = 61.6
    const preferred = scoreCard({
      strategicAlignment: [3, 3, 3, 3, 3],
      commercialPotential: [4, 3, 3, 4, 3],
      technicalExcellence: [2, 3, 3, 2, 3],
      customerValue: [3, 3, 4, 3, 3],
    })
    expect(preferred.score).toBe(61.6)
    expect(preferred.recommendedTier).toBe('preferred')
    // means 1.6, 2, 2, 2 -> 9.6 + 12 + 8 + 8 = 37.6
    expect(scoreCard({ ...all(2), strategicAlignment: [1, 2, 2, 2, 1] }).score).toBe(37.6)
    // means 4, 4, 4, 4.4 -> 24 + 24 + 16 + 17.6 = 81.6
    expect(scoreCard({ ...all(4), customerValue: [5, 5, 4, 4, 4] }).score).toBe(81.6)
  })

  it('recommends a tier from the thresholds, edges included', () => {
    expect([79.9, 80, 59.9, 60, 20].map(recommendedTier)).toEqual(['preferred', 'strategic', 'standard', 'preferred', 'standard'])
  })

  it('takes exactly five whole scores from 1 to 5 per criterion', () => {
    const good = { ...all(3), notes: 'Annual review' }
    expect(ScorecardInput.safeParse(good).success).toBe(true)
    for (const bad of [
      [3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3],
      [0, 3, 3, 3, 3],
      [6, 3, 3, 3, 3],
      [3.5, 3, 3, 3, 3],
    ]) {
      const result = ScorecardInput.safeParse({ ...good, customerValue: bad })
      expect(result.success, JSON.stringify(bad)).toBe(false)
    }
    expect(ScorecardInput.safeParse({ ...all(3), extra: 1 }).success).toBe(false)
  })
})
