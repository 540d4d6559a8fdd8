import * as z from 'zod/mini'
import { Cursor, HttpsUrl, IsoDateTime, Limit, RegionCode, Slug, listOf } from './common'
import { PartnerCategory, PartnerStatus, PartnerTier } from './vocabulary'
import {
  PARTNER_CATEGORIES,
  PARTNER_STATUSES,
  PARTNER_TIERS,
  type LISTING_FIELDS,
  type STAFF_FIELDS,
} from '../partners/vocabulary'

export { PARTNER_CATEGORIES, PARTNER_STATUSES, PARTNER_TIERS }

export const Contact = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  email: z.email().check(z.maxLength(254)),
  phone: z.optional(z.string().check(z.trim(), z.regex(/^\+?[0-9 ().-]{7,25}$/, 'Use a phone number such as +1 555 010 0199.'))),
})

const Regions = z.array(RegionCode).check(
  z.maxLength(60),
  z.refine((r) => new Set(r).size === r.length, 'List each region once.'),
)
const ProductLines = z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))).check(z.maxLength(20))

/** Fields a partner-admin may edit on their own listing: exactly LISTING_FIELDS, which the access rules read without building these. */
export const ListingFields = {
  description: z.string().check(z.trim(), z.maxLength(2000)),
  website: HttpsUrl,
  regions: Regions,
  contact: Contact,
  productLines: ProductLines,
  /** a ready `logo` upload of this partner (PNG, JPEG or WebP) */
  logoDocumentId: z.string().check(z.regex(/^[0-9A-Z]{26}$/, 'Not a document id.')),
} satisfies Record<(typeof LISTING_FIELDS)[number], z.ZodMiniType>

/** Fields only HomeAIQ staff may set: exactly STAFF_FIELDS. */
export const StaffFields = {
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  category: PartnerCategory,
  tier: PartnerTier,
  status: PartnerStatus,
  /** negotiated base discount off MSRP, in basis points (3000 = 30%) */
  baseDiscountBps: z.int().check(z.minimum(0), z.maximum(10000)),
} satisfies Record<(typeof STAFF_FIELDS)[number], z.ZodMiniType>

export const PartnerCreate = z.strictObject({
  id: Slug,
  ...StaffFields,
  status: z._default(PartnerStatus, 'prospect'),
  baseDiscountBps: z.optional(StaffFields.baseDiscountBps),
  ...ListingFields,
  description: z._default(ListingFields.description, ''),
  regions: z._default(Regions, []),
  productLines: z._default(ProductLines, []),
  logoDocumentId: z.optional(ListingFields.logoDocumentId),
})
export type PartnerCreate = z.infer<typeof PartnerCreate>

export const PartnerPatch = z
  .partial(
    z.strictObject({
      ...ListingFields,
      ...StaffFields,
      /** staff: why the tier or the negotiated discount changes (required then); the partner's admins are told */
      changeReason: z.string().check(z.trim(), z.minLength(3, 'Say in a few words why the terms change.'), z.maxLength(500)),
    }),
  )
  .check(z.refine((p) => Object.keys(p).length > 0, 'Send at least one field to change.'))
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
  logoDocumentId: z.optional(z.string()),
  baseDiscountBps: z.int(),
  /** staff only: the latest scorecard's outcome, for the partner list */
  scorecard: z.optional(z.object({ score: z.number(), recommendedTier: PartnerTier, scoredAt: IsoDateTime })),
  version: z.int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Partner = z.infer<typeof Partner>

const BpsRange = z.object({ minBps: z.int(), maxBps: z.int() })

/** GET /partners/{pid}: staff also see the commercial terms; partners never see the negotiated discount. */
export const PartnerRecord = z.extend(z.omit(Partner, { baseDiscountBps: true }), {
  commercialTerms: z.optional(
    z.object({
      label: z.string(),
      baseDiscount: BpsRange,
      volumeIncentive: z.extend(BpsRange, { basis: z.enum(['quarterly', 'annual']) }),
      growthIncentive: z.nullable(BpsRange),
      mdfRate: z.nullable(BpsRange),
      paymentTerms: z.string(),
      specialPrograms: z.string(),
      targetCount: z.object({ min: z.int(), max: z.int() }),
      baseDiscountBps: z.int(),
    }),
  ),
})

/** What anyone may see in the directory. */
export const PublicPartner = z.extend(
  z.pick(Partner, {
    id: true,
    name: true,
    category: true,
    tier: true,
    website: true,
    description: true,
    regions: true,
    productLines: true,
  }),
  {
    /** the partner's logo image, when it has one */
    logoUrl: z.optional(z.string()),
  },
)
export type PublicPartner = z.infer<typeof PublicPartner>

/** A public profile: the listing, and the partner's active certification badges. */
export const PublicProfile = z.extend(PublicPartner, {
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
  category: z.optional(PartnerCategory),
  tier: z.optional(PartnerTier),
  q: z.optional(z.string().check(z.trim(), z.maxLength(80))),
  /** partners holding an active badge of this certification program */
  certification: z.optional(Slug),
  limit: Limit,
  cursor: Cursor,
})
export type DirectoryQuery = z.infer<typeof DirectoryQuery>

export const StaffPartnerQuery = z.strictObject({
  status: z.optional(PartnerStatus),
  limit: Limit,
  cursor: Cursor,
})
export type StaffPartnerQuery = z.infer<typeof StaffPartnerQuery>

export const DirectoryPage = listOf(PublicPartner)
export const PartnerRecordPage = listOf(PartnerRecord)
