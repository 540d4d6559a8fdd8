import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb'
import { UnavailableError, ValidationError } from '../../shared/errors'
import { requestSignal } from '../runtime/request-scope'
import { STORAGE_ATTRIBUTES } from './keys'
import type { IndexName } from './table'
import { tableShape } from './table'

/** The table, the client that reaches it and the key that signs list cursors; repositories receive this. */
export interface Db {
  doc: DynamoDBDocumentClient
  table: string
  /** HMAC key of list cursors: the same in every container of a deployment */
  cursorKey: Uint8Array
}

/**
 * DynamoDB answers in milliseconds: a call that takes seconds is a fault, and two short tries
 * end with a 503 well inside a request's budget instead of a hang.
 */
export const DYNAMODB_CLIENT_DEFAULTS = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 1000, requestTimeout: 2000, throwOnRequestTimeout: true },
} satisfies DynamoDBClientConfig

export function createDb(table: string, config: DynamoDBClientConfig = {}, opts: { cursorKey?: string } = {}): Db {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ ...DYNAMODB_CLIENT_DEFAULTS, ...config }), {
    marshallOptions: { removeUndefinedValues: true },
  })
  return { doc, table, cursorKey: opts.cursorKey ? Buffer.from(opts.cursorKey) : randomBytes(32) }
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

/** Items a filtered list reads at most per request before it answers what it found, with a cursor to go on. */
export const SCAN_BUDGET = 1000

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
 * One page of a Query, filled up to `limit` even when a filter drops items, but never reading
 * more than SCAN_BUDGET items in one request: a search that has not found `limit` matches by
 * then answers what it found and a cursor to search on. Cursors are signed: a tampered one, or
 * one of another list, is a ValidationError on `cursor`, never a 500 or a peek elsewhere.
 */
export async function queryPage<T>(db: Db, req: PageRequest): Promise<{ items: T[]; nextCursor?: string }> {
  const pkName = req.index ? indexOf(req.index).partitionKey : tableShape.partitionKey
  const keyNames = keyAttributes(req.index)
  const filter = req.filter
  const signal = requestSignal()
  let startKey = req.cursor ? decodeCursor(db, req.cursor, pkName, req.pk) : undefined
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
  let scanned = 0
  // a filtered read doubles its page each round trip: a sparse search reaches the budget in 4 trips, not 10
  let filteredPage = Math.max(req.limit * 2, 100)
  while (items.length < req.limit && more && scanned < SCAN_BUDGET) {
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
      Limit: filter ? Math.min(filteredPage, SCAN_BUDGET - scanned) : req.limit - items.length + 1,
    }
    filteredPage *= 2
    const out = await db.doc.send(new QueryCommand(input), { abortSignal: signal })
    items.push(...((out.Items ?? []) as Record<string, unknown>[]))
    scanned += out.ScannedCount ?? out.Items?.length ?? 0
    startKey = out.LastEvaluatedKey
    more = startKey !== undefined
  }
  const page = items.slice(0, req.limit)
  const last = page.at(-1)
  // a full page goes on after its last item; a page cut short by the budget, where reading stopped
  const resumeAt =
    items.length > req.limit || (more && page.length === req.limit) ? last && pick(last, keyNames) : more ? startKey : undefined
  return {
    items: page.map((item) => stripKeys<T>(item)),
    ...(resumeAt ? { nextCursor: encodeCursor(db, resumeAt) } : {}),
  }
}

/** The key of an item in the table. */
export type ItemKey = { PK: string; SK: string }

/** The pause between retries (tests pass their own, to record the waits instead). */
export const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** How often BatchGetItem is asked again for keys it left unprocessed before the read gives up. */
const UNPROCESSED_ATTEMPTS = 5

/**
 * The items of these keys (BatchGetItem, 100 keys a call), in no particular order; absent keys
 * are simply missing, a key named twice is read once. Items keep their storage attributes, so a
 * caller can tell which key each answers. Keys DynamoDB leaves unprocessed (it does under
 * throttling) are asked for again after a jittered, growing wait, as AWS advises; still left
 * after a few tries, the read is UnavailableError (503 with Retry-After), never a partial answer.
 */
export async function batchGet(
  db: Db,
  keysToRead: ItemKey[],
  projection?: string,
  { sleep = wait }: { sleep?: (ms: number) => Promise<void> } = {},
): Promise<Record<string, unknown>[]> {
  const itemKeys = [...new Map(keysToRead.map((k) => [`${k.PK}\n${k.SK}`, k])).values()]
  const found: Record<string, unknown>[] = []
  for (let i = 0; i < itemKeys.length; i += 100) {
    let request: BatchGetCommandInput['RequestItems'] = {
      [db.table]: { Keys: itemKeys.slice(i, i + 100), ...(projection ? { ProjectionExpression: projection } : {}) },
    }
    for (let attempt = 1; request && Object.keys(request).length; attempt++) {
      if (attempt > 1) {
        if (attempt > UNPROCESSED_ATTEMPTS) throw new UnavailableError('The table is busy: some records could not be read.')
        await sleep(Math.random() * 25 * 2 ** attempt)
      }
      const out: BatchGetCommandOutput = await db.doc.send(new BatchGetCommand({ RequestItems: request }))
      found.push(...(out.Responses?.[db.table] ?? []))
      request = out.UnprocessedKeys
    }
  }
  return found
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
      { abortSignal: requestSignal() },
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

const signatureOf = (db: Db, payload: string) => createHmac('sha256', db.cursorKey).update(payload).digest().subarray(0, 16)

/** `<key as base64url JSON>.<HMAC>`: opaque to clients, and only this deployment can make one. */
function encodeCursor(db: Db, key: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url')
  return `${payload}.${signatureOf(db, payload).toString('base64url')}`
}

function decodeCursor(db: Db, cursor: string, pkName: string, pk: string): Record<string, unknown> {
  const [payload = '', signature = ''] = cursor.split('.')
  const given = Buffer.from(signature, 'base64url')
  const expected = signatureOf(db, payload)
  if (given.length === expected.length && timingSafeEqual(given, expected)) {
    try {
      const key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
      if (key[pkName] === pk) return key
    } catch {
      // fall through: a signed cursor that is not JSON cannot happen, but is refused like any other
    }
  }
  throw new ValidationError([{ field: 'cursor', message: 'This cursor does not belong to this list.' }])
}
