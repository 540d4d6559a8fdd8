import type { AuditEntry } from '../../shared/audit'
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

export const auditRepository = (db: Db) => ({
  /** newest first */
  listForPartner: (pid: string, page: { limit: number; cursor?: string }) =>
    queryPage<AuditEntry>(db, { pk: keys.partner(pid).PK, skBeginsWith: 'AUDIT#', ascending: false, ...page }),
})
