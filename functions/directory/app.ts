import { Hono } from 'hono'
import { NotFoundError } from '../../shared/errors'
import { isListed } from '../../shared/partners/rules'
import { DirectoryQuery } from '../../shared/schemas/partner'
import { partnerRepository, toPublic } from '../data/partners'
import type { Deps } from '../http/deps'
import type { PortalEnv } from '../http/env'
import { validate } from '../http/validate'

/** The public partner directory: active partners only, no sign-in. */
export const directoryApp = ({ db }: Deps) => {
  const partners = partnerRepository(db)
  return new Hono<PortalEnv>()
    .get('/', validate('query', DirectoryQuery), async (c) => c.json(await partners.listDirectory(c.req.valid('query'))))
    .get('/:partnerId', async (c) => {
      const partner = await partners.get(c.req.param('partnerId'))
      if (!partner || !isListed(partner)) throw new NotFoundError('No such partner in the directory.')
      return c.json(toPublic(partner))
    })
}
