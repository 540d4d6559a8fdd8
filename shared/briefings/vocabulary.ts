/** The briefings' words, limits and rules, as plain values the browser can load without any schema library. */
export const BRIEFING_KINDS = ['new-product', 'firmware', 'end-of-life', 'price-change', 'safety-notice', 'roadmap'] as const
export type BriefingKind = (typeof BRIEFING_KINDS)[number]

export const KIND_LABELS: Record<BriefingKind, string> = {
  'new-product': 'New product',
  firmware: 'Firmware',
  'end-of-life': 'End of life',
  'price-change': 'Price change',
  'safety-notice': 'Safety notice',
  roadmap: 'Roadmap',
}

export const BRIEFING_LIMITS = {
  titleMin: 3,
  titleMax: 160,
  bodyMax: 20_000,
  skusMax: 200,
  attachmentsMax: 10,
  /** a correction's note: what changed and why */
  noteMin: 3,
  noteMax: 500,
} as const

/** Safety notices and end-of-life notices stay flagged until HomeAIQ staff acknowledge them. */
export const requiresAck = (kind: BriefingKind) => kind === 'safety-notice' || kind === 'end-of-life'

/** Kinds that are about specific products must name them. */
export const needsSkus = (kind: BriefingKind) => kind === 'end-of-life' || kind === 'price-change'
