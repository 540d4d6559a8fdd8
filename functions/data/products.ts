import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
} from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit'
import { searchKey, searchTerms } from '../../shared/partners/rules'
import { ConflictError, NotFoundError, StaleVersionError } from '../../shared/errors'
import type { PricePoint, Product, ProductQuery } from '../../shared/schemas/product'
import { auditPut } from './audit'
import type { Db } from './db'
import { filterOf, queryAll, queryPage, stripKeys } from './db'
import { keys } from './keys'
import { transactWrite } from './transact'

/** One product write: the product, its expected current version (null = new) and a price point if prices moved. */
export interface ProductWrite {
  product: Product
  expectedVersion: number | null
  price?: { id: string; point: PricePoint }
}

const MAX_TRANSACT_ACTIONS = 100

export const productRepository = (db: Db) => {
  const productPut = (pid: string, { product, expectedVersion }: ProductWrite) => ({
    Put: {
      TableName: db.table,
      Item: {
        ...keys.product(pid, product.sku),
        _type: 'product',
        nameKey: searchKey(`${product.sku} ${product.name}`),
        ...product,
      },
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
      await transactWrite(db, [...actionsOf(pid, write), auditPut(db, audit)], () => conflictFor(write))
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
      const batches: ProductWrite[][] = [[]]
      let actions = 1 // the audit entry rides in the first batch
      for (const write of writes) {
        const size = write.price ? 2 : 1
        if (actions + size > MAX_TRANSACT_ACTIONS) {
          batches.push([])
          actions = 0
        }
        batches.at(-1)!.push(write)
        actions += size
      }
      let applied = 0
      for (const [i, batch] of batches.entries()) {
        const items = [...(i === 0 ? [auditPut(db, audit)] : []), ...batch.flatMap((w) => actionsOf(pid, w))]
        await transactWrite(db, items, (failed) => {
          const write = batch[Math.max(0, failed - (i === 0 ? 1 : 0))]
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
      const found = new Set<string>()
      for (let i = 0; i < skus.length; i += 100) {
        let request: BatchGetCommandInput['RequestItems'] = {
          [db.table]: { Keys: skus.slice(i, i + 100).map((sku) => keys.product(pid, sku)), ProjectionExpression: 'sku' },
        }
        while (request && Object.keys(request).length) {
          const out: BatchGetCommandOutput = await db.doc.send(new BatchGetCommand({ RequestItems: request }))
          for (const item of out.Responses?.[db.table] ?? []) found.add(item.sku as string)
          request = out.UnprocessedKeys
        }
      }
      return found
    },

    listAll: (pid: string) => queryAll<Product>(db, keys.products(pid)),

    /** newest first */
    priceHistory: (pid: string, sku: string, page: { limit: number; cursor?: string | undefined }) =>
      queryPage<PricePoint>(db, { ...keys.priceHistory(pid, sku), ascending: false, ...page }),
  }
}

export type ProductRepository = ReturnType<typeof productRepository>
