import type { PartnerTier } from './vocabulary'

/** A range in basis points of MSRP (or of revenue, for MDF): 3000 = 30%. */
export interface BpsRange {
  minBps: number
  maxBps: number
}

export interface TierTerms {
  label: string
  baseDiscount: BpsRange
  volumeIncentive: BpsRange & { basis: 'quarterly' | 'annual' }
  /** null: not part of the tier's program */
  growthIncentive: BpsRange | null
  /** null: case-by-case evaluation */
  mdfRate: BpsRange | null
  paymentTerms: string
  specialPrograms: string
  /** how many partners the program wants in the tier (seed 2.1) */
  targetCount: { min: number; max: number }
}

/** Commercial structure per tier, from the partnership strategy, section 5.1 (and 2.1 targets). */
export const TIER_TERMS: Record<PartnerTier, TierTerms> = {
  strategic: {
    label: 'Tier 1 · Strategic',
    baseDiscount: { minBps: 3000, maxBps: 3500 },
    volumeIncentive: { minBps: 500, maxBps: 1000, basis: 'quarterly' },
    growthIncentive: { minBps: 300, maxBps: 500 },
    mdfRate: { minBps: 300, maxBps: 500 },
    paymentTerms: 'Net 30 with optional early payment discounts',
    specialPrograms: 'Custom pricing for showcase projects',
    targetCount: { min: 5, max: 7 },
  },
  preferred: {
    label: 'Tier 2 · Preferred',
    baseDiscount: { minBps: 2000, maxBps: 2500 },
    volumeIncentive: { minBps: 300, maxBps: 500, basis: 'quarterly' },
    growthIncentive: { minBps: 200, maxBps: 300 },
    mdfRate: { minBps: 200, maxBps: 300 },
    paymentTerms: 'Net 30 standard terms',
    specialPrograms: 'Preferred pricing for featured installations',
    targetCount: { min: 12, max: 15 },
  },
  standard: {
    label: 'Tier 3 · Standard',
    baseDiscount: { minBps: 1500, maxBps: 2000 },
    volumeIncentive: { minBps: 200, maxBps: 300, basis: 'annual' },
    growthIncentive: null,
    mdfRate: null,
    paymentTerms: 'Standard terms',
    specialPrograms: 'Standard pricing with occasional promotions',
    targetCount: { min: 30, max: 40 },
  },
}

/** A new partner starts at the bottom of its tier's base-discount range until staff negotiate. */
export const defaultBaseDiscountBps = (tier: PartnerTier) => TIER_TERMS[tier].baseDiscount.minBps

export const withinRange = (bps: number, range: BpsRange) => bps >= range.minBps && bps <= range.maxBps

/** 3000 -> "30%", 1250 -> "12.5%" */
export const percent = (bps: number) => `${Number((bps / 100).toFixed(2))}%`

/** { minBps: 3000, maxBps: 3500 } -> "30–35%" */
export function percentRange(range: BpsRange): string {
  if (range.minBps === range.maxBps) return percent(range.minBps)
  return `${Number((range.minBps / 100).toFixed(2))}–${percent(range.maxBps)}`
}

/** What a tier brings beyond its commercial terms (strategy section 2.1): shown to all of the partner's users. */
export const TIER_BENEFITS: Record<PartnerTier, { label: string; text: string }[]> = {
  strategic: [
    { label: 'Relationship', text: 'Board-level relationship with executive sponsorship' },
    { label: 'Integration', text: 'Custom deep integration with proprietary capabilities' },
    { label: 'Marketing', text: 'Co-branded marketing, joint case studies, shared events' },
    { label: 'Technical collaboration', text: 'Direct engineering access, beta program participation' },
    { label: 'Product input', text: 'Roadmap influence and feature requests' },
  ],
  preferred: [
    { label: 'Relationship', text: 'Senior management relationship with business owners' },
    { label: 'Integration', text: 'Enhanced integration beyond standard capabilities' },
    { label: 'Marketing', text: 'Partner spotlight, installation features, reference program' },
    { label: 'Technical collaboration', text: 'Advanced support, early access programs' },
    { label: 'Product input', text: 'Feature request priority' },
  ],
  standard: [
    { label: 'Relationship', text: 'Account manager relationship' },
    { label: 'Integration', text: 'Standard integration with reliability optimizations' },
    { label: 'Marketing', text: 'Installation certification, basic product features' },
    { label: 'Technical collaboration', text: 'Priority support access' },
    { label: 'Product input', text: 'Bug report and enhancement access' },
  ],
}
