import { ValidationError, type FieldIssue } from '../errors'
import { ProductInput, type Product } from '../schemas/product'
import { parseForPeople } from '../schemas/messages'
import { MAX_IMPORT_ROWS, PRODUCT_FIELDS, PROTOCOLS, REQUIRED_PRODUCT_FIELDS } from './vocabulary'
import { parseCsvRecords, toCsv } from './csv'
import { productIssues } from './rules'

/** Column order of the export; the import accepts these in any order (extra columns are errors). */
export const PRODUCT_COLUMNS = PRODUCT_FIELDS
const INTEGER_COLUMNS = new Set(['msrpCents', 'mapCents', 'leadTimeDays'])
const PROTOCOL_ALIASES = new Map<string, string>([
  ...PROTOCOLS.map((p) => [p, p] as const),
  ['zwave', 'z-wave'],
  ['wifi', 'wi-fi'],
  ['proprietary api', 'proprietary-api'],
  ['api', 'proprietary-api'],
])

/**
 * Validates a whole catalog CSV. Either every row is a valid product, or a ValidationError
 * lists every bad row and field (`rows.<line>.<column>`, the physical line each
 * row starts on, as an editor shows it; header = line 1), so a bad file changes nothing and is fixed in one pass.
 */
export function parseProductCsv(text: string): ProductInput[] {
  const [headerRecord, ...rows] = parseCsvRecords(text)
  const header = headerRecord?.cells
  if (!header) throw new ValidationError([{ field: 'file', message: 'The file is empty: start with a header row.' }])
  const columns = header.map((h) => h.trim())
  const headerIssues: FieldIssue[] = [
    ...REQUIRED_PRODUCT_FIELDS.filter((c) => !columns.includes(c)).map((c) => ({
      field: `header.${c}`,
      message: 'This column is missing.',
    })),
    ...columns
      .filter((c) => !(PRODUCT_COLUMNS as readonly string[]).includes(c))
      .map((c) => ({ field: `header.${c}`, message: `Unknown column; use ${PRODUCT_COLUMNS.join(', ')}.` })),
    ...columns
      .filter((c, i) => columns.indexOf(c) !== i)
      .map((c) => ({ field: `header.${c}`, message: 'This column appears twice.' })),
  ]
  if (headerIssues.length) throw new ValidationError(headerIssues, 'The header row is not a product catalog header.')
  if (rows.length === 0) throw new ValidationError([{ field: 'file', message: 'The file has a header but no products.' }])
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ValidationError([
      { field: 'file', message: `Import at most ${MAX_IMPORT_ROWS} products at a time (this file has ${rows.length}).` },
    ])
  }

  const issues: FieldIssue[] = []
  const products: ProductInput[] = []
  const lineOfSku = new Map<string, number>()
  rows.forEach(({ cells, line }) => {
    const prefix = `rows.${line}.`
    if (cells.length !== columns.length) {
      issues.push({ field: `rows.${line}`, message: `Expected ${columns.length} cells, found ${cells.length}.` })
      return
    }
    const record = Object.fromEntries(columns.map((c, i) => [c, cellValue(c, cells[i]!)]).filter(([, v]) => v !== undefined))
    const parsed = parseForPeople(ProductInput, record)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ field: prefix + (issue.path[0] !== undefined ? String(issue.path[0]) : 'row'), message: issue.message })
      return
    }
    const rowIssues = productIssues(parsed.data, prefix)
    const firstLine = lineOfSku.get(parsed.data.sku)
    if (firstLine)
      rowIssues.push({ field: `${prefix}sku`, message: `SKU ${parsed.data.sku} already appears on line ${firstLine}.` })
    else lineOfSku.set(parsed.data.sku, line)
    issues.push(...rowIssues)
    if (!rowIssues.length) products.push(parsed.data)
  })
  if (issues.length)
    throw new ValidationError(
      issues,
      `The file has ${new Set(issues.map((i) => i.field.split('.')[1])).size} bad row(s); nothing was imported.`,
    )
  return products
}

function cellValue(column: string, raw: string): unknown {
  const cell = raw.trim()
  if (cell === '') return column === 'protocols' ? [] : column === 'description' ? '' : undefined
  if (INTEGER_COLUMNS.has(column)) return /^-?\d+$/.test(cell) ? Number(cell) : cell
  if (column === 'protocols') {
    return cell
      .split(/[|;]/)
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean)
      .map((p) => PROTOCOL_ALIASES.get(p) ?? p)
  }
  return cell
}

/** The catalog as CSV that imports back unchanged. */
export function productsToCsv(products: Product[]): string {
  return toCsv([
    [...PRODUCT_COLUMNS],
    ...products.map((p) => PRODUCT_COLUMNS.map((c) => (c === 'protocols' ? p.protocols.join('|') : p[c]))),
  ])
}
