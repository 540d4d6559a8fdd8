import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'
import { keys } from './keys'

export const healthRepository = (db: Db) => ({
  /** One strongly consistent read of a key that need not exist: proves the table answers. */
  async probe(): Promise<void> {
    await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.healthProbe(), ConsistentRead: true }))
  },
})
