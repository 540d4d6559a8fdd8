import { beforeAll, describe, expect, it } from 'vitest'
import { queryAll } from '../../functions/data/db'
import { keys } from '../../functions/data/keys'
import type { AuditEntry } from '../../shared/audit/entry'
import type { Briefing } from '../../shared/schemas/briefing'
import type { Lead } from '../../shared/schemas/lead'
import type { Claim, Fund } from '../../shared/schemas/mdf'
import { TIER_TERMS } from '../../shared/partners/terms'
import type { Partner } from '../../shared/schemas/partner'
import type { PartnerTier } from '../../shared/partners/vocabulary'
import type { Product } from '../../shared/schemas/product'
import { createPrograms, uploadEvidence } from '../helpers/certifications'
import { PDF_BYTES, PNG_BYTES } from '../helpers/files'
import { leadBody } from '../helpers/leads'
import { claimBody } from '../helpers/mdf'
import { productBody } from '../helpers/products'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

/** The API's clock: a minute passes with every step, so "last updated" has an order. */
let now = new Date('2026-12-02T15:00:00Z').getTime()
const tick = () => new Date((now += 60_000))
let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal({ clock: { now: tick } })
})

const STAFF = 'staff@homeaiq.example'
const rep = (pid: string) => `rep@${pid}.example`
const admin = (pid: string) => `admin@${pid}.example`
const PARTNERS = ['lutron', 'leviton', 'ecobee', 'sonos', 'ubiquiti'] as const

async function patchPartner(pid: string, body: Record<string, unknown>) {
  const etag = (await portal.call('GET', `/partners/${pid}`, { as: STAFF })).headers.get('etag')!
  const res = await portal.call('PATCH', `/partners/${pid}`, { as: STAFF, headers: { 'if-match': etag }, body })
  expect(res.status).toBe(200)
}

describe('the partner dashboard', () => {
  it('shows a partner admin its own commercial terms, and a rep none of them', async () => {
    const asAdmin = await portal.call('GET', '/partners/lutron/dashboard', { as: admin('lutron') })
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.json.partner.commercialTerms).toMatchObject({
      baseDiscountBps: expect.any(Number),
      label: 'Tier 1 · Strategic',
    })
    expect(asAdmin.json.benefits.map((b: { label: string }) => b.label)).toContain('Marketing')

    const asRep = await portal.call('GET', '/partners/lutron/dashboard', { as: rep('lutron') })
    expect(asRep.status).toBe(200)
    expect(asRep.json.partner.tier).toBe('strategic')
    expect(asRep.json.partner.commercialTerms).toBeUndefined()
    expect(asRep.text).not.toMatch(/baseDiscount|mdfRate|volumeIncentive|revenueCents/)
    // and no other partner's users reach it at all
    expect((await portal.call('GET', '/partners/lutron/dashboard', { as: admin('sonos') })).status).toBe(404)
  })

  it('lists the offers waiting on the partner with the hours left, and none of the homeowner', async () => {
    const body = leadBody({ region: 'US-WA', categories: ['audio-video'], offerTo: 'sonos', slaHours: 24 })
    const shared = await portal.call('POST', '/leads', { as: STAFF, body })
    expect(shared.status).toBe(201)
    const res = await portal.call('GET', '/partners/sonos/dashboard', { as: rep('sonos') })
    const offer = res.json.offers.find((o: { id: string }) => o.id === shared.json.id)
    expect(offer).toMatchObject({ offeredTo: 'sonos', hoursLeft: 23 })
    for (const value of Object.values(body.contact)) expect(res.text).not.toContain(value)
  })
})

describe('audit views', () => {
  it('shows a rep the history of a discount change without the partner’s terms, and its admin with them', async () => {
    await patchPartner('ecobee', { baseDiscountBps: 3300, changeReason: 'Volume commitment for 2027 signed' })
    const trail = async (as: string, query = '') => (await portal.call('GET', `/partners/ecobee/audit${query}`, { as })).json
    const forRep = await trail(rep('ecobee'), '?type=partner')
    const change = forRep.items.find((e: AuditEntry) => e.reason === 'Volume commitment for 2027 signed')
    expect(change).toBeDefined()
    expect(change.actor.email).toBe('HomeAIQ')
    expect(JSON.stringify(forRep)).not.toMatch(/baseDiscountBps|scorecard/)
    const forAdmin = await trail(admin('ecobee'), '?type=partner')
    const seen = forAdmin.items.find((e: AuditEntry) => e.reason === 'Volume commitment for 2027 signed')
    expect(seen.after.baseDiscountBps).toBe(3300)
  })

  it('filters a trail by entity type, action and actor; a partner never finds a staff member by e-mail', async () => {
    const created = await portal.call('POST', '/partners/leviton/products', {
      as: rep('leviton'),
      body: productBody({ sku: 'D26HD' }),
    })
    expect(created.status).toBe(201)
    await patchPartner('leviton', { description: 'Leviton makes Decora Smart wiring devices.' })
    const get = async (as: string, query: string) => {
      const res = await portal.call('GET', `/partners/leviton/audit${query}`, { as })
      expect(res.status).toBe(200)
      return res.json.items as AuditEntry[]
    }
    const products = await get(STAFF, '?type=product')
    expect(products.length).toBeGreaterThan(0)
    expect(products.every((e) => e.entity.type === 'product')).toBe(true)
    expect((await get(STAFF, '?action=product.created')).map((e) => e.entity.id)).toContain('leviton/D26HD')
    expect((await get(STAFF, '?action=partner.')).every((e) => e.action.startsWith('partner.'))).toBe(true)
    const byStaff = await get(STAFF, `?actor=${STAFF}`)
    expect(byStaff.length).toBeGreaterThan(0)
    expect(byStaff.every((e) => e.actor.email === STAFF)).toBe(true)
    expect(await get(admin('leviton'), `?actor=${STAFF}`)).toEqual([])
    expect((await get(admin('leviton'), `?actor=${rep('leviton')}`)).length).toBeGreaterThan(0)
    expect((await portal.call('GET', '/partners/leviton/audit?type=nothing', { as: STAFF })).status).toBe(400)
  })
})

/** A seeded pseudo-random sequence (mulberry32): the same operations on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('the staff dashboard', () => {
  it('equals a recount of the underlying items after a random sequence of operations through the API', async () => {
    const rnd = random(20261202)
    const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!
    const proofs = new Map<string, string[]>()
    const proofOf = async (pid: string) => {
      if (!proofs.has(pid)) {
        const up = (bytes: Buffer, contentType: string, filename: string) =>
          portal.upload(rep(pid), pid, { purpose: 'mdf-proof', bytes, contentType, filename })
        const [invoice, photo] = [
          await up(PDF_BYTES, 'application/pdf', 'invoice.pdf'),
          await up(PNG_BYTES, 'image/png', 'booth.png'),
        ]
        proofs.set(pid, [invoice.documentId, photo.documentId])
      }
      return proofs.get(pid)!
    }
    let serial = 0
    const skus = new Map<string, string[]>(PARTNERS.map((p) => [p, []]))
    const briefings: { pid: string; id: string }[] = []
    const claims: { pid: string; id: string }[] = []
    const leads: string[] = []
    let answers = 0

    const operations: Record<string, () => Promise<unknown>> = {
      async createProduct() {
        const pid = pick(PARTNERS)
        const sku = `R-${++serial}`
        const res = await portal.call('POST', `/partners/${pid}/products`, { as: rep(pid), body: productBody({ sku }) })
        expect(res.status).toBe(201)
        skus.get(pid)!.push(sku)
      },
      async updateProduct() {
        const pid = pick(PARTNERS)
        const sku = skus.get(pid)!.at(-1)
        if (!sku) return
        const current = await portal.call('GET', `/partners/${pid}/products/${sku}`, { as: rep(pid) })
        const res = await portal.call('PUT', `/partners/${pid}/products/${sku}`, {
          as: rep(pid),
          headers: { 'if-match': current.headers.get('etag')! },
          body: productBody({ sku, name: `Renamed ${++serial}` }),
        })
        expect(res.status).toBe(200)
      },
      async deleteProduct() {
        const pid = pick(PARTNERS)
        const sku = skus.get(pid)!.shift()
        if (!sku) return
        const current = await portal.call('GET', `/partners/${pid}/products/${sku}`, { as: rep(pid) })
        const res = await portal.call('DELETE', `/partners/${pid}/products/${sku}`, {
          as: rep(pid),
          headers: { 'if-match': current.headers.get('etag')! },
        })
        expect(res.status).toBe(204)
      },
      async publishBriefing() {
        const pid = pick(PARTNERS)
        const named = skus.get(pid)!.slice(-1)
        // safety notices and end-of-life briefings name SKUs of the catalog, and need acknowledging
        const kind = named.length ? pick(['safety-notice', 'end-of-life', 'firmware', 'roadmap'] as const) : 'roadmap'
        const res = await portal.call('POST', `/partners/${pid}/briefings`, {
          as: rep(pid),
          body: {
            kind,
            title: `Briefing ${++serial}`,
            body: 'Details for integrators.',
            effectiveDate: '2027-03-01',
            skus: named,
          },
        })
        expect(res.status, res.text).toBe(201)
        briefings.push({ pid, id: res.json.id })
      },
      async acknowledgeBriefing() {
        if (!briefings.length) return
        const { pid, id } = pick(briefings)
        const res = await portal.call('POST', `/partners/${pid}/briefings/${id}/ack`, { as: STAFF })
        expect(res.status).toBeLessThan(300)
      },
      async changeTerms() {
        const pid = pick(PARTNERS)
        if (rnd() < 0.5) {
          await patchPartner(pid, {
            tier: pick(['strategic', 'preferred', 'standard'] as const),
            changeReason: `Review ${++serial}`,
          })
        } else {
          const { tier } = (await portal.call('GET', `/partners/${pid}`, { as: STAFF })).json
          const range = TIER_TERMS[tier as PartnerTier].baseDiscount
          const bps = range.minBps + Math.floor(rnd() * ((range.maxBps - range.minBps) / 50 + 1)) * 50
          await patchPartner(pid, { baseDiscountBps: bps, changeReason: `Negotiated ${++serial}` })
        }
      },
      async changeStatus() {
        // partners outside the ones acting here: a suspended partner's users may change nothing
        const pid = pick(['yale', 'dsc'])
        const { status } = (await portal.call('GET', `/partners/${pid}`, { as: STAFF })).json
        await patchPartner(pid, { status: status === 'active' ? 'suspended' : 'active' })
      },
      async shareLead() {
        const res = await portal.call('POST', '/leads', {
          as: STAFF,
          body: leadBody({
            region: 'US',
            categories: ['lighting-control', 'climate-control', 'audio-video', 'networking-infrastructure'],
          }),
        })
        expect([201, 422]).toContain(res.status)
        if (res.status === 201) leads.push(res.json.id)
      },
      async answerOffer() {
        if (!leads.length) return
        const lead = (await portal.call('GET', `/review/leads?limit=100`, { as: STAFF })).json.items.find(
          (l: Lead) => l.status === 'offered' && leads.includes(l.id),
        ) as Lead | undefined
        if (!lead?.offeredTo) return
        const pid = lead.offeredTo
        const res =
          // every third answer declines (the lead moves on to the next partner)
          ++answers % 3
            ? await portal.call('POST', `/partners/${pid}/leads/${lead.id}/accept`, { as: rep(pid) })
            : await portal.call('POST', `/partners/${pid}/leads/${lead.id}/decline`, {
                as: rep(pid),
                body: { reason: 'No installer capacity this quarter' },
              })
        expect(res.status).toBe(200)
      },
      async advanceLead() {
        const lead = (await portal.call('GET', `/review/leads?limit=100`, { as: STAFF })).json.items.find(
          (l: Lead) => ['accepted', 'contacted', 'quoted'].includes(l.status) && leads.includes(l.id),
        ) as Lead | undefined
        if (!lead?.assignedTo) return
        const pid = lead.assignedTo
        const path = `/partners/${pid}/leads/${lead.id}`
        const etag = (await portal.call('GET', path, { as: rep(pid) })).headers.get('etag')!
        const next: Record<string, Record<string, unknown>> = {
          accepted: rnd() < 0.5 ? { status: 'contacted' } : { status: 'lost', reason: 'Homeowner chose another system' },
          contacted: { status: 'quoted', valueCents: 4_500_000 },
          quoted: rnd() < 0.7 ? { status: 'won', valueCents: 4_800_000 } : { status: 'lost', reason: 'Over budget' },
        }
        const res = await portal.call('PATCH', path, { as: rep(pid), headers: { 'if-match': etag }, body: next[lead.status] })
        expect(res.status).toBe(200)
      },
      async openFund() {
        const pid = pick(PARTNERS)
        const res = await portal.call('POST', `/partners/${pid}/mdf/funds`, {
          as: STAFF,
          body: { period: '2026-Q4', allocatedCents: 20_000_00 },
        })
        expect([201, 409]).toContain(res.status)
      },
      async fileClaim() {
        const pid = pick(PARTNERS)
        const res = await portal.call('POST', `/partners/${pid}/mdf/claims`, {
          as: rep(pid),
          body: claimBody({ amountCents: 1_000_00 + Math.floor(rnd() * 30) * 100_00 }, await proofOf(pid)),
        })
        expect([201, 404, 409, 422]).toContain(res.status)
        if (res.status === 201) claims.push({ pid, id: res.json.id })
      },
      async decideClaim() {
        if (!claims.length) return
        const { pid, id } = pick(claims)
        const decision = pick([
          { decision: 'approve' },
          { decision: 'reject', reason: 'Not a joint activity.' },
          { decision: 'request-info', reason: 'Add the attendee list, please.' },
        ])
        const res = await portal.call('POST', `/partners/${pid}/mdf/claims/${id}/decision`, { as: STAFF, body: decision })
        expect([200, 409, 422]).toContain(res.status)
      },
      async payClaim() {
        if (!claims.length) return
        const { pid, id } = pick(claims)
        const res = await portal.call('POST', `/partners/${pid}/mdf/claims/${id}/payment`, {
          as: STAFF,
          body: { reference: `ACH-${++serial}`, paidOn: '2026-12-02' },
        })
        expect([200, 409]).toContain(res.status)
      },
    }
    // a lead takes several steps to close: its steps come up more often
    const names = [...Object.keys(operations), 'answerOffer', 'advanceLead', 'advanceLead', 'advanceLead']
    for (let i = 0; i < 120; i++) await operations[pick(names)]!()

    const dashboard = await portal.call('GET', '/dashboard', { as: STAFF })
    expect(dashboard.status).toBe(200)
    const d = dashboard.json
    const db = portal.deps.db

    // partner records: tiers, the average discount, mismatches
    const records = (await portal.call('GET', '/partners?limit=100', { as: STAFF })).json.items as (Partner & {
      commercialTerms: { baseDiscountBps: number }
    })[]
    const active = records.filter((p) => p.status === 'active')
    for (const tier of ['strategic', 'preferred', 'standard']) {
      expect(d.tiers.find((t: { tier: string }) => t.tier === tier).active).toBe(active.filter((p) => p.tier === tier).length)
    }
    expect(d.partners.active).toBe(active.length)
    expect(d.discount.averageBps).toBe(
      Math.round(active.reduce((s, p) => s + p.commercialTerms.baseDiscountBps, 0) / active.length),
    )

    for (const pid of PARTNERS) {
      // catalog: the products stored, and the last product change in the trail
      const stored = await queryAll<Product>(db, keys.products(pid))
      const trail = await queryAll<AuditEntry>(db, keys.partnerAudit(pid))
      const productChanges = trail.filter((e) => e.entity.type === 'product').map((e) => e.at)
      const catalog = d.catalog.find((c: { partnerId: string }) => c.partnerId === pid)
      expect(catalog).toMatchObject({ products: stored.length, lastUpdatedAt: productChanges.sort().at(-1) ?? null })

      // briefings still waiting for their first acknowledgement
      const waiting = (await queryAll<Briefing>(db, keys.partnerBriefings(pid))).filter(
        (b) => b.requiresAck && b.acknowledgements.length === 0,
      ).length
      expect(d.briefings.partners.find((b: { partnerId: string }) => b.partnerId === pid)?.awaitingAck ?? 0).toBe(waiting)

      // claims by status, as the partner's dashboard counts them
      const storedClaims = await queryAll<Claim>(db, keys.mdfClaims(pid))
      const count = (...statuses: string[]) => storedClaims.filter((c) => statuses.includes(c.status)).length
      const own = (await portal.call('GET', `/partners/${pid}/dashboard`, { as: rep(pid) })).json
      expect(own.claims).toEqual({
        open: count('submitted', 'info-requested', 'approved'),
        awaitingInfo: count('info-requested'),
        awaitingPayment: count('approved'),
      })
      expect(own.catalog).toEqual({ products: catalog.products, lastUpdatedAt: catalog.lastUpdatedAt })
    }

    // leads: every offer, acceptance and outcome, counted from the leads themselves
    const allLeads = await queryAll<Lead>(db, keys.leads())
    for (const row of d.leads as {
      partnerId: string
      offered: number
      accepted: number
      won: number
      lost: number
      wonCents: number
    }[]) {
      const offers = allLeads.flatMap((l) => l.offers).filter((o) => o.partnerId === row.partnerId)
      const held = allLeads.filter((l) => l.assignedTo === row.partnerId)
      expect(row).toMatchObject({
        offered: offers.length,
        accepted: offers.filter((o) => o.outcome === 'accepted').length,
        won: held.filter((l) => l.status === 'won').length,
        lost: held.filter((l) => l.status === 'lost').length,
        wonCents: held.filter((l) => l.status === 'won').reduce((s, l) => s + (l.valueCents ?? 0), 0),
      })
    }
    // the sequence exercised what it counts
    expect(allLeads.some((l) => l.offers.some((o) => o.outcome === 'declined'))).toBe(true)
    expect(allLeads.some((l) => l.status === 'won' || l.status === 'lost')).toBe(true)
    expect(d.briefings.awaitingAck).toBeGreaterThan(0)

    // MDF: each fund's balances and the period's sums
    const funds = (await Promise.all(PARTNERS.map((pid) => queryAll<Fund>(db, keys.mdfFunds(pid))))).flat()
    expect(funds.length).toBeGreaterThan(0)
    const q4 = d.mdf.periods.find((p: { period: string }) => p.period === '2026-Q4')
    for (const field of ['allocatedCents', 'pendingCents', 'approvedCents', 'paidCents', 'availableCents'] as const) {
      expect(q4[field]).toBe(funds.reduce((s, f) => s + f[field], 0))
    }
    expect(d.mdf.funds).toHaveLength(funds.length)
    expect(q4.approvedCents + q4.pendingCents).toBeGreaterThan(0)
  })
})

describe('certification coverage', () => {
  it('follows badges as they are issued and revoked, from the active-badge index', async () => {
    await createPrograms(portal)
    const coverage = async () => {
      const d = (await portal.call('GET', '/dashboard', { as: STAFF })).json
      return d.certification.tiers.find((t: { tier: string }) => t.tier === 'preferred')
    }
    const before = await coverage()
    const evidence = await uploadEvidence(portal, 'honeywell-home', admin('honeywell-home'))
    const applied = await portal.call('POST', '/partners/honeywell-home/certifications', {
      as: admin('honeywell-home'),
      body: { programId: 'installation-certified', evidenceDocumentIds: [evidence] },
    })
    expect(applied.status, applied.text).toBe(201)
    const decided = await portal.call('POST', `/partners/honeywell-home/certifications/${applied.json.id}/decision`, {
      as: STAFF,
      body: { decision: 'approve' },
    })
    expect(decided.status, decided.text).toBe(200)
    const issued = await coverage()
    expect(issued.certified).toBe(before.certified + 1)
    expect(issued.byProgram['installation-certified']).toBe((before.byProgram['installation-certified'] ?? 0) + 1)
    expect(
      (await portal.call('GET', '/partners/honeywell-home/dashboard', { as: rep('honeywell-home') })).json.badges,
    ).toHaveLength(1)

    const revoked = await portal.call('POST', `/partners/honeywell-home/badges/${decided.json.badge.id}/revoke`, {
      as: STAFF,
      body: { reason: 'Installations failed the field audit.' },
    })
    expect(revoked.status, revoked.text).toBe(200)
    expect((await coverage()).certified).toBe(before.certified)
  })
})
