import { TIER_TERMS } from '../../../shared/partners/terms'
import type { BpsRange } from '../../../shared/partners/terms'
import type { PartnerCategory, PartnerStatus, PartnerTier, Role } from '../api/types'

export const CATEGORIES = [
  'lighting-control',
  'climate-control',
  'security-access',
  'audio-video',
  'networking-infrastructure',
  'emerging',
] as const satisfies readonly PartnerCategory[]

export const TIERS = ['strategic', 'preferred', 'standard'] as const satisfies readonly PartnerTier[]
export const STATUSES = ['prospect', 'active', 'suspended', 'sunset'] as const satisfies readonly PartnerStatus[]

const CATEGORY_LABELS: Record<PartnerCategory, string> = {
  'lighting-control': 'Lighting control',
  'climate-control': 'Climate control',
  'security-access': 'Security & access',
  'audio-video': 'Audio & video',
  'networking-infrastructure': 'Networking & infrastructure',
  emerging: 'Emerging technology',
}

const STATUS_LABELS: Record<PartnerStatus, string> = {
  prospect: 'Prospect',
  active: 'Active',
  suspended: 'Suspended',
  sunset: 'Sunset',
}

const ROLE_LABELS: Record<Role, string> = {
  staff: 'HomeAIQ staff',
  'partner-admin': 'Partner admin',
  'partner-rep': 'Partner rep',
}

export const categoryLabel = (category: string) => CATEGORY_LABELS[category as PartnerCategory] ?? category
/** "Tier 1 · Strategic" */
export const tierLabel = (tier: string) => TIER_TERMS[tier as PartnerTier]?.label ?? tier
/** "Strategic" */
export const tierShortLabel = (tier: string) => tierLabel(tier).split('·').pop()?.trim() ?? tier
export const statusLabel = (status: string) => STATUS_LABELS[status as PartnerStatus] ?? status
export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role

export const isCategory = (value: string | null): value is PartnerCategory =>
  !!value && (CATEGORIES as readonly string[]).includes(value)
export const isTier = (value: string | null): value is PartnerTier => !!value && (TIERS as readonly string[]).includes(value)
export const isStatus = (value: string | null): value is PartnerStatus =>
  !!value && (STATUSES as readonly string[]).includes(value)

/** 3000 -> "30%", 1250 -> "12.5%" */
export function percent(bps: number): string {
  return `${Number((bps / 100).toFixed(2))}%`
}

/** { minBps: 3000, maxBps: 3500 } -> "30–35%" */
export function percentRange(range: BpsRange): string {
  if (range.minBps === range.maxBps) return percent(range.minBps)
  return `${Number((range.minBps / 100).toFixed(2))}–${percent(range.maxBps)}`
}

let regionNames: Intl.DisplayNames | undefined
try {
  regionNames = new Intl.DisplayNames(['en'], { type: 'region' })
} catch {
  regionNames = undefined
}

/** "US" -> "United States"; subdivisions ("US-CA") stay as codes. */
export function regionLabel(code: string): string {
  if (/^[A-Z]{2}$/.test(code)) {
    try {
      return regionNames?.of(code) ?? code
    } catch {
      return code
    }
  }
  return code
}

/** "https://www.lutron.com/en" -> "lutron.com" */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}

export function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' })
}

export { TIER_TERMS }
