import { editApplication, newApplication, newProgram, openReview, replaceProgram } from '../../shared/certifications/rules'
import { badgeView, redactApplication } from '../../shared/certifications/view'
import { certifications as contracts } from '../../shared/contracts/certifications'
import { NotFoundError, RuleViolationError, StaleVersionError, ValidationError } from '../../shared/errors'
import type { Actor } from '../../shared/roles'
import type { Application } from '../../shared/schemas/certification'
import { assertAttachable } from '../../shared/uploads/rules'
import { signedIn } from '../auth/guards'
import { badgeRepository } from '../data/badges'
import { applicationRepository, programRepository } from '../data/certifications'
import { documentRepository } from '../data/documents'
import { partnerRepository } from '../data/partners'
import { productRepository } from '../data/products'
import { etagOf } from '../http/etag'
import { createOnce } from '../http/idempotency'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'
import { certificationWorkflow } from './workflow'

/** Program changes concern no partner: their audit entries are read by entity (`/audit?entity=certification-program:<id>`). */
const PROGRAMS_AUDIT_SCOPE = 'homeaiq'

/** Certification programs, partners' applications, the staff review and the badges it issues. */
export const certificationsRoutes = domainRoutes(contracts, ({ db, clock, newId }) => {
  const programs = programRepository(db)
  const applications = applicationRepository(db)
  const badges = badgeRepository(db)
  const documents = documentRepository(db)
  const partners = partnerRepository(db)
  const products = productRepository(db)

  const workflow = certificationWorkflow({ db, clock, newId })
  const { audit, appAudit } = workflow

  /** Evidence is this partner's checked certification-evidence uploads. */
  const evidenceOf = (pid: string, ids: string[]) =>
    Promise.all(
      ids.map(async (id, i) => {
        const doc = await documents.get(pid, id)
        assertAttachable(doc, 'certification-evidence', `evidenceDocumentIds.${i}`)
        return doc
      }),
    )

  async function assertInCatalog(pid: string, skus: string[]) {
    const known = await products.existing(pid, skus)
    const unknown = skus.flatMap((sku, i) =>
      known.has(sku) ? [] : [{ field: `skus.${i}`, message: `${sku} is not in your catalog.` }],
    )
    if (unknown.length) throw new RuleViolationError('A certification can only name SKUs of your catalog.', unknown)
  }

  async function programFor(programId: string) {
    const program = await programs.get(programId)
    if (!program) throw new ValidationError([{ field: 'programId', message: 'No such certification program.' }])
    return program
  }

  const view = (app: Application, reader: Actor) => redactApplication(app, reader)

  return {
    programs: async (c) => c.json({ items: await programs.list() }),
    program: async (c, { params }) => {
      const program = await programs.require(params.programId)
      c.header('ETag', etagOf(program.version))
      return c.json(program)
    },
    createProgram: async (c, { body }) => {
      const actor = signedIn(c)
      const program = newProgram(body, clock.now())
      const entity = { type: 'certification-program' as const, id: program.id }
      await programs.write(program, null, audit(actor, PROGRAMS_AUDIT_SCOPE, entity, 'program.created', null, program))
      c.header('ETag', etagOf(program.version))
      c.header('Location', `/api/v1/certification-programs/${program.id}`)
      return c.json(program, 201)
    },
    updateProgram: async (c, { params, body, expectedVersion }) => {
      const actor = signedIn(c)
      const current = await programs.require(params.programId)
      if (current.version !== expectedVersion)
        throw new StaleVersionError(`${current.name} changed since you loaded it; reload and retry.`)
      const next = replaceProgram(current, body, clock.now())
      const entity = { type: 'certification-program' as const, id: next.id }
      await programs.write(next, expectedVersion, audit(actor, PROGRAMS_AUDIT_SCOPE, entity, 'program.updated', current, next))
      c.header('ETag', etagOf(next.version))
      return c.json(next)
    },

    list: readAhead(
      ({ params, query }) => applications.listForPartner(params.partnerId, query),
      (c, _input, page) => c.json({ ...page, items: page.items.map((a) => view(a, c.var.actor)) }),
    ),
    apply: async (c, { body: input, idempotencyKey }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const program = await programFor(input.programId)
      const evidence = await evidenceOf(pid, input.evidenceDocumentIds)
      await assertInCatalog(pid, input.skus)
      const partner = await partners.require(pid)
      const now = clock.now()
      const { value: app, replayed } = await createOnce({
        key: idempotencyKey,
        db,
        scope: `${pid}/certifications`,
        body: input,
        now,
        newResourceId: newId,
        load: (id) => applications.require(pid, id),
        create: async (id, claim) => {
          const created = newApplication(input, { id, partnerId: pid, partnerName: partner.name, program, evidence, actor, now })
          const action = created.status === 'draft' ? 'certification.draft-saved' : 'certification.submitted'
          await applications.create(created, appAudit(actor, action, null, created), claim)
          return created
        },
      })
      if (replayed) c.header('Idempotent-Replayed', 'true')
      c.header('ETag', etagOf(app.version))
      c.header('Location', `/api/v1/partners/${pid}/certifications/${app.id}`)
      return c.json(view(app, actor), 201)
    },
    get: async (c, { params }) => {
      const app = await applications.require(c.var.partnerId, params.id)
      c.header('ETag', etagOf(app.version))
      return c.json(view(app, c.var.actor))
    },
    update: async (c, { params, body, expectedVersion }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const app = await applications.require(pid, params.id)
      if (app.version !== expectedVersion)
        throw new StaleVersionError('This application changed since you loaded it; reload and retry.')
      const [program, evidence] = await Promise.all([programs.require(app.programId), evidenceOf(pid, body.evidenceDocumentIds)])
      await assertInCatalog(pid, body.skus)
      const next = editApplication(app, body, { program, evidence, actor, now: clock.now() })
      const action = next.status === 'submitted' ? 'certification.submitted' : 'certification.edited'
      await applications.save(next, app, { audit: appAudit(actor, action, app, next) })
      c.header('ETag', etagOf(next.version))
      return c.json(view(next, actor))
    },
    review: async (c, { params }) => {
      const actor = signedIn(c)
      const app = await applications.require(c.var.partnerId, params.id)
      const next = openReview(app, actor, clock.now())
      await applications.save(next, app, { audit: appAudit(actor, 'certification.review-opened', app, next) })
      c.header('ETag', etagOf(next.version))
      return c.json(view(next, actor))
    },
    decide: async (c, { params, body }) => {
      const actor = signedIn(c)
      const app = await applications.require(c.var.partnerId, params.id)
      const { application, badge } = await workflow.decide(app, body, actor)
      return c.json({ application: view(application, actor), ...(badge ? { badge: badgeView(badge, actor, clock.now()) } : {}) })
    },
    queue: async (c, { query }) => {
      const page = await applications.queue(query)
      return c.json({ ...page, items: page.items.map((a) => view(a, c.var.actor)) })
    },

    badges: async (c) => {
      const now = clock.now()
      const items = await badges.listForPartner(c.var.partnerId)
      return c.json({ items: items.map((b) => badgeView(b, c.var.actor, now)) })
    },
    revoke: async (c, { params, body }) => {
      const actor = signedIn(c)
      const badge = await badges.get(params.badgeId)
      if (!badge || badge.partnerId !== c.var.partnerId) throw new NotFoundError('No such badge.')
      return c.json(badgeView(await workflow.revoke(badge, body.reason, actor), actor, clock.now()))
    },
  }
})
