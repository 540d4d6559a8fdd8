import * as z from 'zod'
import { Cursor, IsoDate, IsoDateTime, Limit, listOf } from './common'
import { ROLES } from '../roles'
import { PartnerCategory } from './partner'
import type { ProductField } from '../catalog/vocabulary'
import { LIFECYCLES, PRODUCT_FIELDS, PRODUCT_LIMITS, PROTOCOLS, SKU_HINT, SKU_PATTERN } from '../catalog/vocabulary'

export { LIFECYCLES, PRODUCT_FIELDS, PROTOCOLS }
export const Lifecycle = z.enum(LIFECYCLES)
export type Lifecycle = z.infer<typeof Lifecycle>
export const Protocol = z.enum(PROTOCOLS)
export type Protocol = z.infer<typeof Protocol>

/** A SKU is unique per partner, compared case-insensitively (stored upper-case). */
export const Sku = z
  .string()
  .trim()
  .regex(SKU_PATTERN, SKU_HINT)
  .transform((s) => s.toUpperCase())

const Cents = z.number().int('Use whole cents.').min(0).max(PRODUCT_LIMITS.maxCents)

/** What a partner sends to create or replace a product. Price and lifecycle rules live in shared/catalog. */
export const ProductInput = z.strictObject({
  sku: Sku,
  name: z.string().trim().min(1).max(PRODUCT_LIMITS.nameMax),
  category: PartnerCategory,
  description: z.string().trim().max(PRODUCT_LIMITS.descriptionMax).default(''),
  msrpCents: Cents.min(1),
  mapCents: Cents,
  lifecycle: Lifecycle,
  endOfLifeDate: IsoDate.optional(),
  protocols: z
    .array(Protocol)
    .max(PROTOCOLS.length)
    .refine((p) => new Set(p).size === p.length, 'List each protocol once.'),
  leadTimeDays: z.number().int().min(0).max(PRODUCT_LIMITS.leadTimeMaxDays),
  specSheetDocumentId: z.string().max(40).optional(),
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
  msrpCents: z.number().int(),
  mapCents: z.number().int(),
  lifecycle: Lifecycle,
  endOfLifeDate: IsoDate.optional(),
  protocols: z.array(Protocol),
  leadTimeDays: z.number().int(),
  specSheetDocumentId: z.string().optional(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** staff only: MSRP less the partner's negotiated base discount */
  dealerCostCents: z.number().int().optional(),
})
export type Product = z.infer<typeof Product>

export const PricePoint = z.object({
  sku: z.string(),
  msrpCents: z.number().int(),
  mapCents: z.number().int(),
  at: IsoDateTime,
  by: z.string(),
  /** partners see a staff change as made by "HomeAIQ" */
  byRole: z.enum(ROLES).optional(),
})
export type PricePoint = z.infer<typeof PricePoint>

export const ProductQuery = z.strictObject({
  category: PartnerCategory.optional(),
  lifecycle: Lifecycle.optional(),
  protocol: Protocol.optional(),
  q: z.string().trim().max(80).optional(),
  limit: Limit,
  cursor: Cursor,
})
export type ProductQuery = z.infer<typeof ProductQuery>

export const ProductPage = listOf(Product)
export const PriceHistoryPage = listOf(PricePoint)

export const ImportResult = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
export type ImportResult = z.infer<typeof ImportResult>
