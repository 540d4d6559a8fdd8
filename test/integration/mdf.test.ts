import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { outboxRepository } from '../../functions/data/outbox'
import { closeDueFunds } from '../../functions/mdf/fund-close-job'
import { brokenInvariant, foldLedger, type Balances } from '../../shared/mdf/ledger'
import type { OutboxMessage } from '../../shared/notifications/outbox'
import { PDF_BYTES, PNG_BYTES } from '../helpers/files'
import { claimBody } from '../helpers/mdf'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

/** The injected clock: each test says what day it is. */
let now = new Date('2026-12-02T15:00:00Z')
const at = (iso: string) => {
  now = new Date(iso)
}
let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal({ clock: { now: () => now } })
})
beforeEach(() => at('2026-12-02T15:00:00Z'))

const STAFF = 'staff@homeaiq.example'
const rep = (pid: string) => `rep@${pid}.example`
const admin = (pid: string) => `admin@${pid}.example`

const proofs = new Map<string, Promise<string[]>>()
/** An invoice (PDF) and booth photos (PNG) of the partner, uploaded and checked once per partner. */
function proofOf(pid: string): Promise<string[]> {
  if (!proofs.has(pid)) proofs.set(pid, uploadProof(pid))
  return proofs.get(pid)!
}
async function uploadProof(pid: string) {
  const invoice = await portal.upload(rep(pid), pid, {
    purpose: 'mdf-proof',
    bytes: PDF_BYTES,
    contentType: 'application/pdf',
    filename: 'invoice.pdf',
  })
  const photo = await portal.upload(rep(pid), pid, {
    purpose: 'mdf-proof',
    bytes: PNG_BYTES,
    contentType: 'image/png',
    filename: 'booth.png',
  })
  expect([invoice.verdict, photo.verdict]).toEqual(['ready', 'ready'])
  return [invoice.documentId, photo.documentId]
}

const openFund = (pid: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  portal.call('POST', `/partners/${pid}/mdf/funds`, { as: STAFF, body, headers })

async function file(pid: string, overrides: Record<string, unknown> = {}, as = rep(pid), headers: Record<string, string> = {}) {
  return portal.call('POST', `/partners/${pid}/mdf/claims`, { as, body: claimBody(overrides, await proofOf(pid)), headers })
}
const decide = (pid: string, id: string, as: string, body: Record<string, unknown>) =>
  portal.call('POST', `/partners/${pid}/mdf/claims/${id}/decision`, { as, body })
const pay = (pid: string, id: string, as: string, body: Record<string, unknown> = {}) =>
  portal.call('POST', `/partners/${pid}/mdf/claims/${id}/payment`, {
    as,
    body: { reference: 'ACH-20261202-0042', paidOn: '2026-12-02', ...body },
  })
const fund = async (pid: string, period = '2026-Q4', as = STAFF) =>
  (await portal.call('GET', `/partners/${pid}/mdf/funds/${period}`, { as })).json

/** Every entry of the fund's ledger, through the API's pages. */
async function ledgerOf(pid: string, period = '2026-Q4', as = STAFF) {
  const entries = []
  let cursor: string | undefined
  do {
    const res = await portal.call(
      'GET',
      `/partners/${pid}/mdf/funds/${period}/ledger?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      {
        as,
      },
    )
    expect(res.status).toBe(200)
    entries.push(...res.json.items)
    cursor = res.json.nextCursor
  } while (cursor)
  return entries
}

const balances = (f: Balances) => ({
  allocatedCents: f.allocatedCents,
  pendingCents: f.pendingCents,
  approvedCents: f.approvedCents,
  paidCents: f.paidCents,
  lapsedCents: f.lapsedCents,
  availableCents: f.availableCents,
})

/** The fund as GET answers it equals the sums of its ledger as GET .../ledger answers it. */
async function expectBooksAgree(pid: string, period = '2026-Q4') {
  const [current, entries] = await Promise.all([fund(pid, period), ledgerOf(pid, period)])
  expect(balances(current)).toEqual(foldLedger(entries))
  expect(brokenInvariant(current)).toBeUndefined()
  return current
}

async function outbox(): Promise<OutboxMessage[]> {
  const messages: OutboxMessage[] = []
  let cursor: string | undefined
  do {
    const page = await outboxRepository(portal.deps.db).pending({ limit: 100, cursor })
    messages.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return messages
}

const fields = (res: { json: { errors?: { field: string }[] } }) => res.json.errors?.map((e) => e.field)

describe('funds', () => {
  it('opens one fund per partner and period, suggesting the allocation from the tier’s MDF rate', async () => {
    const opened = await openFund('lutron', { period: '2026-Q4', revenueCents: 1_250_000_00 })
    expect(opened.status).toBe(201)
    expect(opened.headers.get('etag')).toBe('"v1"')
    expect(opened.json).toMatchObject({
      period: '2026-Q4',
      allocatedCents: 50_000_00, // 4%: the middle of the strategic tier's 3-5%
      availableCents: 50_000_00,
      pendingCents: 0,
      mdfRateBps: 400,
      revenueCents: 1_250_000_00,
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
      closesOn: '2027-03-01',
      status: 'open',
    })
    const again = await openFund('lutron', { period: '2026-Q4', allocatedCents: 1_00 })
    expect(again.status).toBe(409)
    expect(again.json.detail).toMatch(/has a 2026-Q4 fund already/)
    // preferred: 2.5%; a retry with the same Idempotency-Key answers the fund it opened
    const key = { 'idempotency-key': 'sonos-2026-q4-open' }
    const [a, b] = await Promise.all([
      openFund('sonos', { period: '2026-Q4', revenueCents: 800_000_00 }, key),
      openFund('sonos', { period: '2026-Q4', revenueCents: 800_000_00 }, key),
    ])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.json.allocatedCents).toBe(20_000_00)
    expect(
      (await openFund('sonos', { period: '2026-Q4', revenueCents: 800_000_00 }, key)).headers.get('idempotent-replayed'),
    ).toBe('true')
    expect(await ledgerOf('sonos')).toHaveLength(1)
  })

  it('needs an allocation for the case-by-case standard tier, and a period that has not closed', async () => {
    const created = await portal.call('POST', '/partners', {
      as: STAFF,
      body: {
        id: 'nanoleaf',
        name: 'Nanoleaf',
        category: 'emerging',
        tier: 'standard',
        website: 'https://nanoleaf.me',
        contact: { name: 'A', email: 'a@nanoleaf.example' },
      },
    })
    expect(created.status).toBe(201)
    const suggested = await openFund('nanoleaf', { period: '2026-Q4', revenueCents: 100_000_00 })
    expect(suggested.status).toBe(422)
    expect(suggested.json.errors).toEqual([
      { field: 'allocatedCents', message: 'Standard-tier MDF is decided case by case: enter the allocation.' },
    ])
    expect((await openFund('nanoleaf', { period: '2026-Q4', allocatedCents: 1_500_00 })).status).toBe(201)
    expect(fields(await openFund('nanoleaf', { period: '2026-Q2', allocatedCents: 1_00 }))).toEqual(['period'])
    expect(fields(await openFund('nanoleaf', { period: '2026-Q5', allocatedCents: 1_00 }))).toEqual(['period'])
    expect(fields(await openFund('nanoleaf', { period: '2027' }))).toEqual(['allocatedCents'])
  })

  it('shows partners their allocation, never the revenue and rate behind it nor who at HomeAIQ opened it', async () => {
    const seen = await fund('lutron', '2026-Q4', rep('lutron'))
    expect(seen).toMatchObject({ allocatedCents: 50_000_00, openedBy: 'HomeAIQ' })
    expect(seen).not.toHaveProperty('revenueCents')
    expect(seen).not.toHaveProperty('mdfRateBps')
    const list = await portal.call('GET', '/partners/lutron/mdf/funds', { as: admin('lutron') })
    expect(list.json.items.map((f: { period: string }) => f.period)).toEqual(['2026-Q4'])
    expect(JSON.stringify(list.json)).not.toMatch(/revenueCents|mdfRateBps|staff@homeaiq/)
    const staffList = await portal.call('GET', '/partners/lutron/mdf/funds', { as: STAFF })
    expect(staffList.json.items[0]).toMatchObject({ revenueCents: 1_250_000_00, mdfRateBps: 400 })
    const trail = await portal.call('GET', '/partners/lutron/audit', { as: rep('lutron') })
    const opened = trail.json.items.find((e: { action: string }) => e.action === 'mdf.fund.opened')
    expect(opened.after.allocatedCents).toBe(50_000_00)
    expect(JSON.stringify(trail.json)).not.toMatch(/revenueCents|mdfRateBps|staff@homeaiq/)
    const staffTrail = await portal.call('GET', '/audit?entity=mdf-fund:lutron/2026-Q4', { as: STAFF })
    expect(staffTrail.json.items[0].after.revenueCents).toBe(1_250_000_00)
    expect((await portal.call('GET', '/partners/lutron/mdf/funds/2027-Q1', { as: STAFF })).status).toBe(404)
  })

  it('changes an allocation with If-Match, never below what claims hold', async () => {
    await openFund('leviton', { period: '2026-Q4', allocatedCents: 10_000_00 })
    expect((await file('leviton', { amountCents: 6_000_00 })).status).toBe(201)
    const path = '/partners/leviton/mdf/funds/2026-Q4'
    const patch = (body: Record<string, unknown>, etag?: string) =>
      portal.call('PATCH', path, { as: STAFF, body, headers: etag ? { 'if-match': etag } : {} })
    expect((await patch({ allocatedCents: 5_000_00, reason: 'Budget cut' })).status).toBe(428)
    const below = await patch({ allocatedCents: 5_999_99, reason: 'Budget cut' }, '"v1"')
    expect(below.status).toBe(422)
    expect(below.json.errors[0]).toEqual({
      field: 'allocatedCents',
      message: 'Approved and pending claims hold $6,000.00: the allocation cannot go below that.',
    })
    const lowered = await patch({ allocatedCents: 6_000_00, reason: 'Budget cut' }, '"v1"')
    expect(lowered.status).toBe(200)
    expect(lowered.headers.get('etag')).toBe('"v2"')
    expect(lowered.json).toMatchObject({ allocatedCents: 6_000_00, pendingCents: 6_000_00, availableCents: 0 })
    expect((await patch({ allocatedCents: 8_000_00, reason: 'Back up' }, '"v1"')).status).toBe(412)
    const raised = await patch({ allocatedCents: 8_000_00, reason: 'Trade show season' }, '"v2"')
    expect(raised.json).toMatchObject({ allocatedCents: 8_000_00, availableCents: 2_000_00 })
    expect((await portal.call('PATCH', path, { as: rep('leviton'), body: {}, headers: { 'if-match': '"v3"' } })).status).toBe(403)
    const entries = await ledgerOf('leviton', '2026-Q4', rep('leviton'))
    expect(entries.map((e: { kind: string; amountCents: number }) => [e.kind, e.amountCents])).toEqual([
      ['allocate', 10_000_00],
      ['reserve', 6_000_00],
      ['adjust', -4_000_00],
      ['adjust', 2_000_00],
    ])
    expect(entries[3]).toMatchObject({ note: 'Trade show season', by: 'HomeAIQ' })
    await expectBooksAgree('leviton')
  })
})

describe('claims', () => {
  it('reserves the claimed amount, tells the deciding side, and files once per Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'lutron-cedia-claim-1' }
    const [a, b] = await Promise.all([file('lutron', {}, rep('lutron'), key), file('lutron', {}, rep('lutron'), key)])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.json.id).toBe(b.json.id)
    expect(a.json).toMatchObject({
      status: 'submitted',
      filedBy: 'partner',
      decidedBySide: 'homeaiq',
      amountCents: 4_500_00,
      missingProof: [],
      documentIds: await proofOf('lutron'),
      documents: [
        { filename: 'invoice.pdf', kind: 'invoice', contentType: 'application/pdf' },
        { filename: 'booth.png', kind: 'photo', contentType: 'image/png' },
      ],
    })
    expect(a.headers.get('etag')).toBe('"v1"')
    const replay = await file('lutron', {}, rep('lutron'), key)
    expect(replay.json.id).toBe(a.json.id)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(fields(await file('lutron', { amountCents: 1_00 }, rep('lutron'), key))).toEqual(['Idempotency-Key'])
    const f = await expectBooksAgree('lutron')
    expect(f).toMatchObject({ pendingCents: 4_500_00, availableCents: 45_500_00 })
    const notices = (await outbox()).filter((m) => m.kind === 'mdf-claim-submitted' && m.link?.endsWith(a.json.id))
    expect(notices).toEqual([
      expect.objectContaining({
        audience: { kind: 'staff' },
        title: 'Lutron Electronics: MDF claim to decide',
        link: `/staff/mdf/claims/lutron/${a.json.id}`,
      }),
    ])
    expect((await portal.call('GET', `/partners/lutron/mdf/claims/${a.json.id}`, { as: admin('lutron') })).json.id).toBe(
      a.json.id,
    )
  })

  it('refuses a claim that breaks a rule, naming the field', async () => {
    const [invoice] = await proofOf('lutron')
    expect(fields(await file('lutron', { activityStart: '2026-09-28' }))).toEqual(['activityStart'])
    expect(fields(await file('lutron', { activityEnd: '2026-12-05' }))).toEqual(['activityEnd']) // not over yet
    expect(fields(await file('lutron', { period: '2027-Q1' }))).toEqual(['period']) // no fund
    expect(fields(await file('lutron', { amountCents: 50_000_00 }))).toEqual(['amountCents'])
    const bad = await file('lutron', { amountCents: 12.5, activityStart: '2026-11-03' })
    expect(bad.status).toBe(400)
    expect(fields(bad)).toEqual(['amountCents'])
    expect((await file('lutron', { activityStart: '2026-11-03' })).status).toBe(400) // ends before it starts
    expect(fields(await file('lutron', { proofKinds: { [invoice!]: 'invoice' } }))).toEqual([
      `proofKinds.${(await proofOf('lutron'))[1]}`,
    ])
    // documents: this partner's checked mdf-proof uploads only
    const [ecobeeDoc] = await proofOf('ecobee')
    const foreign = await file('lutron', { documentIds: [ecobeeDoc], proofKinds: { [ecobeeDoc!]: 'invoice' } })
    expect([foreign.status, foreign.json.errors]).toEqual([400, [{ field: 'documentIds.0', message: 'No such document.' }]])
    const sheet = await portal.upload(rep('lutron'), 'lutron', {
      purpose: 'spec-sheet',
      bytes: PDF_BYTES,
      contentType: 'application/pdf',
      filename: 'spec.pdf',
    })
    expect(
      fields(await file('lutron', { documentIds: [sheet.documentId], proofKinds: { [sheet.documentId]: 'invoice' } })),
    ).toEqual(['documentIds.0'])
    const ticket = await portal.call('POST', '/partners/lutron/uploads', {
      as: rep('lutron'),
      body: { purpose: 'mdf-proof', contentType: 'application/pdf', size: 10, filename: 'later.pdf' },
    })
    const pending = await file('lutron', {
      documentIds: [ticket.json.documentId],
      proofKinds: { [ticket.json.documentId]: 'invoice' },
    })
    expect([pending.status, fields(pending)]).toEqual([422, ['documentIds.0']])
  })

  it('takes a claim up to 60 days after the activity’s end, and none once the fund has closed', async () => {
    at('2027-01-01T12:00:00Z')
    expect((await file('lutron', { amountCents: 1_00 })).status).toBe(201) // Nov 2 + 60 days
    at('2027-01-02T00:30:00Z')
    const late = await file('lutron', { amountCents: 1_00 })
    expect(late.json.errors).toEqual([
      { field: 'activityEnd', message: 'Claims are due within 60 days of the activity’s end: this one was due by Jan 1, 2027.' },
    ])
    // a fund opened in its quarter, claimed after its last day
    at('2026-09-15T12:00:00Z')
    expect((await openFund('lutron', { period: '2026-Q3', allocatedCents: 5_000_00 })).status).toBe(201)
    at('2026-11-30T12:00:00Z')
    const closed = await file('lutron', { period: '2026-Q3', activityStart: '2026-09-20', activityEnd: '2026-09-21' })
    expect(closed.json.errors).toEqual([{ field: 'period', message: 'The 2026-Q3 fund closed on Nov 29, 2026.' }])
  })

  it('accepts exactly as many concurrent claims as the fund holds and refuses the rest', async () => {
    await openFund('ecobee', { period: '2026-Q4', allocatedCents: 20 * 1_000_00 })
    await proofOf('ecobee')
    const results = await Promise.all(Array.from({ length: 30 }, () => file('ecobee', { amountCents: 1_000_00 })))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(20)
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409 || s === 422)).toBe(true)
    const refused = results.find((r) => r.status === 422)
    expect(refused?.json.errors).toEqual([{ field: 'amountCents', message: 'Only $0.00 of the 2026-Q4 fund is available.' }])
    const f = await expectBooksAgree('ecobee')
    expect(f).toMatchObject({ pendingCents: 20_000_00, availableCents: 0 })
    expect((await ledgerOf('ecobee')).filter((e: { kind: string }) => e.kind === 'reserve')).toHaveLength(20)
  })

  it('retries a transaction that collided with another one (TransactionConflict) and writes it once', async () => {
    const send = portal.deps.db.doc.send.bind(portal.deps.db.doc)
    let collided = 0
    const spy = vi.spyOn(portal.deps.db.doc, 'send').mockImplementation(((command: unknown, ...rest: unknown[]) => {
      if (command instanceof TransactWriteCommand && collided === 0) {
        collided++
        // what real DynamoDB answers when another transaction touched the fund at the same moment
        return Promise.reject(
          Object.assign(new Error('Transaction cancelled'), {
            name: 'TransactionCanceledException',
            CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
          }),
        )
      }
      return (send as (...args: unknown[]) => Promise<unknown>)(command, ...rest)
    }) as typeof portal.deps.db.doc.send)
    try {
      const before = await fund('lutron')
      const res = await file('lutron', { amountCents: 2_00 })
      expect(res.status).toBe(201)
      expect(collided).toBe(1)
      expect((await fund('lutron')).pendingCents).toBe(before.pendingCents + 2_00)
    } finally {
      spy.mockRestore()
    }
    await expectBooksAgree('lutron')
  })
})

describe('decisions and payment', () => {
  it('approves once under five concurrent approvals', async () => {
    await openFund('ubiquiti', { period: '2026-Q4', allocatedCents: 10_000_00 })
    const claim = (await file('ubiquiti')).json
    const results = await Promise.all(
      Array.from({ length: 5 }, () => decide('ubiquiti', claim.id, STAFF, { decision: 'approve' })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409])
    for (const lost of results.filter((r) => r.status === 409)) expect(lost.json.detail).toMatch(/^This claim (is|was) approved/)
    const f = await expectBooksAgree('ubiquiti')
    expect(f).toMatchObject({ approvedCents: 4_500_00, pendingCents: 0, availableCents: 5_500_00 })
    expect((await ledgerOf('ubiquiti')).filter((e: { kind: string }) => e.kind === 'approve')).toHaveLength(1)
  })

  it('approves in part releasing the rest, rejects releasing all, and a resubmission keeps its reservation', async () => {
    const pid = 'ubiquiti'
    const partial = (await file(pid, { amountCents: 2_000_00 })).json
    const over = await decide(pid, partial.id, STAFF, { decision: 'approve', approvedCents: 2_000_01 })
    expect([over.status, fields(over)]).toEqual([422, ['approvedCents']])
    const approved = await decide(pid, partial.id, STAFF, {
      decision: 'approve',
      approvedCents: 1_500_00,
      reason: 'Booth only; travel is not joint marketing.',
    })
    expect(approved.json).toMatchObject({ status: 'approved', approvedCents: 1_500_00 })
    expect(await fund(pid)).toMatchObject({ approvedCents: 6_000_00, pendingCents: 0, availableCents: 4_000_00 })

    const rejected = (await file(pid, { amountCents: 1_000_00 })).json
    expect(fields(await decide(pid, rejected.id, STAFF, { decision: 'reject' }))).toEqual(['reason'])
    expect((await decide(pid, rejected.id, STAFF, { decision: 'reject', reason: 'Not a joint activity.' })).json.status).toBe(
      'rejected',
    )
    expect(await fund(pid)).toMatchObject({ pendingCents: 0, availableCents: 4_000_00 })

    const asked = (await file(pid, { amountCents: 1_000_00 })).json
    const info = await decide(pid, asked.id, STAFF, { decision: 'request-info', reason: 'Add the booth photos, please.' })
    expect(info.json.status).toBe('info-requested')
    expect((await fund(pid)).pendingCents).toBe(1_000_00) // still reserved
    expect((await decide(pid, asked.id, STAFF, { decision: 'approve' })).status).toBe(409)
    const path = `/partners/${pid}/mdf/claims/${asked.id}`
    const resubmit = async (overrides: Record<string, unknown>, etag: string, as = rep(pid)) =>
      portal.call('PUT', path, { as, body: claimBody(overrides, await proofOf(pid)), headers: { 'if-match': etag } })
    expect((await resubmit({}, '"v1"')).status).toBe(412)
    expect((await resubmit({}, '"v2"', STAFF)).status).toBe(403) // only the side that filed it
    expect(fields(await resubmit({ amountCents: 5_000_01 }, '"v2"'))).toEqual(['amountCents'])
    const again = await resubmit({ amountCents: 1_200_00, description: 'CEDIA booth, with the photos attached' }, '"v2"')
    expect(again.status).toBe(200)
    expect(again.json).toMatchObject({ status: 'submitted', amountCents: 1_200_00, version: 3 })
    expect(again.json.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'info-requested', 'resubmitted'])
    expect(await fund(pid)).toMatchObject({ pendingCents: 1_200_00, availableCents: 2_800_00 })
    expect((await resubmit({}, '"v3"')).status).toBe(409) // submitted: nothing to resubmit
    await expectBooksAgree(pid)
  })

  it('waits for the proof the activity needs before approval', async () => {
    const pid = 'ubiquiti'
    const [invoice] = await proofOf(pid)
    const claim = (await file(pid, { amountCents: 100_00, documentIds: [invoice], proofKinds: { [invoice!]: 'invoice' } })).json
    expect(claim.missingProof).toEqual(['photo'])
    const refused = await decide(pid, claim.id, STAFF, { decision: 'approve' })
    expect(refused.json.errors).toEqual([
      { field: 'documentIds', message: 'Missing proof: photos. Request it from the claimant.' },
    ])
  })

  it('records a payment once, by the side that decided, and tells the claimant', async () => {
    const pid = 'ubiquiti'
    const claim = (await file(pid, { amountCents: 300_00 })).json
    expect((await pay(pid, claim.id, STAFF)).status).toBe(409) // not approved yet
    await decide(pid, claim.id, STAFF, { decision: 'approve' })
    expect((await pay(pid, claim.id, admin(pid))).status).toBe(403)
    expect(fields(await pay(pid, claim.id, STAFF, { paidOn: '2026-12-03' }))).toEqual(['paidOn'])
    const results = await Promise.all([pay(pid, claim.id, STAFF), pay(pid, claim.id, STAFF)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const paid = await portal.call('GET', `/partners/${pid}/mdf/claims/${claim.id}`, { as: rep(pid) })
    expect(paid.json).toMatchObject({
      status: 'paid',
      payment: { reference: 'ACH-20261202-0042', paidOn: '2026-12-02', recordedBy: 'HomeAIQ' },
    })
    expect((await pay(pid, claim.id, STAFF)).json.detail).toBe('This claim was paid already, on Dec 2, 2026 (ACH-20261202-0042).')
    const f = await expectBooksAgree(pid)
    expect(f.paidCents).toBe(300_00)
    const told = (await outbox()).filter((m) => m.kind === 'mdf-claim-paid' && m.link === `/workspace/mdf/claims/${claim.id}`)
    expect(told).toEqual([
      expect.objectContaining({ audience: { kind: 'partner', partnerId: pid, roles: ['partner-admin', 'partner-rep'] } }),
    ])
  })

  it('is two-sided: HomeAIQ’s claims are decided and paid by the partner’s admin, and nobody decides their own side', async () => {
    const pid = 'lutron'
    const claim = (
      await file(
        pid,
        {
          activityType: 'showcase-installation',
          amountCents: 7_500_00,
          description: 'Showcase home in Scottsdale with HomeWorks QSX',
        },
        STAFF,
      )
    ).json
    expect(claim).toMatchObject({ filedBy: 'homeaiq', decidedBySide: 'partner' })
    const own = await decide(pid, claim.id, STAFF, { decision: 'approve' })
    expect([own.status, own.json.detail]).toEqual([
      403,
      'Nobody decides a claim their own side filed: Lutron Electronics’s admins decide this one.',
    ])
    expect((await decide(pid, claim.id, rep(pid), { decision: 'approve' })).status).toBe(403) // admins decide
    const seen = await portal.call('GET', `/partners/${pid}/mdf/claims/${claim.id}`, { as: rep(pid) })
    expect(seen.json.submittedBy).toBe('HomeAIQ')
    expect(JSON.stringify(seen.json)).not.toContain(STAFF)
    const listed = await portal.call('GET', `/partners/${pid}/mdf/claims?limit=100`, { as: rep(pid) })
    expect(listed.json.items.some((c: { id: string }) => c.id === claim.id)).toBe(true)
    expect(JSON.stringify(listed.json)).not.toContain(STAFF)
    const approved = await decide(pid, claim.id, admin(pid), { decision: 'approve' })
    expect(approved.json.status).toBe('approved')
    expect((await pay(pid, claim.id, STAFF)).status).toBe(403)
    expect((await pay(pid, claim.id, admin(pid), { reference: 'LUT-PO-88812' })).json.status).toBe('paid')

    const messages = (await outbox()).filter((m) => m.link?.includes(claim.id))
    expect(messages.map((m) => [m.kind, m.audience])).toEqual([
      ['mdf-claim-submitted', { kind: 'partner', partnerId: pid, roles: ['partner-admin'] }],
      ['mdf-claim-decided', { kind: 'staff' }],
      ['mdf-claim-paid', { kind: 'staff' }],
    ])
    expect(JSON.stringify(messages)).not.toContain(STAFF)
    // the partner's ledger and audit trail show HomeAIQ, never the staff member
    const entries = await ledgerOf(pid, '2026-Q4', rep(pid))
    expect(entries.find((e: { claimId?: string }) => e.claimId === claim.id).by).toBe('HomeAIQ')
    expect(JSON.stringify(entries)).not.toContain(STAFF)
    const trail = await portal.call('GET', `/partners/${pid}/audit?limit=100`, { as: rep(pid) })
    expect(JSON.stringify(trail.json)).not.toContain(STAFF)
    await expectBooksAgree(pid)
  })
})

describe('the staff queue and the finance export', () => {
  it('lists one status across partners, oldest submission first, filtered and paginated', async () => {
    const queue = async (query: string) => (await portal.call('GET', `/review/mdf-claims${query}`, { as: STAFF })).json
    const submitted = await queue('?limit=100')
    expect(submitted.items.length).toBeGreaterThan(20)
    expect(submitted.items.every((c: { status: string }) => c.status === 'submitted')).toBe(true)
    const times = submitted.items.map((c: { submittedAt: string }) => c.submittedAt)
    expect(times).toEqual([...times].sort())
    const lutron = await queue('?partnerId=lutron&filedBy=partner&limit=100')
    expect(lutron.items.length).toBeGreaterThan(0)
    expect(
      lutron.items.every((c: { partnerId: string; filedBy: string }) => c.partnerId === 'lutron' && c.filedBy === 'partner'),
    ).toBe(true)
    const page1 = await queue('?partnerId=ecobee&limit=8')
    const page2 = await queue(`?partnerId=ecobee&limit=8&cursor=${page1.nextCursor}`)
    const page3 = await queue(`?partnerId=ecobee&limit=8&cursor=${page2.nextCursor}`)
    expect([page1.items.length, page2.items.length, page3.items.length, page3.nextCursor]).toEqual([8, 8, 4, undefined])
    expect(new Set([...page1.items, ...page2.items, ...page3.items].map((c: { id: string }) => c.id)).size).toBe(20)
    const paid = await queue('?status=paid&period=2026-Q4')
    expect(paid.items.map((c: { partnerId: string }) => c.partnerId).sort()).toEqual(['lutron', 'ubiquiti'])
    expect((await portal.call('GET', '/review/mdf-claims?status=lost', { as: STAFF })).status).toBe(400)
    const mine = await portal.call('GET', '/partners/ubiquiti/mdf/claims?status=approved', { as: rep('ubiquiti') })
    expect(mine.json.items.map((c: { approvedCents: number }) => c.approvedCents)).toEqual([1_500_00, 4_500_00])
  })

  it('exports a period’s claims as CSV for finance', async () => {
    const res = await portal.call('GET', '/review/mdf-claims/export?period=2026-Q4', { as: STAFF })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="mdf-claims-2026-Q4.csv"')
    const lines = res.text.trim().split('\r\n')
    expect(lines[0]).toMatch(/^claimId,partnerId,partnerName,period,activityType/)
    const paid = lines.find((l) => l.includes('LUT-PO-88812'))
    expect(paid).toMatch(
      /,lutron,Lutron Electronics,2026-Q4,showcase-installation,2026-11-01,2026-11-02,homeaiq,paid,7500.00,7500.00,7500.00,LUT-PO-88812,2026-12-02,/,
    )
    const all = await portal.call('GET', '/review/mdf-claims?status=submitted&period=2026-Q4&limit=100', { as: STAFF })
    for (const claim of all.json.items) expect(res.text).toContain(claim.id)
    expect((await portal.call('GET', '/review/mdf-claims/export', { as: STAFF })).status).toBe(400)
  })
})

describe('unclaimed funds', () => {
  it('reminds the partner once 30 days before close, then lapses the remainder once and refuses new claims', async () => {
    const pid = 'sonos' // 2026-Q4: $20,000 allocated
    const job = (iso: string) => {
      at(iso)
      return closeDueFunds(portal.deps)
    }
    const kept = (await file(pid, { amountCents: 2_000_00 })).json
    await decide(pid, kept.id, STAFF, { decision: 'approve' })
    const open = (await file(pid, { amountCents: 1_000_00 })).json
    // every open fund of the table is the job's: the other partners' 2026-Q4 funds are reminded too
    expect((await job('2027-01-29T06:00:00Z')).reminded).toBe(0)
    expect((await job('2027-01-30T06:00:00Z')).reminded).toBeGreaterThanOrEqual(1)
    expect((await fund(pid)).reminderSentAt).toBe('2027-01-30T06:00:00.000Z')
    expect((await job('2027-01-31T06:00:00Z')).reminded).toBe(0)
    const reminders = (await outbox()).filter((m) => m.kind === 'mdf-fund-closing' && m.partnerId === pid)
    expect(reminders).toEqual([
      expect.objectContaining({
        audience: { kind: 'partner', partnerId: pid, roles: ['partner-admin', 'partner-rep'] },
        title: '$17,000.00 of your 2026-Q4 MDF is unclaimed',
      }),
    ])
    expect((await job('2027-03-01T23:00:00Z')).closed).toBe(0) // the last day: still open
    const closing = await job('2027-03-02T06:00:00Z')
    expect(closing.closed).toBeGreaterThanOrEqual(1)
    expect(closing.lapsedCents).toBeGreaterThanOrEqual(17_000_00)
    expect((await job('2027-03-03T06:00:00Z')).closed).toBe(0)
    const closed = await fund(pid, '2026-Q4', rep(pid))
    expect(closed).toMatchObject({ status: 'closed', availableCents: 0, pendingCents: 1_000_00, lapsedCents: 17_000_00 })
    // a claim filed in time is still decided; what it releases lapses with the rest
    await decide(pid, open.id, STAFF, { decision: 'reject', reason: 'Duplicate of another claim.' })
    const after = await expectBooksAgree(pid)
    expect(after).toMatchObject({ availableCents: 0, pendingCents: 0, lapsedCents: 18_000_00, approvedCents: 2_000_00 })
    const lapses = (await ledgerOf(pid)).filter((e: { kind: string }) => e.kind === 'lapse')
    expect(lapses.map((e: { amountCents: number; by: string }) => [e.amountCents, e.by])).toEqual([
      [17_000_00, 'system'],
      [1_000_00, STAFF],
    ])
    expect(fields(await file(pid, { amountCents: 1_00 }))).toEqual(['period'])
    const patched = await portal.call('PATCH', `/partners/${pid}/mdf/funds/2026-Q4`, {
      as: STAFF,
      body: { allocatedCents: 30_000_00, reason: 'Too late' },
      headers: { 'if-match': '"v1"' },
    })
    expect(patched.status).toBe(409)
  })
})

describe('a storm of concurrent requests', () => {
  it('leaves a fund that equals its ledger, and a ledger that agrees with the claims', async () => {
    const pid = 'philips-hue'
    await openFund(pid, { period: '2026-Q4', allocatedCents: 30_000_00 })
    await proofOf(pid)
    const amounts = Array.from({ length: 24 }, (_, i) => 1_000_00 + i * 17_00)
    const filedClaims = (await Promise.all(amounts.map((amountCents) => file(pid, { amountCents })))).filter(
      (r) => r.status === 201,
    )
    expect(filedClaims.length).toBeGreaterThan(10)
    const ids = filedClaims.map((r) => r.json.id as string)
    await Promise.all([
      ...ids.map((id, i) =>
        i % 4 === 0
          ? decide(pid, id, STAFF, { decision: 'approve' })
          : i % 4 === 1
            ? decide(pid, id, STAFF, { decision: 'approve', approvedCents: 500_00 })
            : i % 4 === 2
              ? decide(pid, id, STAFF, { decision: 'reject', reason: 'Outside the joint plan.' })
              : decide(pid, id, STAFF, { decision: 'approve', approvedCents: 1_00 }),
      ),
      ...ids.map((id) => decide(pid, id, STAFF, { decision: 'reject', reason: 'A racing second opinion.' })),
      ...amounts.slice(0, 8).map((amountCents) => file(pid, { amountCents })),
      portal.call('PATCH', `/partners/${pid}/mdf/funds/2026-Q4`, {
        as: STAFF,
        body: { allocatedCents: 31_000_00, reason: 'Storm' },
        headers: { 'if-match': '"v1"' },
      }),
    ])
    await Promise.all(ids.map((id) => pay(pid, id, STAFF)))
    const f = await expectBooksAgree(pid)
    const claims = (await portal.call('GET', `/partners/${pid}/mdf/claims?limit=100`, { as: STAFF })).json.items
    const sum = (of: (c: { status: string; amountCents: number; approvedCents?: number }) => number) =>
      claims.reduce((total: number, c: never) => total + of(c), 0)
    expect(f.pendingCents).toBe(sum((c) => (c.status === 'submitted' ? c.amountCents : 0)))
    expect(f.approvedCents).toBe(sum((c) => c.approvedCents ?? 0))
    expect(f.paidCents).toBe(sum((c) => (c.status === 'paid' ? c.approvedCents! : 0)))
    expect(f.approvedCents + f.pendingCents).toBeLessThanOrEqual(f.allocatedCents)
    // every claim was decided exactly once: one approval, or one rejection's release
    const entries: { claimId?: string; kind: string; note?: string }[] = await ledgerOf(pid)
    for (const id of ids) {
      const mine = entries.filter((e) => e.claimId === id)
      const decisions = mine.filter((e) => e.kind === 'approve' || (e.kind === 'release' && e.note === 'Rejected'))
      expect(decisions, id).toHaveLength(1)
    }
  })
})
