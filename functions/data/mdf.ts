import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { NotFoundError } from '../../shared/errors'
import { BALANCE_FIELDS, availableNeeded, deltaOf, type Movement } from '../../shared/mdf/ledger'
import { claimDelta } from '../../shared/program/stats'
import type { OutboxMessage } from '../../shared/notifications/outbox'
import type { Claim, Fund, LedgerEntry } from '../../shared/schemas/mdf'
import type { ClaimQueueQuery, PartnerClaimQuery } from '../../shared/schemas/mdf-input'
import { auditPut } from './audit'
import type { Db } from './db'
import { filterOf, queryPage, stripKeys } from './db'
import { keys } from './keys'
import { outboxPut } from './outbox'
import { statsMove } from './stats'
import { transactWrite, type TransactItem } from './transact'

/**
 * A change to a fund's balances: its movements (written as ledger entries in the same
 * transaction) are ADDed to the fund, under a guard that `available` covers what they take,
 * and under what the plan assumed of the fund (open or closed, the allocation's version, ...).
 */
export interface FundChange {
  period: string
  movements: Movement[]
  expect?: { closed?: boolean; version?: number; availableCents?: number; reminded?: false }
  /** other attributes to set, e.g. the reminder marker or the allocation's next version */
  set?: Record<string, string | number>
  /** the fund closes: it leaves the closing index */
  close?: boolean
}

/** One MDF write: a claim (new, or replacing the version read), a fund change, their ledger entries, audit and outbox. */
export interface MdfWrite {
  partnerId: string
  claim?: { next: Claim; expected: { status: Claim['status']; version: number } | 'new' }
  fund?: FundChange
  entries: LedgerEntry[]
  audit: AuditEntry
  notice?: OutboxMessage | undefined
  /** an Idempotency-Key claim: the first action */
  idempotency?: TransactItem | undefined
}

/** Which condition of an MDF write failed: the caller knows what that means for its request. */
export class MdfWriteRefused extends Error {
  constructor(readonly target: 'idempotency' | 'claim' | 'fund') {
    super(`the ${target} condition failed`)
  }
}

/** A claim as stored, with its queue and period index entries (exported for the bench's bulk seeding). */
export const claimItem = (claim: Claim) => ({
  ...keys.mdfClaim(claim.partnerId, claim.id),
  ...keys.claimQueueEntry(claim.status, claim.submittedAt, claim.partnerId, claim.id),
  ...keys.claimPeriodEntry(claim.period, claim.partnerId, claim.id),
  _type: 'mdf-claim',
  ...claim,
})

const fundItem = (fund: Fund) => ({
  ...keys.mdfFund(fund.partnerId, fund.period),
  ...(fund.closedAt ? {} : keys.openFundEntry(fund.closesOn, fund.partnerId, fund.period)),
  ...keys.fundByPeriodEntry(fund.period, fund.partnerId),
  _type: 'mdf-fund',
  ...fund,
})

type Page = { limit: number; cursor?: string | undefined }

export const mdfRepository = (db: Db) => {
  const ledgerPut = (entry: LedgerEntry) => ({
    Put: {
      TableName: db.table,
      Item: { ...keys.mdfLedgerEntry(entry.partnerId, entry.period, entry.id), _type: 'mdf-ledger', ...entry },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  })

  function fundUpdate(pid: string, change: FundChange) {
    const delta = deltaOf(change.movements)
    const names: Record<string, string> = {}
    const values: Record<string, unknown> = {}
    const adds: string[] = []
    for (const field of BALANCE_FIELDS) {
      if (delta[field] === 0) continue
      names[`#${field}`] = field
      values[`:${field}`] = delta[field]
      adds.push(`#${field} :${field}`)
    }
    const sets = Object.entries(change.set ?? {}).map(([name, value], i) => {
      names[`#s${i}`] = name
      values[`:s${i}`] = value
      return `#s${i} = :s${i}`
    })
    const conditions = ['attribute_exists(PK)']
    const need = availableNeeded(change.movements)
    if (need > 0) {
      names['#available'] = 'availableCents'
      values[':need'] = need
      conditions.push('#available >= :need')
    }
    const { closed, version, availableCents, reminded } = change.expect ?? {}
    if (closed !== undefined) conditions.push(closed ? 'attribute_exists(closedAt)' : 'attribute_not_exists(closedAt)')
    if (reminded === false) conditions.push('attribute_not_exists(reminderSentAt)')
    if (version !== undefined) {
      values[':version'] = version
      conditions.push('version = :version')
    }
    if (availableCents !== undefined) {
      names['#available'] = 'availableCents'
      values[':availableNow'] = availableCents
      conditions.push('#available = :availableNow')
    }
    const expression = [
      adds.length ? `ADD ${adds.join(', ')}` : '',
      sets.length ? `SET ${sets.join(', ')}` : '',
      change.close ? 'REMOVE gsi1pk, gsi1sk' : '',
    ]
      .filter(Boolean)
      .join(' ')
    return {
      Update: {
        TableName: db.table,
        Key: keys.mdfFund(pid, change.period),
        UpdateExpression: expression,
        ConditionExpression: conditions.join(' AND '),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      },
    }
  }

  function claimPut({ next, expected }: NonNullable<MdfWrite['claim']>) {
    return {
      Put: {
        TableName: db.table,
        Item: claimItem(next),
        ...(expected === 'new'
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : {
              ConditionExpression: '#status = :status AND version = :version',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':status': expected.status, ':version': expected.version },
            }),
      },
    }
  }

  async function get<T>(key: Record<string, string>): Promise<T | undefined> {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true }))
    return out.Item ? stripKeys<T>(out.Item) : undefined
  }

  return {
    getFund: (pid: string, period: string) => get<Fund>(keys.mdfFund(pid, period)),

    async requireFund(pid: string, period: string): Promise<Fund> {
      const fund = await this.getFund(pid, period)
      if (!fund) throw new NotFoundError(`No MDF fund for ${period}.`)
      return fund
    },

    /** newest period first */
    listFunds: (pid: string, page: Page) => queryPage<Fund>(db, { ...keys.mdfFunds(pid), ascending: false, ...page }),

    /** Opens a fund with its allocation's ledger entry; a fund for the period already is `MdfWriteRefused('fund')`. */
    async openFund(fund: Fund, entries: LedgerEntry[], audit: AuditEntry, idempotency?: TransactItem): Promise<void> {
      const lead = idempotency ? [idempotency] : []
      await transactWrite(
        db,
        [
          ...lead,
          { Put: { TableName: db.table, Item: fundItem(fund), ConditionExpression: 'attribute_not_exists(PK)' } },
          ...entries.map(ledgerPut),
          auditPut(db, audit),
        ],
        (failed) => new MdfWriteRefused(failed < lead.length ? 'idempotency' : 'fund'),
      )
    },

    /**
     * Writes one MDF change in one transaction: [idempotency claim], [claim], [fund], ledger
     * entries, audit entry, [outbox message]. A failed condition is `MdfWriteRefused` naming which.
     */
    async write(change: MdfWrite): Promise<void> {
      const targets: MdfWriteRefused['target'][] = []
      const items: TransactItem[] = []
      const add = (target: MdfWriteRefused['target'], item: TransactItem) => {
        targets.push(target)
        items.push(item)
      }
      if (change.idempotency) add('idempotency', change.idempotency)
      if (change.claim) add('claim', claimPut(change.claim))
      if (change.fund && (change.fund.movements.length || change.fund.set)) add('fund', fundUpdate(change.partnerId, change.fund))
      items.push(...change.entries.map(ledgerPut), auditPut(db, change.audit))
      if (change.notice) items.push(outboxPut(db, change.notice))
      if (change.claim) {
        const { next, expected } = change.claim
        items.push(...statsMove(db, change.partnerId, claimDelta(expected === 'new' ? null : expected.status, next.status)))
      }
      await transactWrite(db, items, (failed) => new MdfWriteRefused(targets[failed] ?? 'claim'))
    },

    /** oldest first */
    ledger: (pid: string, period: string, page: Page) =>
      queryPage<LedgerEntry>(db, { ...keys.mdfLedger(pid, period), ascending: true, ...page }),

    getClaim: (pid: string, id: string) => get<Claim>(keys.mdfClaim(pid, id)),

    async requireClaim(pid: string, id: string): Promise<Claim> {
      const claim = await this.getClaim(pid, id)
      if (!claim) throw new NotFoundError('No such MDF claim.')
      return claim
    },

    /** newest first */
    listClaims: (pid: string, query: PartnerClaimQuery) =>
      queryPage<Claim>(db, {
        ...keys.mdfClaims(pid),
        ascending: false,
        limit: query.limit,
        cursor: query.cursor,
        filter: filterOf([
          { attribute: 'status', op: '=', value: query.status },
          { attribute: 'period', op: '=', value: query.period },
        ]),
      }),

    /** One status across partners, oldest submission first. */
    queue: (query: ClaimQueueQuery) =>
      queryPage<Claim>(db, {
        ...keys.claimQueue(query.status),
        ascending: true,
        limit: query.limit,
        cursor: query.cursor,
        filter: filterOf([
          { attribute: 'partnerId', op: '=', value: query.partnerId },
          { attribute: 'period', op: '=', value: query.period },
          { attribute: 'filedBy', op: '=', value: query.filedBy },
        ]),
      }),

    /** Every claim of a period across partners, by partner (a period holds hundreds, not millions). */
    async claimsOfPeriod(period: string): Promise<Claim[]> {
      const claims: Claim[] = []
      let cursor: string | undefined
      do {
        const page = await queryPage<Claim>(db, { ...keys.claimsOfPeriod(period), limit: 100, cursor })
        claims.push(...page.items)
        cursor = page.nextCursor
      } while (cursor)
      return claims
    },

    /** The latest funds across partners, newest period first (a few per partner and year: bounded by `limit`). */
    recentFunds: (limit: number) => queryPage<Fund>(db, { ...keys.fundsByPeriod(), ascending: false, limit }),

    /** Open funds whose last day is `day` or earlier, soonest first. */
    fundsClosingBy: (day: string, cursor?: string) =>
      queryPage<Fund>(db, { ...keys.openFundsClosingBy(day), limit: 100, cursor }),
  }
}

export type MdfRepository = ReturnType<typeof mdfRepository>
