import type { Context } from 'hono'
import { auditEntry } from '../../shared/audit/entry'
import { mdf as contracts } from '../../shared/contracts/mdf'
import { ConflictError, RuleViolationError, StaleVersionError } from '../../shared/errors'
import { claimsCsv } from '../../shared/mdf/export'
import { ledgerEntries, type Movement } from '../../shared/mdf/ledger'
import { claimDecidedNotice, claimPaidNotice, claimSubmittedNotice, type Notice } from '../../shared/mdf/notices'
import {
  adjustAllocation,
  claimIssues,
  decideClaim,
  isClosed,
  newClaim,
  openFund,
  recordPayment,
  resubmitClaim,
} from '../../shared/mdf/rules'
import { claimView, fundView, ledgerEntryView } from '../../shared/mdf/view'
import { CLAIM_STATUS_LABELS } from '../../shared/mdf/vocabulary'
import { outboxMessage } from '../../shared/notifications/outbox'
import type { SignedInActor } from '../../shared/roles'
import type { Claim, ClaimInput, Fund } from '../../shared/schemas/mdf'
import { assertAttachable } from '../../shared/uploads/rules'
import { signedIn } from '../auth/guards'
import { documentRepository } from '../data/documents'
import { IdempotencyKeyTaken } from '../data/idempotency'
import { MdfWriteRefused, mdfRepository, type MdfWrite } from '../data/mdf'
import { partnerRepository } from '../data/partners'
import type { PortalEnv } from '../http/env'
import { etagOf } from '../http/etag'
import { createOnce } from '../http/idempotency'
import { domainRoutes } from '../http/routes'

/** How often a decision is planned again when the fund closed between reading and writing it. */
const FUND_STATE_ATTEMPTS = 3

/** The fund closed (or reopened its books) between the read and the write: plan again. */
class FundStateMoved extends Error {}

async function retryingOnFundState<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt()
    } catch (error) {
      if (!(error instanceof FundStateMoved) || i >= FUND_STATE_ATTEMPTS) throw error
    }
  }
}

/**
 * MDF: funds per partner and period, claims with proof of performance decided by the side that
 * did not file them, payments, and the ledger that every movement of money is written to in the
 * same transaction as the balances it moves.
 */
export const mdfRoutes = domainRoutes(contracts, ({ db, clock, newId }) => {
  const mdf = mdfRepository(db)
  const partners = partnerRepository(db)
  const documents = documentRepository(db)

  /** The ledger entries, audit entry and outbox message of one change, all for one transaction. */
  function recordOf(
    actor: SignedInActor,
    now: Date,
    what: {
      partnerId: string
      period: string
      movements: Movement[]
      entity: { type: 'mdf-fund' | 'mdf-claim'; id: string }
      action: string
      before: unknown
      after: unknown
      notice?: Notice
    },
  ): Pick<MdfWrite, 'entries' | 'audit' | 'notice'> {
    const { partnerId, period } = what
    return {
      entries: ledgerEntries(what.movements, { partnerId, period, now, by: actor, newId }),
      audit: auditEntry({
        id: newId(),
        now,
        actor,
        partnerId,
        entity: { type: what.entity.type, id: `${partnerId}/${what.entity.id}` },
        action: what.action,
        before: what.before,
        after: what.after,
      }),
      notice: what.notice && outboxMessage({ id: newId(), now, ...what.notice }),
    }
  }

  /** Every attached document must be a checked `mdf-proof` upload of this partner. */
  const proofDocuments = (pid: string, input: ClaimInput) =>
    Promise.all(
      input.documentIds.map(async (id, i) => {
        const doc = await documents.get(pid, id)
        assertAttachable(doc, 'mdf-proof', `documentIds.${i}`)
        return doc
      }),
    )

  /** A reservation the fund refused: say why from the fund as it is now. */
  async function refusedReservation(
    pid: string,
    input: ClaimInput,
    resubmitted?: { held: number; firstSubmittedOn: string },
  ): Promise<Error> {
    const today = clock.now().toISOString().slice(0, 10)
    const issues = claimIssues(input, await mdf.getFund(pid, input.period), { today, ...resubmitted })
    return issues.length
      ? new RuleViolationError('The claim does not meet the MDF rules.', issues)
      : new ConflictError('The fund changed while the claim was saved: try again.')
  }

  /** A claim whose state changed since it was read: name the state it is in now. */
  async function claimMoved(claim: Claim): Promise<Error> {
    const now = await mdf.getClaim(claim.partnerId, claim.id)
    return new ConflictError(
      now && now.status !== claim.status
        ? `This claim was ${CLAIM_STATUS_LABELS[now.status].toLowerCase()} meanwhile.`
        : 'This claim changed meanwhile: reload it.',
    )
  }

  const fundChange = (fund: Fund, movements: Movement[], now: Date) =>
    movements.length
      ? { period: fund.period, movements, expect: { closed: isClosed(fund) }, set: { updatedAt: now.toISOString() } }
      : undefined

  /** Decisions and payments: the claim moves from the state read, and the fund with it. */
  async function moveClaim(
    c: Context<PortalEnv>,
    id: string,
    plan: (claim: Claim, fund: Fund, actor: SignedInActor, now: Date) => { claim: Claim; movements: Movement[] },
    action: string,
    notice: (claim: Claim) => Notice,
  ) {
    const actor = signedIn(c)
    const pid = c.var.partnerId
    return retryingOnFundState(async () => {
      const now = clock.now()
      const claim = await mdf.requireClaim(pid, id)
      const fund = await mdf.requireFund(pid, claim.period)
      const { claim: next, movements } = plan(claim, fund, actor, now)
      await mdf
        .write({
          partnerId: pid,
          claim: { next, expected: { status: claim.status, version: claim.version } },
          fund: fundChange(fund, movements, now),
          ...recordOf(actor, now, {
            partnerId: pid,
            period: claim.period,
            movements,
            entity: { type: 'mdf-claim', id: claim.id },
            action,
            before: claim,
            after: next,
            notice: notice(next),
          }),
        })
        .catch(async (error: unknown) => {
          if (!(error instanceof MdfWriteRefused)) throw error
          throw error.target === 'fund' ? new FundStateMoved() : await claimMoved(claim)
        })
      return c.json(claimView(next, actor))
    })
  }

  return {
    listFunds: async (c) => {
      const page = await mdf.listFunds(c.var.partnerId, { limit: 100 })
      return c.json({ ...page, items: page.items.map((f) => fundView(f, c.var.actor)) })
    },

    openFund: async (c, { body, idempotencyKey }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const now = clock.now()
      const partner = await partners.require(pid)
      const { value: fund, replayed } = await createOnce({
        key: idempotencyKey,
        db,
        scope: `${pid}/mdf-funds`,
        body,
        now,
        newResourceId: () => body.period,
        load: (period) => mdf.requireFund(pid, period),
        create: async (_period, claim) => {
          const { fund, movements } = openFund(body, { partnerId: pid, tier: partner.tier, actor, now })
          const { entries, audit } = recordOf(actor, now, {
            partnerId: pid,
            period: fund.period,
            movements,
            entity: { type: 'mdf-fund', id: fund.period },
            action: 'mdf.fund.opened',
            before: null,
            after: fund,
          })
          await mdf.openFund(fund, entries, audit, claim).catch((error: unknown) => {
            if (!(error instanceof MdfWriteRefused)) throw error
            if (error.target === 'idempotency') throw new IdempotencyKeyTaken()
            throw new ConflictError(`${partner.name} has a ${fund.period} fund already: change its allocation instead.`)
          })
          return fund
        },
      })
      if (replayed) c.header('Idempotent-Replayed', 'true')
      c.header('ETag', etagOf(fund.version))
      c.header('Location', `/api/v1/partners/${pid}/mdf/funds/${fund.period}`)
      return c.json(fundView(fund, actor), 201)
    },

    getFund: async (c, { params }) => {
      const fund = await mdf.requireFund(c.var.partnerId, params.period)
      c.header('ETag', etagOf(fund.version))
      return c.json(fundView(fund, c.var.actor))
    },

    adjustFund: async (c, { params, body, expectedVersion }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const now = clock.now()
      const fund = await mdf.requireFund(pid, params.period)
      if (fund.version !== expectedVersion)
        throw new StaleVersionError(`The ${fund.period} allocation changed; reload and retry.`)
      const movements = adjustAllocation(fund, body)
      await mdf
        .write({
          partnerId: pid,
          fund: {
            period: fund.period,
            movements,
            expect: { closed: false, version: fund.version },
            set: { version: fund.version + 1, updatedAt: now.toISOString() },
          },
          ...recordOf(actor, now, {
            partnerId: pid,
            period: fund.period,
            movements,
            entity: { type: 'mdf-fund', id: fund.period },
            action: 'mdf.fund.adjusted',
            before: { allocatedCents: fund.allocatedCents },
            after: { allocatedCents: body.allocatedCents, reason: body.reason },
          }),
        })
        .catch(async (error: unknown) => {
          if (!(error instanceof MdfWriteRefused)) throw error
          const current = await mdf.requireFund(pid, fund.period)
          if (current.version !== fund.version)
            throw new StaleVersionError(`The ${fund.period} allocation changed; reload and retry.`)
          adjustAllocation(current, body) // claims took more meanwhile: says how much they hold now
          throw new ConflictError('The fund changed while the allocation was saved: try again.')
        })
      const saved = await mdf.requireFund(pid, fund.period)
      c.header('ETag', etagOf(saved.version))
      return c.json(fundView(saved, actor))
    },

    ledger: async (c, { params, query }) => {
      await mdf.requireFund(c.var.partnerId, params.period)
      const page = await mdf.ledger(c.var.partnerId, params.period, query)
      return c.json({ ...page, items: page.items.map((e) => ledgerEntryView(e, c.var.actor)) })
    },

    listClaims: async (c, { query }) => {
      const page = await mdf.listClaims(c.var.partnerId, query)
      return c.json({ ...page, items: page.items.map((claim) => claimView(claim, c.var.actor)) })
    },

    fileClaim: async (c, { body, idempotencyKey }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const now = clock.now()
      const docs = await proofDocuments(pid, body)
      const [partner, fund] = await Promise.all([partners.require(pid), mdf.getFund(pid, body.period)])
      const { value: claim, replayed } = await createOnce({
        key: idempotencyKey,
        db,
        scope: `${pid}/mdf-claims`,
        body,
        now,
        newResourceId: newId,
        load: (id) => mdf.requireClaim(pid, id),
        create: async (id, idempotency) => {
          const { claim, movements } = newClaim(body, { id, partnerName: partner.name, fund, actor, now, documents: docs })
          await mdf
            .write({
              partnerId: pid,
              idempotency,
              claim: { next: claim, expected: 'new' },
              fund: { period: claim.period, movements, expect: { closed: false }, set: { updatedAt: now.toISOString() } },
              ...recordOf(actor, now, {
                partnerId: pid,
                period: claim.period,
                movements,
                entity: { type: 'mdf-claim', id },
                action: 'mdf.claim.submitted',
                before: null,
                after: claim,
                notice: claimSubmittedNotice(claim),
              }),
            })
            .catch(async (error: unknown) => {
              if (!(error instanceof MdfWriteRefused)) throw error
              if (error.target === 'idempotency') throw new IdempotencyKeyTaken()
              throw error.target === 'fund'
                ? await refusedReservation(pid, body)
                : new ConflictError(`Claim ${id} exists already.`)
            })
          return claim
        },
      })
      if (replayed) c.header('Idempotent-Replayed', 'true')
      c.header('ETag', etagOf(claim.version))
      c.header('Location', `/api/v1/partners/${pid}/mdf/claims/${claim.id}`)
      return c.json(claimView(claim, actor), 201)
    },

    getClaim: async (c, { params }) => {
      const claim = await mdf.requireClaim(c.var.partnerId, params.id)
      c.header('ETag', etagOf(claim.version))
      return c.json(claimView(claim, c.var.actor))
    },

    resubmitClaim: async (c, { params, body, expectedVersion }) => {
      const actor = signedIn(c)
      const pid = c.var.partnerId
      const docs = await proofDocuments(pid, body)
      return retryingOnFundState(async () => {
        const now = clock.now()
        const claim = await mdf.requireClaim(pid, params.id)
        if (claim.version !== expectedVersion)
          throw new StaleVersionError('This claim changed since you loaded it; reload and retry.')
        const fund = await mdf.requireFund(pid, claim.period)
        const { claim: next, movements } = resubmitClaim(claim, body, { fund, actor, now, documents: docs })
        await mdf
          .write({
            partnerId: pid,
            claim: { next, expected: { status: claim.status, version: claim.version } },
            fund: fundChange(fund, movements, now),
            ...recordOf(actor, now, {
              partnerId: pid,
              period: claim.period,
              movements,
              entity: { type: 'mdf-claim', id: claim.id },
              action: 'mdf.claim.resubmitted',
              before: claim,
              after: next,
              notice: claimSubmittedNotice(next),
            }),
          })
          .catch(async (error: unknown) => {
            if (!(error instanceof MdfWriteRefused)) throw error
            if (error.target === 'claim') throw new StaleVersionError('This claim changed since you loaded it; reload and retry.')
            const current = await mdf.requireFund(pid, claim.period)
            if (isClosed(current) !== isClosed(fund)) throw new FundStateMoved()
            throw await refusedReservation(pid, body, {
              held: claim.amountCents,
              firstSubmittedOn: claim.firstSubmittedAt.slice(0, 10),
            })
          })
        c.header('ETag', etagOf(next.version))
        return c.json(claimView(next, actor))
      })
    },

    decideClaim: async (c, { params, body }) =>
      moveClaim(
        c,
        params.id,
        (claim, fund, actor, now) => decideClaim(claim, body, { actor, now, fundClosed: isClosed(fund) }),
        `mdf.claim.${body.decision === 'approve' ? 'approved' : body.decision === 'reject' ? 'rejected' : 'info-requested'}`,
        claimDecidedNotice,
      ),

    recordPayment: async (c, { params, body }) =>
      moveClaim(
        c,
        params.id,
        (claim, _fund, actor, now) => recordPayment(claim, body, { actor, now }),
        'mdf.claim.paid',
        claimPaidNotice,
      ),

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
