import { beforeAll, describe, expect, it } from 'vitest'
import { outboxRepository } from '../../functions/data/outbox'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'
import { STAFF, contactStrings, leadBody, shareLead } from '../helpers/leads'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const LEVITON = 'rep@leviton.example'
const SONOS = 'rep@sonos.example'
const refer = (pid: string, as: string, body: unknown, headers: Record<string, string> = {}) =>
  portal.call('POST', `/partners/${pid}/referrals`, { as, body, headers })
const decide = (id: string, body: unknown) => portal.call('POST', `/review/referrals/${id}/decision`, { as: STAFF, body })

describe('referrals', () => {
  it('takes a partner’s referral for staff, never answering the contact back', async () => {
    const body = leadBody()
    const res = await refer('leviton', LEVITON, body)
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ status: 'pending', referredBy: 'leviton', submittedBy: LEVITON })
    expect(res.json.conflict).toBeUndefined()
    const mine = await portal.call('GET', '/partners/leviton/referrals', { as: LEVITON })
    for (const answer of [res.json, mine.json]) {
      for (const part of contactStrings(body.contact)) expect(JSON.stringify(answer)).not.toContain(part)
    }
    const queue = await portal.call('GET', '/review/referrals?status=pending', { as: STAFF })
    expect(queue.json.items.map((r: { id: string }) => r.id)).toContain(res.json.id)
    expect((await portal.call('GET', `/review/referrals/${res.json.id}`, { as: STAFF })).json.contact).toEqual(body.contact)
  })

  it('flags a referral matching an open lead on normalized e-mail, phone or address as a conflict', async () => {
    const { lead, contact } = await shareLead(portal)
    const sameEmail = leadBody({ categories: ['audio-video'] })
    sameEmail.contact.email = `  ${contact.email!.toUpperCase()} `
    const byEmail = await refer('sonos', SONOS, sameEmail)
    expect(byEmail.status).toBe(201)
    expect(byEmail.json).toMatchObject({ status: 'conflict', conflict: { leadId: lead.id, matchedOn: ['email'] } })

    const samePhone = leadBody()
    samePhone.contact.phone = `+1 ${contact.phone!.replace(/\D/g, '').replace(/^(\d{3})(\d{3})/, '$1.$2.')}`
    const byPhone = await refer('sonos', SONOS, samePhone)
    expect(byPhone.json.conflict).toEqual({ leadId: lead.id, matchedOn: ['phone'] })

    const sameAddress = leadBody()
    sameAddress.contact.address = contact
      .address!.toUpperCase()
      .replace('AVENUE', 'Ave.')
      .replace('APT', 'Unit')
      .replace(/,/g, '')
    const byAddress = await refer('sonos', SONOS, sameAddress)
    expect(byAddress.json.conflict).toEqual({ leadId: lead.id, matchedOn: ['address'] })

    const conflicts = await portal.call('GET', '/review/referrals?status=conflict', { as: STAFF })
    expect(conflicts.json.items.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([byEmail.json.id, byPhone.json.id, byAddress.json.id]),
    )
  })

  it('lets exactly one of two racing duplicate referrals through; the other is its conflict', async () => {
    const body = leadBody()
    const [a, b] = await Promise.all([refer('leviton', LEVITON, body), refer('sonos', SONOS, body)])
    expect([a.status, b.status]).toEqual([201, 201])
    const statuses = [a.json.status, b.json.status].sort()
    expect(statuses).toEqual(['conflict', 'pending'])
    const [winner, loser] = a.json.status === 'pending' ? [a.json, b.json] : [b.json, a.json]
    expect(loser.conflict).toEqual({ leadId: winner.id, matchedOn: ['email', 'phone', 'address'] })
  })

  it('refers once per Idempotency-Key', async () => {
    const body = leadBody()
    const headers = { 'idempotency-key': 'referral-key-0001' }
    const [a, b] = await Promise.all([refer('leviton', LEVITON, body, headers), refer('leviton', LEVITON, body, headers)])
    expect(a.json.id).toBe(b.json.id)
    expect(a.json.status).toBe('pending')
  })

  it('turns an accepted referral into a lead credited to the referrer, offered to it first', async () => {
    const body = leadBody()
    const referral = (await refer('leviton', LEVITON, body)).json
    const res = await decide(referral.id, { decision: 'accept' })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      status: 'accepted',
      lead: { id: referral.id, status: 'offered', offeredTo: 'leviton', referredBy: 'leviton' },
    })
    expect((await decide(referral.id, { decision: 'reject', reason: 'Duplicate' })).status).toBe(409)
    const offer = await portal.call('GET', `/partners/leviton/leads/${referral.id}`, { as: LEVITON })
    expect(offer.json.contact).toBeUndefined()
    expect(offer.json.referredBy).toBeUndefined()
    const told = (await outboxRepository(portal.deps.db).pending({ limit: 100 })).items.filter(
      (m) => m.kind === 'referral-decided' && m.partnerId === 'leviton',
    )
    expect(told.at(-1)).toMatchObject({ title: expect.stringMatching(/^Referral accepted/) })
    for (const part of contactStrings(body.contact)) expect(JSON.stringify(told)).not.toContain(part)
    // a referral is an open lead now: the same homeowner again is a conflict
    expect((await refer('sonos', SONOS, body)).json.conflict).toMatchObject({ leadId: referral.id })
  })

  it('rejects a conflict with a reason, tells the referrer, and frees a closed lead’s contact', async () => {
    const { lead, body } = await shareLead(portal)
    const duplicate = (await refer('sonos', SONOS, { ...body, categories: ['audio-video'] })).json
    expect(duplicate.status).toBe('conflict')
    const noReason = await decide(duplicate.id, { decision: 'reject' })
    expect(noReason.status).toBe(400)
    expect(noReason.json.errors[0].field).toBe('reason')
    const rejected = await decide(duplicate.id, { decision: 'reject', reason: `Duplicate of lead ${lead.id}.` })
    expect(rejected.json).toMatchObject({ status: 'rejected', decision: { decision: 'reject', by: STAFF } })
    const seen = await portal.call('GET', '/partners/sonos/referrals?status=rejected', { as: SONOS })
    expect(seen.json.items[0].decision).toMatchObject({ reason: `Duplicate of lead ${lead.id}.`, by: 'HomeAIQ' })

    // Lutron wins the lead: it closes, and the homeowner may be referred again
    const path = `/partners/lutron/leads/${lead.id}`
    let etag = (await portal.call('POST', `${path}/accept`, { as: 'rep@lutron.example' })).headers.get('etag')!
    const move = async (step: Record<string, unknown>) => {
      const res = await portal.call('PATCH', path, { as: 'rep@lutron.example', headers: { 'if-match': etag }, body: step })
      etag = res.headers.get('etag')!
    }
    await move({ status: 'contacted' })
    await move({ status: 'quoted', valueCents: 1_800_000 })
    await move({ status: 'won', valueCents: 1_750_000 })
    expect((await refer('sonos', SONOS, body)).json.status).toBe('pending')
  })
})
