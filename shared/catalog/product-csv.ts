import { ValidationError, type FieldIssue } from '../errors'
import { centsToDollars, parseDollars } from '../money'
import { ProductInput, type Product } from '../schemas/product'
import { parseForPeople } from '../schemas/messages'
import {
  EXPORT_COLUMNS,
  LIST_SEPARATOR,
  LIST_SEPARATORS,
  fieldOfColumn,
  headerIssues,
  isPriceColumn,
  isTemplateSku,
} from './csv-columns'
import { MAX_IMPORT_ROWS, PROTOCOLS } from './vocabulary'
import { parseCsvRecords, toCsv } from './csv'
import { productIssues } from './rules'

const INTEGER_COLUMNS = new Set(['msrpCents', 'mapCents', 'leadTimeDays'])
/** words a spreadsheet may hold in any case */
const LOWERCASE_COLUMNS = new Set(['lifecycle', 'category'])
const PROTOCOL_ALIASES = new Map<string, string>([
  ...PROTOCOLS.map((p) => [p, p] as const),
  ['zwave', 'z-wave'],
  ['wifi', 'wi-fi'],
  ['proprietary api', 'proprietary-api'],
  ['api', 'proprietary-api'],
])

/**
 * Validates a whole catalog CSV. Either every row is a valid product, or a ValidationError
 * lists every bad row and field (`rows.<line>.<column>`, the physical line each row starts on,
 * as an editor shows it; header = line 1), with the row's SKU and the bad cell, so a bad file
 * changes nothing and is fixed in one pass.
 */
export function parseProductCsv(text: string): ProductInput[] {
  const [headerRecord, ...rows] = parseCsvRecords(text)
  const header = headerRecord?.cells
  if (!header) throw new ValidationError([{ field: 'file', message: 'The file is empty: start with a header row.' }])
  const columns = header.map((h) => h.trim())
  const badHeader = headerIssues(columns)
  if (badHeader.length) throw new ValidationError(badHeader, 'The header row is not a product catalog header.')
  if (rows.length === 0) throw new ValidationError([{ field: 'file', message: 'The file has a header but no products.' }])
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ValidationError([
      { field: 'file', message: `Import at most ${MAX_IMPORT_ROWS} products at a time (this file has ${rows.length}).` },
    ])
  }
  // a product field's issues are reported under the column the file used (`msrp` or `msrpCents`)
  const columnOfField = new Map(columns.map((c) => [fieldOfColumn(c), c]))

  const issues: FieldIssue[] = []
  const products: ProductInput[] = []
  const lineOfSku = new Map<string, number>()
  rows.forEach(({ cells, line }) => {
    const cellOf = (column: string) => cells[columns.indexOf(column)]?.trim() ?? ''
    const sku = cellOf('sku')
    const rowIssue = (column: string | undefined, message: string): FieldIssue => ({
      field: column ? `rows.${line}.${column}` : `rows.${line}`,
      message,
      ...(sku ? { sku } : {}),
      ...(column ? { value: cellOf(column) } : {}),
    })
    if (cells.length !== columns.length) {
      issues.push(rowIssue(undefined, `This row has ${cells.length} cells; the header has ${columns.length}.`))
      return
    }
    if (isTemplateSku(sku)) {
      issues.push(rowIssue('sku', 'This is an example row of the template: replace it with one of your products.'))
      return
    }
    const record: Record<string, unknown> = {}
    const cellIssues: FieldIssue[] = []
    columns.forEach((column, i) => {
      const cell = cells[i]!.trim()
      if (isPriceColumn(column) && cell !== '') {
        const cents = parseDollars(cell)
        if (cents === undefined) cellIssues.push(rowIssue(column, 'Write the price in dollars, such as 129.95 or $1,299.00.'))
        else record[fieldOfColumn(column)] = cents
        return
      }
      const value = cellValue(column, cell)
      if (value !== undefined) record[column] = value
    })
    const parsed = parseForPeople(ProductInput, record)
    if (!parsed.success) {
      const reported = new Set(cellIssues.map((i) => i.field))
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] !== undefined ? String(issue.path[0]) : undefined
        const found = rowIssue(field && (columnOfField.get(field) ?? field), issue.message)
        if (!reported.has(found.field)) cellIssues.push(found)
      }
    }
    issues.push(...cellIssues)
    if (!parsed.success || cellIssues.length) return
    const ruleIssues = productIssues(parsed.data).map((i) => rowIssue(columnOfField.get(i.field) ?? i.field, i.message))
    const firstLine = lineOfSku.get(parsed.data.sku)
    if (firstLine) ruleIssues.push(rowIssue('sku', `SKU ${parsed.data.sku} already appears on line ${firstLine}.`))
    else lineOfSku.set(parsed.data.sku, line)
    issues.push(...ruleIssues)
    if (!ruleIssues.length) products.push(parsed.data)
  })
  if (issues.length)
    throw new ValidationError(
      issues,
      `The file has ${new Set(issues.map((i) => i.field.split('.')[1])).size} bad row(s); nothing was imported.`,
    )
  return products
}

function cellValue(column: string, cell: string): unknown {
  if (cell === '') return column === 'protocols' ? [] : column === 'description' ? '' : undefined
  if (INTEGER_COLUMNS.has(column)) return /^-?\d+$/.test(cell) ? Number(cell) : cell
  if (LOWERCASE_COLUMNS.has(column)) return cell.toLowerCase()
  if (column === 'protocols') {
    return cell
      .split(LIST_SEPARATORS)
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean)
      .map((p) => PROTOCOL_ALIASES.get(p) ?? p)
  }
  return cell
}

/** The catalog as CSV, prices in dollars, that imports back unchanged. */
export function productsToCsv(products: Product[]): string {
  return toCsv([
    [...EXPORT_COLUMNS],
    ...products.map((p) =>
      EXPORT_COLUMNS.map((c) => {
        if (c === 'protocols') return p.protocols.join(LIST_SEPARATOR)
        if (isPriceColumn(c)) return centsToDollars(p[fieldOfColumn(c) as 'msrpCents' | 'mapCents'])
        return p[c as keyof Product] as string | number | undefined
      }),
    ),
  ])
}
