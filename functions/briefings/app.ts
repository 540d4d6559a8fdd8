import { auditEntry } from '../../shared/audit/entry'
import { briefingView } from '../../shared/briefings/view'
import { ackNotice } from '../../shared/briefings/notice'
import { briefings as contracts } from '../../shared/contracts/briefings'
import { RuleViolationError, StaleVersionError } from '../../shared/errors'
import { assertAttachable } from '../../shared/uploads/rules'
import { signedIn } from '../auth/guards'
import { briefingRepository } from '../data/briefings'
import { documentRepository } from '../data/documents'
import { partnerRepository } from '../data/partners'
import { productRepository } from '../data/products'
import { etagOf } from '../http/etag'
import { createOnce } from '../http/idempotency'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'

// Only publishing and correcting render Markdown: the other routes' cold starts never load markdown-it
const publishing = () => import('../../shared/briefings/new-briefing')
const correcting = () => import('../../shared/briefings/revision')

const staleSince = (version: number) =>
  new StaleVersionError(`The briefing was corrected since version ${version}: read the correction, then try again.`)

/** Product update briefings a partner publishes and corrects; staff read the feed and acknowledge them. */
export const briefingsRoutes = domainRoutes(contracts, ({ db, clock, newId }) => {
  const briefings = briefingRepository(db)
  const documents = documentRepository(db)
  const partners = partnerRepository(db)
  const products = productRepository(db)

  /** The documents to attach: ready briefing attachments of this partner, each named by its place in the list. */
  const attachable = (pid: string, ids: string[]) =>
    Promise.all(
      ids.map(async (id, i) => {
        const doc = await documents.get(pid, id)
        assertAttachable(doc, 'briefing-attachment', `attachmentDocumentIds.${i}`)
        return doc
      }),
    )

  async function assertOwnSkus(pid: string, skus: string[]) {
    const known = await products.existing(pid, skus)
    const unknown = skus.flatMap((sku, i) =>
      known.has(sku) ? [] : [{ field: `skus.${i}`, message: `${sku} is not in your catalog.` }],
    )
    if (unknown.length) throw new RuleViolationError('A briefing can only name SKUs of your catalog.', unknown)
  }

  return {
    list: readAhead(
      ({ params, query }) => briefings.listForPartner(params.partnerId, query),
      (c, _input, page) => c.json({ ...page, items: page.items.map((b) => briefingView(b, c.var.actor)) }),
    ),
    publish: async (c, { body: input, idempotencyKey }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const attachments = await attachable(pid, input.attachmentDocumentIds)
      await assertOwnSkus(pid, input.skus)
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
          const { newBriefing } = await publishing()
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
      c.header('ETag', etagOf(briefing.version))
      return c.json(briefingView(briefing, actor), 201)
    },
    get: async (c, { params }) => {
      const briefing = await briefings.require(c.var.partnerId, params.id)
      c.header('ETag', etagOf(briefing.version))
      return c.json(briefingView(briefing, c.var.actor))
    },
    revise: async (c, { params, body: input, expectedVersion }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const current = await briefings.require(pid, params.id)
      if (current.version !== expectedVersion) throw staleSince(expectedVersion)
      const attachments = await attachable(pid, input.attachmentDocumentIds)
      await assertOwnSkus(pid, input.skus)
      const now = clock.now()
      const { reviseBriefing, revisionChange } = await correcting()
      const { briefing, reflagged } = reviseBriefing(current, input, { actor, now, attachments })
      const audit = auditEntry({
        id: newId(),
        now,
        actor,
        partnerId: pid,
        entity: { type: 'briefing', id: briefing.id },
        action: 'briefing.revised',
        ...revisionChange(current, briefing),
      })
      await briefings.revise(current, briefing, audit, { reflagged, notice: ackNotice(briefing, { id: newId(), now }) })
      c.header('ETag', etagOf(briefing.version))
      return c.json(briefingView(briefing, actor))
    },
    acknowledge: async (c, { params, expectedVersion: seen }) => {
      const actor = signedIn(c)
      const now = clock.now()
      const briefing = await briefings.require(c.var.partnerId, params.id)
      // the acknowledger read a version: a correction since then is theirs to read first
      if (seen !== undefined && seen !== briefing.version) throw staleSince(seen)
      const ack = { userId: actor.userId, email: actor.email, at: now.toISOString(), version: briefing.version }
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
      // repeated acknowledgements are harmless: answer the stored state either way, unless a correction overtook this one
      const stored = await briefings.require(briefing.partnerId, briefing.id)
      if (stored.version !== briefing.version && !stored.ackedBy.includes(actor.userId)) throw staleSince(briefing.version)
      c.header('ETag', etagOf(stored.version))
      return c.json(briefingView(stored, actor))
    },

    feed: async (c, { query }) => {
      const actor = signedIn(c)
      const [page, flaggedCount] = await Promise.all([briefings.feed(query, actor.userId), briefings.flaggedCount()])
      return c.json({ ...page, items: page.items.map((b) => briefingView(b, actor)), flaggedCount })
    },
  }
})
