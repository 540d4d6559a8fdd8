/** The catalog's words and limits, as plain values the browser can load without any schema library. */
export const LIFECYCLES = ['active', 'announced', 'discontinued'] as const
export const PROTOCOLS = ['matter', 'thread', 'zigbee', 'z-wave', 'wi-fi', 'poe', 'proprietary-api'] as const
export type Lifecycle = (typeof LIFECYCLES)[number]
export type Protocol = (typeof PROTOCOLS)[number]

export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  active: 'Active',
  announced: 'Announced',
  discontinued: 'Discontinued',
}

export const PROTOCOL_LABELS: Record<Protocol, string> = {
  matter: 'Matter',
  thread: 'Thread',
  zigbee: 'Zigbee',
  'z-wave': 'Z-Wave',
  'wi-fi': 'Wi-Fi',
  poe: 'PoE',
  'proprietary-api': 'Proprietary API',
}

/** A SKU is unique per partner, compared case-insensitively (stored upper-case). */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/
export const SKU_HINT = 'Use up to 40 letters, digits, dots, dashes, slashes or underscores.'

export const PRODUCT_LIMITS = {
  nameMax: 120,
  descriptionMax: 2000,
  /** $1,000,000.00 */
  maxCents: 100_000_000,
  leadTimeMaxDays: 365,
} as const

/**
 * Catalog size per partner, and rows per import. An import of MAX_IMPORT_ROWS rows is
 * validated, then written in transactions of up to 100 actions: well inside API Gateway's 30 s.
 */
export const MAX_PRODUCTS_PER_PARTNER = 10_000
export const MAX_IMPORT_ROWS = 2000

/** The fields a partner sets on a product, in the order of the form and of the CSV columns. */
export const PRODUCT_FIELDS = [
  'sku',
  'name',
  'category',
  'description',
  'msrpCents',
  'mapCents',
  'lifecycle',
  'endOfLifeDate',
  'protocols',
  'leadTimeDays',
  'specSheetDocumentId',
] as const
export type ProductField = (typeof PRODUCT_FIELDS)[number]

/** The fields a product cannot do without (the others have defaults or are optional). */
export const REQUIRED_PRODUCT_FIELDS = [
  'sku',
  'name',
  'category',
  'msrpCents',
  'mapCents',
  'lifecycle',
  'protocols',
  'leadTimeDays',
] as const satisfies readonly ProductField[]
