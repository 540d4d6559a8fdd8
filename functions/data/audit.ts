import type { AuditEntry } from '../../shared/audit/entry'
import type { Db } from './db'
import { queryPage } from './db'
import { keys } from './keys'

/** The Put action that records an audit entry inside the transaction that makes the change. */
export function auditPut(db: Db, entry: AuditEntry) {
  return {
    Put: {
      TableName: db.table,
      Item: {
        ...keys.audit(entry.partnerId, entry.id),
        ...keys.auditByEntityEntry(entry.entity.type, entry.entity.id, entry.id),
        _type: 'audit',
        ...entry,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  }
}

type Page = { limit: number; cursor?: string | undefined }

export const auditRepository = (db: Db) => ({
  /** newest first */
  listForPartner: (pid: string, page: Page) =>
    queryPage<AuditEntry>(db, { ...keys.partnerAudit(pid), ascending: false, ...page }),

  /** one entity's history, newest first */
  listForEntity: (type: string, id: string, page: Page) =>
    queryPage<AuditEntry>(db, { ...keys.auditByEntity(type, id), ascending: false, ...page }),
})
