import * as z from 'zod'
import { Cursor, IsoDate, IsoDateTime, Limit, listOf } from './common'
import { PartnerCategory } from './partner'

export const LIFECYCLES = ['active', 'announced', 'discontinued'] as const
export const PROTOCOLS = ['matter', 'thread', 'zigbee', 'z-wave', 'wi-fi', 'poe', 'proprietary-api'] as const
export const Lifecycle = z.enum(LIFECYCLES)
export const Protocol = z.enum(PROTOCOLS)
export type Lifecycle = z.infer<typeof Lifecycle>
export type Protocol = z.infer<typeof Protocol>

/** A SKU is unique per partner, compared case-insensitively (stored upper-case). */
export const Sku = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, 'Use up to 40 letters, digits, dots, dashes, slashes or underscores.')
  .transform((s) => s.toUpperCase())

const Cents = z.number().int('Use whole cents.').min(0).max(100_000_000)

/** What a partner sends to create or replace a product. Price and lifecycle rules live in shared/catalog. */
export const ProductInput = z.strictObject({
  sku: Sku,
  name: z.string().trim().min(1).max(120),
  category: PartnerCategory,
  description: z.string().trim().max(2000).default(''),
  msrpCents: Cents.min(1),
  mapCents: Cents,
  lifecycle: Lifecycle,
  endOfLifeDate: IsoDate.optional(),
  protocols: z
    .array(Protocol)
    .max(PROTOCOLS.length)
    .refine((p) => new Set(p).size === p.length, 'List each protocol once.'),
  leadTimeDays: z.number().int().min(0).max(365),
  specSheetDocumentId: z.string().max(40).optional(),
})
export type ProductInput = z.infer<typeof ProductInput>

/** The fields a partner sets on a product, in the order of the schema (and of the CSV columns). */
export const PRODUCT_FIELDS = Object.keys(ProductInput.shape) as (keyof ProductInput)[]

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
