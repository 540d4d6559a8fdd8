import type { FieldIssue } from '../errors'
import { centsToDollars } from '../money'
import { toCsv } from './csv'
import { PRODUCT_FIELDS, REQUIRED_PRODUCT_FIELDS, type ProductField } from './vocabulary'

/**
 * The columns of a catalog spreadsheet, as plain values the browser's preview checks too.
 * Prices are dollars (`msrp`, `map`: "129.95", "$1,299.00"); the older `msrpCents` / `mapCents`
 * columns still import. Lists (protocols) are separated by `|`; `;` is accepted as well.
 */
export const PRICE_COLUMNS = { msrp: 'msrpCents', map: 'mapCents' } as const satisfies Record<string, ProductField>
type PriceColumn = keyof typeof PRICE_COLUMNS

/** The export's columns, in order: the product's fields with prices in dollars. */
export const EXPORT_COLUMNS = PRODUCT_FIELDS.map((f) =>
  f === 'msrpCents' ? 'msrp' : f === 'mapCents' ? 'map' : f,
) as readonly string[]
export const IMPORT_COLUMNS: readonly string[] = [...PRODUCT_FIELDS, ...Object.keys(PRICE_COLUMNS)]
export const LIST_SEPARATOR = '|'
export const LIST_SEPARATORS = /[|;]/

export const isPriceColumn = (column: string): column is PriceColumn => column in PRICE_COLUMNS

/** The product field a column fills (`msrp` -> `msrpCents`). */
export const fieldOfColumn = (column: string): string => (isPriceColumn(column) ? PRICE_COLUMNS[column] : column)

/** What is wrong with a header row (`header.<column>` issues); none for a catalog header. */
export function headerIssues(columns: string[]): FieldIssue[] {
  const has = (c: string) => columns.includes(c)
  const priceOf = (field: string) => Object.entries(PRICE_COLUMNS).find(([, f]) => f === field)?.[0]
  return [
    ...REQUIRED_PRODUCT_FIELDS.filter((f) => !has(f) && !(priceOf(f) && has(priceOf(f)!))).map((f) => ({
      field: `header.${priceOf(f) ?? f}`,
      message: 'This column is missing.',
    })),
    ...Object.entries(PRICE_COLUMNS)
      .filter(([dollars, cents]) => has(dollars) && has(cents))
      .map(([dollars, cents]) => ({
        field: `header.${cents}`,
        message: `Give the price once: in dollars under ${dollars}, or in cents under ${cents}.`,
      })),
    ...columns
      .filter((c) => !IMPORT_COLUMNS.includes(c))
      .map((c) => ({ field: `header.${c}`, message: `Unknown column; use ${EXPORT_COLUMNS.join(', ')}.` })),
    ...columns
      .filter((c, i) => columns.indexOf(c) !== i)
      .map((c) => ({ field: `header.${c}`, message: 'This column appears twice.' })),
  ]
}

/**
 * The template's example rows carry SKUs with this prefix, and the import refuses them: a
 * template downloaded and sent back as it is adds no made-up products.
 */
export const TEMPLATE_SKU_PREFIX = 'EXAMPLE-'
export const isTemplateSku = (sku: string) => sku.trim().toUpperCase().startsWith(TEMPLATE_SKU_PREFIX)

/** A CSV with every column the import takes and two example rows to replace. */
export const TEMPLATE_CSV = toCsv([
  [...EXPORT_COLUMNS],
  ...[
    {
      sku: `${TEMPLATE_SKU_PREFIX}DIM-100`,
      name: 'Example in-wall dimmer',
      category: 'lighting-control',
      description: 'Replace these example rows with your products: rows whose SKU starts with EXAMPLE- are not imported',
      msrp: centsToDollars(12_995),
      map: centsToDollars(11_995),
      lifecycle: 'active',
      protocols: ['matter', 'thread'].join(LIST_SEPARATOR),
      leadTimeDays: 5,
    },
    {
      sku: `${TEMPLATE_SKU_PREFIX}HUB-200`,
      name: 'Example bridge (discontinued)',
      category: 'lighting-control',
      msrp: centsToDollars(8_995),
      map: centsToDollars(7_995),
      lifecycle: 'discontinued',
      endOfLifeDate: '2026-12-31',
      protocols: ['zigbee', 'wi-fi'].join(LIST_SEPARATOR),
      leadTimeDays: 0,
    },
  ].map((row: Partial<Record<string, string | number>>) => EXPORT_COLUMNS.map((c) => row[c])),
])
