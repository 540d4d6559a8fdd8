import { grouped } from '../../shared/format'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { searchKey, searchTerms } from '../../shared/partners/rules'
import { MAX_PRODUCTS_PER_PARTNER } from '../../shared/catalog/vocabulary'
import { ConflictError, NotFoundError, RuleViolationError, StaleVersionError } from '../../shared/errors'
import type { PricePoint, Product, ProductQuery } from '../../shared/schemas/product'
import { auditPut } from './audit'
import type { Db } from './db'
import { batchGet, filterOf, queryAll, queryPage, stripKeys } from './db'
import { keys } from './keys'
import { transactWrite } from './transact'

/** One product write: the product, its expected current version (null = new) and a price point if prices moved. */
export interface ProductWrite {
  product: Product
  expectedVersion: number | null
  price?: { id: string; point: PricePoint }
}

const MAX_TRANSACT_ACTIONS = 100

export interface CatalogSummary {
  count: number
  /** when a product was last added, changed or deleted */
  updatedAt: string | null
}

const summaryOf = (item: Record<string, unknown> | undefined): CatalogSummary => ({
  count: Math.max(0, (item?.count as number | undefined) ?? 0),
  updatedAt: (item?.updatedAt as string | undefined) ?? null,
})

const catalogFull = () =>
  new RuleViolationError(
    `A catalog holds at most ${grouped(MAX_PRODUCTS_PER_PARTNER)} products: delete discontinued ones first.`,
    [{ field: 'sku', message: 'The catalog is full.' }],
  )

/** A product as the table stores it (also what `npm run bench` writes in bulk for its scale runs). */
export const productItem = (pid: string, product: Product) => ({
  ...keys.product(pid, product.sku),
  _type: 'product',
  nameKey: searchKey(`${product.sku} ${product.name}`),
  ...product,
})

export const productRepository = (db: Db) => {
  /**
   * Moves the partner's product count, which caps the catalog, and marks when the catalog last
   * changed (the dashboards' freshness): adding is conditional on room for `by` more products,
   * in the same transaction as the products it counts.
   */
  const countMove = (pid: string, by: number, at: string) => ({
    Update: {
      TableName: db.table,
      Key: keys.productCounter(pid),
      UpdateExpression: 'ADD #count :by SET updatedAt = :at, partnerId = :pid',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: {
        ':by': by,
        ':at': at,
        ':pid': pid,
        ...(by > 0 ? { ':room': MAX_PRODUCTS_PER_PARTNER - by } : {}),
      },
      ...(by > 0 ? { ConditionExpression: 'attribute_not_exists(#count) OR #count <= :room' } : {}),
    },
  })

  const productPut = (pid: string, { product, expectedVersion }: ProductWrite) => ({
    Put: {
      TableName: db.table,
      Item: productItem(pid, product),
      ...(expectedVersion === null
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
    },
  })
  const pricePut = (pid: string, price: NonNullable<ProductWrite['price']>) => ({
    Put: { TableName: db.table, Item: { ...keys.pricePoint(pid, price.point.sku, price.id), _type: 'price', ...price.point } },
  })
  const actionsOf = (pid: string, write: ProductWrite) => [
    productPut(pid, write),
    ...(write.price ? [pricePut(pid, write.price)] : []),
  ]
  const conflictFor = (write: ProductWrite) =>
    write.expectedVersion === null
      ? new ConflictError(`SKU ${write.product.sku} exists already.`)
      : new StaleVersionError(`Product ${write.product.sku} changed since version ${write.expectedVersion}; reload and retry.`)

  return {
    async get(pid: string, sku: string): Promise<Product | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.product(pid, sku) }))
      return out.Item ? stripKeys<Product>(out.Item) : undefined
    },

    async require(pid: string, sku: string): Promise<Product> {
      const product = await this.get(pid, sku)
      if (!product) throw new NotFoundError(`No product ${sku}.`)
      return product
    },

    /** Creates or replaces one product (conditional on its version) with its price point and audit entry. */
    async write(pid: string, write: ProductWrite, audit: AuditEntry): Promise<void> {
      const counted = countMove(pid, write.expectedVersion === null ? 1 : 0, audit.at)
      await transactWrite(db, [auditPut(db, audit), counted, ...actionsOf(pid, write)], (failed) =>
        write.expectedVersion === null && failed === 1 ? catalogFull() : conflictFor(write),
      )
    },

    /** How many products the partner's catalog holds. */
    async count(pid: string): Promise<number> {
      return (await this.summary(pid)).count
    },

    /** The catalog's size and when it last changed (null: never). */
    async summary(pid: string): Promise<CatalogSummary> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.productCounter(pid) }))
      return summaryOf(out.Item)
    },

    /** These partners' catalog summaries (BatchGetItem, 100 keys a call), by partner id. */
    async summaries(pids: string[]): Promise<Map<string, CatalogSummary>> {
      const items = await batchGet(db, pids.map((pid) => keys.productCounter(pid)))
      return new Map(items.map((item) => [item.partnerId as string, summaryOf(item)]))
    },

    async remove(pid: string, sku: string, expectedVersion: number | undefined, audit: AuditEntry): Promise<void> {
      await transactWrite(
        db,
        [
          {
            Delete: {
              TableName: db.table,
              Key: keys.product(pid, sku),
              ConditionExpression: expectedVersion === undefined ? 'attribute_exists(PK)' : 'version = :expected',
              ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
            },
          },
          auditPut(db, audit),
          countMove(pid, -1, audit.at),
        ],
        () =>
          expectedVersion === undefined
            ? new NotFoundError(`No product ${sku}.`)
            : new StaleVersionError(`Product ${sku} changed; reload and retry.`),
      )
    },

    /**
     * Applies an import in transactions of up to 100 actions, each write conditional on the
     * version read during validation. A concurrent edit stops it with a ConflictError that says
     * how many products were saved; re-running the same file converges.
     */
    async writeMany(pid: string, writes: ProductWrite[], audit: AuditEntry): Promise<void> {
      const adding = writes.filter((w) => w.expectedVersion === null).length
      if (adding && (await this.count(pid)) + adding > MAX_PRODUCTS_PER_PARTNER) throw catalogFull()
      // room for the audit entry and the batch's product count in every batch
      const batches: ProductWrite[][] = [[]]
      let used = 0
      for (const write of writes) {
        const size = write.price ? 2 : 1
        if (used + size > MAX_TRANSACT_ACTIONS - 2) {
          batches.push([])
          used = 0
        }
        batches.at(-1)!.push(write)
        used += size
      }
      let applied = 0
      for (const [i, batch] of batches.entries()) {
        const created = batch.filter((w) => w.expectedVersion === null).length
        const lead = [...(i === 0 ? [auditPut(db, audit)] : []), countMove(pid, created, audit.at)]
        const actions = batch.flatMap((w) => actionsOf(pid, w).map((action) => ({ action, write: w })))
        await transactWrite(db, [...lead, ...actions.map((a) => a.action)], (failed) => {
          if (created && failed === lead.length - 1) return catalogFull()
          const write = actions[failed - lead.length]?.write
          return new ConflictError(
            `${write ? conflictFor(write).message : 'A product changed during the import.'} ${applied} product(s) were already saved; import the same file again to finish.`,
          )
        })
        applied += batch.length
      }
    },

    list: (pid: string, query: ProductQuery) =>
      queryPage<Product>(db, {
        ...keys.products(pid),
        limit: query.limit,
        cursor: query.cursor,
        filter: filterOf([
          { attribute: 'category', op: '=', value: query.category },
          { attribute: 'lifecycle', op: '=', value: query.lifecycle },
          { attribute: 'protocols', op: 'contains', value: query.protocol },
          ...searchTerms(query.q).map((term) => ({ attribute: 'nameKey', op: 'contains' as const, value: term })),
        ]),
      }),

    /** Which of these SKUs the partner's catalog holds (BatchGetItem, 100 keys a call). */
    async existing(pid: string, skus: string[]): Promise<Set<string>> {
      const items = await batchGet(db, skus.map((sku) => keys.product(pid, sku)), 'sku')
      return new Set(items.map((item) => item.sku as string))
    },

    listAll: (pid: string) => queryAll<Product>(db, keys.products(pid)),

    /** newest first */
    priceHistory: (pid: string, sku: string, page: { limit: number; cursor?: string | undefined }) =>
      queryPage<PricePoint>(db, { ...keys.priceHistory(pid, sku), ascending: false, ...page }),
  }
}

export type ProductRepository = ReturnType<typeof productRepository>
