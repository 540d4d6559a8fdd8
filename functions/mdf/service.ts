import { auditEntry } from '../../shared/audit/entry'
import { ConflictError, RuleViolationError, StaleVersionError } from '../../shared/errors'
import { ledgerEntries, type Movement } from '../../shared/mdf/ledger'
import { claimDecidedNotice, claimPaidNotice, claimSubmittedNotice, type Notice } from '../../shared/mdf/notices'
import { day } from '../../shared/mdf/periods'
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
import { CLAIM_STATUS_LABELS } from '../../shared/mdf/vocabulary'
import { outboxMessage } from '../../shared/notifications/outbox'
import type { SignedInActor } from '../../shared/roles'
import type { Claim, Fund } from '../../shared/schemas/mdf'
import type { ClaimInput, DecisionInput, FundAdjust, FundOpen, PaymentInput } from '../../shared/schemas/mdf-input'
import { assertAttachable } from '../../shared/uploads/rules'
import { documentRepository } from '../data/documents'
import { IdempotencyKeyTaken } from '../data/idempotency'
import { MdfWriteRefused, mdfRepository, type MdfWrite } from '../data/mdf'
import { partnerRepository } from '../data/partners'
import type { Deps } from '../http/deps'
import { createOnce } from '../http/idempotency'

/** How often a change is planned again when the fund closed between reading and writing it. */
const FUND_STATE_ATTEMPTS = 3

/** The fund closed between the read and the write: plan again on the fund as it is now. */
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
 * What MDF does, for the HTTP handlers and the demo data alike: read the state, let the pure
 * rules plan the change, and write the change, its ledger entries, its audit entry and its
 * notification in one transaction. A refused condition is answered in the reader's terms (422
 * naming the field, 409 naming the state, 412 for a stale version).
 */
export function mdfService({ db, clock, newId }: Pick<Deps, 'db' | 'clock' | 'newId'>) {
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
    const issues = claimIssues(input, await mdf.getFund(pid, input.period), { today: day(clock.now()), ...resubmitted })
    return issues.length
      ? new RuleViolationError('The claim does not meet the MDF rules.', issues)
      : new ConflictError('The fund changed while the claim was saved: try again.')
  }

  /** A claim whose state changed since it was read: name the state it is in now. */
  async function claimMoved(claim: Claim): Promise<Error> {
    const current = await mdf.getClaim(claim.partnerId, claim.id)
    return new ConflictError(
      current && current.status !== claim.status
        ? `This claim was ${CLAIM_STATUS_LABELS[current.status].toLowerCase()} meanwhile.`
        : 'This claim changed meanwhile: reload it.',
    )
  }

  const fundChange = (fund: Fund, movements: Movement[], now: Date) =>
    movements.length
      ? { period: fund.period, movements, expect: { closed: isClosed(fund) }, set: { updatedAt: now.toISOString() } }
      : undefined

  /** The write that moves a claim from the state read (status and version), the fund with it. */
  const claimWrite = (
    actor: SignedInActor,
    now: Date,
    change: { claim: Claim; fund: Fund; next: Claim; movements: Movement[]; action: string; notice: Notice },
  ): MdfWrite => ({
    partnerId: change.claim.partnerId,
    claim: { next: change.next, expected: { status: change.claim.status, version: change.claim.version } },
    fund: fundChange(change.fund, change.movements, now),
    ...recordOf(actor, now, {
      partnerId: change.claim.partnerId,
      period: change.claim.period,
      movements: change.movements,
      entity: { type: 'mdf-claim', id: change.claim.id },
      action: change.action,
      before: change.claim,
      after: change.next,
      notice: change.notice,
    }),
  })

  /** Decisions and payments: the claim moves from the state read, and the fund with it. */
  const moveClaim = (
    actor: SignedInActor,
    pid: string,
    id: string,
    plan: (claim: Claim, fund: Fund, now: Date) => { claim: Claim; movements: Movement[] },
    action: (next: Claim) => string,
    notice: (claim: Claim) => Notice,
  ) =>
    retryingOnFundState(async () => {
      const now = clock.now()
      const claim = await mdf.requireClaim(pid, id)
      const fund = await mdf.requireFund(pid, claim.period)
      const { claim: next, movements } = plan(claim, fund, now)
      await mdf
        .write(claimWrite(actor, now, { claim, fund, next, movements, action: action(next), notice: notice(next) }))
        .catch(async (error: unknown) => {
          if (!(error instanceof MdfWriteRefused)) throw error
          throw error.target === 'fund' ? new FundStateMoved() : await claimMoved(claim)
        })
      return next
    })

  return {
    /** Opens the partner's fund for a period, once (per Idempotency-Key, and per period). */
    async openFund(actor: SignedInActor, pid: string, body: FundOpen, idempotencyKey?: string) {
      const now = clock.now()
      const partner = await partners.require(pid)
      return createOnce({
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
    },

    /** Moves an allocation from the version read (If-Match), never below what claims hold. */
    async adjustFund(actor: SignedInActor, pid: string, period: string, body: FundAdjust, expectedVersion: number) {
      const now = clock.now()
      const fund = await mdf.requireFund(pid, period)
      const stale = () => new StaleVersionError(`The ${period} allocation changed; reload and retry.`)
      if (fund.version !== expectedVersion) throw stale()
      const movements = adjustAllocation(fund, body)
      await mdf
        .write({
          partnerId: pid,
          fund: {
            period,
            movements,
            expect: { closed: false, version: fund.version },
            set: { version: fund.version + 1, updatedAt: now.toISOString() },
          },
          ...recordOf(actor, now, {
            partnerId: pid,
            period,
            movements,
            entity: { type: 'mdf-fund', id: period },
            action: 'mdf.fund.adjusted',
            before: { allocatedCents: fund.allocatedCents },
            after: { allocatedCents: body.allocatedCents, reason: body.reason },
          }),
        })
        .catch(async (error: unknown) => {
          if (!(error instanceof MdfWriteRefused)) throw error
          const current = await mdf.requireFund(pid, period)
          if (current.version !== fund.version) throw stale()
          adjustAllocation(current, body) // claims took more meanwhile, or it closed: says so
          throw new ConflictError('The fund changed while the allocation was saved: try again.')
        })
      return mdf.requireFund(pid, period)
    },

    /** Files a claim, reserving its amount, once per Idempotency-Key. */
    async fileClaim(actor: SignedInActor, pid: string, body: ClaimInput, idempotencyKey?: string) {
      const now = clock.now()
      const docs = await proofDocuments(pid, body)
      const [partner, fund] = await Promise.all([partners.require(pid), mdf.getFund(pid, body.period)])
      return createOnce({
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
    },

    /** The filing side edits a claim it was asked about (If-Match) and submits it again. */
    async resubmitClaim(actor: SignedInActor, pid: string, id: string, body: ClaimInput, expectedVersion: number) {
      const docs = await proofDocuments(pid, body)
      const stale = () => new StaleVersionError('This claim changed since you loaded it; reload and retry.')
      return retryingOnFundState(async () => {
        const now = clock.now()
        const claim = await mdf.requireClaim(pid, id)
        if (claim.version !== expectedVersion) throw stale()
        const fund = await mdf.requireFund(pid, claim.period)
        const { claim: next, movements } = resubmitClaim(claim, body, { fund, actor, now, documents: docs })
        const notice = claimSubmittedNotice(next)
        await mdf
          .write(claimWrite(actor, now, { claim, fund, next, movements, action: 'mdf.claim.resubmitted', notice }))
          .catch(async (error: unknown) => {
            if (!(error instanceof MdfWriteRefused)) throw error
            if (error.target === 'claim') throw stale()
            if (isClosed(await mdf.requireFund(pid, claim.period)) !== isClosed(fund)) throw new FundStateMoved()
            throw await refusedReservation(pid, body, {
              held: claim.amountCents,
              firstSubmittedOn: claim.firstSubmittedAt.slice(0, 10),
            })
          })
        return next
      })
    },

    decideClaim: (actor: SignedInActor, pid: string, id: string, body: DecisionInput) =>
      moveClaim(
        actor,
        pid,
        id,
        (claim, fund, now) => decideClaim(claim, body, { actor, now, fundClosed: isClosed(fund) }),
        (next) => `mdf.claim.${next.status}`,
        claimDecidedNotice,
      ),

    recordPayment: (actor: SignedInActor, pid: string, id: string, body: PaymentInput) =>
      moveClaim(
        actor,
        pid,
        id,
        (claim, _fund, now) => recordPayment(claim, body, { actor, now }),
        () => 'mdf.claim.paid',
        claimPaidNotice,
      ),
  }
}

export type MdfService = ReturnType<typeof mdfService>
