/** The partner program's words, as plain values the browser can load without any schema library. */
export const PARTNER_CATEGORIES = [
  'lighting-control',
  'climate-control',
  'security-access',
  'audio-video',
  'networking-infrastructure',
  'emerging',
] as const
export const PARTNER_TIERS = ['strategic', 'preferred', 'standard'] as const
export const PARTNER_STATUSES = ['prospect', 'active', 'suspended', 'sunset'] as const

/** Fields a partner-admin may edit on their own listing (the schemas: ListingFields in schemas/partner.ts). */
export const LISTING_FIELDS = ['description', 'website', 'regions', 'contact', 'productLines', 'logoDocumentId'] as const
/** Fields only HomeAIQ staff may set (StaffFields in schemas/partner.ts). */
export const STAFF_FIELDS = ['name', 'category', 'tier', 'status', 'baseDiscountBps'] as const

export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number]
export type PartnerTier = (typeof PARTNER_TIERS)[number]
export type PartnerStatus = (typeof PARTNER_STATUSES)[number]

export const CATEGORY_LABELS: Record<PartnerCategory, string> = {
  'lighting-control': 'Lighting control',
  'climate-control': 'Climate control',
  'security-access': 'Security & access',
  'audio-video': 'Audio & video',
  'networking-infrastructure': 'Networking & infrastructure',
  emerging: 'Emerging technology',
}

export const STATUS_LABELS: Record<PartnerStatus, string> = {
  prospect: 'Prospect',
  active: 'Active',
  suspended: 'Suspended',
  sunset: 'Sunset',
}

/**
 * What a partner's own users may do in each partnership state (the tenant guard enforces it):
 * a suspended partner's users may read but change nothing; a sunset partnership has ended.
 */
export const PARTNER_ACCESS: Record<PartnerStatus, 'full' | 'read-only' | 'none'> = {
  prospect: 'full',
  active: 'full',
  suspended: 'read-only',
  sunset: 'none',
}
