import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { StaleVersionError } from '../../shared/errors'
import type { Partner } from '../../shared/schemas/partner'
import type { Scorecard } from '../../shared/schemas/scorecard'
import { auditPut } from './audit'
import type { Db } from './db'
import { queryPage, stripKeys } from './db'
import { keys } from './keys'
import { transactWrite } from './transact'

export const scorecardRepository = (db: Db) => ({
  async current(pid: string): Promise<Scorecard | undefined> {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.scorecard(pid) }))
    return out.Item ? stripKeys<Scorecard>(out.Item) : undefined
  },

  /** newest first */
  history: (pid: string, page: { limit: number; cursor?: string | undefined }) =>
    queryPage<Scorecard>(db, { ...keys.scorecardHistory(pid), ascending: false, ...page }),

  /**
   * Records a scorecard: the latest, its place in the history, and its outcome on the partner
   * record (for the staff list) — conditional on the partner version read, which it moves on.
   */
  async save(card: Scorecard, partner: Partner, audit: AuditEntry): Promise<void> {
    const summary = { score: card.score, recommendedTier: card.recommendedTier, scoredAt: card.scoredAt }
    await transactWrite(
      db,
      [
        { Put: { TableName: db.table, Item: { ...keys.scorecard(card.partnerId), _type: 'scorecard', ...card } } },
        {
          Put: {
            TableName: db.table,
            Item: { ...keys.scorecardHistoryEntry(card.partnerId, card.id), _type: 'scorecard', ...card },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Update: {
            TableName: db.table,
            Key: keys.partner(partner.id),
            UpdateExpression: 'SET scorecard = :summary, version = :next',
            ConditionExpression: 'version = :read',
            ExpressionAttributeValues: { ':summary': summary, ':next': partner.version + 1, ':read': partner.version },
          },
        },
        auditPut(db, audit),
      ],
      () => new StaleVersionError(`${partner.name} changed while you scored it; reload and score again.`),
    )
  },
})
