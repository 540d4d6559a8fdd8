import { beforeAll, describe, expect, it } from 'vitest'
import { auditRepository } from '../../functions/data/audit'
import { outboxRepository } from '../../functions/data/outbox'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const STAFF = 'staff@homeaiq.example'
const ADMIN = 'admin@lutron.example'
const REP = 'rep@lutron.example'

async function read(pid: string, as: string) {
  const res = await portal.call('GET', `/partners/${pid}`, { as })
  return { etag: res.headers.get('etag')!, json: res.json, status: res.status }
}

/** The stored trail, unredacted, straight from the table */
const auditTrail = async (pid: string) => (await auditRepository(portal.deps.db).listForPartner(pid, { limit: 100 })).items

describe('partner records', () => {
  it('lets a partner-admin edit the listing with If-Match; the directory shows it and the audit trail records it', async () => {
    const before = await read('lutron', ADMIN)
    expect(before.etag).toBe('"v1"')
    // the partner's admin sees the terms they agreed; its reps do not
    expect(before.json.commercialTerms.baseDiscountBps).toBe(3200)
    expect((await read('lutron', REP)).json).not.toHaveProperty('commercialTerms')
    expect(before.json).not.toHaveProperty('baseDiscountBps')
    const res = await portal.call('PATCH', '/partners/lutron', {
      as: ADMIN,
      headers: { 'if-match': before.etag },
      body: { description: 'Lighting control for the finest homes.', regions: ['US', 'US-CA'] },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"v2"')
    expect(res.json).toMatchObject({
      description: 'Lighting control for the finest homes.',
      regions: ['US', 'US-CA'],
      version: 2,
    })
    expect((await portal.call('GET', '/directory/lutron')).json.description).toBe('Lighting control for the finest homes.')

    const trail = await auditTrail('lutron')
    const update = trail.find((e) => e.action === 'partner.updated')
    expect(update).toMatchObject({
      actor: { email: ADMIN, role: 'partner-admin' },
      before: { version: 1 },
      after: { version: 2, description: 'Lighting control for the finest homes.' },
    })
  })

  it('refuses a stale or missing If-Match and changes nothing', async () => {
    const current = await read('lutron', ADMIN)
    const stale = await portal.call('PATCH', '/partners/lutron', {
      as: ADMIN,
      headers: { 'if-match': '"v1"' },
      body: { description: 'overwritten' },
    })
    expect(stale.status).toBe(412)
    const missing = await portal.call('PATCH', '/partners/lutron', { as: ADMIN, body: { description: 'overwritten' } })
    expect(missing.status).toBe(428)
    expect((await read('lutron', ADMIN)).json).toEqual(current.json)
  })

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const { etag } = await read('ecobee', 'admin@ecobee.example')
    const edit = (description: string) =>
      portal.call('PATCH', '/partners/ecobee', {
        as: 'admin@ecobee.example',
        headers: { 'if-match': etag },
        body: { description },
      })
    const results = await Promise.all([edit('first'), edit('second'), edit('third')])
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412])
    const winner = results.find((r) => r.status === 200)!.json.description
    expect((await read('ecobee', STAFF)).json).toMatchObject({ description: winner, version: 2 })
  })

  it('keeps tier, category, status and name staff-only and names the refused fields', async () => {
    const { etag, json } = await read('lutron', ADMIN)
    const res = await portal.call('PATCH', '/partners/lutron', {
      as: ADMIN,
      headers: { 'if-match': etag },
      body: { tier: 'standard', description: 'sneaky' },
    })
    expect(res.status).toBe(403)
    expect(res.json.errors).toEqual([{ field: 'tier', message: expect.any(String) }])
    expect((await read('lutron', ADMIN)).json).toEqual(json)
  })

  it('lets a rep read but not edit their partner', async () => {
    const { etag } = await read('lutron', REP)
    const res = await portal.call('PATCH', '/partners/lutron', {
      as: REP,
      headers: { 'if-match': etag },
      body: { description: 'x' },
    })
    expect(res.status).toBe(403)
  })

  it('rejects bad input with every offending field and unknown fields', async () => {
    const { etag } = await read('lutron', ADMIN)
    const res = await portal.call('PATCH', '/partners/lutron', {
      as: ADMIN,
      headers: { 'if-match': etag },
      body: { website: 'http://insecure.example', regions: ['California'], contact: { name: '', email: 'nope' }, colour: 'red' },
    })
    expect(res.status).toBe(400)
    expect(res.json.type).toBe('https://portal.homeaiq.example/problems/validation')
    expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['colour', 'contact.email', 'contact.name', 'regions.0', 'website'].sort(),
    )
    expect((await portal.call('PATCH', '/partners/lutron', { as: ADMIN, headers: { 'if-match': etag }, body: {} })).status).toBe(
      400,
    )
    const malformed = await portal.call('PATCH', '/partners/lutron', {
      as: ADMIN,
      headers: { 'if-match': etag, 'content-type': 'application/json' },
      rawBody: '{"description":',
    })
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get('content-type')).toBe('application/problem+json')
    const form = await portal.call('PATCH', '/partners/lutron', {
      as: ADMIN,
      headers: { 'if-match': etag, 'content-type': 'text/plain' },
      rawBody: 'description=x',
    })
    expect(form.status).toBe(415)
    expect((await read('lutron', ADMIN)).etag).toBe(etag)
  })
})

describe('staff', () => {
  it('sees commercial terms of the tier and the negotiated discount', async () => {
    const { json } = await read('lutron', STAFF)
    expect(json.commercialTerms).toMatchObject({
      baseDiscount: { minBps: 3000, maxBps: 3500 },
      mdfRate: { minBps: 300, maxBps: 500 },
      baseDiscountBps: 3200,
    })
  })

  it('changes tier and discount within the tier range, and refuses a discount outside it', async () => {
    const { etag } = await read('sonos', STAFF)
    const outside = await portal.call('PATCH', '/partners/sonos', {
      as: STAFF,
      headers: { 'if-match': etag },
      body: { baseDiscountBps: 4000 },
    })
    expect(outside.status).toBe(422)
    expect(outside.json.errors[0].field).toBe('baseDiscountBps')
    const unexplained = await portal.call('PATCH', '/partners/sonos', {
      as: STAFF,
      headers: { 'if-match': etag },
      body: { tier: 'strategic' },
    })
    expect(unexplained.status).toBe(400)
    expect(unexplained.json.errors).toEqual([{ field: 'changeReason', message: expect.any(String) }])
    const promote = await portal.call('PATCH', '/partners/sonos', {
      as: STAFF,
      headers: { 'if-match': etag },
      body: { tier: 'strategic', changeReason: 'Multi-room audio is now in every HomeAIQ package' },
    })
    expect(promote.status).toBe(200)
    expect(promote.json.commercialTerms.baseDiscountBps).toBe(3000)
    // the reason is in the audit entry, and the partner's admins are told, old and new terms included
    const trail = await portal.call('GET', '/partners/sonos/audit', { as: 'admin@sonos.example' })
    expect(trail.json.items[0]).toMatchObject({
      action: 'partner.updated',
      reason: 'Multi-room audio is now in every HomeAIQ package',
    })
    const outbox = (await outboxRepository(portal.deps.db).pending({ limit: 100 })).items.filter(
      (m) => m.kind === 'terms-changed',
    )
    expect(outbox).toEqual([
      expect.objectContaining({
        audience: { kind: 'partner', partnerId: 'sonos', roles: ['partner-admin'] },
        body: 'Tier: Tier 2 · Preferred → Tier 1 · Strategic\nBase discount: 25% → 30%\nWhy: Multi-room audio is now in every HomeAIQ package',
      }),
    ])
  })

  it('refuses an impossible status move', async () => {
    const { etag } = await read('dsc', STAFF)
    const sunset = await portal.call('PATCH', '/partners/dsc', {
      as: STAFF,
      headers: { 'if-match': etag },
      body: { status: 'sunset' },
    })
    expect(sunset.status).toBe(200)
    const revive = await portal.call('PATCH', '/partners/dsc', {
      as: STAFF,
      headers: { 'if-match': sunset.headers.get('etag')! },
      body: { status: 'active' },
    })
    expect(revive.status).toBe(422)
    expect(revive.json.errors[0].field).toBe('status')
  })

  it('adds a partner once: a second create with the same id is a conflict', async () => {
    const body = {
      id: 'nanoleaf',
      name: 'Nanoleaf',
      category: 'emerging',
      tier: 'standard',
      website: 'https://nanoleaf.me',
      contact: { name: 'Ada Wong', email: 'partners@nanoleaf.example' },
    }
    const created = await portal.call('POST', '/partners', { as: STAFF, body })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe('/api/v1/partners/nanoleaf')
    expect(created.json).toMatchObject({ status: 'prospect', version: 1, commercialTerms: { baseDiscountBps: 1500 } })
    expect((await portal.call('GET', '/directory/nanoleaf')).status).toBe(404)
    const again = await portal.call('POST', '/partners', { as: STAFF, body: { ...body, name: 'Other' } })
    expect(again.status).toBe(409)
    expect((await read('nanoleaf', STAFF)).json.name).toBe('Nanoleaf')
  })

  it('lists every partner with status filter, including prospects', async () => {
    const all = await portal.call('GET', '/partners?limit=100', { as: STAFF })
    expect(all.status).toBe(200)
    expect(all.json.items.length).toBeGreaterThanOrEqual(11)
    const prospects = await portal.call('GET', '/partners?status=prospect', { as: STAFF })
    expect(prospects.json.items.every((p: { status: string }) => p.status === 'prospect')).toBe(true)
  })
})
