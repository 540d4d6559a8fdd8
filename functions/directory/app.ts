import { directory } from '../../shared/contracts/directory'
import { NotFoundError } from '../../shared/errors'
import { isListed } from '../../shared/partners/rules'
import { servedKey } from '../../shared/uploads/rules'
import { documentRepository } from '../data/documents'
import { partnerRepository, toPublic } from '../data/partners'
import { requireStorage } from '../http/deps'
import { domainRoutes } from '../http/routes'

/** The public partner directory: active partners only, no sign-in. */
export const directoryRoutes = domainRoutes(directory, (deps) => {
  const partners = partnerRepository(deps.db)
  const documents = documentRepository(deps.db)
  const listed = async (pid: string) => {
    const partner = await partners.get(pid)
    if (!partner || !isListed(partner)) throw new NotFoundError('No such partner in the directory.')
    return partner
  }
  return {
    list: async (c, { query }) => c.json(await partners.listDirectory(query)),
    profile: async (c, { params }) => c.json(toPublic(await listed(params.partnerId))),
    // the logo lives in the private documents bucket: redirect to a short-lived signed view
    logo: async (c, { params }) => {
      const partner = await listed(params.partnerId)
      const logo = partner.logoDocumentId ? await documents.get(partner.id, partner.logoDocumentId) : undefined
      const stored = logo && servedKey(logo)
      if (!stored) throw new NotFoundError('This partner has no logo.')
      c.header('Cache-Control', 'public, max-age=300')
      return c.redirect(await requireStorage(deps).presignView(stored), 302)
    },
  }
})
