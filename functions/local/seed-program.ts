import { auditEntry, PROGRAM_AUDIT } from '../../shared/audit/entry'
import { scoreCard, type ScorecardScores } from '../../shared/program/scorecard'
import { partnerRepository } from '../data/partners'
import { scorecardRepository } from '../data/scorecards'
import type { Deps } from '../http/deps'
import { DEMO_STAFF } from './seed-data'

type SeedDeps = Pick<Deps, 'db' | 'clock' | 'newId'>

/** Scorecards of strategy 2.2: two that agree with the tier, one preferred partner that scores as standard. */
const SCORES: { pid: string; scores: ScorecardScores; notes: string }[] = [
  {
    pid: 'lutron',
    scores: {
      strategicAlignment: [5, 5, 5, 4, 4],
      commercialPotential: [5, 4, 4, 5, 5],
      technicalExcellence: [5, 5, 4, 4, 5],
      customerValue: [5, 4, 5, 5, 4],
    },
    notes: 'Primary lighting partner; deep integration in every HomeAIQ package.',
  },
  {
    pid: 'sonos',
    scores: {
      strategicAlignment: [4, 3, 4, 4, 3],
      commercialPotential: [4, 3, 3, 4, 4],
      technicalExcellence: [3, 4, 3, 3, 4],
      customerValue: [4, 3, 4, 4, 3],
    },
    notes: 'Distributed audio; strong customer demand.',
  },
  {
    pid: 'ruckus',
    scores: {
      strategicAlignment: [2, 3, 2, 3, 2],
      commercialPotential: [3, 2, 3, 2, 3],
      technicalExcellence: [3, 3, 2, 3, 3],
      customerValue: [3, 2, 3, 3, 2],
    },
    notes: 'Enterprise Wi-Fi: little residential demand through HomeAIQ so far.',
  },
]

/**
 * Demo scorecards for the dashboards (one partner in a tier above its score), through the same
 * rules and writes as the API. The catalogs and briefings the dashboards count come from
 * seed-catalog.ts, written through the repositories that keep the counters.
 */
export async function seedProgram({ db, clock, newId }: SeedDeps): Promise<void> {
  const partners = partnerRepository(db)
  const scorecards = scorecardRepository(db)
  const now = clock.now()

  for (const { pid, scores, notes } of SCORES) {
    const partner = await partners.require(pid)
    const card = {
      id: newId(),
      partnerId: pid,
      ...scoreCard(scores),
      actualTier: partner.tier,
      notes,
      scoredBy: DEMO_STAFF.email,
      scoredAt: now.toISOString(),
    }
    await scorecards.save(
      card,
      partner,
      auditEntry({
        id: newId(),
        now,
        actor: DEMO_STAFF,
        partnerId: PROGRAM_AUDIT,
        entity: { type: 'scorecard', id: pid },
        action: 'scorecard.recorded',
        before: null,
        after: card,
      }),
    )
  }
}
