import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'
import { keys } from './keys'

/** How long a key protects against a retried create (clients retry within minutes, not days). */
const KEEP_SECONDS = 24 * 3600

/** A create request claimed under an Idempotency-Key: which resource it made, for which body. */
export interface IdempotencyClaim {
  scope: string
  key: string
  requestHash: string
  resourceId: string
}

/** The claim's key is taken: another request with the same Idempotency-Key got there first. */
export class IdempotencyKeyTaken extends Error {}

export const idempotencyRepository = (db: Db) => ({
  async get(scope: string, key: string): Promise<IdempotencyClaim | undefined> {
    const out = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.idempotency(scope, key), ConsistentRead: true }),
    )
    return out.Item as IdempotencyClaim | undefined
  },

  /**
   * The Put that records a claim inside the create's own transaction, so the record and the
   * claim exist together or not at all. Expired claims are removed by the table's TTL.
   */
  claimPut: (claim: IdempotencyClaim, now: Date) => ({
    Put: {
      TableName: db.table,
      Item: { ...keys.idempotency(claim.scope, claim.key), ...claim, expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  }),
})
