import * as z from 'zod/mini'
import { Cursor, IsoDate, IsoDateTime, Limit, listOf } from './common'
import { ROLES } from '../roles'
import { PartnerCategory, Sku } from './vocabulary'
import type { ProductField } from '../catalog/vocabulary'
import { LIFECYCLES, PRODUCT_FIELDS, PRODUCT_LIMITS, PROTOCOLS } from '../catalog/vocabulary'

export { LIFECYCLES, PRODUCT_FIELDS, PROTOCOLS }
export const Lifecycle = z.enum(LIFECYCLES)
export type Lifecycle = z.infer<typeof Lifecycle>
export const Protocol = z.enum(PROTOCOLS)
export type Protocol = z.infer<typeof Protocol>

const Cents = z.number().check(z.int('Use whole cents.'), z.minimum(0), z.maximum(PRODUCT_LIMITS.maxCents))

/** What a partner sends to create or replace a product. Price and lifecycle rules live in shared/catalog. */
export const ProductInput = z.strictObject({
  sku: Sku,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(PRODUCT_LIMITS.nameMax)),
  category: PartnerCategory,
  description: z._default(z.string().check(z.trim(), z.maxLength(PRODUCT_LIMITS.descriptionMax)), ''),
  msrpCents: Cents.check(z.minimum(1)),
  mapCents: Cents,
  lifecycle: Lifecycle,
  endOfLifeDate: z.optional(IsoDate),
  protocols: z.array(Protocol).check(
    z.maxLength(PROTOCOLS.length),
    z.refine((p) => new Set(p).size === p.length, 'List each protocol once.'),
  ),
  leadTimeDays: z.int().check(z.minimum(0), z.maximum(PRODUCT_LIMITS.leadTimeMaxDays)),
  specSheetDocumentId: z.optional(z.string().check(z.maxLength(40))),
})
export type ProductInput = z.infer<typeof ProductInput>

// PRODUCT_FIELDS (plain, for the browser) names exactly the fields of ProductInput
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _fieldsMatch: Same<ProductField, keyof ProductInput> = true

export const Product = z.object({
  sku: z.string(),
  name: z.string(),
  category: PartnerCategory,
  description: z.string(),
  msrpCents: z.int(),
  mapCents: z.int(),
  lifecycle: Lifecycle,
  endOfLifeDate: z.optional(IsoDate),
  protocols: z.array(Protocol),
  leadTimeDays: z.int(),
  specSheetDocumentId: z.optional(z.string()),
  version: z.int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** staff only: MSRP less the partner's negotiated base discount */
  dealerCostCents: z.optional(z.int()),
})
export type Product = z.infer<typeof Product>

export const PricePoint = z.object({
  sku: z.string(),
  msrpCents: z.int(),
  mapCents: z.int(),
  at: IsoDateTime,
  by: z.string(),
  /** partners see a staff change as made by "HomeAIQ" */
  byRole: z.optional(z.enum(ROLES)),
})
export type PricePoint = z.infer<typeof PricePoint>

export const ProductQuery = z.strictObject({
  category: z.optional(PartnerCategory),
  lifecycle: z.optional(Lifecycle),
  protocol: z.optional(Protocol),
  q: z.optional(z.string().check(z.trim(), z.maxLength(80))),
  limit: Limit,
  cursor: Cursor,
})
export type ProductQuery = z.infer<typeof ProductQuery>

export const ProductPage = listOf(Product)
export const PriceHistoryPage = listOf(PricePoint)

export const ImportResult = z.object({ created: z.int(), updated: z.int(), unchanged: z.int() })
export type ImportResult = z.infer<typeof ImportResult>
