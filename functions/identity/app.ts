import { Hono } from 'hono'
import { UnauthenticatedError } from '../../shared/errors'
import type { Me } from '../../shared/schemas/user'
import { partnerRepository } from '../data/partners'
import { userRepository } from '../data/users'
import type { Deps } from '../http/deps'
import type { PortalEnv } from '../http/env'
import { openApiDocument } from '../openapi/document'

export const identityApp = ({ db }: Deps) => {
  const users = userRepository(db)
  const partners = partnerRepository(db)
  return new Hono<PortalEnv>()
    .get('/health', (c) => c.json({ status: 'ok' }))
    .get('/openapi.json', (c) => c.json(openApiDocument()))
    .get('/me', async (c) => {
      const actor = c.var.actor
      if (actor.kind === 'anonymous') throw new UnauthenticatedError('Sign in to see your account.')
      const user = await users.get(actor.userId)
      const partner = actor.kind === 'partner' ? await partners.get(actor.partnerId) : undefined
      const me: Me = {
        userId: actor.userId,
        email: actor.email,
        name: user?.name ?? actor.email,
        role: actor.role,
        ...(partner ? { partnerId: partner.id, partnerName: partner.name } : {}),
      }
      return c.json(me)
    })
}
