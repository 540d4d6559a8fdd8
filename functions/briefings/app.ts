import { auditEntry } from '../../shared/audit/entry'
import { newBriefing } from '../../shared/briefings/new-briefing'
import { briefingView } from '../../shared/briefings/view'
import { ackNotice } from '../../shared/briefings/notice'
import { briefings as contracts } from '../../shared/contracts/briefings'
import { RuleViolationError } from '../../shared/errors'
import { assertAttachable } from '../../shared/uploads/rules'
import { signedIn } from '../auth/guards'
import { briefingRepository } from '../data/briefings'
import { documentRepository } from '../data/documents'
import { partnerRepository } from '../data/partners'
import { productRepository } from '../data/products'
import { createOnce } from '../http/idempotency'
import { domainRoutes } from '../http/routes'

/** Product update briefings a partner publishes; staff read the feed and acknowledge them. */
export const briefingsRoutes = domainRoutes(contracts, ({ db, clock, newId }) => {
  const briefings = briefingRepository(db)
  const documents = documentRepository(db)
  const partners = partnerRepository(db)
  const products = productRepository(db)

  return {
    list: async (c, { query }) => {
      const page = await briefings.listForPartner(c.var.partnerId, query)
      return c.json({ ...page, items: page.items.map((b) => briefingView(b, c.var.actor)) })
    },
    publish: async (c, { body: input, idempotencyKey }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const attachments = await Promise.all(
        input.attachmentDocumentIds.map(async (id, i) => {
          const doc = await documents.get(pid, id)
          assertAttachable(doc, 'briefing-attachment', `attachmentDocumentIds.${i}`)
          return doc
        }),
      )
      const known = await products.existing(pid, input.skus)
      const unknown = input.skus.flatMap((sku, i) =>
        known.has(sku) ? [] : [{ field: `skus.${i}`, message: `${sku} is not in your catalog.` }],
      )
      if (unknown.length) throw new RuleViolationError('A briefing can only name SKUs of your catalog.', unknown)
      const now = clock.now()
      const partner = await partners.require(pid)
      const { value: briefing, replayed } = await createOnce({
        key: idempotencyKey,
        db,
        scope: pid,
        body: input,
        now,
        newResourceId: newId,
        load: (id) => briefings.require(pid, id),
        create: async (id, claim) => {
          const created = newBriefing(input, { id, partnerId: pid, partnerName: partner.name, actor, now, attachments })
          const audit = auditEntry({
            id: newId(),
            now,
            actor,
            partnerId: pid,
            entity: { type: 'briefing', id },
            action: 'briefing.published',
            before: null,
            after: created,
          })
          const notice = ackNotice(created, { id: newId(), now })
          await briefings.create(created, audit, claim, notice)
          return created
        },
      })
      if (replayed) c.header('Idempotent-Replayed', 'true')
      c.header('Location', `/api/v1/partners/${pid}/briefings/${briefing.id}`)
      return c.json(briefingView(briefing, actor), 201)
    },
    get: async (c, { params }) => c.json(briefingView(await briefings.require(c.var.partnerId, params.id), c.var.actor)),
    acknowledge: async (c, { params }) => {
      const actor = signedIn(c)
      const now = clock.now()
      const briefing = await briefings.require(c.var.partnerId, params.id)
      const ack = { userId: actor.userId, email: actor.email, at: now.toISOString() }
      const audit = auditEntry({
        id: newId(),
        now,
        actor,
        partnerId: briefing.partnerId,
        entity: { type: 'briefing', id: briefing.id },
        action: 'briefing.acknowledged',
        before: { acknowledgements: briefing.acknowledgements },
        after: { acknowledgements: [...briefing.acknowledgements, ack] },
      })
      await briefings.acknowledge(briefing, ack, audit)
      // repeated acknowledgements are harmless: answer the stored state either way
      return c.json(briefingView(await briefings.require(briefing.partnerId, briefing.id), actor))
    },

    feed: async (c, { query }) => {
      const actor = signedIn(c)
      const [page, flaggedCount] = await Promise.all([briefings.feed(query, actor.userId), briefings.flaggedCount()])
      return c.json({ ...page, items: page.items.map((b) => briefingView(b, actor)), flaggedCount })
    },
  }
})
