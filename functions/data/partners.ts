import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { ConflictError, NotFoundError, StaleVersionError } from '../../shared/errors'
import { isListed, searchKey, searchTerms } from '../../shared/partners/rules'
import type { DirectoryQuery, Partner, PublicPartner, StaffPartnerQuery } from '../../shared/schemas/partner'
import type { OutboxMessage } from '../../shared/notifications/outbox'
import { auditPut } from './audit'
import { outboxPut } from './outbox'
import type { Db } from './db'
import { batchGet, filterOf, queryPage, stripKeys } from './db'
import { keys } from './keys'
import { transactWrite } from './transact'

/** A partner as stored, with its list and (while listed) directory entries (exported for the bench's bulk seeding). */
export function partnerItem(partner: Partner) {
  const nameKey = searchKey(partner.name)
  return {
    ...keys.partner(partner.id),
    ...keys.partnerListEntry(nameKey, partner.id),
    // sparse: only active partners appear in the public directory index
    ...(isListed(partner) ? keys.directoryEntry(nameKey, partner.id) : {}),
    _type: 'partner',
    nameKey,
    ...partner,
  }
}

const PUBLIC_FIELDS = ['id', 'name', 'category', 'tier', 'website', 'description', 'regions', 'productLines'] as const
export const toPublic = (p: Partner): PublicPartner => ({
  ...(Object.fromEntries(PUBLIC_FIELDS.map((f) => [f, p[f]])) as PublicPartner),
  ...(p.logoDocumentId ? { logoUrl: `/api/v1/directory/${p.id}/logo?v=${p.logoDocumentId}` } : {}),
})

export const partnerRepository = (db: Db) => ({
  async get(pid: string): Promise<Partner | undefined> {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.partner(pid) }))
    if (!out.Item) return undefined
    return stripKeys<Partner>(out.Item)
  },

  async require(pid: string): Promise<Partner> {
    const partner = await this.get(pid)
    if (!partner) throw new NotFoundError(`No partner ${pid}.`)
    return partner
  },

  /** These partners (up to 100 ids), by id; unknown ids are simply absent. */
  async getMany(ids: string[]): Promise<Map<string, Partner>> {
    const items = await batchGet(db, [...new Set(ids)].map((id) => keys.partner(id)))
    return new Map(items.map((item) => stripKeys<Partner>(item)).map((p) => [p.id, p]))
  },

  /** Creates the partner; a taken id is a ConflictError. */
  async create(partner: Partner, audit: AuditEntry): Promise<void> {
    await transactWrite(
      db,
      [
        { Put: { TableName: db.table, Item: partnerItem(partner), ConditionExpression: 'attribute_not_exists(PK)' } },
        auditPut(db, audit),
      ],
      () => new ConflictError(`A partner with id ${partner.id} exists already.`),
    )
  },

  /** Replaces the partner only if nobody changed it since `expectedVersion`; `notice` tells people, in the same transaction. */
  async update(next: Partner, expectedVersion: number, audit: AuditEntry, notice?: OutboxMessage): Promise<void> {
    await transactWrite(
      db,
      [
        {
          Put: {
            TableName: db.table,
            Item: partnerItem(next),
            ConditionExpression: 'attribute_exists(PK) AND version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          },
        },
        auditPut(db, audit),
        ...(notice ? [outboxPut(db, notice)] : []),
      ],
      () => new StaleVersionError(`Partner ${next.id} changed since version ${expectedVersion}; reload and retry.`),
    )
  },

  async listDirectory(query: DirectoryQuery) {
    const page = await queryPage<Partner>(db, {
      ...keys.directory(),
      limit: query.limit,
      cursor: query.cursor,
      filter: filterOf([
        { attribute: 'category', op: '=', value: query.category },
        { attribute: 'tier', op: '=', value: query.tier },
        ...searchTerms(query.q).map((term) => ({ attribute: 'nameKey', op: 'contains' as const, value: term })),
      ]),
    })
    return { ...page, items: page.items.map(toPublic) }
  },

  listAll: (query: StaffPartnerQuery) =>
    queryPage<Partner>(db, {
      ...keys.partnerList(),
      limit: query.limit,
      cursor: query.cursor,
      filter: filterOf([{ attribute: 'status', op: '=', value: query.status }]),
    }),

  /** Every partner, by name: the program holds tens (it targets about 60), read a page of 100 at a time. */
  async every(): Promise<Partner[]> {
    const all: Partner[] = []
    let cursor: string | undefined
    do {
      const page = await queryPage<Partner>(db, { ...keys.partnerList(), limit: 100, cursor })
      all.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return all
  },
})
export type PartnerRepository = ReturnType<typeof partnerRepository>
