import { beforeAll, describe, expect, it } from 'vitest'
import { applyDueEndOfLife } from '../../functions/briefings/eol-job'
import { outboxRepository } from '../../functions/data/outbox'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'
import { productBody } from '../helpers/products'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const REP = 'rep@lutron.example'
const STAFF = 'staff@homeaiq.example'
const base = '/partners/lutron/briefings'
const briefing = (overrides: Record<string, unknown> = {}) => ({
  kind: 'firmware',
  title: 'RadioRA 3 firmware 24.1',
  body: '## What changed\n\n- Faster scene recall\n- [Release notes](https://lutron.example/notes)',
  effectiveDate: '2026-12-01',
  ...overrides,
})

describe('briefings', () => {
  it('publishes Markdown as sanitized HTML', async () => {
    const res = await portal.call('POST', base, {
      as: REP,
      body: briefing({
        body: '# Hi <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) [ok](https://lutron.example)',
      }),
    })
    expect(res.status).toBe(201)
    const html: string = res.json.bodyHtml
    expect(html).not.toMatch(/<script|<img|href="javascript:/i)
    expect(html).not.toMatch(/<[^>]*\son\w+=/i) // no event-handler attribute inside any tag
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('<a href="https://lutron.example" rel="noopener noreferrer nofollow">ok</a>')
    expect(res.json).toMatchObject({ partnerName: 'Lutron Electronics', requiresAck: false, flagged: false, publishedBy: REP })
  })

  it('requires SKUs on end-of-life and price-change briefings, and rejects bad input by field', async () => {
    const eol = await portal.call('POST', base, { as: REP, body: briefing({ kind: 'end-of-life' }) })
    expect(eol.status).toBe(422)
    expect(eol.json.errors[0].field).toBe('skus')
    const bad = await portal.call('POST', base, {
      as: REP,
      body: briefing({ kind: 'rumour', effectiveDate: '2026-13-45', title: '' }),
    })
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['effectiveDate', 'kind', 'title'])
    const attachment = await portal.call('POST', base, {
      as: REP,
      body: briefing({ attachmentDocumentIds: ['01JDQ7Z8X9Y0ABCDEFGHJKMNPQ'] }),
    })
    expect(attachment.status).toBe(400)
    expect(attachment.json.errors[0].field).toBe('attachmentDocumentIds.0')
  })

  it('names only SKUs of the partner’s catalog', async () => {
    await portal.call('POST', '/partners/lutron/products', { as: REP, body: productBody({ sku: 'PD-6WCL' }) })
    const res = await portal.call('POST', base, {
      as: REP,
      body: briefing({ kind: 'price-change', skus: ['PD-6WCL', 'NOPE-1'] }),
    })
    expect(res.status).toBe(422)
    expect(res.json.errors).toEqual([{ field: 'skus.1', message: 'NOPE-1 is not in your catalog.' }])
  })

  it('keeps safety notices flagged until staff acknowledge, once per staff user', async () => {
    const before = (await portal.call('GET', '/review/briefings', { as: STAFF })).json.flaggedCount
    const notice = await portal.call('POST', base, {
      as: REP,
      body: briefing({ kind: 'safety-notice', title: 'Recall: PD-6WCL batch 2311', skus: ['PD-6WCL'] }),
    })
    expect(notice.json).toMatchObject({ requiresAck: true, flagged: true })
    // staff are told, through the outbox written with the briefing
    const outbox = (await outboxRepository(portal.deps.db).pending({ limit: 100 })).items
    expect(outbox.filter((m) => m.kind === 'briefing-needs-ack' && m.body === 'Recall: PD-6WCL batch 2311')).toEqual([
      expect.objectContaining({ audience: { kind: 'staff' }, partnerId: 'lutron', link: '/staff/briefings?partnerId=lutron' }),
    ])
    const feed = await portal.call('GET', '/review/briefings?unacknowledged=true', { as: STAFF })
    expect(feed.json.flaggedCount).toBe(before + 1)
    expect(feed.json.items[0]).toMatchObject({ id: notice.json.id, flagged: true, acknowledgedByMe: false })

    const ackPath = `${base}/${notice.json.id}/ack`
    expect((await portal.call('POST', ackPath, { as: REP })).status).toBe(403)
    const acks = await Promise.all([portal.call('POST', ackPath, { as: STAFF }), portal.call('POST', ackPath, { as: STAFF })])
    expect(acks.map((a) => a.status)).toEqual([200, 200])
    const after = await portal.call('GET', `${base}/${notice.json.id}`, { as: STAFF })
    expect(after.json).toMatchObject({ flagged: false, acknowledgedByMe: true })
    expect(after.json.acknowledgements).toHaveLength(1)
    const partnerSide = await portal.call('GET', `${base}/${notice.json.id}`, { as: REP })
    expect(partnerSide.json).toMatchObject({ flagged: false, ackedBy: [], acknowledgements: [{ email: 'HomeAIQ' }] })
    expect(JSON.stringify(partnerSide.json)).not.toContain(STAFF)
    const feedAfter = await portal.call('GET', '/review/briefings?unacknowledged=true', { as: STAFF })
    expect(feedAfter.json.flaggedCount).toBe(before)
    expect(feedAfter.json.items.map((b: { id: string }) => b.id)).not.toContain(notice.json.id)
  })

  it('publishes once per Idempotency-Key, even when the retry races the first request', async () => {
    const body = briefing({ kind: 'new-product', title: 'Ketra Sunnata launch' })
    const send = (key: string, b: unknown = body) =>
      portal.call('POST', base, { as: REP, headers: { 'idempotency-key': key }, body: b })
    const [a, b] = await Promise.all([send('ketra-launch-key-1'), send('ketra-launch-key-1')])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.json.id).toBe(b.json.id)
    const later = await send('ketra-launch-key-1')
    expect(later.json.id).toBe(a.json.id)
    expect(later.headers.get('idempotent-replayed')).toBe('true')
    const list = await portal.call('GET', `${base}?kind=new-product`, { as: REP })
    expect(list.json.items.filter((x: { title: string }) => x.title === 'Ketra Sunnata launch')).toHaveLength(1)
    const reused = await send('ketra-launch-key-1', { ...body, title: 'Something else' })
    expect(reused.status).toBe(422)
    expect(reused.json.errors[0].field).toBe('Idempotency-Key')
    expect((await send('short')).status).toBe(400)
  })

  it('filters the staff feed by kind and partner, newest first', async () => {
    await portal.call('POST', '/partners/sonos/briefings', {
      as: 'rep@sonos.example',
      body: briefing({ kind: 'roadmap', title: 'Sonos 2027 roadmap' }),
    })
    const roadmap = await portal.call('GET', '/review/briefings?kind=roadmap', { as: STAFF })
    expect(roadmap.json.items.map((b: { partnerId: string }) => b.partnerId)).toEqual(['sonos'])
    const lutron = await portal.call('GET', '/review/briefings?partnerId=lutron', { as: STAFF })
    expect(lutron.json.items.every((b: { partnerId: string }) => b.partnerId === 'lutron')).toBe(true)
    const times = lutron.json.items.map((b: { publishedAt: string }) => b.publishedAt)
    expect(times).toEqual([...times].sort().reverse())
    expect((await portal.call('GET', '/partners/sonos/briefings', { as: REP })).status).toBe(404)
    expect((await portal.call('GET', '/review/briefings', { as: REP })).status).toBe(403)
  })

  it('discontinues the affected products when an end-of-life briefing takes effect', async () => {
    const rep = 'rep@ecobee.example'
    for (const sku of ['EB-STATE5', 'EB-SENSOR2', 'GONE-1']) {
      await portal.call('POST', '/partners/ecobee/products', { as: rep, body: productBody({ sku, category: 'climate-control' }) })
    }
    await portal.call('POST', '/partners/ecobee/briefings', {
      as: rep,
      body: briefing({
        kind: 'end-of-life',
        title: 'ecobee4 end of life',
        skus: ['EB-STATE5', 'EB-SENSOR2', 'GONE-1'],
        effectiveDate: '2026-12-15',
      }),
    })
    // a product deleted after the briefing was published is simply skipped
    const gone = await portal.call('GET', '/partners/ecobee/products/GONE-1', { as: rep })
    const deleted = await portal.call('DELETE', '/partners/ecobee/products/GONE-1', {
      as: rep,
      headers: { 'if-match': gone.headers.get('etag')! },
    })
    expect(deleted.status).toBe(204)
    const job = (day: string) => applyDueEndOfLife({ ...portal.deps, clock: { now: () => new Date(`${day}T06:00:00Z`) } })
    expect(await job('2026-12-14')).toEqual({ briefings: 0, discontinued: 0 })
    expect((await portal.call('GET', '/partners/ecobee/products/EB-STATE5', { as: rep })).json.lifecycle).toBe('active')
    expect(await job('2026-12-15')).toEqual({ briefings: 1, discontinued: 2 })
    const product = await portal.call('GET', '/partners/ecobee/products/EB-STATE5', { as: rep })
    expect(product.json).toMatchObject({ lifecycle: 'discontinued', endOfLifeDate: '2026-12-15', version: 2 })
    expect(await job('2026-12-16')).toEqual({ briefings: 0, discontinued: 0 })
  })
})
