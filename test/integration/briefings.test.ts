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

describe('correcting a briefing after publishing', () => {
  const pid = 'sonos'
  const rep = 'rep@sonos.example'
  const path = `/partners/${pid}/briefings`
  const flaggedCount = async () => (await portal.call('GET', '/review/briefings', { as: STAFF })).json.flaggedCount as number
  const awaitingAck = async () =>
    (await portal.call('GET', `/partners/${pid}/dashboard`, { as: rep })).json.briefings.awaitingAck as number
  const correct = (id: string, etag: string | null, body: Record<string, unknown>, as = rep) =>
    portal.call('PUT', `${path}/${id}`, { as, headers: etag ? { 'if-match': etag } : {}, body })
  const asPublished = (b: Record<string, unknown>) => ({
    title: b.title,
    body: b.body,
    skus: b.skus,
    effectiveDate: b.effectiveDate,
    note: 'Lot range widened after the supplier’s report',
  })

  it('makes the next version with a note; a corrected safety notice waits for acknowledgement again', async () => {
    await portal.call('POST', `/partners/${pid}/products`, { as: rep, body: productBody({ sku: 'SN-AMP', category: 'audio-video' }) })
    const published = await portal.call('POST', path, {
      as: rep,
      body: briefing({ kind: 'safety-notice', title: 'Amp recall: lots 1-4', body: 'Lots 1-4 overheat.', skus: ['SN-AMP'] }),
    })
    expect(published.headers.get('etag')).toBe('"v1"')
    const id = published.json.id as string
    expect((await portal.call('POST', `${path}/${id}/ack`, { as: STAFF })).status).toBe(200)
    const [flaggedBefore, awaitingBefore] = [await flaggedCount(), await awaitingAck()]

    // the correction needs the version read, and a note
    expect((await correct(id, null, { ...asPublished(published.json), body: 'Lots 1-6.' })).status).toBe(428)
    const noNote = await correct(id, '"v1"', { ...asPublished(published.json), body: 'Lots 1-6.', note: '' })
    expect(noNote.status).toBe(400)
    expect(noNote.json.errors).toEqual([{ field: 'note', message: expect.not.stringMatching(/expected|>=/) }])
    const unchanged = await correct(id, '"v1"', asPublished(published.json))
    expect(unchanged.status).toBe(422)

    const corrected = await correct(id, '"v1"', {
      ...asPublished(published.json),
      title: 'Amp recall: lots 1-6',
      body: 'Lots **1-6** overheat.',
    })
    expect(corrected.status).toBe(200)
    expect(corrected.headers.get('etag')).toBe('"v2"')
    expect(corrected.json).toMatchObject({
      version: 2,
      title: 'Amp recall: lots 1-6',
      flagged: true,
      acknowledgements: [],
      revisions: [{ version: 2, note: 'Lot range widened after the supplier’s report', by: rep, acknowledgementsCleared: 1 }],
    })
    expect(corrected.json.bodyHtml).toContain('<strong>1-6</strong>')
    expect(await flaggedCount()).toBe(flaggedBefore + 1)
    expect(await awaitingAck()).toBe(awaitingBefore + 1)
    // staff are told again, with the note
    const outbox = (await outboxRepository(portal.deps.db).pending({ limit: 200 })).items
    expect(outbox.filter((m) => m.title === 'Sonos: corrected safety notice to acknowledge again')).toEqual([
      expect.objectContaining({ body: 'Amp recall: lots 1-6 — Lot range widened after the supplier’s report' }),
    ])
    // the trail has the change, before and after
    const trail = await portal.call('GET', `/partners/${pid}/audit?type=briefing`, { as: rep })
    expect(trail.json.items[0]).toMatchObject({
      action: 'briefing.revised',
      before: { title: 'Amp recall: lots 1-4', version: 1, acknowledgements: [{ email: 'HomeAIQ' }] },
      after: { title: 'Amp recall: lots 1-6', version: 2, acknowledgements: [] },
    })
    expect(JSON.stringify(trail.json)).not.toContain(STAFF)

    // the version read is the one written: a second correction from the same read is refused
    expect((await correct(id, '"v1"', { ...asPublished(corrected.json), body: 'Other.' })).status).toBe(412)
    // an acknowledgement of what staff read before the correction is refused; of the correction, it counts
    expect((await portal.call('POST', `${path}/${id}/ack`, { as: STAFF, headers: { 'if-match': '"v1"' } })).status).toBe(412)
    const ack = await portal.call('POST', `${path}/${id}/ack`, { as: STAFF, headers: { 'if-match': '"v2"' } })
    expect(ack.json).toMatchObject({ flagged: false, acknowledgements: [{ version: 2 }] })
    expect(await flaggedCount()).toBe(flaggedBefore)
    expect(await awaitingAck()).toBe(awaitingBefore)
  })

  it('lets staff correct a partner’s briefing, shown to the partner as HomeAIQ’s correction', async () => {
    const published = await portal.call('POST', path, { as: rep, body: briefing({ title: 'S2 firmware 16.4' }) })
    const byStaff = await correct(published.json.id, '"v1"', { ...asPublished(published.json), title: 'S2 firmware 16.5' }, STAFF)
    expect(byStaff.status).toBe(200)
    expect(byStaff.json.revisions[0].by).toBe(STAFF)
    const partnerSide = await portal.call('GET', `${path}/${published.json.id}`, { as: rep })
    expect(partnerSide.json.revisions[0].by).toBe('HomeAIQ')
    expect(partnerSide.json.flagged).toBe(false)
    // another partner's user cannot reach it; the tenancy matrix covers the rest
    const other = await correct(published.json.id, '"v2"', { ...asPublished(byStaff.json), title: 'x-y-z' }, 'rep@ecobee.example')
    expect(other.status).toBe(404)
  })

  it('keeps an applied end-of-life notice’s products and date, and its text correctable', async () => {
    await portal.call('POST', `/partners/${pid}/products`, { as: rep, body: productBody({ sku: 'SN-OLD', category: 'audio-video' }) })
    const eol = await portal.call('POST', path, {
      as: rep,
      body: briefing({ kind: 'end-of-life', title: 'Connect end of life', skus: ['SN-OLD'], effectiveDate: '2026-12-20' }),
    })
    // moving the date before it takes effect moves the job's date too
    const moved = await correct(eol.json.id, '"v1"', { ...asPublished(eol.json), effectiveDate: '2026-12-22' })
    expect(moved.json.effectiveDate).toBe('2026-12-22')
    const job = (day: string) => applyDueEndOfLife({ ...portal.deps, clock: { now: () => new Date(`${day}T06:00:00Z`) } })
    expect((await job('2026-12-21')).briefings).toBe(0)
    expect(await job('2026-12-22')).toMatchObject({ briefings: 1 })
    const applied = await portal.call('GET', `${path}/${eol.json.id}`, { as: rep })
    const late = await correct(eol.json.id, applied.headers.get('etag'), {
      ...asPublished(applied.json),
      effectiveDate: '2027-01-10',
    })
    expect(late.status).toBe(422)
    expect(late.json.errors[0].field).toBe('effectiveDate')
    const text = await correct(eol.json.id, applied.headers.get('etag'), {
      ...asPublished(applied.json),
      body: 'Replacement: Port.',
    })
    expect(text.json).toMatchObject({ version: 3, eolAppliedAt: applied.json.eolAppliedAt })
    expect((await job('2026-12-23')).briefings).toBe(0)
  })
})
