import { Hono } from 'hono'
import { auditEntry } from '../../shared/audit'
import { StaleVersionError } from '../../shared/errors'
import { applyPartnerPatch, newPartner } from '../../shared/partners/rules'
import { partnerView } from '../../shared/partners/view'
import { assertAttachable } from '../../shared/uploads/rules'
import { PartnerCreate, PartnerPatch, StaffPartnerQuery } from '../../shared/schemas/partner'
import { requireRole, signedIn } from '../auth/guards'
import { documentRepository } from '../data/documents'
import { partnerRepository } from '../data/partners'
import type { Deps } from '../http/deps'
import type { PortalEnv } from '../http/env'
import { etagOf, expectedVersion } from '../http/etag'
import { validate } from '../http/validate'

/** Partner records: staff manage all of them; a partner-admin edits their own listing. */
export const partnersApp = ({ db, clock, newId }: Deps) => {
  const partners = partnerRepository(db)
  const documents = documentRepository(db)
  return new Hono<PortalEnv>()
    .get('/', requireRole('staff'), validate('query', StaffPartnerQuery), async (c) => {
      const page = await partners.listAll(c.req.valid('query'))
      return c.json({ ...page, items: page.items.map((p) => partnerView(p, c.var.actor)) })
    })
    .post('/', requireRole('staff'), validate('json', PartnerCreate), async (c) => {
      const now = clock.now()
      const partner = newPartner(c.req.valid('json'), now)
      const audit = auditEntry({
        id: newId(),
        now,
        actor: c.var.actor,
        partnerId: partner.id,
        entity: { type: 'partner', id: partner.id },
        action: 'partner.created',
        before: null,
        after: partner,
      })
      await partners.create(partner, audit)
      c.header('ETag', etagOf(partner.version))
      c.header('Location', `/api/v1/partners/${partner.id}`)
      return c.json(partnerView(partner, c.var.actor), 201)
    })
    .get('/:partnerId', async (c) => {
      const partner = await partners.require(c.var.partnerId)
      c.header('ETag', etagOf(partner.version))
      return c.json(partnerView(partner, c.var.actor))
    })
    .patch('/:partnerId', requireRole('partner-admin', 'staff'), validate('json', PartnerPatch), async (c) => {
      const expected = expectedVersion(c)
      const actor = signedIn(c)
      const now = clock.now()
      const current = await partners.require(c.var.partnerId)
      if (current.version !== expected) throw new StaleVersionError('This partner changed since you loaded it; reload and retry.')
      const patch = c.req.valid('json')
      if (patch.logoDocumentId) assertAttachable(await documents.get(current.id, patch.logoDocumentId), 'logo', 'logoDocumentId')
      const next = applyPartnerPatch(current, patch, actor.role, now)
      const audit = auditEntry({
        id: newId(),
        now,
        actor,
        partnerId: current.id,
        entity: { type: 'partner', id: current.id },
        action: 'partner.updated',
        before: current,
        after: next,
      })
      await partners.update(next, expected, audit)
      c.header('ETag', etagOf(next.version))
      return c.json(partnerView(next, actor))
    })
}
