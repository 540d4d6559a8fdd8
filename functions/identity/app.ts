import { identity } from '../../shared/contracts/identity'
import type { Me } from '../../shared/schemas/user'
import { signedIn } from '../auth/guards'
import { healthRepository } from '../data/health'
import { domainRoutes } from '../http/routes'

export const identityRoutes = domainRoutes(identity, ({ db, access }) => {
  const health = healthRepository(db)
  return {
    // a failed probe is a 503 problem (with Retry-After) from the one error handler
    health: async (c) => {
      await health.probe()
      return c.json({ status: 'ok', checks: { table: 'ok' } } as const)
    },
    // generating the document is rare and heavy: only this route loads the generator
    openapi: async (c) => c.json(await (await import('../openapi/document')).openApiDocument()),
    // the records the identity check just read (the container's access cache): no read of its own when warm
    me: async (c) => {
      const actor = signedIn(c)
      const [user, partner] = await Promise.all([
        access.user(actor.userId),
        actor.kind === 'partner' ? access.partner(actor.partnerId) : undefined,
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
