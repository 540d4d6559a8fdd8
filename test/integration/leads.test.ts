import { beforeAll, describe, expect, it } from 'vitest'
import { outboxRepository } from '../../functions/data/outbox'
import { expireLeadOffers } from '../../functions/leads/expiry-job'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'
import { STAFF, contactStrings, hoursLater, jobClock, shareLead } from '../helpers/leads'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const LUTRON = 'rep@lutron.example'
const PREFERRED_LIGHTING = ['leviton', 'philips-hue']
const repOf = (pid: string) => `rep@${pid}.example`
const leadPath = (pid: string, id: string) => `/partners/${pid}/leads/${id}`
const detail = async (id: string) => (await portal.call('GET', `/review/leads/${id}`, { as: STAFF })).json
const outbox = async () => (await outboxRepository(portal.deps.db).pending({ limit: 100 })).items
const expireAt = (hours: number) => expireLeadOffers({ ...portal.deps, clock: jobClock(hours) })

function expectNoContact(value: unknown, contact: Record<string, string>, what: string) {
  const text = JSON.stringify(value)
  for (const part of contactStrings(contact)) expect(text, `${what} shows ${part}`).not.toContain(part)
}

async function auditOf(pid: string, leadId: string) {
  const res = await portal.call('GET', `/partners/${pid}/audit?limit=100`, { as: repOf(pid) })
  expect(res.status).toBe(200)
  return res.json.items.filter((e: { entity: { id: string } }) => e.entity.id === leadId)
}

describe('sharing and offers', () => {
  it('offers a lighting lead to Lutron first and shows the contact only once Lutron accepts', async () => {
    const { lead, contact } = await shareLead(portal)
    expect(lead).toMatchObject({ status: 'offered', offeredTo: 'lutron', slaHours: 48, contact })
    expect(new Date(lead.offerExpiresAt).getTime() - new Date(lead.createdAt).getTime()).toBe(48 * 3_600_000)

    const offer = await portal.call('GET', leadPath('lutron', lead.id), { as: LUTRON })
    expect(offer.status).toBe(200)
    expect(offer.json).toMatchObject({ id: lead.id, status: 'offered', region: 'US-CA', budgetRange: '50k-100k' })
    expect(offer.json.contact).toBeUndefined()
    expectNoContact(offer.json, contact, 'the offer')
    const list = await portal.call('GET', '/partners/lutron/leads?status=offered', { as: LUTRON })
    expect(list.json.items.map((l: { id: string }) => l.id)).toContain(lead.id)
    expectNoContact(list.json, contact, 'the inbox')
    expectNoContact(await auditOf('lutron', lead.id), contact, 'the audit trail before accepting')
    const told = (await outbox()).filter((m) => m.kind === 'lead-offered' && m.link === `/workspace/leads/${lead.id}`)
    expect(told).toEqual([expect.objectContaining({ audience: expect.objectContaining({ partnerId: 'lutron' }) })])
    expectNoContact(told, contact, 'the offer notification')
    // nobody else sees it at all
    expect((await portal.call('GET', leadPath('leviton', lead.id), { as: repOf('leviton') })).status).toBe(404)
    expect((await portal.call('POST', `${leadPath('leviton', lead.id)}/accept`, { as: repOf('leviton') })).status).toBe(404)

    const accepted = await portal.call('POST', `${leadPath('lutron', lead.id)}/accept`, { as: LUTRON })
    expect(accepted.status).toBe(200)
    expect(accepted.json).toMatchObject({ status: 'accepted', assignedTo: 'lutron', contact })
    expect((await portal.call('GET', leadPath('lutron', lead.id), { as: 'admin@lutron.example' })).json.contact).toEqual(contact)
    expect((await portal.call('POST', `${leadPath('lutron', lead.id)}/accept`, { as: LUTRON })).status).toBe(409)
    const staff = await detail(lead.id)
    expect(staff).toMatchObject({ contact, offers: [{ partnerId: 'lutron', outcome: 'accepted', decidedBy: LUTRON }] })
  })

  it('moves a declined lead to the next tier with a fresh SLA; the decliner loses it, and its audit trail shows no contact', async () => {
    const { lead, contact } = await shareLead(portal)
    const path = `${leadPath('lutron', lead.id)}/decline`
    const noReason = await portal.call('POST', path, { as: LUTRON, body: { reason: ' ' } })
    expect(noReason.status).toBe(400)
    expect(noReason.json.errors[0].field).toBe('reason')
    const declined = await hoursLater(portal, 1, () =>
      portal.call('POST', path, { as: LUTRON, body: { reason: 'No installer capacity in the Bay Area this month.' } }),
    )
    expect(declined.status).toBe(200)
    expect(declined.json.offeredTo).toBeUndefined()

    const moved = await detail(lead.id)
    expect(PREFERRED_LIGHTING).toContain(moved.offeredTo)
    expect(moved.offerExpiresAt > lead.offerExpiresAt).toBe(true)
    expect(moved.offers.map((o: { partnerId: string; outcome: string }) => o.outcome)).toEqual(['declined', 'open'])

    expect((await portal.call('GET', leadPath('lutron', lead.id), { as: LUTRON })).status).toBe(404)
    const late = await portal.call('POST', `${leadPath('lutron', lead.id)}/accept`, { as: LUTRON })
    expect(late.status).toBe(409)
    expect(late.json.detail).toMatch(/declined/)
    const inbox = await portal.call('GET', '/partners/lutron/leads', { as: LUTRON })
    expect(inbox.json.items.map((l: { id: string }) => l.id)).not.toContain(lead.id)

    // the audit trail, as the partner that declined and as the partner now offered it
    const lutronTrail = await auditOf('lutron', lead.id)
    expect(lutronTrail.map((e: { action: string }) => e.action)).toEqual(['lead.declined', 'lead.shared'])
    expectNoContact(lutronTrail, contact, 'the decliner’s audit trail')
    expect(JSON.stringify(lutronTrail)).not.toContain(moved.offeredTo)
    const nextTrail = await auditOf(moved.offeredTo, lead.id)
    expect(nextTrail.map((e: { action: string }) => e.action)).toEqual(['lead.offered'])
    expectNoContact(nextTrail, contact, 'the offered partner’s audit trail')
    expect(JSON.stringify(nextTrail)).not.toMatch(/lutron|installer capacity/i)
    const staffTrail = await portal.call('GET', `/audit?entity=lead:${lead.id}`, { as: STAFF })
    expect(staffTrail.json.items.at(-1).after.contact).toEqual(contact)
  })

  it('spreads offers round-robin within a tier, and leaves a lead unassigned for staff when nobody is left', async () => {
    const first = await shareLead(portal)
    const second = await shareLead(portal)
    const reason = { reason: 'Outside our focus this quarter.' }
    for (const { lead } of [first, second]) {
      await portal.call('POST', `${leadPath('lutron', lead.id)}/decline`, { as: LUTRON, body: reason })
    }
    const holders = [(await detail(first.lead.id)).offeredTo, (await detail(second.lead.id)).offeredTo]
    expect(holders.sort()).toEqual(PREFERRED_LIGHTING)

    // both preferred lighting partners decline the first lead: nobody eligible is left
    for (const pid of [holders[0], holders[1]]) {
      const current = await detail(first.lead.id)
      await portal.call('POST', `${leadPath(current.offeredTo, first.lead.id)}/decline`, {
        as: repOf(current.offeredTo),
        body: reason,
      })
    }
    const left = await detail(first.lead.id)
    expect(left.status).toBe('unassigned')
    expect(left.offeredTo).toBeUndefined()
    expect(left.offers.map((o: { partnerId: string }) => o.partnerId).sort()).toEqual(['leviton', 'lutron', 'philips-hue'])
    expect(
      (await outbox()).filter((m) => m.kind === 'lead-unassigned' && m.link === `/staff/leads/${first.lead.id}`),
    ).toHaveLength(1)
    const board = await portal.call('GET', '/review/leads?status=unassigned', { as: STAFF })
    expect(board.json.items.map((l: { id: string }) => l.id)).toContain(first.lead.id)
    // staff offer it again to a named partner, who must still be eligible
    const again = await portal.call('POST', `/leads/${first.lead.id}/offer`, { as: STAFF, body: {} })
    expect(again.status).toBe(422)
    const named = await portal.call('POST', `/leads/${first.lead.id}/offer`, { as: STAFF, body: { offerTo: 'ecobee' } })
    expect(named.json.errors[0]).toMatchObject({ field: 'offerTo', message: expect.stringMatching(/climate control partner/) })
  })

  it('skips a strategic partner that does not serve the region and checks a named partner', async () => {
    const mexico = await shareLead(portal, { region: 'MX-CMX' })
    expect(mexico.lead.offeredTo).toBe('leviton') // Lutron serves US, CA and GB; Leviton serves MX
    const wrong = await portal.call('POST', '/leads', {
      as: STAFF,
      body: {
        ...mexico.body,
        contact: { ...mexico.contact, email: 'other@example.com', phone: undefined, address: '9 Elm Road' },
        offerTo: 'ecobee',
      },
    })
    expect(wrong.status).toBe(422)
    expect(wrong.json.errors[0].field).toBe('offerTo')
    const named = await shareLead(portal, { offerTo: 'philips-hue', slaHours: 24 })
    expect(named.lead).toMatchObject({ offeredTo: 'philips-hue', slaHours: 24, offers: [{ named: true }] })
    const badSla = await portal.call('POST', '/leads', { as: STAFF, body: { ...named.body, slaHours: 200 } })
    expect(badSla.json.errors[0].field).toBe('slaHours')
  })

  it('shares once per Idempotency-Key and refuses a homeowner already in an open lead', async () => {
    const { body, lead } = await shareLead(portal)
    const again = await portal.call('POST', '/leads', { as: STAFF, body })
    expect(again.status).toBe(422)
    expect(again.json.errors.map((e: { field: string }) => e.field)).toEqual([
      'contact.email',
      'contact.phone',
      'contact.address',
    ])
    expect(again.json.errors[0].message).toContain(lead.id)

    const { body: fresh } = {
      body: { ...body, contact: { ...body.contact, email: 'key@example.com', phone: undefined, address: '1 Key Lane' } },
    }
    const send = () =>
      portal.call('POST', '/leads', { as: STAFF, body: fresh, headers: { 'idempotency-key': 'lead-share-key-1' } })
    const [a, b] = await Promise.all([send(), send()])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.json.id).toBe(b.json.id)
  })
})

describe('the SLA', () => {
  it('lapses an offer: it leaves the inbox at once, the job moves it on, and the late partner cannot accept', async () => {
    const { lead } = await shareLead(portal, { slaHours: 12 })
    await hoursLater(portal, 13, async () => {
      expect((await portal.call('GET', leadPath('lutron', lead.id), { as: LUTRON })).status).toBe(404)
      const late = await portal.call('POST', `${leadPath('lutron', lead.id)}/accept`, { as: LUTRON })
      expect(late.status).toBe(409)
      expect(late.json.detail).toMatch(/lapsed/)
    })
    const run = await expireAt(13)
    expect(run.lapsed).toBeGreaterThanOrEqual(1)
    const moved = await detail(lead.id)
    expect(moved.offers[0]).toMatchObject({ partnerId: 'lutron', outcome: 'lapsed' })
    expect(PREFERRED_LIGHTING).toContain(moved.offeredTo)
    expect((await auditOf('lutron', lead.id)).map((e: { action: string }) => e.action)).toEqual(['lead.lapsed', 'lead.shared'])
    expect((await expireAt(13)).lapsed).toBe(0)
  })

  it('warns the offered partner once, six hours before the offer lapses', async () => {
    const { lead } = await shareLead(portal, { slaHours: 30 })
    const warnings = async () =>
      (await outbox()).filter((m) => m.kind === 'lead-lapsing' && m.link === `/workspace/leads/${lead.id}`)
    await expireAt(20)
    expect(await warnings()).toHaveLength(0)
    await expireAt(25)
    await expireAt(26)
    expect(await warnings()).toEqual([expect.objectContaining({ audience: expect.objectContaining({ partnerId: 'lutron' }) })])
  })

  it('has exactly one outcome when accepts race the expiry job, and never two partners holding a lead', async () => {
    const shared = await Promise.all([1, 2, 3, 4].map(() => shareLead(portal, { slaHours: 2 })))
    const [accepts] = await Promise.all([
      Promise.all(
        shared.map(({ lead }) =>
          portal.call('POST', `${leadPath(lead.offeredTo, lead.id)}/accept`, { as: repOf(lead.offeredTo) }),
        ),
      ),
      expireAt(3),
    ])
    for (const [i, { lead }] of shared.entries()) {
      const now = await detail(lead.id)
      const first = now.offers[0]
      if (accepts[i]!.status === 200) {
        expect(now).toMatchObject({ status: 'accepted', assignedTo: lead.offeredTo })
        expect(now.offers).toHaveLength(1)
        expect(first.outcome).toBe('accepted')
      } else {
        expect(accepts[i]!.status).toBe(409)
        expect(first.outcome).toBe('lapsed')
        expect(now.assignedTo).toBeUndefined()
        // the next partner and the one that lapsed race to accept: only the offered one can
        const [late, next] = await Promise.all([
          portal.call('POST', `${leadPath(lead.offeredTo, lead.id)}/accept`, { as: repOf(lead.offeredTo) }),
          portal.call('POST', `${leadPath(now.offeredTo, lead.id)}/accept`, { as: repOf(now.offeredTo) }),
        ])
        expect([late.status, next.status]).toEqual([409, 200])
        expect((await detail(lead.id)).assignedTo).toBe(now.offeredTo)
      }
    }
  })
})

describe('the pipeline', () => {
  it('moves an accepted lead one step at a time, with values and reasons, every change audited', async () => {
    const { lead, contact } = await shareLead(portal, { region: 'US-NV' })
    const path = leadPath('lutron', lead.id)
    await portal.call('POST', `${path}/accept`, { as: LUTRON })
    const step = async (body: Record<string, unknown>) => {
      const etag = (await portal.call('GET', path, { as: LUTRON })).headers.get('etag')!
      return portal.call('PATCH', path, { as: LUTRON, headers: { 'if-match': etag }, body })
    }
    const skip = await step({ status: 'won', valueCents: 4_500_000 })
    expect(skip.status).toBe(409)
    expect(skip.json.detail).toBe('This lead is accepted; it can move to contacted or lost next.')
    expect((await step({ status: 'contacted' })).json.status).toBe('contacted')
    const noValue = await step({ status: 'quoted' })
    expect(noValue.status).toBe(422)
    expect(noValue.json.errors).toEqual([{ field: 'valueCents', message: 'Enter the quoted value.' }])
    expect((await step({ status: 'quoted', valueCents: 0 })).status).toBe(400)
    expect((await step({ status: 'quoted', valueCents: 4_200_000 })).json).toMatchObject({
      status: 'quoted',
      valueCents: 4_200_000,
    })
    expect((await portal.call('PATCH', path, { as: LUTRON, body: { status: 'won' } })).status).toBe(428)
    expect(
      (
        await portal.call('PATCH', path, {
          as: LUTRON,
          headers: { 'if-match': '"v1"' },
          body: { status: 'lost', reason: 'Budget cut' },
        })
      ).status,
    ).toBe(412)
    const won = await step({ status: 'won', valueCents: 4_450_000 })
    expect(won.json).toMatchObject({ status: 'won', valueCents: 4_450_000, contact })
    expect(won.json.history.map((s: { status: string }) => s.status)).toEqual(['accepted', 'contacted', 'quoted', 'won'])
    expect((await step({ status: 'lost', reason: 'Changed their mind' })).status).toBe(409)
    expect(
      (await portal.call('PATCH', path, { as: 'rep@leviton.example', headers: { 'if-match': '"v9"' }, body: { status: 'won' } }))
        .status,
    ).toBe(404)

    const trail = (await auditOf('lutron', lead.id)).map((e: { action: string }) => e.action)
    expect(trail).toEqual(['lead.won', 'lead.quoted', 'lead.contacted', 'lead.accepted', 'lead.shared'])
    const review = await portal.call('GET', '/review/leads?status=won&partnerId=lutron&region=US-NV', { as: STAFF })
    expect(review.json.items.map((l: { id: string }) => l.id)).toEqual([lead.id])
    const country = await portal.call('GET', '/review/leads?status=won&region=US', { as: STAFF })
    expect(country.json.items.map((l: { id: string }) => l.id)).toContain(lead.id)
    expect(review.json.items[0].contact).toBeUndefined()
  })

  it('lets a partner end a lead as lost with a reason before it is quoted', async () => {
    const { lead } = await shareLead(portal)
    const path = leadPath('lutron', lead.id)
    const accepted = await portal.call('POST', `${path}/accept`, { as: LUTRON })
    const etag = accepted.headers.get('etag')!
    const noReason = await portal.call('PATCH', path, { as: LUTRON, headers: { 'if-match': etag }, body: { status: 'lost' } })
    expect(noReason.json.errors).toEqual([{ field: 'reason', message: 'Enter why the lead was lost.' }])
    const lost = await portal.call('PATCH', path, {
      as: LUTRON,
      headers: { 'if-match': etag },
      body: { status: 'lost', reason: 'Homeowner went with a DIY kit.' },
    })
    expect(lost.json).toMatchObject({ status: 'lost' })
  })
})
