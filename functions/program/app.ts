import { auditEntry, PROGRAM_AUDIT } from '../../shared/audit/entry'
import { program } from '../../shared/contracts/program'
import { NotFoundError } from '../../shared/errors'
import { scoreCard } from '../../shared/program/scorecard'
import type { Scorecard } from '../../shared/schemas/scorecard'
import { signedIn } from '../auth/guards'
import { partnerRepository } from '../data/partners'
import { scorecardRepository } from '../data/scorecards'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'
import { dashboards } from './dashboard'

/** Running the program: partner scorecards (staff) and the dashboards. */
export const programRoutes = domainRoutes(program, ({ db, clock, newId }) => {
  const partners = partnerRepository(db)
  const scorecards = scorecardRepository(db)
  const figures = dashboards(db)
  return {
    score: async (c, { body }) => {
      const actor = signedIn(c)
      const partner = await partners.require(c.var.partnerId)
      const { notes, ...scores } = body
      const now = clock.now()
      const card: Scorecard = {
        id: newId(),
        partnerId: partner.id,
        ...scoreCard(scores),
        actualTier: partner.tier,
        ...(notes ? { notes } : {}),
        scoredBy: actor.email,
        scoredAt: now.toISOString(),
      }
      const audit = auditEntry({
        id: newId(),
        now,
        actor,
        // HomeAIQ-internal: the program's own trail, never the partner's
        partnerId: PROGRAM_AUDIT,
        entity: { type: 'scorecard', id: partner.id },
        action: 'scorecard.recorded',
        before: partner.scorecard ?? null,
        after: card,
      })
      await scorecards.save(card, partner, audit)
      return c.json(card)
    },
    scorecard: readAhead(
      ({ params }) => scorecards.current(params.partnerId),
      (c, _input, card) => {
        if (!card) throw new NotFoundError('This partner has not been scored yet.')
        return c.json(card)
      },
    ),
    scorecardHistory: async (c, { query }) => c.json(await scorecards.history(c.var.partnerId, query)),
    dashboard: async (c) => c.json(await figures.staff(clock.now())),
    partnerDashboard: async (c) => c.json(await figures.partner(c.var.partnerId, c.var.actor, clock.now())),
  }
})
