import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { MAX_PRODUCTS_PER_PARTNER } from '../../shared/catalog/vocabulary'
import { access, defineContracts } from '../../shared/contracts/contract'
import { keys } from '../../functions/data/keys'
import { SCAN_BUDGET } from '../../functions/data/db'
import { createApiWith } from '../../functions/http/app'
import { domainRoutes } from '../../functions/http/routes'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'
import { CSV_HEADER, productBody } from '../helpers/products'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const STAFF = 'staff@homeaiq.example'

describe('what the audit trail shows a partner', () => {
  it('applies the entity’s own view: no negotiated discount, no staff identities', async () => {
    const before = await portal.call('GET', '/partners/ubiquiti', { as: STAFF })
    expect(before.json.commercialTerms.baseDiscountBps).toBe(3300)
    const patch = await portal.call('PATCH', '/partners/ubiquiti', {
      as: STAFF,
      headers: { 'if-match': before.headers.get('etag')! },
      body: {
        baseDiscountBps: 3400,
        description: 'Networking beneath every installation.',
        changeReason: 'UniFi volume commitment',
      },
    })
    expect(patch.status).toBe(200)
    await portal.call('POST', '/partners/ubiquiti/products', {
      as: STAFF,
      body: productBody({ sku: 'U6-PRO', category: 'networking-infrastructure' }),
    })

    const asPartner = await portal.call('GET', '/partners/ubiquiti/audit', { as: 'rep@ubiquiti.example' })
    const text = JSON.stringify(asPartner.json)
    expect(text).not.toContain('baseDiscountBps')
    expect(text).not.toContain(STAFF)
    const update = asPartner.json.items.find((e: { action: string }) => e.action === 'partner.updated')
    expect(update.actor).toEqual({ userId: 'homeaiq', email: 'HomeAIQ', role: 'staff' })
    expect(update.after.description).toBe('Networking beneath every installation.')
    // the price history a partner reads does not name the staff member either
    const prices = await portal.call('GET', '/partners/ubiquiti/products/U6-PRO/prices', { as: 'rep@ubiquiti.example' })
    expect(prices.json.items[0].by).toBe('HomeAIQ')

    const asStaff = await portal.call('GET', '/partners/ubiquiti/audit', { as: STAFF })
    const staffView = asStaff.json.items.find((e: { action: string }) => e.action === 'partner.updated')
    expect(staffView.actor.email).toBe(STAFF)
    expect(staffView.before.baseDiscountBps).toBe(3300)
    expect(staffView.after.baseDiscountBps).toBe(3400)
  })

  it('shows that HomeAIQ acknowledged a briefing, not who', async () => {
    const published = await portal.call('POST', '/partners/ecobee/briefings', {
      as: 'rep@ecobee.example',
      body: { kind: 'safety-notice', title: 'Battery recall', body: 'Replace the batteries.', effectiveDate: '2026-12-01' },
    })
    await portal.call('POST', `/partners/ecobee/briefings/${published.json.id}/ack`, { as: STAFF })
    const trail = await portal.call('GET', '/partners/ecobee/audit', { as: 'admin@ecobee.example' })
    const ack = trail.json.items.find((e: { action: string }) => e.action === 'briefing.acknowledged')
    expect(ack.after.acknowledgements).toEqual([{ userId: 'homeaiq', email: 'HomeAIQ', at: expect.any(String) }])
    expect(JSON.stringify(trail.json)).not.toContain(STAFF)
  })
})

describe('HTTP edges', () => {
  it('refuses a JSON body over 1 MiB with 413 before parsing it, and creates nothing', async () => {
    const huge = JSON.stringify(productBody({ sku: 'HUGE-1', description: 'x'.repeat(1024 * 1024 + 10) }))
    const res = await portal.call('POST', '/partners/lutron/products', {
      as: 'rep@lutron.example',
      rawBody: huge,
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect((await portal.call('GET', '/partners/lutron/products/HUGE-1', { as: 'rep@lutron.example' })).status).toBe(404)
  })

  it('answers OPTIONS with the methods of the path, and unknown routes of any method with 404 problem+json', async () => {
    const options = await portal.call('OPTIONS', '/partners/lutron/products/RRD-6NA')
    expect(options.status).toBe(204)
    expect(options.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'OPTIONS', 'PUT'])
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS']) {
      const res = await portal.call(method, '/no/such/route')
      expect(res.status, method).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
  })

  it('puts the request id in every problem, and logs every 500 with it', async () => {
    const boom = defineContracts('identity', {
      boom: { method: 'GET', path: '/boom', summary: 'fails', access: access.public },
    })
    const api = createApiWith(portal.deps, [
      domainRoutes(boom, () => ({
        boom: () => {
          throw new Error('database exploded: secret internals')
        },
      })),
    ])
    const lines: string[] = []
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk))
      return true
    })
    try {
      const res = await api.request('/api/v1/boom')
      const body = (await res.json()) as { requestId: string; detail: string }
      expect(res.status).toBe(500)
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/)
      expect(res.headers.get('x-request-id')).toBe(body.requestId)
      expect(JSON.stringify(body)).not.toContain('secret internals')
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.level === 'error')
      expect(logged).toMatchObject({
        requestId: body.requestId,
        path: '/api/v1/boom',
        error: { message: expect.stringContaining('exploded') },
      })
    } finally {
      write.mockRestore()
    }
  })
})

describe('bounded catalog work', () => {
  const pid = 'leviton'
  const rep = 'rep@leviton.example'

  it('searches at most a budget of items per request and hands back a cursor to search on', async () => {
    // a catalog larger than one request's budget, with the only match at its very end
    const rows = Array.from(
      { length: SCAN_BUDGET + 200 },
      (_, i) => `LV-${String(i).padStart(5, '0')},Decora dimmer ${i},lighting-control,4999,4499,active,z-wave,3,,`,
    )
    rows.push('ZZ-LAST,Vive wireless hub,lighting-control,19900,17900,active,wi-fi,3,,')
    const imported = await portal.call('POST', `/partners/${pid}/products/import`, {
      as: rep,
      headers: { 'content-type': 'text/csv' },
      rawBody: [CSV_HEADER, ...rows.slice(0, 1000)].join('\n'),
    })
    expect(imported.status, imported.text).toBe(200)
    const rest = await portal.call('POST', `/partners/${pid}/products/import`, {
      as: rep,
      headers: { 'content-type': 'text/csv' },
      rawBody: [CSV_HEADER, ...rows.slice(1000)].join('\n'),
    })
    expect(rest.status, rest.text).toBe(200)

    const first = await portal.call('GET', `/partners/${pid}/products?q=vive`, { as: rep })
    expect(first.status).toBe(200)
    expect(first.json.items).toEqual([])
    expect(first.json.nextCursor).toEqual(expect.any(String))
    let cursor: string | undefined = first.json.nextCursor
    const found: string[] = []
    for (let page = 0; cursor && page < 5; page++) {
      const next = await portal.call('GET', `/partners/${pid}/products?q=vive&cursor=${encodeURIComponent(cursor)}`, { as: rep })
      found.push(...next.json.items.map((p: { sku: string }) => p.sku))
      cursor = next.json.nextCursor
    }
    expect(found).toEqual(['ZZ-LAST'])
    expect(cursor).toBeUndefined()
  })

  it(`caps a catalog at ${MAX_PRODUCTS_PER_PARTNER} products, for single creates and imports alike`, async () => {
    // stand in for a full catalog: the count the cap is checked against
    await portal.deps.db.doc.send(
      new UpdateCommand({
        TableName: portal.deps.db.table,
        Key: keys.productCounter('dsc'),
        UpdateExpression: 'SET #count = :almost',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':almost': MAX_PRODUCTS_PER_PARTNER - 1 },
      }),
    )
    const body = (sku: string) => productBody({ sku, category: 'security-access' })
    expect((await portal.call('POST', '/partners/dsc/products', { as: 'rep@dsc.example', body: body('PS-1') })).status).toBe(201)
    const full = await portal.call('POST', '/partners/dsc/products', { as: 'rep@dsc.example', body: body('PS-2') })
    expect(full.status).toBe(422)
    expect(full.json.detail).toMatch(/at most 10,000 products/)
    const imported = await portal.call('POST', '/partners/dsc/products/import', {
      as: 'rep@dsc.example',
      headers: { 'content-type': 'text/csv' },
      rawBody: `${CSV_HEADER}\nPS-3,Panel,security-access,100,90,active,,1,,\n`,
    })
    expect(imported.status).toBe(422)
    expect((await portal.call('GET', '/partners/dsc/products/PS-2', { as: 'rep@dsc.example' })).status).toBe(404)
    expect((await portal.call('GET', '/partners/dsc/products/PS-3', { as: 'rep@dsc.example' })).status).toBe(404)
    // deleting makes room again
    const ps1 = await portal.call('GET', '/partners/dsc/products/PS-1', { as: 'rep@dsc.example' })
    await portal.call('DELETE', '/partners/dsc/products/PS-1', {
      as: 'rep@dsc.example',
      headers: { 'if-match': ps1.headers.get('etag')! },
    })
    expect((await portal.call('POST', '/partners/dsc/products', { as: 'rep@dsc.example', body: body('PS-2') })).status).toBe(201)
  })
})
