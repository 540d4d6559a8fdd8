import type { Context } from 'hono'
import { leads as contracts } from '../../shared/contracts/leads'
import { ForbiddenError, NotFoundError } from '../../shared/errors'
import { concernsPartner } from '../../shared/leads/rules'
import { leadView, referralView } from '../../shared/leads/view'
import type { Actor } from '../../shared/roles'
import type { Lead } from '../../shared/schemas/lead'
import { signedIn } from '../auth/guards'
import type { PortalEnv } from '../http/env'
import { etagOf } from '../http/etag'
import { createOnce } from '../http/idempotency'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'
import { leadWorkflow, stripNormalized } from './workflow'

/** Lead sharing: staff share and review leads and referrals; partners answer offers, run their pipeline and refer. */
export const leadsRoutes = domainRoutes(contracts, (deps) => {
  const { db, clock, newId } = deps
  const flow = leadWorkflow(deps)
  const { leads } = flow

  /** The lead as `reader` sees it; its contact is read only for staff and the partner that accepted it. */
  async function viewWithContact(lead: Lead, reader: Actor) {
    const mayRead = reader.kind === 'staff' || (reader.kind === 'partner' && lead.assignedTo === reader.partnerId)
    const contact = mayRead ? await leads.contact(lead.id) : undefined
    return leadView(contact ? { ...lead, contact: stripNormalized(contact) } : lead, reader)
  }

  /** A lead in the path partner's inbox now (a live offer to it, or accepted by it); else 404. */
  async function inboxLead(c: Context<PortalEnv>, id: string) {
    const lead = await leads.get(id)
    if (!lead || !concernsPartner(lead, c.var.partnerId, clock.now())) throw new NotFoundError('No such lead.')
    return lead
  }

  function partnerActor(c: Context<PortalEnv>) {
    const actor = signedIn(c)
    if (actor.kind !== 'partner') throw new ForbiddenError('Only the partner’s own users answer its offers.')
    return actor
  }

  const answer = async (c: Context<PortalEnv>, lead: Lead) => {
    c.header('ETag', etagOf(lead.version))
    return c.json(await viewWithContact(lead, c.var.actor))
  }

  return {
    share: async (c, { body, idempotencyKey }) => {
      const actor = signedIn(c)
      const { value, replayed } = await createOnce({
        key: idempotencyKey,
        db,
        scope: 'leads',
        body,
        now: clock.now(),
        newResourceId: newId,
        load: async (id) => ({ ...(await flow.requireLead(id)), contact: stripNormalized((await leads.contact(id))!) }),
        create: (id, claim) => flow.share(body, actor, id, claim),
      })
      if (replayed) c.header('Idempotent-Replayed', 'true')
      c.header('Location', `/api/v1/review/leads/${value.id}`)
      return c.json(leadView(value, actor), 201)
    },
    reoffer: async (c, { params, body }) => answer(c, await flow.reoffer(params.id, signedIn(c), body.offerTo)),
    review: async (c, { query }) => {
      const page = await leads.listAll(query)
      return c.json({ ...page, items: page.items.map((lead) => leadView(lead, c.var.actor)) })
    },
    detail: async (c, { params }) => answer(c, await flow.requireLead(params.id)),

    list: readAhead(
      ({ params, query }) => leads.listForPartner(params.partnerId, query),
      (c, _input, page) => {
        const now = clock.now()
        // an offer that lapsed leaves the inbox at once, before the expiry job moves it on
        const items = page.items.filter((lead) => concernsPartner(lead, c.var.partnerId, now))
        return c.json({ ...page, items: items.map((lead) => leadView(lead, c.var.actor)) })
      },
    ),
    get: async (c, { params }) => answer(c, await inboxLead(c, params.id)),
    accept: async (c, { params }) => answer(c, await flow.accept(params.id, partnerActor(c))),
    decline: async (c, { params, body }) =>
      c.json(leadView(await flow.decline(params.id, partnerActor(c), body.reason), c.var.actor)),
    advance: async (c, { params, body, expectedVersion }) =>
      answer(c, await flow.advance(params.id, partnerActor(c), body, expectedVersion)),

    refer: async (c, { body, idempotencyKey }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const { value, replayed } = await createOnce({
        key: idempotencyKey,
        db,
        scope: `${pid}/referrals`,
        body,
        now: clock.now(),
        newResourceId: newId,
        load: async (id) => (await leads.referral(id))!,
        create: (id, claim) => flow.refer(pid, body, actor, id, claim),
      })
      if (replayed) c.header('Idempotent-Replayed', 'true')
      return c.json(referralView(value, actor), 201)
    },
    referrals: async (c, { query }) => {
      const page = await leads.listReferralsFor(c.var.partnerId, query)
      return c.json({ ...page, items: page.items.map((r) => referralView(r, c.var.actor)) })
    },
    referralQueue: async (c, { query }) => {
      const page = await leads.listReferrals(query)
      return c.json({ ...page, items: page.items.map((r) => referralView(r, c.var.actor)) })
    },
    referral: async (c, { params }) => {
      const [referral, contact, lead] = await Promise.all([
        leads.referral(params.id),
        leads.contact(params.id),
        leads.get(params.id),
      ])
      if (!referral) throw new NotFoundError('No such referral.')
      return c.json(
        referralView(
          {
            ...referral,
            ...(contact ? { contact: stripNormalized(contact) } : {}),
            ...(lead ? { lead: leadView(lead, c.var.actor) } : {}),
          },
          c.var.actor,
        ),
      )
    },
    decide: async (c, { params, body }) => {
      const actor = signedIn(c)
      const { referral, lead } = await flow.decide(params.id, body, actor)
      return c.json(referralView({ ...referral, ...(lead ? { lead: leadView(lead, actor) } : {}) }, actor))
    },
  }
})
