import { beforeAll, describe, expect, it } from 'vitest'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'
import { HTML_BYTES, PDF_BYTES, PNG_BYTES, postUpload } from '../helpers/files'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const REP = 'rep@lutron.example'

async function ticket(body: Record<string, unknown>, as = REP, pid = 'lutron') {
  return portal.call('POST', `/partners/${pid}/uploads`, {
    as,
    body: {
      purpose: 'spec-sheet',
      contentType: 'application/pdf',
      size: PDF_BYTES.length,
      filename: 'RRD-6NA spec.pdf',
      ...body,
    },
  })
}

describe('uploads', () => {
  it('hands out a presigned POST whose policy pins the key prefix, type and size', async () => {
    const res = await ticket({})
    expect(res.status).toBe(201)
    const { documentId, fields, url, maxBytes } = res.json
    expect(fields.key).toBe(`partners/lutron/spec-sheet/${documentId}`)
    expect(url).toContain(portal.s3.endpoint)
    const policy = JSON.parse(Buffer.from(fields.Policy, 'base64').toString('utf8'))
    expect(new Date(policy.expiration).getTime()).toBeGreaterThan(Date.now())
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', PDF_BYTES.length, PDF_BYTES.length],
        ['eq', '$Content-Type', 'application/pdf'],
        { key: `partners/lutron/spec-sheet/${documentId}` },
        { bucket: 'homeaiq-documents' },
      ]),
    )
    expect(maxBytes).toBe(25 * 1024 * 1024)
    const doc = await portal.call('GET', `/partners/lutron/documents/${documentId}`, { as: REP })
    expect(doc.json).toMatchObject({ status: 'pending', filename: 'RRD-6NA spec.pdf', purpose: 'spec-sheet' })
    expect(doc.json).not.toHaveProperty('key')
    expect(doc.json).not.toHaveProperty('downloadUrl')
  })

  it('marks a real PDF ready after its upload through s3rver, with an attachment download', async () => {
    const t = (await ticket({})).json
    const key = t.fields.key
    const verdict = portal.verdictFor(key)
    const posted = await postUpload(t, PDF_BYTES, 'application/pdf')
    expect(posted.status).toBeLessThan(300)
    expect(await verdict).toBe('ready')
    const doc = await portal.call('GET', `/partners/lutron/documents/${t.documentId}`, { as: REP })
    expect(doc.json.status).toBe('ready')
    const download = new URL(doc.json.downloadUrl)
    expect(download.searchParams.get('response-content-disposition')).toMatch(/^attachment; filename="RRD-6NA spec.pdf"/)
    expect(Number(download.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300)
    const body = Buffer.from(await (await fetch(download)).arrayBuffer())
    expect(body.equals(PDF_BYTES)).toBe(true)
  })

  it('keeps serving the checked bytes when the same POST is replayed with other bytes after the verdict', async () => {
    const t = (await ticket({})).json
    const checked = portal.verdictFor(t.fields.key)
    await postUpload(t, PDF_BYTES, 'application/pdf')
    expect(await checked).toBe('ready')
    const before = (await portal.call('GET', `/partners/lutron/documents/${t.documentId}`, { as: REP })).json
    const replayed = portal.verdictFor(t.fields.key)
    expect((await postUpload(t, HTML_BYTES, 'application/pdf')).status).toBeLessThan(300)
    expect(await replayed).toBe('discarded')
    const after = await portal.call('GET', `/partners/lutron/documents/${t.documentId}`, { as: REP })
    expect(after.json).toMatchObject({ status: 'ready', checkedAt: before.checkedAt })
    const body = Buffer.from(await (await fetch(after.json.downloadUrl)).arrayBuffer())
    expect(body.equals(PDF_BYTES)).toBe(true)
    const { documentRepository } = await import('../../functions/data/documents')
    const stored = await documentRepository(portal.deps.db).get('lutron', t.documentId)
    expect(await portal.deps.storage!.readHead(stored!.key, 8)).toBeUndefined()
    expect(await portal.keysUnder(`checked/lutron/spec-sheet/${t.documentId}/`)).toEqual([stored!.storedKey])
  })

  it('rejects a PNG renamed .pdf and deletes the object', async () => {
    const t = (await ticket({ filename: 'totally-a-spec.pdf', size: PNG_BYTES.length })).json
    const verdict = portal.verdictFor(t.fields.key)
    await postUpload(t, PNG_BYTES, 'application/pdf')
    expect(await verdict).toBe('rejected')
    const doc = await portal.call('GET', `/partners/lutron/documents/${t.documentId}`, { as: REP })
    expect(doc.json).toMatchObject({ status: 'rejected', rejectionReason: expect.stringMatching(/image\/png/) })
    const { documentRepository } = await import('../../functions/data/documents')
    const stored = await documentRepository(portal.deps.db).get('lutron', t.documentId)
    expect(await portal.deps.storage!.readHead(stored!.key, 8)).toBeUndefined()
    expect(await portal.keysUnder(`checked/lutron/spec-sheet/${t.documentId}/`)).toEqual([])
  })

  it('refuses a type the purpose does not take and a size over its limit, naming the fields', async () => {
    const res = await ticket({ purpose: 'logo', contentType: 'application/pdf', size: 3 * 1024 * 1024 })
    expect(res.status).toBe(400)
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(['contentType', 'size'])
    const unknown = await ticket({ purpose: 'malware', contentType: 'application/x-msdownload' })
    expect(unknown.json.errors.map((e: { field: string }) => e.field)).toEqual(['purpose', 'contentType'])
  })

  it('never shows one partner’s document to another', async () => {
    const t = (await ticket({})).json
    expect((await portal.call('GET', `/partners/ecobee/documents/${t.documentId}`, { as: 'rep@ecobee.example' })).status).toBe(
      404,
    )
    expect((await portal.call('GET', `/partners/lutron/documents/${t.documentId}`, { as: 'rep@ecobee.example' })).status).toBe(
      404,
    )
  })
})

describe('spec sheets on products', () => {
  it('attach only a ready spec-sheet PDF of the same partner', async () => {
    const t = (await ticket({})).json
    const product = (documentId: string) => ({
      sku: 'SPEC-1',
      name: 'Sunnata dimmer',
      category: 'lighting-control',
      msrpCents: 9_900,
      mapCents: 9_900,
      lifecycle: 'active',
      protocols: [],
      leadTimeDays: 2,
      specSheetDocumentId: documentId,
    })
    const pending = await portal.call('POST', '/partners/lutron/products', { as: REP, body: product(t.documentId) })
    expect(pending.status).toBe(422)
    expect(pending.json.errors[0]).toMatchObject({
      field: 'specSheetDocumentId',
      message: expect.stringMatching(/still being checked/),
    })
    const verdict = portal.verdictFor(t.fields.key)
    await postUpload(t, PDF_BYTES, 'application/pdf')
    await verdict
    expect(
      (await portal.call('POST', '/partners/ecobee/products', { as: 'rep@ecobee.example', body: product(t.documentId) })).status,
    ).toBe(400)
    const attached = await portal.call('POST', '/partners/lutron/products', { as: REP, body: product(t.documentId) })
    expect(attached.status).toBe(201)
    expect(attached.json.specSheetDocumentId).toBe(t.documentId)
  })
})

describe('partner logos', () => {
  it('a partner-admin sets a checked logo; the directory links it and redirects to a signed image', async () => {
    const admin = 'admin@lutron.example'
    const t = (await ticket({ purpose: 'logo', contentType: 'image/png', size: PNG_BYTES.length, filename: 'lutron.png' }, admin))
      .json
    const verdict = portal.verdictFor(t.fields.key)
    await postUpload(t, PNG_BYTES, 'image/png')
    expect(await verdict).toBe('ready')
    const etag = (await portal.call('GET', '/partners/lutron', { as: admin })).headers.get('etag')!
    const wrongPurpose = (await ticket({}, admin)).json.documentId
    const refused = await portal.call('PATCH', '/partners/lutron', {
      as: admin,
      headers: { 'if-match': etag },
      body: { logoDocumentId: wrongPurpose },
    })
    expect(refused.status).toBe(400)
    expect(refused.json.errors[0].field).toBe('logoDocumentId')
    const set = await portal.call('PATCH', '/partners/lutron', {
      as: admin,
      headers: { 'if-match': etag },
      body: { logoDocumentId: t.documentId },
    })
    expect(set.status).toBe(200)
    const listing = await portal.call('GET', '/directory/lutron')
    expect(listing.json.logoUrl).toBe(`/api/v1/directory/lutron/logo?v=${t.documentId}`)
    const logo = await portal.api.request(listing.json.logoUrl)
    expect(logo.status).toBe(302)
    const image = await fetch(logo.headers.get('location')!)
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG_BYTES)).toBe(true)
    expect((await portal.api.request('/api/v1/directory/ecobee/logo')).status).toBe(404)
  })
})
