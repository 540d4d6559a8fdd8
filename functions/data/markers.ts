import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'
import { keys } from './keys'

/** One-off markers: that a version of the local demo data was seeded. */
export const markerRepository = (db: Db) => ({
  async has(version: string): Promise<boolean> {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.seedMarker(version) }))
    return out.Item !== undefined
  },
  async set(version: string, at: Date): Promise<void> {
    await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...keys.seedMarker(version), at: at.toISOString() } }))
  },
})
