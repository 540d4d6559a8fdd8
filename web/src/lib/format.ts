import { centsToDollars, parseDollars } from '../../../shared/money'
import { TIER_TERMS, percent, percentRange } from '../../../shared/partners/terms'
import {
  CATEGORY_LABELS,
  PARTNER_CATEGORIES as CATEGORIES,
  PARTNER_STATUSES as STATUSES,
  PARTNER_TIERS as TIERS,
  STATUS_LABELS,
  type PartnerCategory,
  type PartnerStatus,
  type PartnerTier,
} from '../../../shared/partners/vocabulary'
import {
  LIFECYCLE_LABELS,
  LIFECYCLES,
  PROTOCOL_LABELS,
  PROTOCOLS,
  type Lifecycle,
  type Protocol,
} from '../../../shared/catalog/vocabulary'
import { BRIEFING_KINDS, KIND_LABELS, type BriefingKind } from '../../../shared/briefings/vocabulary'
import { ROLE_LABELS, type Role } from '../../../shared/roles'

/** The program's words and labels come from shared/; this module only formats them for people. */
export { BRIEFING_KINDS, CATEGORIES, LIFECYCLES, PROTOCOLS, STATUSES, TIERS }

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

export { percent, percentRange }

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

/* ---------- catalog and briefings ---------- */

export const lifecycleLabel = (value: string) => LIFECYCLE_LABELS[value as Lifecycle] ?? value
export const protocolLabel = (value: string) => PROTOCOL_LABELS[value as Protocol] ?? value
export const kindLabel = (value: string) => KIND_LABELS[value as BriefingKind] ?? value

export const isLifecycle = (value: string | null): value is Lifecycle =>
  !!value && (LIFECYCLES as readonly string[]).includes(value)
export const isProtocol = (value: string | null): value is Protocol => !!value && (PROTOCOLS as readonly string[]).includes(value)
export const isBriefingKind = (value: string | null): value is BriefingKind =>
  !!value && (BRIEFING_KINDS as readonly string[]).includes(value)

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

/** 12995 -> "$129.95" */
export const formatMoney = (cents: number) => usd.format(cents / 100)

/** "$1,299.95", "1299.9", "1299" -> cents; undefined when it is not an amount of money. */
export const parseMoney = parseDollars

/** cents -> "129.95" for an input field */
export const centsToInput = centsToDollars

/** "2026-05-01" -> "May 1, 2026" (a calendar day: no time-zone shift) */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
}

/** "May 1, 2026, 3:04 PM" */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
}

/** "3:04 PM" */
export function formatTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** 1536 -> "1.5 KB" */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Number((bytes / 1024).toFixed(1))} KB`
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`
}
