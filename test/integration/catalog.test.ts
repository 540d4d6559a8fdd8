import { beforeAll, describe, expect, it } from 'vitest'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'
import { CSV_HEADER, productBody } from '../helpers/products'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const REP = 'rep@lutron.example'
const STAFF = 'staff@homeaiq.example'
const base = '/partners/lutron/products'
const csv = (...rows: string[]) => [CSV_HEADER, ...rows].join('\n')
const importCsv = (text: string, as = REP) =>
  portal.call('POST', `${base}/import`, { as, headers: { 'content-type': 'text/csv' }, rawBody: text })

describe('catalog CRUD', () => {
  it('creates a product once; the SKU is unique per partner, case-insensitively', async () => {
    const created = await portal.call('POST', base, { as: REP, body: productBody({ sku: 'rr-main-1' }) })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ sku: 'RR-MAIN-1', version: 1 })
    expect(created.json).not.toHaveProperty('dealerCostCents')
    expect(created.headers.get('etag')).toBe('"v1"')
    const dup = await portal.call('POST', base, { as: REP, body: productBody({ sku: 'RR-MAIN-1', name: 'Other' }) })
    expect(dup.status).toBe(409)
    expect((await portal.call('GET', `${base}/rr-main-1`, { as: REP })).json.name).toBe('RadioRA 3 6A Dimmer')
    // the same SKU at another partner is another product
    expect(
      (
        await portal.call('POST', '/partners/ecobee/products', {
          as: 'rep@ecobee.example',
          body: productBody({ sku: 'RR-MAIN-1' }),
        })
      ).status,
    ).toBe(201)
  })

  it('refuses MAP above MSRP, a discontinued product without EOL date, and unknown fields, naming each', async () => {
    const res = await portal.call('POST', base, {
      as: REP,
      body: productBody({ sku: 'BAD-1', mapCents: 20_000, lifecycle: 'discontinued' }),
    })
    expect(res.status).toBe(400)
    expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['endOfLifeDate', 'mapCents'])
    const shape = await portal.call('POST', base, {
      as: REP,
      body: productBody({ sku: 'BAD-2', msrpCents: 12.5, protocols: ['bluetooth'], colour: 'red' }),
    })
    expect(shape.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'msrpCents', 'protocols.0'])
    expect((await portal.call('GET', `${base}/BAD-1`, { as: REP })).status).toBe(404)
  })

  it('replaces with If-Match, refuses a stale ETag, and keeps a price history', async () => {
    const created = await portal.call('POST', base, { as: REP, body: productBody({ sku: 'PRICE-1' }) })
    const etag = created.headers.get('etag')!
    const renamed = await portal.call('PUT', `${base}/PRICE-1`, {
      as: REP,
      headers: { 'if-match': etag },
      body: productBody({ sku: 'PRICE-1', name: 'Renamed' }),
    })
    expect(renamed.status).toBe(200)
    const stale = await portal.call('PUT', `${base}/PRICE-1`, {
      as: REP,
      headers: { 'if-match': etag },
      body: productBody({ sku: 'PRICE-1', msrpCents: 1, mapCents: 1 }),
    })
    expect(stale.status).toBe(412)
    const repriced = await portal.call('PUT', `${base}/PRICE-1`, {
      as: REP,
      headers: { 'if-match': renamed.headers.get('etag')! },
      body: productBody({ sku: 'PRICE-1', name: 'Renamed', msrpCents: 13_995, mapCents: 12_995 }),
    })
    expect(repriced.json).toMatchObject({ version: 3, msrpCents: 13_995 })
    const history = await portal.call('GET', `${base}/PRICE-1/prices`, { as: REP })
    expect(history.json.items.map((p: { msrpCents: number }) => p.msrpCents)).toEqual([13_995, 12_995])
    expect(history.json.items[0].by).toBe(REP)
    const mismatch = await portal.call('PUT', `${base}/PRICE-1`, {
      as: REP,
      headers: { 'if-match': repriced.headers.get('etag')! },
      body: productBody({ sku: 'OTHER' }),
    })
    expect(mismatch.status).toBe(400)
  })

  it('shows staff the dealer cost from the negotiated discount', async () => {
    await portal.call('POST', base, { as: REP, body: productBody({ sku: 'COST-1', msrpCents: 10_000, mapCents: 9_000 }) })
    const staff = await portal.call('GET', `${base}/COST-1`, { as: STAFF })
    expect(staff.json.dealerCostCents).toBe(6_800) // Lutron: 32% off MSRP
    const list = await portal.call('GET', `${base}?q=cost-1`, { as: STAFF })
    expect(list.json.items).toEqual([expect.objectContaining({ sku: 'COST-1', dealerCostCents: 6_800 })])
  })

  it('filters by category, lifecycle, protocol and text, and pages', async () => {
    await portal.call('POST', base, {
      as: REP,
      body: productBody({ sku: 'FLT-1', name: 'Caséta Smart Hub', protocols: ['matter', 'wi-fi'] }),
    })
    await portal.call('POST', base, {
      as: REP,
      body: productBody({ sku: 'FLT-2', lifecycle: 'announced', protocols: ['thread'] }),
    })
    const byProtocol = await portal.call('GET', `${base}?protocol=matter`, { as: REP })
    expect(byProtocol.json.items.map((p: { sku: string }) => p.sku)).toEqual(['FLT-1'])
    const byText = await portal.call('GET', `${base}?q=caseta hub`, { as: REP })
    expect(byText.json.items.map((p: { sku: string }) => p.sku)).toEqual(['FLT-1'])
    const announced = await portal.call('GET', `${base}?lifecycle=announced`, { as: REP })
    expect(announced.json.items.map((p: { sku: string }) => p.sku)).toEqual(['FLT-2'])
    const first = await portal.call('GET', `${base}?limit=2`, { as: REP })
    const second = await portal.call('GET', `${base}?limit=2&cursor=${first.json.nextCursor}`, { as: REP })
    expect(second.json.items[0].sku > first.json.items[1].sku).toBe(true)
    expect((await portal.call('GET', `${base}?protocol=bluetooth`, { as: REP })).status).toBe(400)
  })

  it('deletes a product only with its current strong ETag in If-Match', async () => {
    const created = await portal.call('POST', base, { as: REP, body: productBody({ sku: 'DEL-1' }) })
    expect((await portal.call('DELETE', `${base}/DEL-1`, { as: REP })).status).toBe(428)
    expect((await portal.call('DELETE', `${base}/DEL-1`, { as: REP, headers: { 'if-match': '"v9"' } })).status).toBe(412)
    // RFC 9110: If-Match compares strongly, so a weak ETag never matches, even of the current version
    const weak = `W/${created.headers.get('etag')!}`
    expect((await portal.call('DELETE', `${base}/DEL-1`, { as: REP, headers: { 'if-match': weak } })).status).toBe(412)
    expect(
      (await portal.call('DELETE', `${base}/DEL-1`, { as: REP, headers: { 'if-match': created.headers.get('etag')! } })).status,
    ).toBe(204)
    expect((await portal.call('GET', `${base}/DEL-1`, { as: REP })).status).toBe(404)
    expect((await portal.call('DELETE', `${base}/DEL-1`, { as: REP, headers: { 'if-match': '"v1"' } })).status).toBe(404)
  })
})

describe('CSV import and export', () => {
  const pid = '/partners/sonos/products'
  const rep = 'rep@sonos.example'
  const importSonos = (text: string) =>
    portal.call('POST', `${pid}/import`, { as: rep, headers: { 'content-type': 'text/csv' }, rawBody: text })

  it('rejects a file with bad rows as a whole, listing every bad row and field', async () => {
    const res = await importSonos(
      csv(
        'ERA-100,Era 100,audio-video,24900,24900,active,wi-fi,3,,',
        'ERA-300,Era 300,audio-video,44900,49900,active,wi-fi|thread,3,,',
        'ARC,Arc,audio-video,abc,89900,sold-out,wi-fi,3,,',
        'era-100,Duplicate,audio-video,1,1,active,,3,,',
      ),
    )
    expect(res.status).toBe(400)
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual([
      'rows.3.mapCents',
      'rows.4.msrpCents',
      'rows.4.lifecycle',
      'rows.5.sku',
    ])
    expect(res.json.errors[1]).toEqual({
      field: 'rows.4.msrpCents',
      sku: 'ARC',
      value: 'abc',
      message: 'Enter the MSRP as a number.',
    })
    expect(res.json.detail).toMatch(/3 bad row/)
    expect((await portal.call('GET', pid, { as: rep })).json.items).toEqual([])
  })

  it('imports a valid file, then reports created / updated / unchanged on re-import', async () => {
    const file = csv(
      'ERA-100,Era 100,audio-video,24900,24900,active,Wi-Fi,3,,"Compact smart speaker, with ""Trueplay"""',
      'ERA-300,Era 300,audio-video,44900,44900,active,wi-fi;thread,3,,',
      'PLAY-5,Five,audio-video,54900,54900,discontinued,wifi,0,2026-12-31,',
    )
    const first = await importSonos(file)
    expect(first.status).toBe(200)
    expect(first.json).toEqual({ created: 3, updated: 0, unchanged: 0 })
    expect((await importSonos(file)).json).toEqual({ created: 0, updated: 0, unchanged: 3 })
    const changed = await importSonos(file.replace('Era 300,audio-video,44900,44900', 'Era 300,audio-video,47900,47900'))
    expect(changed.json).toEqual({ created: 0, updated: 1, unchanged: 2 })
    const era = await portal.call('GET', `${pid}/ERA-100`, { as: rep })
    expect(era.json).toMatchObject({ description: 'Compact smart speaker, with "Trueplay"', protocols: ['wi-fi'] })
    expect((await portal.call('GET', `${pid}/ERA-300/prices`, { as: rep })).json.items).toHaveLength(2)
  })

  it('exports CSV that imports back unchanged', async () => {
    const exported = await portal.call('GET', `${pid}/export`, { as: rep })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="sonos-catalog.csv"/)
    expect(exported.text.split('\r\n')[0]).toBe(
      'sku,name,category,description,msrp,map,lifecycle,endOfLifeDate,protocols,leadTimeDays,specSheetDocumentId',
    )
    // prices in dollars, as a spreadsheet shows them
    expect(exported.text).toContain('ERA-300,Era 300,audio-video,,479.00,479.00,active')
    const again = await importSonos(exported.text)
    expect(again.json).toEqual({ created: 0, updated: 0, unchanged: 3 })
  })

  it('imports thousands of rows in batches', async () => {
    const rows = Array.from(
      { length: 1200 },
      (_, i) =>
        `BULK-${String(i).padStart(5, '0')},Bulk item ${i},networking-infrastructure,${1000 + i},${900 + i},active,poe,7,,`,
    )
    const res = await portal.call('POST', '/partners/ubiquiti/products/import', {
      as: 'rep@ubiquiti.example',
      headers: { 'content-type': 'text/csv' },
      rawBody: csv(...rows),
    })
    expect(res.json).toEqual({ created: 1200, updated: 0, unchanged: 0 })
    const exported = await portal.call('GET', '/partners/ubiquiti/products/export', { as: 'rep@ubiquiti.example' })
    expect(exported.text.trim().split('\r\n')).toHaveLength(1201)
  })

  it('refuses a header it does not know, a non-CSV body and an empty file', async () => {
    const header = await importSonos('sku,name,price\nA,B,1')
    expect(header.status).toBe(400)
    expect(header.json.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['header.category', 'header.msrp', 'header.price']),
    )
    expect((await importCsv('')).status).toBe(400)
    const json = await portal.call('POST', `${pid}/import`, { as: rep, body: { sku: 'x' } })
    expect(json.status).toBe(415)
    const huge = await importSonos(`${CSV_HEADER}\n${'x'.repeat(9 * 1024 * 1024)}`)
    expect(huge.status).toBe(413)
    expect(huge.headers.get('content-type')).toBe('application/problem+json')
  })
})
