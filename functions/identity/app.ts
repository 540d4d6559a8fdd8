import { identity } from '../../shared/contracts/identity'
import type { Me } from '../../shared/schemas/user'
import { signedIn } from '../auth/guards'
import { healthRepository } from '../data/health'
import { partnerRepository } from '../data/partners'
import { userRepository } from '../data/users'
import { domainRoutes } from '../http/routes'

export const identityRoutes = domainRoutes(identity, ({ db }) => {
  const users = userRepository(db)
  const partners = partnerRepository(db)
  const health = healthRepository(db)
  return {
    // a failed probe is a 503 problem (with Retry-After) from the one error handler
    health: async (c) => {
      await health.probe()
      return c.json({ status: 'ok', checks: { table: 'ok' } } as const)
    },
    // generating the document is rare and heavy: only this route loads the generator
    openapi: async (c) => c.json((await import('../openapi/document')).openApiDocument()),
    me: async (c) => {
      const actor = signedIn(c)
      const [user, partner] = await Promise.all([
        users.get(actor.userId),
        actor.kind === 'partner' ? partners.get(actor.partnerId) : undefined,
      ])
      const me: Me = {
        userId: actor.userId,
        email: actor.email,
        name: user?.name ?? actor.email,
        role: actor.role,
        ...(partner ? { partnerId: partner.id, partnerName: partner.name } : {}),
      }
      return c.json(me)
    },
  }
})
