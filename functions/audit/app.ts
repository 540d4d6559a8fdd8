import { auditView } from '../../shared/audit/view'
import { audit as contracts } from '../../shared/contracts/audit'
import { auditRepository } from '../data/audit'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'

/** Audit trails: a partner's own (as its reader may see it) and, for staff, any entity's. */
export const auditRoutes = domainRoutes(contracts, ({ db }) => {
  const audit = auditRepository(db)
  return {
    partner: readAhead(
      // who reads changes the search only when it names an actor: that one waits for the reader
      ({ params, query }) => (query.actor ? Promise.resolve(undefined) : audit.listForPartner(params.partnerId, query)),
      async (c, { query }, early) => {
        const page = early ?? (await audit.listForPartner(c.var.partnerId, query, c.var.actor.kind === 'staff'))
        return c.json({ ...page, items: page.items.map((entry) => auditView(entry, c.var.actor)) })
      },
    ),
    entity: async (c, { query: { entity, ...page } }) => c.json(await audit.listForEntity(entity.type, entity.id, page)),
  }
})
