import { mdf as contracts } from '../../shared/contracts/mdf'
import { claimsCsv } from '../../shared/mdf/export'
import { claimView, fundView, ledgerEntryView } from '../../shared/mdf/view'
import { signedIn } from '../auth/guards'
import { mdfRepository } from '../data/mdf'
import { etagOf } from '../http/etag'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'
import { mdfService } from './service'

/**
 * MDF: funds per partner and period, claims with proof of performance decided by the side that
 * did not file them, payments, and the ledger that every movement of money is written to in the
 * same transaction as the balances it moves (./service.ts does the work).
 */
export const mdfRoutes = domainRoutes(contracts, (deps) => {
  const mdf = mdfRepository(deps.db)
  const service = mdfService(deps)
  const base = (pid: string) => `/api/v1/partners/${pid}/mdf`

  return {
    listFunds: async (c) => {
      const page = await mdf.listFunds(c.var.partnerId, { limit: 100 })
      return c.json({ ...page, items: page.items.map((f) => fundView(f, c.var.actor)) })
    },

    openFund: async (c, { body, idempotencyKey }) => {
      const actor = signedIn(c)
      const { value: fund, replayed } = await service.openFund(actor, c.var.partnerId, body, idempotencyKey)
      if (replayed) c.header('Idempotent-Replayed', 'true')
      c.header('ETag', etagOf(fund.version))
      c.header('Location', `${base(c.var.partnerId)}/funds/${fund.period}`)
      return c.json(fundView(fund, actor), 201)
    },

    getFund: async (c, { params }) => {
      const fund = await mdf.requireFund(c.var.partnerId, params.period)
      c.header('ETag', etagOf(fund.version))
      return c.json(fundView(fund, c.var.actor))
    },

    adjustFund: async (c, { params, body, expectedVersion }) => {
      const actor = signedIn(c)
      const fund = await service.adjustFund(actor, c.var.partnerId, params.period, body, expectedVersion)
      c.header('ETag', etagOf(fund.version))
      return c.json(fundView(fund, actor))
    },

    ledger: async (c, { params, query }) => {
      await mdf.requireFund(c.var.partnerId, params.period)
      const page = await mdf.ledger(c.var.partnerId, params.period, query)
      return c.json({ ...page, items: page.items.map((e) => ledgerEntryView(e, c.var.actor)) })
    },

    listClaims: readAhead(
      ({ params, query }) => mdf.listClaims(params.partnerId, query),
      (c, _input, page) => c.json({ ...page, items: page.items.map((claim) => claimView(claim, c.var.actor)) }),
    ),

    fileClaim: async (c, { body, idempotencyKey }) => {
      const actor = signedIn(c)
      const { value: claim, replayed } = await service.fileClaim(actor, c.var.partnerId, body, idempotencyKey)
      if (replayed) c.header('Idempotent-Replayed', 'true')
      c.header('ETag', etagOf(claim.version))
      c.header('Location', `${base(c.var.partnerId)}/claims/${claim.id}`)
      return c.json(claimView(claim, actor), 201)
    },

    getClaim: async (c, { params }) => {
      const claim = await mdf.requireClaim(c.var.partnerId, params.id)
      c.header('ETag', etagOf(claim.version))
      return c.json(claimView(claim, c.var.actor))
    },

    resubmitClaim: async (c, { params, body, expectedVersion }) => {
      const actor = signedIn(c)
      const claim = await service.resubmitClaim(actor, c.var.partnerId, params.id, body, expectedVersion)
      c.header('ETag', etagOf(claim.version))
      return c.json(claimView(claim, actor))
    },

    decideClaim: async (c, { params, body }) => {
      const actor = signedIn(c)
      const claim = await service.decideClaim(actor, c.var.partnerId, params.id, body)
      c.header('ETag', etagOf(claim.version))
      return c.json(claimView(claim, actor))
    },

    recordPayment: async (c, { params, body }) => {
      const actor = signedIn(c)
      const claim = await service.recordPayment(actor, c.var.partnerId, params.id, body)
      c.header('ETag', etagOf(claim.version))
      return c.json(claimView(claim, actor))
    },

    queue: async (c, { query }) => {
      const page = await mdf.queue(query)
      return c.json({ ...page, items: page.items.map((claim) => claimView(claim, c.var.actor)) })
    },

    exportClaims: async (c, { query }) => {
      const claims = await mdf.claimsOfPeriod(query.period)
      c.header('Content-Type', 'text/csv; charset=utf-8')
      c.header('Content-Disposition', `attachment; filename="mdf-claims-${query.period}.csv"`)
      return c.body(claimsCsv(claims))
    },
  }
})
