import * as z from 'zod'
import { Cursor, HttpsUrl, IsoDateTime, Limit, RegionCode, Slug, listOf } from './common'

import { PARTNER_CATEGORIES, PARTNER_STATUSES, PARTNER_TIERS } from '../partners/vocabulary'

export { PARTNER_CATEGORIES, PARTNER_STATUSES, PARTNER_TIERS }

export const PartnerCategory = z.enum(PARTNER_CATEGORIES)
export type PartnerCategory = z.infer<typeof PartnerCategory>
export const PartnerTier = z.enum(PARTNER_TIERS)
export type PartnerTier = z.infer<typeof PartnerTier>
export const PartnerStatus = z.enum(PARTNER_STATUSES)
export type PartnerStatus = z.infer<typeof PartnerStatus>

export const Contact = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{7,25}$/, 'Use a phone number such as +1 555 010 0199.')
    .optional(),
})

const Regions = z
  .array(RegionCode)
  .max(60)
  .refine((r) => new Set(r).size === r.length, 'List each region once.')
const ProductLines = z.array(z.string().trim().min(1).max(60)).max(20)

/** Fields a partner-admin may edit on their own listing. */
export const ListingFields = {
  description: z.string().trim().max(2000),
  website: HttpsUrl,
  regions: Regions,
  contact: Contact,
  productLines: ProductLines,
  /** a ready `logo` upload of this partner (PNG, JPEG or WebP) */
  logoDocumentId: z.string().regex(/^[0-9A-Z]{26}$/, 'Not a document id.'),
}

/** Fields only HomeAIQ staff may set. */
export const StaffFields = {
  name: z.string().trim().min(1).max(80),
  category: PartnerCategory,
  tier: PartnerTier,
  status: PartnerStatus,
  /** negotiated base discount off MSRP, in basis points (3000 = 30%) */
  baseDiscountBps: z.number().int().min(0).max(10000),
}

export const PartnerCreate = z.strictObject({
  id: Slug,
  ...StaffFields,
  status: PartnerStatus.default('prospect'),
  baseDiscountBps: StaffFields.baseDiscountBps.optional(),
  ...ListingFields,
  description: ListingFields.description.default(''),
  regions: Regions.default([]),
  productLines: ProductLines.default([]),
  logoDocumentId: ListingFields.logoDocumentId.optional(),
})
export type PartnerCreate = z.infer<typeof PartnerCreate>

export const PartnerPatch = z
  .strictObject({
    ...ListingFields,
    ...StaffFields,
    /** staff: why the tier or the negotiated discount changes (required then); the partner's admins are told */
    changeReason: z.string().trim().min(3, 'Say in a few words why the terms change.').max(500),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'Send at least one field to change.')
export type PartnerPatch = z.infer<typeof PartnerPatch>

export const Partner = z.object({
  id: Slug,
  name: z.string(),
  category: PartnerCategory,
  tier: PartnerTier,
  status: PartnerStatus,
  website: z.string(),
  description: z.string(),
  regions: z.array(z.string()),
  productLines: z.array(z.string()),
  contact: Contact,
  logoDocumentId: z.string().optional(),
  baseDiscountBps: z.number().int(),
  /** staff only: the latest scorecard's outcome, for the partner list */
  scorecard: z.object({ score: z.number(), recommendedTier: PartnerTier, scoredAt: IsoDateTime }).optional(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Partner = z.infer<typeof Partner>

const BpsRange = z.object({ minBps: z.number().int(), maxBps: z.number().int() })

/** GET /partners/{pid}: staff also see the commercial terms; partners never see the negotiated discount. */
export const PartnerRecord = Partner.omit({ baseDiscountBps: true }).extend({
  commercialTerms: z
    .object({
      label: z.string(),
      baseDiscount: BpsRange,
      volumeIncentive: BpsRange.extend({ basis: z.enum(['quarterly', 'annual']) }),
      growthIncentive: BpsRange.nullable(),
      mdfRate: BpsRange.nullable(),
      paymentTerms: z.string(),
      specialPrograms: z.string(),
      targetCount: z.object({ min: z.number().int(), max: z.number().int() }),
      baseDiscountBps: z.number().int(),
    })
    .optional(),
})

/** What anyone may see in the directory. */
export const PublicPartner = Partner.pick({
  id: true,
  name: true,
  category: true,
  tier: true,
  website: true,
  description: true,
  regions: true,
  productLines: true,
}).extend({
  /** the partner's logo image, when it has one */
  logoUrl: z.string().optional(),
})
export type PublicPartner = z.infer<typeof PublicPartner>

/** A public profile: the listing, and the partner's active certification badges. */
export const PublicProfile = PublicPartner.extend({
  badges: z.array(
    z.object({
      id: z.string(),
      programId: z.string(),
      programName: z.string(),
      issuedAt: IsoDateTime,
      expiresAt: IsoDateTime,
      /** a badge of named products: the certified SKUs */
      skus: z.array(z.string()),
    }),
  ),
})

export const DirectoryQuery = z.strictObject({
  category: PartnerCategory.optional(),
  tier: PartnerTier.optional(),
  q: z.string().trim().max(80).optional(),
  /** partners holding an active badge of this certification program */
  certification: Slug.optional(),
  limit: Limit,
  cursor: Cursor,
})
export type DirectoryQuery = z.infer<typeof DirectoryQuery>

export const StaffPartnerQuery = z.strictObject({
  status: PartnerStatus.optional(),
  limit: Limit,
  cursor: Cursor,
})
export type StaffPartnerQuery = z.infer<typeof StaffPartnerQuery>

export const DirectoryPage = listOf(PublicPartner)
export const PartnerRecordPage = listOf(PartnerRecord)
