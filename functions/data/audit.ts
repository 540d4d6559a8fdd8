import type { AuditEntry } from '../../shared/audit/entry'
import type { AuditFilterQuery } from '../../shared/schemas/audit'
import type { Db, PageRequest } from './db'
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

/** The filter expression of a narrowed trail (entity type, action or its start, actor e-mail). */
function auditFilter(
  { type, action, actor }: Omit<AuditFilterQuery, 'limit' | 'cursor'>,
  staffReader: boolean,
): PageRequest['filter'] {
  const parts: string[] = []
  const names: Record<string, string> = {}
  const values: Record<string, unknown> = {}
  if (type) {
    Object.assign(names, { '#fe': 'entity', '#ft': 'type' })
    values[':ft'] = type
    parts.push('#fe.#ft = :ft')
  }
  if (action) {
    names['#fa'] = 'action'
    values[':fa'] = action
    parts.push(action.endsWith('.') ? 'begins_with(#fa, :fa)' : '#fa = :fa')
  }
  if (actor) {
    Object.assign(names, { '#fw': 'actor', '#fm': 'email' })
    values[':fm'] = actor
    parts.push('#fw.#fm = :fm')
    // partners see staff as "HomeAIQ": naming a staff member's e-mail must not find their entries
    if (!staffReader) {
      Object.assign(names, { '#fr': 'role' })
      values[':fr'] = 'staff'
      parts.push('#fw.#fr <> :fr')
    }
  }
  return parts.length ? { expression: parts.join(' AND '), names, values } : undefined
}

export const auditRepository = (db: Db) => ({
  /**
   * newest first, optionally narrowed (a filter reads at most SCAN_BUDGET entries a request);
   * the reader changes only a search by actor, so the audit route reads ahead without knowing it
   */
  listForPartner: (pid: string, { limit, cursor, ...filters }: AuditFilterQuery, staffReader = true) =>
    queryPage<AuditEntry>(db, {
      ...keys.partnerAudit(pid),
      ascending: false,
      limit,
      cursor,
      filter: auditFilter(filters, staffReader),
    }),

  /** one entity's history, newest first */
  listForEntity: (type: string, id: string, page: Page) =>
    queryPage<AuditEntry>(db, { ...keys.auditByEntity(type, id), ascending: false, ...page }),
})
