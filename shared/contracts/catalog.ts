import { grouped } from '../format'
import * as z from 'zod/mini'
import { MAX_IMPORT_ROWS, MAX_PRODUCTS_PER_PARTNER } from '../catalog/vocabulary'
import { Cursor, Limit, Slug } from '../schemas/common'
import { ImportResult, PriceHistoryPage, Product, ProductInput, ProductPage, ProductQuery } from '../schemas/product'
import { Sku } from '../schemas/vocabulary'
import { access, defineContracts } from './contract'

const PartnerParam = z.strictObject({ partnerId: Slug })
const SkuParam = z.strictObject({ partnerId: Slug, sku: Sku })
const CSV = { contentType: 'text/csv' } as const

export const catalog = defineContracts('catalog', {
  list: {
    method: 'GET',
    path: '/partners/{partnerId}/products',
    summary: 'A partner’s products, by SKU',
    description:
      'Filters and the search box read at most a bounded slice of the catalog per request: a page may hold fewer than `limit` items and still carry a `nextCursor` to search on.',
    access: access.member(),
    params: PartnerParam,
    query: ProductQuery,
    response: ProductPage,
  },
  create: {
    method: 'POST',
    path: '/partners/{partnerId}/products',
    summary: 'Add a product',
    description: `A catalog holds at most ${grouped(MAX_PRODUCTS_PER_PARTNER)} products (422 beyond).`,
    access: access.member(),
    params: PartnerParam,
    body: ProductInput,
    response: Product,
    status: 201,
    errors: [409, 422],
  },
  export: {
    method: 'GET',
    path: '/partners/{partnerId}/products/export',
    summary: 'The catalog as CSV (imports back unchanged)',
    access: access.member(),
    params: PartnerParam,
    response: CSV,
  },
  import: {
    method: 'POST',
    path: '/partners/{partnerId}/products/import',
    summary: `Import a catalog CSV (up to ${grouped(MAX_IMPORT_ROWS)} rows)`,
    description:
      'Every row is validated first: a file with any bad row changes nothing and answers every row’s errors (400). ' +
      'Valid rows are then written in transactions of up to 100 products, each conditional on the version read. ' +
      'If someone edits a product of the file meanwhile, the import stops with 409 saying how many products were already saved; ' +
      'importing the same file again finishes it (unchanged rows are skipped).',
    access: access.member(),
    params: PartnerParam,
    body: CSV,
    maxBodyBytes: 8 * 1024 * 1024,
    response: ImportResult,
    errors: [409, 422],
  },
  get: {
    method: 'GET',
    path: '/partners/{partnerId}/products/{sku}',
    summary: 'A product (ETag); staff also see HomeAIQ’s dealer cost',
    access: access.member(),
    params: SkuParam,
    response: Product,
  },
  replace: {
    method: 'PUT',
    path: '/partners/{partnerId}/products/{sku}',
    summary: 'Replace a product',
    access: access.member(),
    params: SkuParam,
    body: ProductInput,
    response: Product,
    ifMatch: true,
    errors: [422],
  },
  remove: {
    method: 'DELETE',
    path: '/partners/{partnerId}/products/{sku}',
    summary: 'Delete a product',
    access: access.member(),
    params: SkuParam,
    ifMatch: true,
  },
  prices: {
    method: 'GET',
    path: '/partners/{partnerId}/products/{sku}/prices',
    summary: 'A product’s price history, newest first',
    access: access.member(),
    params: SkuParam,
    query: z.strictObject({ limit: Limit, cursor: Cursor }),
    response: PriceHistoryPage,
  },
})
