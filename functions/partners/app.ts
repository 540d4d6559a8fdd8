import { auditEntry } from '../../shared/audit/entry'
import { partners as contracts } from '../../shared/contracts/partners'
import { outboxMessage, partnerAdmins } from '../../shared/notifications/outbox'
import { applyPartnerPatch, newPartner, termsChange } from '../../shared/partners/rules'
import { partnerView } from '../../shared/partners/view'
import { StaleVersionError } from '../../shared/errors'
import { assertAttachable } from '../../shared/uploads/rules'
import { signedIn } from '../auth/guards'
import { documentRepository } from '../data/documents'
import { partnerRepository } from '../data/partners'
import { etagOf } from '../http/etag'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'

/** Partner records: staff manage all of them; a partner-admin edits their own listing. */
export const partnersRoutes = domainRoutes(contracts, ({ db, clock, newId, access }) => {
  const partners = partnerRepository(db)
  const documents = documentRepository(db)
  return {
    list: async (c, { query }) => {
      const page = await partners.listAll(query)
      return c.json({ ...page, items: page.items.map((p) => partnerView(p, c.var.actor)) })
    },
    create: async (c, { body }) => {
      const now = clock.now()
      const partner = newPartner(body, now)
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
    },
    get: readAhead(
      ({ params }) => partners.require(params.partnerId),
      (c, _input, partner) => {
        c.header('ETag', etagOf(partner.version))
        return c.json(partnerView(partner, c.var.actor))
      },
    ),
    update: async (c, { body: patch, expectedVersion }) => {
      const actor = signedIn(c)
      const now = clock.now()
      const current = await partners.require(c.var.partnerId)
      if (current.version !== expectedVersion)
        throw new StaleVersionError('This partner changed since you loaded it; reload and retry.')
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
        reason: patch.changeReason,
      })
      const changed = termsChange(current, next)
      const notice = changed
        ? outboxMessage({
            id: newId(),
            now,
            kind: 'terms-changed',
            audience: partnerAdmins(current.id),
            partnerId: current.id,
            title: 'Your partnership terms changed',
            body: [...changed, `Why: ${patch.changeReason}`].join('\n'),
            link: '/workspace',
          })
        : undefined
      await partners.update(next, expectedVersion, audit, notice)
      // a status change decides what the partner's users may do: effective at once here
      access.forgetPartner(current.id)
      c.header('ETag', etagOf(next.version))
      return c.json(partnerView(next, actor))
    },
  }
})
