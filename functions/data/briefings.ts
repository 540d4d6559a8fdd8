import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { ConflictError, NotFoundError, StaleVersionError } from '../../shared/errors'
import type { Briefing } from '../../shared/schemas/briefing'
import type { BriefingFeedQuery, BriefingKind } from '../../shared/schemas/briefing-input'
import type { OutboxMessage } from '../../shared/notifications/outbox'
import { auditPut } from './audit'
import { outboxPut } from './outbox'
import type { Db } from './db'
import { filterOf, queryPage, stripKeys } from './db'
import { keys } from './keys'
import { statsMove } from './stats'
import { IdempotencyKeyTaken } from './idempotency'
import { transactWrite, type TransactItem } from './transact'

/** Briefings stored before corrections existed read as their first version. */
function briefingOf(item: Record<string, unknown>): Briefing {
  const stored = stripKeys<Omit<Briefing, 'version' | 'revisions'> & Partial<Briefing>>(item)
  return { ...stored, version: stored.version ?? 1, revisions: stored.revisions ?? [] }
}

/** The condition that the stored briefing is still at `version` (stored without one: version 1). */
const atVersion = (version: number) => ({
  expression: version === 1 ? '(version = :version OR attribute_not_exists(version))' : 'version = :version',
  values: { ':version': version },
})

export const briefingRepository = (db: Db) => {
  /** Moves the flagged-briefings counter inside a transaction. */
  const counterMove = (by: 1 | -1) => ({
    Update: {
      TableName: db.table,
      Key: keys.flaggedBriefingsCounter(),
      UpdateExpression: 'ADD #count :by',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':by': by },
    },
  })

  /** The stored item: the briefing with its keys, in the feed, and in the pending-EOL index until applied. */
  const itemOf = (briefing: Briefing) => ({
    ...keys.briefing(briefing.partnerId, briefing.id),
    ...keys.briefingFeedEntry(briefing.id),
    ...(briefing.kind === 'end-of-life' && !briefing.eolAppliedAt
      ? keys.pendingEolEntry(briefing.effectiveDate, briefing.partnerId, briefing.id)
      : {}),
    _type: 'briefing',
    ...briefing,
  })
  const page = (p: Promise<{ items: Record<string, unknown>[]; nextCursor?: string }>) =>
    p.then(({ items, ...rest }) => ({ ...rest, items: items.map(briefingOf) }))

  return {
    async get(pid: string, id: string): Promise<Briefing | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.briefing(pid, id) }))
      return out.Item ? briefingOf(out.Item) : undefined
    },

    async require(pid: string, id: string): Promise<Briefing> {
      const briefing = await this.get(pid, id)
      if (!briefing) throw new NotFoundError('No such briefing.')
      return briefing
    },

    /**
     * `claim`: an Idempotency-Key claim that must be new; `notice`: the outbox message that tells
     * staff it needs acknowledging. Both are written in the same transaction as the briefing.
     */
    async create(briefing: Briefing, audit: AuditEntry, claim?: TransactItem, notice?: OutboxMessage): Promise<void> {
      await transactWrite(
        db,
        [
          ...(claim ? [claim] : []),
          { Put: { TableName: db.table, Item: itemOf(briefing), ConditionExpression: 'attribute_not_exists(PK)' } },
          ...(briefing.requiresAck ? [counterMove(1), ...statsMove(db, briefing.partnerId, { briefingsAwaitingAck: 1 })] : []),
          auditPut(db, audit),
          ...(notice ? [outboxPut(db, notice)] : []),
        ],
        (failed) =>
          claim && failed === 0 ? new IdempotencyKeyTaken() : new ConflictError(`Briefing ${briefing.id} exists already.`),
      )
    },

    /**
     * Replaces the briefing with its correction, conditional on the state it was read in; a
     * correction that sets acknowledgements aside puts it back on the flagged counters, and
     * `notice` tells staff, in the same transaction.
     */
    async revise(
      from: Briefing,
      next: Briefing,
      audit: AuditEntry,
      opts: { reflagged: boolean; notice?: OutboxMessage | undefined },
    ): Promise<void> {
      const current = atVersion(from.version)
      // acknowledgements and the EOL job change a briefing without a new version: what they did since the read must not be overwritten
      const untouched = `size(ackedBy) = :acks AND ${from.eolAppliedAt ? 'attribute_exists' : 'attribute_not_exists'}(eolAppliedAt)`
      await transactWrite(
        db,
        [
          {
            Put: {
              TableName: db.table,
              Item: itemOf(next),
              ConditionExpression: `attribute_exists(PK) AND ${current.expression} AND ${untouched}`,
              ExpressionAttributeValues: { ...current.values, ':acks': from.ackedBy.length },
            },
          },
          ...(opts.reflagged ? [counterMove(1), ...statsMove(db, next.partnerId, { briefingsAwaitingAck: 1 })] : []),
          auditPut(db, audit),
          ...(opts.notice ? [outboxPut(db, opts.notice)] : []),
        ],
        () => new StaleVersionError(`Briefing ${from.id} changed since version ${from.version}; reload and retry.`),
      )
    },

    async flaggedCount(): Promise<number> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.flaggedBriefingsCounter() }))
      return Math.max(0, (out.Item?.count as number | undefined) ?? 0)
    },

    /**
     * Adds one staff user's acknowledgement of the version `b` was read at, once: the condition
     * makes a repeated or concurrent acknowledgement by the same user a no-op, and one that a
     * correction overtook changes nothing. Returns whether this call added it.
     */
    async acknowledge(b: Briefing, ack: Briefing['acknowledgements'][number], audit: AuditEntry): Promise<boolean> {
      const read = atVersion(b.version)
      const append = (condition: string, values: Record<string, unknown>) => ({
        Update: {
          TableName: db.table,
          Key: keys.briefing(b.partnerId, b.id),
          UpdateExpression: 'SET acknowledgements = list_append(acknowledgements, :ack), ackedBy = list_append(ackedBy, :uid)',
          ConditionExpression: `attribute_exists(PK) AND NOT contains(ackedBy, :me) AND ${read.expression} AND ${condition}`,
          ExpressionAttributeValues: { ':ack': [ack], ':uid': [ack.userId], ':me': ack.userId, ...read.values, ...values },
        },
      })
      const attempt = async (items: Parameters<typeof transactWrite>[1]) => {
        try {
          await transactWrite(db, items, () => new AlreadyAcknowledged())
          return true
        } catch (error) {
          if (error instanceof AlreadyAcknowledged) return false
          throw error
        }
      }
      // The first acknowledgement of a flagged briefing also takes it off the flagged counter.
      if (
        b.requiresAck &&
        (await attempt([
          append('size(ackedBy) = :none AND requiresAck = :yes', { ':none': 0, ':yes': true }),
          counterMove(-1),
          ...statsMove(db, b.partnerId, { briefingsAwaitingAck: -1 }),
          auditPut(db, audit),
        ]))
      ) {
        return true
      }
      return attempt([append('attribute_exists(ackedBy)', {}), auditPut(db, audit)])
    },

    listForPartner: (pid: string, query: { kind?: BriefingKind | undefined; limit: number; cursor?: string | undefined }) =>
      page(
        queryPage(db, {
          ...keys.partnerBriefings(pid),
          ascending: false,
          limit: query.limit,
          cursor: query.cursor,
          filter: filterOf([{ attribute: 'kind', op: '=', value: query.kind }]),
        }),
      ),

    /** The staff feed across partners, newest first; a partner filter reads that partner's partition only. */
    feed(query: BriefingFeedQuery, staffUserId: string) {
      const filter = filterOf([
        { attribute: 'kind', op: '=', value: query.kind },
        query.unacknowledged ? { attribute: 'ackedBy', op: 'not-contains', value: staffUserId } : undefined,
      ])
      const request = { ascending: false, limit: query.limit, cursor: query.cursor, filter }
      return page(
        queryPage(
          db,
          query.partnerId ? { ...keys.partnerBriefings(query.partnerId), ...request } : { ...keys.briefingFeed(), ...request },
        ),
      )
    },

    /** End-of-life briefings due by `today` whose products are not yet discontinued. */
    dueEndOfLife: (today: string, cursor?: string) => page(queryPage(db, { ...keys.pendingEolDueBy(today), limit: 100, cursor })),

    /** Takes the briefing out of the pending-EOL index once its products are discontinued, once. */
    async markEolApplied(b: Briefing, at: string, audit: AuditEntry): Promise<void> {
      await transactWrite(
        db,
        [
          {
            Update: {
              TableName: db.table,
              Key: keys.briefing(b.partnerId, b.id),
              UpdateExpression: 'SET eolAppliedAt = :at REMOVE gsi2pk, gsi2sk',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(eolAppliedAt)',
              ExpressionAttributeValues: { ':at': at },
            },
          },
          auditPut(db, audit),
        ],
        () => new ConflictError(`Briefing ${b.id} was applied already.`),
      )
    },
  }
}

class AlreadyAcknowledged extends Error {}
