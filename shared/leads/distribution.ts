import { inOrder } from '../format'
import { CATEGORY_LABELS, PARTNER_TIERS, type PartnerCategory, type PartnerTier } from '../partners/vocabulary'

/**
 * Who is offered a lead next. Eligible partners are active, in one of the lead's categories,
 * serve its region and have not been offered this lead yet. Strategic partners come first, then
 * preferred, then standard; within a tier the partner offered a lead longest ago goes first.
 */
export interface Candidate {
  id: string
  name: string
  tier: PartnerTier
  category: PartnerCategory
  status: string
  /** countries (`US`) and subdivisions (`US-CA`) */
  regions: readonly string[]
}

/** The parts of a lead distribution looks at. */
export interface Routing {
  region: string
  categories: readonly PartnerCategory[]
  offers: readonly { partnerId: string }[]
}

/**
 * A tier's rotation: the turn at which each partner of the tier was last offered a lead
 * (`turn` counts the offers made in the tier). A single "last partner offered" pointer would be
 * unfair across categories: a lighting lead, then a security lead, then a lighting lead would
 * offer both lighting leads to the same partner; "longest ago" is fair whatever the mix.
 */
export interface Rotation {
  tier: PartnerTier
  turn: number
  lastOffered: Record<string, number>
}

export const emptyRotation = (tier: PartnerTier): Rotation => ({ tier, turn: 0, lastOffered: {} })

/** A partner serving `US` serves `US-CA`; one serving only `US-NY` does not. */
export function servesRegion(regions: readonly string[], region: string): boolean {
  const country = region.slice(0, 2)
  return regions.some((r) => r === country || r === region)
}

/** Why `partner` may not be offered the lead, in words for staff; undefined when it may. */
export function ineligibility(partner: Candidate, lead: Routing): string | undefined {
  if (partner.status !== 'active') return `${partner.name} is not an active partner.`
  if (!lead.categories.includes(partner.category)) {
    return `${partner.name} is a ${CATEGORY_LABELS[partner.category].toLowerCase()} partner; this lead needs ${lead.categories
      .map((c) => CATEGORY_LABELS[c].toLowerCase())
      .join(' or ')}.`
  }
  if (!servesRegion(partner.regions, lead.region)) return `${partner.name} does not serve ${lead.region}.`
  if (lead.offers.some((o) => o.partnerId === partner.id)) return `${partner.name} was offered this lead already.`
  return undefined
}

/** The partner to offer the lead to next, or undefined when nobody eligible is left. */
export function nextPartner(
  partners: readonly Candidate[],
  lead: Routing,
  rotations: Partial<Record<PartnerTier, Rotation>>,
): Candidate | undefined {
  for (const tier of PARTNER_TIERS) {
    const eligible = partners.filter((p) => p.tier === tier && !ineligibility(p, lead))
    if (!eligible.length) continue
    const last = rotations[tier]?.lastOffered ?? {}
    return [...eligible].sort((a, b) => (last[a.id] ?? -1) - (last[b.id] ?? -1) || inOrder(a.id, b.id))[0]
  }
  return undefined
}

/** The rotation after an offer to `partnerId`. */
export const takeTurn = (rotation: Rotation, partnerId: string): Rotation => ({
  ...rotation,
  turn: rotation.turn + 1,
  lastOffered: { ...rotation.lastOffered, [partnerId]: rotation.turn },
})
