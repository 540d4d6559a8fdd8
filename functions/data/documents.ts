import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { ConflictError } from '../../shared/errors'
import type { PortalDocument } from '../../shared/schemas/document'
import type { Db } from './db'
import { stripKeys } from './db'
import { auditPut } from './audit'
import { keys } from './keys'
import { transactWrite } from './transact'

/** A document as stored (exported for the bench's seeding). */
export const documentItem = (doc: PortalDocument) => ({ ...keys.document(doc.partnerId, doc.id), _type: 'document', ...doc })

export const documentRepository = (db: Db) => ({
  async get(pid: string, id: string): Promise<PortalDocument | undefined> {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.document(pid, id) }))
    return out.Item ? stripKeys<PortalDocument>(out.Item) : undefined
  },

  async create(doc: PortalDocument, audit: AuditEntry): Promise<void> {
    await transactWrite(
      db,
      [
        {
          Put: {
            TableName: db.table,
            Item: documentItem(doc),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        auditPut(db, audit),
      ],
      () => new ConflictError(`Document ${doc.id} exists already.`),
    )
  },

  /** Records the upload check's verdict once: only a pending document can become ready or rejected. */
  async saveVerdict(doc: PortalDocument, audit: AuditEntry): Promise<void> {
    await transactWrite(
      db,
      [
        {
          Put: {
            TableName: db.table,
            Item: documentItem(doc),
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending' },
          },
        },
        auditPut(db, audit),
      ],
      () => new ConflictError(`Document ${doc.id} was checked already.`),
    )
  },
})

export type DocumentRepository = ReturnType<typeof documentRepository>
