/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF.
 * Pure and dependency-free so the browser (import preview) and the API share it.
 */
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
    row.push(field)
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
      row.push(field)
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
    .map((row) =>
      row
        .map((cell) => {
          const s = cell === undefined ? '' : String(cell)
          return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s
        })
        .join(','),
    )
    .join('\r\n')
    .concat('\r\n')
}
