import { effectiveStatus } from '../../shared/certifications/rules'
import { directory } from '../../shared/contracts/directory'
import { NotFoundError } from '../../shared/errors'
import { isListed, matchesDirectory } from '../../shared/partners/rules'
import type { DirectoryQuery, PublicPartner } from '../../shared/schemas/partner'
import { servedKey } from '../../shared/uploads/rules'
import { badgeRepository } from '../data/badges'
import { documentRepository } from '../data/documents'
import { partnerRepository, toPublic } from '../data/partners'
import { requireStorage } from '../http/deps'
import { domainRoutes } from '../http/routes'

/** The public partner directory: active partners only, no sign-in. */
export const directoryRoutes = domainRoutes(directory, (deps) => {
  const partners = partnerRepository(deps.db)
  const documents = documentRepository(deps.db)
  const badges = badgeRepository(deps.db)
  const listed = async (pid: string) => {
    const partner = await partners.get(pid)
    if (!partner || !isListed(partner)) throw new NotFoundError('No such partner in the directory.')
    return partner
  }

  /**
   * Partners with an active badge of the program, read from the program's sparse index of
   * active badges (by partner id), then the other filters on the partners themselves.
   */
  async function certified(query: DirectoryQuery & { certification: string }) {
    const page = await badges.certifiedPartners(query.certification, deps.clock.now(), query)
    const found = await partners.getMany(page.items.map((b) => b.partnerId))
    const items: PublicPartner[] = page.items.flatMap((b) => {
      const partner = found.get(b.partnerId)
      return partner && isListed(partner) && matchesDirectory(partner, query) ? [toPublic(partner)] : []
    })
    return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }
  }

  async function activeBadges(pid: string) {
    const now = deps.clock.now()
    return (await badges.listForPartner(pid))
      .filter((b) => effectiveStatus(b, now) === 'active')
      .map(({ id, programId, programName, issuedAt, expiresAt, skus }) => ({
        id,
        programId,
        programName,
        issuedAt,
        expiresAt,
        skus,
      }))
  }

  return {
    list: async (c, { query }) =>
      c.json(
        query.certification
          ? await certified({ ...query, certification: query.certification })
          : await partners.listDirectory(query),
      ),
    profile: async (c, { params }) => {
      const [partner, held] = await Promise.all([listed(params.partnerId), activeBadges(params.partnerId)])
      return c.json({ ...toPublic(partner), badges: held })
    },
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
