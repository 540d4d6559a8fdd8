import { DeleteCommand } from '@aws-sdk/lib-dynamodb'
import type { OutboxMessage } from '../../shared/notifications/outbox'
import type { Db } from './db'
import { queryPage } from './db'
import { keys } from './keys'

/** The Put that records an outbox message inside the transaction that makes the change. */
export function outboxPut(db: Db, message: OutboxMessage) {
  return {
    Put: {
      TableName: db.table,
      Item: { ...keys.outboxMessage(message.id), _type: 'outbox', ...message },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  }
}

export const outboxRepository = (db: Db) => ({
  /** Messages not yet delivered, oldest first. */
  pending: (page: { limit: number; cursor?: string | undefined }) =>
    queryPage<OutboxMessage>(db, { ...keys.pendingOutbox(), ascending: true, ...page }),

  /** Takes a delivered message off the outbox. */
  async remove(id: string): Promise<void> {
    await db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.outboxMessage(id) }))
  },
})
