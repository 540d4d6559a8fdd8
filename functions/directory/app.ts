import { Hono } from 'hono'
import { NotFoundError } from '../../shared/errors'
import { isListed } from '../../shared/partners/rules'
import { DirectoryQuery } from '../../shared/schemas/partner'
import { servedKey } from '../../shared/uploads/rules'
import { partnerRepository, toPublic } from '../data/partners'
import { documentRepository } from '../data/documents'
import { requireStorage, type Deps } from '../http/deps'
import type { PortalEnv } from '../http/env'
import { validate } from '../http/validate'

/** The public partner directory: active partners only, no sign-in. */
export const directoryApp = (deps: Deps) => {
  const partners = partnerRepository(deps.db)
  const documents = documentRepository(deps.db)
  const listed = async (pid: string) => {
    const partner = await partners.get(pid)
    if (!partner || !isListed(partner)) throw new NotFoundError('No such partner in the directory.')
    return partner
  }
  return (
    new Hono<PortalEnv>()
      .get('/', validate('query', DirectoryQuery), async (c) => c.json(await partners.listDirectory(c.req.valid('query'))))
      .get('/:partnerId', async (c) => c.json(toPublic(await listed(c.req.param('partnerId')))))
      // the logo lives in the private documents bucket: redirect to a short-lived signed view
      .get('/:partnerId/logo', async (c) => {
        const partner = await listed(c.req.param('partnerId'))
        const logo = partner.logoDocumentId ? await documents.get(partner.id, partner.logoDocumentId) : undefined
        const stored = logo && servedKey(logo)
        if (!stored) throw new NotFoundError('This partner has no logo.')
        c.header('Cache-Control', 'public, max-age=300')
        return c.redirect(await requireStorage(deps).presignView(stored), 302)
      })
  )
}
