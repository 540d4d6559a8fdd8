/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF.
 * Pure and dependency-free so the browser (import preview) and the API share it. The one CSV
 * writer and reader of the portal: every export goes through `toCsv`.
 *
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or
 * CR as a formula. `toCsv` writes such a text cell quoted, after a single quote, which makes
 * it literal text; `parseCsv` takes exactly that quote off again, so an export imports back
 * unchanged. Quotes already in front of such a character get one more, so every text survives.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/
/** the single quote the writer put in front of a formula-like cell */
const WRITER_QUOTE = /^'(?='*[=+\-@\t\r])/
const unescapeFormula = (cell: string) => (WRITER_QUOTE.test(cell) ? cell.slice(1) : cell)

export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.cells)
}

/** Each non-blank record with the physical line it starts on (1-based), as a spreadsheet numbers it. */
export function parseCsvRecords(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  const endRow = () => {
    row.push(unescapeFormula(field))
    // blank lines carry no data
    if (row.some((cell) => cell.trim() !== '')) records.push({ line: rowLine, cells: row })
    row = []
    field = ''
  }
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0 // skip a byte-order mark
  for (; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        field += ch
      }
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(unescapeFormula(field))
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else field += ch
  }
  if (field !== '' || row.length) endRow()
  return records
}

const needsQuotes = /[",\r\n]|^\s|\s$/

export function toCsv(rows: (string | number | undefined)[][]): string {
  return rows
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n')
}

/** A number as it is (no formula can hide in one); text quoted where it must be, and never a formula. */
function csvCell(cell: string | number | undefined): string {
  if (cell === undefined) return ''
  if (typeof cell === 'number') return String(cell)
  const formula = FORMULA_START.test(cell)
  const text = formula ? `'${cell}` : cell
  return formula || needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
