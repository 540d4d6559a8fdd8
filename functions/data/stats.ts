import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { emptyStats, STAT_FIELDS, type PartnerStats, type StatField, type StatsDelta } from '../../shared/program/stats'
import type { Db } from './db'
import { queryAll } from './db'
import { keys } from './keys'
import type { TransactItem } from './transact'

/**
 * The Update action that moves a partner's program counters by `delta`, for the transaction of
 * the change it counts; nothing when the change moves no counter.
 */
export function statsMove(db: Db, pid: string, delta: StatsDelta): TransactItem[] {
  const fields = (Object.entries(delta) as [StatField, number][]).filter(([, by]) => by !== 0)
  if (!fields.length) return []
  return [
    {
      Update: {
        TableName: db.table,
        Key: keys.partnerStats(pid),
        UpdateExpression: `SET partnerId = :pid ADD ${fields.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(fields.map(([field], i) => [`#c${i}`, field])),
        ExpressionAttributeValues: { ':pid': pid, ...Object.fromEntries(fields.map(([, by], i) => [`:c${i}`, by])) },
      },
    },
  ]
}

/** Several partners' counter moves (a lead offered on from one partner to the next). */
export const statsMoves = (db: Db, deltas: Map<string, StatsDelta>): TransactItem[] =>
  [...deltas].flatMap(([pid, delta]) => statsMove(db, pid, delta))

const toStats = (item: Record<string, unknown> | undefined): PartnerStats => {
  const stats = emptyStats()
  for (const field of STAT_FIELDS) if (typeof item?.[field] === 'number') stats[field] = item[field]
  return stats
}

export const statsRepository = (db: Db) => ({
  async forPartner(pid: string): Promise<PartnerStats> {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.partnerStats(pid) }))
    return toStats(out.Item)
  },

  /** Every partner's counters, by partner id: one Query over a partition of one item per partner. */
  async all(): Promise<Map<string, PartnerStats>> {
    const items = await queryAll<Record<string, unknown>>(db, keys.allPartnerStats())
    return new Map(items.map((item) => [item.partnerId as string, toStats(item)]))
  },
})
