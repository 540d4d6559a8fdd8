import { Hono } from 'hono'
import * as z from 'zod'
import { auditEntry } from '../../shared/audit'
import { RuleViolationError } from '../../shared/errors'
import { isFlagged, newBriefing } from '../../shared/briefings/rules'
import { BriefingFeedQuery, BriefingInput, PartnerBriefingQuery, type Briefing } from '../../shared/schemas/briefing'
import { assertAttachable } from '../../shared/uploads/rules'
import type { SignedInActor } from '../../shared/roles'
import { requireRole, signedIn } from '../auth/guards'
import { briefingRepository } from '../data/briefings'
import { documentRepository } from '../data/documents'
import { partnerRepository } from '../data/partners'
import { productRepository } from '../data/products'
import type { Deps } from '../http/deps'
import type { PortalEnv } from '../http/env'
import { createOnce } from '../http/idempotency'
import { validate } from '../http/validate'

const IdParam = z.strictObject({ partnerId: z.string(), id: z.string().regex(/^[0-9A-Z]{26}$/, 'Not a briefing id.') })

/** How a briefing reads to the caller: whether it still needs acknowledgement, and whether this user gave theirs. */
const view = (b: Briefing, actor: SignedInActor) =>
  actor.kind === 'staff'
    ? { ...b, flagged: isFlagged(b), acknowledgedByMe: b.ackedBy.includes(actor.userId) }
    : // partners learn that and when HomeAIQ acknowledged, not which staff member did
      {
        ...b,
        flagged: isFlagged(b),
        ackedBy: [],
        acknowledgements: b.acknowledgements.map(({ at }) => ({ userId: 'homeaiq', email: 'HomeAIQ', at })),
      }

/** Product update briefings a partner publishes; staff acknowledge them. */
export const briefingsApp = ({ db, clock, newId }: Deps) => {
  const briefings = briefingRepository(db)
  const documents = documentRepository(db)
  const partners = partnerRepository(db)
  const products = productRepository(db)

  return new Hono<PortalEnv>()
    .get('/', validate('query', PartnerBriefingQuery), async (c) => {
      const actor = signedIn(c)
      const page = await briefings.listForPartner(c.var.partnerId, c.req.valid('query'))
      return c.json({ ...page, items: page.items.map((b) => view(b, actor)) })
    })
    .post('/', validate('json', BriefingInput), async (c) => {
      const actor = signedIn(c)
      const input = c.req.valid('json')
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
      const { value: briefing, replayed } = await createOnce(c, {
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
          await briefings.create(created, audit, claim)
          return created
        },
      })
      if (replayed) c.header('Idempotent-Replayed', 'true')
      c.header('Location', `/api/v1/partners/${pid}/briefings/${briefing.id}`)
      return c.json(view(briefing, actor), 201)
    })
    .get('/:id', validate('param', IdParam), async (c) => {
      const briefing = await briefings.require(c.var.partnerId, c.req.valid('param').id)
      return c.json(view(briefing, signedIn(c)))
    })
    .post('/:id/ack', requireRole('staff'), validate('param', IdParam), async (c) => {
      const actor = signedIn(c)
      const now = clock.now()
      const briefing = await briefings.require(c.var.partnerId, c.req.valid('param').id)
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
      return c.json(view(await briefings.require(briefing.partnerId, briefing.id), actor))
    })
}

/** The staff feed across partners: GET /review/briefings. */
export const briefingReviewApp = ({ db }: Deps) => {
  const briefings = briefingRepository(db)
  return new Hono<PortalEnv>().get('/', requireRole('staff'), validate('query', BriefingFeedQuery), async (c) => {
    const actor = signedIn(c)
    const [page, flaggedCount] = await Promise.all([briefings.feed(c.req.valid('query'), actor.userId), briefings.flaggedCount()])
    return c.json({ ...page, items: page.items.map((b) => view(b, actor)), flaggedCount })
  })
}
