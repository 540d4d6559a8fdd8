import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { ConflictError } from '../../shared/errors'
import type { PortalDocument } from '../../shared/schemas/document'
import type { Db } from './db'
import { stripKeys } from './db'
import { keys } from './keys'

export const documentRepository = (db: Db) => ({
  async get(pid: string, id: string): Promise<PortalDocument | undefined> {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.document(pid, id) }))
    return out.Item ? stripKeys<PortalDocument>(out.Item) : undefined
  },

  async create(doc: PortalDocument): Promise<void> {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.document(doc.partnerId, doc.id), _type: 'document', ...doc },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    )
  },

  /** Records the upload check's verdict once: only a pending document can become ready or rejected. */
  async saveVerdict(doc: PortalDocument): Promise<void> {
    try {
      await db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { ...keys.document(doc.partnerId, doc.id), _type: 'document', ...doc },
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      )
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') {
        throw new ConflictError(`Document ${doc.id} was checked already.`)
      }
      throw error
    }
  },
})

export type DocumentRepository = ReturnType<typeof documentRepository>
