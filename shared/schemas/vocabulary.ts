import * as z from 'zod/mini'
import { SKU_HINT, SKU_PATTERN } from '../catalog/vocabulary'
import { PARTNER_CATEGORIES, PARTNER_STATUSES, PARTNER_TIERS } from '../partners/vocabulary'

/**
 * The small schemas several domains' schemas share. They live here, not beside the records
 * they describe, because a Lambda builds every schema of each module it imports: briefings
 * taking `Sku` from product.ts would build the whole catalog's schemas at its cold start.
 */
export const PartnerCategory = z.enum(PARTNER_CATEGORIES)
export const PartnerTier = z.enum(PARTNER_TIERS)
export const PartnerStatus = z.enum(PARTNER_STATUSES)

/** A SKU is unique per partner, compared case-insensitively (stored upper-case). */
export const Sku = z.pipe(
  z.string().check(z.trim(), z.regex(SKU_PATTERN, SKU_HINT)),
  z.transform((s) => s.toUpperCase()),
)
