import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { ValidationError } from '../../shared/errors'
import { STORAGE_ATTRIBUTES } from './keys'
import type { IndexName } from './table'
import { tableShape } from './table'

/** The table and the client that reaches it; repositories receive this. */
export interface Db {
  doc: DynamoDBDocumentClient
  table: string
}

export function createDb(table: string, config: DynamoDBClientConfig = {}): Db {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  })
  return { doc, table }
}

/** Removes storage attributes so a stored item becomes the domain object it holds. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const copy = { ...item }
  for (const key of STORAGE_ATTRIBUTES) delete copy[key]
  return copy as T
}

export interface Condition {
  attribute: string
  op: '=' | 'contains' | 'not-contains'
  value: unknown
}

/** A filter expression from conditions joined by AND; skipped ones are `undefined` or have no value. */
export function filterOf(conditions: (Condition | undefined)[]): PageRequest['filter'] | undefined {
  const present = conditions.filter((c): c is Condition => c !== undefined && c.value !== undefined && c.value !== '')
  if (!present.length) return undefined
  const names: Record<string, string> = {}
  const values: Record<string, unknown> = {}
  const parts = present.map((c, i) => {
    names[`#f${i}`] = c.attribute
    values[`:f${i}`] = c.value
    if (c.op === '=') return `#f${i} = :f${i}`
    return c.op === 'contains' ? `contains(#f${i}, :f${i})` : `NOT contains(#f${i}, :f${i})`
  })
  return { expression: parts.join(' AND '), names, values }
}

export interface PageRequest {
  index?: IndexName
  pk: string
  skBeginsWith?: string
  /** the sort key is at most this value (with skBeginsWith unset) */
  skAtMost?: string
  /** a filter expression over `#f*` / `:f*` placeholders, with its names and values */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> } | undefined
  limit: number
  cursor?: string | undefined
  ascending?: boolean
}

/**
 * One page of a Query, filled up to `limit` even when a filter drops items, with an opaque
 * cursor that is the key of the last returned item. A cursor for another partition or a
 * tampered one is a ValidationError on `cursor`, never a 500.
 */
export async function queryPage<T>(db: Db, req: PageRequest): Promise<{ items: T[]; nextCursor?: string }> {
  const pkName = req.index ? indexOf(req.index).partitionKey : tableShape.partitionKey
  const keyNames = keyAttributes(req.index)
  const filter = req.filter
  let startKey = req.cursor ? decodeCursor(req.cursor, pkName, req.pk) : undefined
  const items: Record<string, unknown>[] = []
  const names: Record<string, string> = { '#pk': pkName, ...req.filter?.names }
  const values: Record<string, unknown> = { ':pk': req.pk, ...req.filter?.values }
  let condition = '#pk = :pk'
  if (req.skBeginsWith !== undefined) {
    const skName = req.index ? indexOf(req.index).sortKey : tableShape.sortKey
    names['#sk'] = skName
    values[':skPrefix'] = req.skBeginsWith
    condition += ' AND begins_with(#sk, :skPrefix)'
  } else if (req.skAtMost !== undefined) {
    names['#sk'] = req.index ? indexOf(req.index).sortKey : tableShape.sortKey
    values[':skMax'] = req.skAtMost
    condition += ' AND #sk <= :skMax'
  }
  let more = true
  while (items.length < req.limit && more) {
    const input: QueryCommandInput = {
      TableName: db.table,
      IndexName: req.index,
      KeyConditionExpression: condition,
      FilterExpression: filter?.expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ExclusiveStartKey: startKey,
      ScanIndexForward: req.ascending ?? true,
      // read one extra so we know whether another page exists
      Limit: filter ? Math.max(req.limit * 2, 25) : req.limit - items.length + 1,
    }
    const out = await db.doc.send(new QueryCommand(input))
    items.push(...((out.Items ?? []) as Record<string, unknown>[]))
    startKey = out.LastEvaluatedKey
    more = startKey !== undefined
  }
  const page = items.slice(0, req.limit)
  const hasMore = items.length > req.limit || more
  const last = page.at(-1)
  return {
    items: page.map((item) => stripKeys<T>(item)),
    ...(hasMore && last ? { nextCursor: encodeCursor(pick(last, keyNames)) } : {}),
  }
}

/** Every item of a partition prefix, for bounded sets (a partner's catalog: at most a few thousand). */
export async function queryAll<T>(db: Db, req: { pk: string; skBeginsWith: string }): Promise<T[]> {
  const items: T[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': tableShape.partitionKey, '#sk': tableShape.sortKey },
        ExpressionAttributeValues: { ':pk': req.pk, ':prefix': req.skBeginsWith },
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of out.Items ?? []) items.push(stripKeys<T>(item))
    startKey = out.LastEvaluatedKey
  } while (startKey)
  return items
}

function indexOf(name: IndexName) {
  const index = tableShape.globalIndexes.find((i) => i.indexName === name)
  if (!index) throw new Error(`unknown index ${name}`)
  return index
}

function keyAttributes(index?: IndexName): string[] {
  const base = [tableShape.partitionKey, tableShape.sortKey]
  if (!index) return base
  const gsi = indexOf(index)
  return [...base, gsi.partitionKey, gsi.sortKey]
}

const pick = (item: Record<string, unknown>, names: string[]) => Object.fromEntries(names.map((n) => [n, item[n]]))

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

function decodeCursor(cursor: string, pkName: string, pk: string): Record<string, unknown> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (
      key &&
      typeof key === 'object' &&
      (key as Record<string, unknown>)[pkName] === pk &&
      Object.values(key).every((v) => typeof v === 'string')
    ) {
      return key as Record<string, unknown>
    }
  } catch {
    // fall through: not base64url JSON
  }
  throw new ValidationError([{ field: 'cursor', message: 'This cursor does not belong to this list.' }])
}
