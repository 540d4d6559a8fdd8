import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { statusListOf } from '../../shared/certifications/credential'
import { ConflictError, NotFoundError } from '../../shared/errors'
import type { OutboxMessage } from '../../shared/notifications/outbox'
import type { Badge } from '../../shared/schemas/certification'
import { auditPut } from './audit'
import type { Db } from './db'
import { queryAll, queryPage, stripKeys } from './db'
import { keys } from './keys'
import { outboxPut } from './outbox'
import { transactWrite, type TransactItem } from './transact'

/**
 * A badge item carries two index entries: the partner's badges (GSI2, always) and, only while
 * it is active, its program's certified partners (GSI1, sparse), which the directory filter
 * reads. Beside it: the partner's one active badge per program (the line, which makes
 * "renew the same badge" and "never two active" hold in the write), the expiry schedule the
 * job reads, and, once revoked, its entry in the revocation status list.
 * (`expiresAt` is an ISO string here: the table's TTL only acts on numbers.)
 */
function badgeItem(badge: Badge) {
  return {
    ...keys.badge(badge.id),
    ...keys.partnerBadgeEntry(badge.partnerId, badge.programId, badge.issuedAt),
    ...(badge.status === 'active' ? keys.certifiedEntry(badge.programId, badge.partnerId) : {}),
    _type: 'badge',
    ...badge,
  }
}

/** An expiry-schedule entry: which badge, and when. */
interface ExpiryEntry {
  badgeId: string
  expiresAt: string
}

export const badgeRepository = (db: Db) => {
  const put = (badge: Badge, read: Badge | null): TransactItem => ({
    Put: {
      TableName: db.table,
      Item: badgeItem(badge),
      ...(read === null
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : {
            ConditionExpression: 'version = :version AND #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':version': read.version, ':status': read.status },
          }),
    },
  })
  const schedule = (badge: Badge): TransactItem => ({
    Put: {
      TableName: db.table,
      Item: { ...keys.badgeExpiry(badge.expiresAt, badge.id), badgeId: badge.id, expiresAt: badge.expiresAt },
    },
  })
  const unschedule = (badge: Badge): TransactItem => ({
    Delete: { TableName: db.table, Key: keys.badgeExpiry(badge.expiresAt, badge.id) },
  })
  /** Ends the badge's line: the partner may be issued a new badge of the program after this. */
  const endLine = (badge: Badge): TransactItem => ({
    Delete: {
      TableName: db.table,
      Key: keys.badgeLine(badge.partnerId, badge.programId),
      ConditionExpression: 'badgeId = :id',
      ExpressionAttributeValues: { ':id': badge.id },
    },
  })
  /** What leaves with an active badge: its directory entry goes with the item, the rest here. */
  const deactivate = (badge: Badge) => (badge.status === 'active' ? [unschedule(badge), endLine(badge)] : [])

  return {
    async get(id: string): Promise<Badge | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.badge(id), ConsistentRead: true }))
      return out.Item ? stripKeys<Badge>(out.Item) : undefined
    },

    async require(id: string): Promise<Badge> {
      const badge = await this.get(id)
      if (!badge) throw new NotFoundError('No such badge.')
      return badge
    },

    /** The partner's active badge of a program, if it has one. */
    async activeLine(pid: string, programId: string): Promise<Badge | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: keys.badgeLine(pid, programId), ConsistentRead: true }),
      )
      const id = out.Item?.badgeId as string | undefined
      return id ? this.get(id) : undefined
    },

    /** Every badge of the partner (a few per program), by program. */
    async listForPartner(pid: string): Promise<Badge[]> {
      const badges: Badge[] = []
      let cursor: string | undefined
      do {
        const page = await queryPage<Badge>(db, { ...keys.partnerBadges(pid), limit: 100, cursor })
        badges.push(...page.items)
        cursor = page.nextCursor
      } while (cursor)
      return badges
    },

    /** The next free position in the revocation status list (gaps from failed issues are harmless). */
    async nextStatusIndex(): Promise<number> {
      const out = await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.badgeStatusCounter(),
          UpdateExpression: 'ADD #next :one',
          ExpressionAttributeNames: { '#next': 'next' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      )
      return (out.Attributes?.next as number) - 1
    },

    /** A new badge: its item, the partner's line for the program (must be free) and its expiry schedule. */
    issueActions: (badge: Badge): TransactItem[] => [
      put(badge, null),
      {
        Put: {
          TableName: db.table,
          Item: { ...keys.badgeLine(badge.partnerId, badge.programId), badgeId: badge.id },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      schedule(badge),
    ],

    /** The same badge, extended: conditional on the active version read, rescheduled when its expiry moved. */
    renewActions: (next: Badge, read: Badge): TransactItem[] => [
      put(next, read),
      ...(next.expiresAt !== read.expiresAt ? [unschedule(read), schedule(next)] : []),
    ],

    /** Revokes the badge and lists it as revoked in its status list, with the audit entry and the partner's notice. */
    async revoke(next: Badge, read: Badge, audit: AuditEntry, notice: OutboxMessage): Promise<void> {
      await transactWrite(
        db,
        [
          put(next, read),
          ...deactivate(read),
          {
            Put: {
              TableName: db.table,
              Item: {
                ...keys.revokedStatusEntry(statusListOf(read.statusListIndex), read.statusListIndex),
                badgeId: read.id,
                index: read.statusListIndex,
              },
            },
          },
          auditPut(db, audit),
          outboxPut(db, notice),
        ],
        () => new ConflictError('This badge changed meanwhile (revoked or renewed); reload and try again.'),
      )
    },

    /** The expiry job's write; a ConflictError means someone renewed or revoked it first. */
    async expire(next: Badge, read: Badge, audit: AuditEntry): Promise<void> {
      await transactWrite(
        db,
        [put(next, read), ...deactivate(read), auditPut(db, audit)],
        () => new ConflictError(`Badge ${read.id} changed meanwhile.`),
      )
    },

    /** Active badges expiring at or before `until`, soonest first. */
    expiringBy: (until: string, cursor?: string) =>
      queryPage<ExpiryEntry>(db, { ...keys.badgesExpiringBy(until), limit: 100, cursor }),

    /** The reminder thresholds (days) already sent for this badge and this expiry date. */
    async remindersSent(badge: Badge): Promise<number[]> {
      const range = keys.badgeReminders(badge.id, badge.expiresAt)
      const out = await db.doc.send(
        new QueryCommand({
          TableName: db.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': range.pk, ':prefix': range.skBeginsWith },
          ConsistentRead: true,
        }),
      )
      return (out.Items ?? []).map((item) => item.days as number)
    },

    /**
     * Records the reminders as sent (one marker per threshold, each new) with the outbox message:
     * a concurrent run of the job loses the markers' condition, so a reminder goes out once.
     */
    async remind(badge: Badge, days: number[], notice: OutboxMessage, audit: AuditEntry): Promise<void> {
      await transactWrite(
        db,
        [
          ...days.map((d): TransactItem => ({
            Put: {
              TableName: db.table,
              Item: { ...keys.badgeReminder(badge.id, badge.expiresAt, d), days: d, sentAt: notice.createdAt },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          })),
          outboxPut(db, notice),
          auditPut(db, audit),
        ],
        () => new ConflictError(`The reminder for badge ${badge.id} was sent already.`),
      )
    },

    /** The positions of revoked badges in one status list. */
    async revokedIndexes(list: number): Promise<number[]> {
      const entries = await queryAll<{ index: number }>(db, keys.revokedStatusEntries(list))
      return entries.map((e) => e.index)
    },

    /** Partners holding an active, unexpired badge of the program, by partner id. */
    certifiedPartners: (programId: string, now: Date, page: { limit: number; cursor?: string | undefined }) =>
      queryPage<Badge>(db, {
        ...keys.certified(programId),
        ...page,
        // the expiry job takes an expired badge out within the hour; until then this keeps it out
        filter: { expression: '#f0 > :f0', names: { '#f0': 'expiresAt' }, values: { ':f0': now.toISOString() } },
      }),
  }
}
export type BadgeRepository = ReturnType<typeof badgeRepository>
