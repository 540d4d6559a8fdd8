import { describe, expect, it } from 'vitest'
import { auditView } from '../../shared/audit/view'
import { auditEntry } from '../../shared/audit/entry'
import { ConflictError, ForbiddenError, RuleViolationError } from '../../shared/errors'
import { claimsCsv } from '../../shared/mdf/export'
import { brokenInvariant, foldLedger, type Movement } from '../../shared/mdf/ledger'
import { claimDecidedNotice, claimPaidNotice, claimSubmittedNotice, fundClosingNotice } from '../../shared/mdf/notices'
import { addDays, claimDueBy, closesOn, periodRange, previousQuarter, quarterOf, remindOn } from '../../shared/mdf/periods'
import {
  adjustAllocation,
  claimIssues,
  closingAction,
  decideClaim,
  lapseMovements,
  newClaim,
  openFund,
  recordPayment,
  resubmitClaim,
  suggestAllocation,
} from '../../shared/mdf/rules'
import { claimView, fundView, ledgerEntryView } from '../../shared/mdf/view'
import { missingProof } from '../../shared/mdf/vocabulary'
import { ClaimInput, DecisionInput } from '../../shared/schemas/mdf-input'
import type { Claim, Fund } from '../../shared/schemas/mdf'
import { ACTORS, DOCS, NOW, claimBody, fundOf } from '../helpers/mdf'

const { staff, rep, admin } = ACTORS

const filed = (overrides: Record<string, unknown> = {}, actor = rep, fund = fundOf()) =>
  newClaim(ClaimInput.parse(claimBody(overrides)), {
    id: 'C1',
    partnerName: 'Lutron Electronics',
    fund,
    actor,
    now: NOW,
    documents: DOCS,
  })

const fieldsOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return (error as RuleViolationError).issues.map((i) => i.field)
  }
  throw new Error('expected a refusal')
}

describe('periods', () => {
  it('knows quarters and years, and the days that follow from them', () => {
    expect(periodRange('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' })
    expect(periodRange('2024-Q1').end).toBe('2024-03-31')
    expect(periodRange('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' })
    expect(periodRange('2026')).toEqual({ start: '2026-01-01', end: '2026-12-31' })
    expect(closesOn('2026-Q4')).toBe('2027-03-01') // 60 days after Dec 31
    expect(remindOn('2026-Q4')).toBe('2027-01-30')
    expect(claimDueBy('2026-11-02')).toBe('2027-01-01')
    expect(quarterOf('2026-12-02')).toBe('2026-Q4')
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })
})

describe('funds', () => {
  it('suggests the middle of the tier’s MDF rate, and nothing for the case-by-case standard tier', () => {
    expect(suggestAllocation(10_000_000_00, 'strategic')).toEqual({ allocatedCents: 40_000_000, mdfRateBps: 400 })
    expect(suggestAllocation(10_000_000_00, 'preferred')).toEqual({ allocatedCents: 25_000_000, mdfRateBps: 250 })
    expect(suggestAllocation(333, 'preferred')).toEqual({ allocatedCents: 8, mdfRateBps: 250 }) // rounded down
    expect(suggestAllocation(10_000_000_00, 'standard')).toBeUndefined()
  })

  it('opens with the allocation as its first movement; a standard tier needs an explicit one', () => {
    const ctx = { partnerId: 'lutron', tier: 'strategic' as const, actor: staff, now: NOW }
    const { fund, movements } = openFund({ period: '2026-Q4', revenueCents: 500_000_00 }, ctx)
    expect(movements).toEqual([{ kind: 'allocate', amountCents: 20_000_00 }])
    expect(fund).toMatchObject({ allocatedCents: 20_000_00, availableCents: 20_000_00, mdfRateBps: 400, closesOn: '2027-03-01' })
    expect(openFund({ period: '2026-Q4', allocatedCents: 1_00, revenueCents: 5_00 }, ctx).fund).not.toHaveProperty('mdfRateBps')
    expect(fieldsOf(() => openFund({ period: '2026-Q4', revenueCents: 5_00 }, { ...ctx, tier: 'standard' }))).toEqual([
      'allocatedCents',
    ])
    expect(fieldsOf(() => openFund({ period: '2026-Q4' }, ctx))).toEqual(['allocatedCents'])
    expect(fieldsOf(() => openFund({ period: '2026-Q2', allocatedCents: 1_00 }, ctx))).toEqual(['period']) // closed Aug 29
  })

  it('moves an allocation, never below what claims hold, never once closed', () => {
    const fund = fundOf({ allocatedCents: 10_000_00, pendingCents: 3_000_00, approvedCents: 2_000_00, availableCents: 5_000_00 })
    expect(adjustAllocation(fund, { allocatedCents: 12_000_00, reason: 'Q4 push' })).toEqual([
      { kind: 'adjust', amountCents: 2_000_00, note: 'Q4 push' },
    ])
    expect(adjustAllocation(fund, { allocatedCents: 5_000_00, reason: 'Budget cut' })[0]!.amountCents).toBe(-5_000_00)
    expect(fieldsOf(() => adjustAllocation(fund, { allocatedCents: 4_999_99, reason: 'Budget cut' }))).toEqual(['allocatedCents'])
    expect(fieldsOf(() => adjustAllocation(fund, { allocatedCents: 10_000_00, reason: 'Same' }))).toEqual(['allocatedCents'])
    expect(() => adjustAllocation({ ...fund, closedAt: NOW.toISOString() }, { allocatedCents: 1, reason: 'Late' })).toThrow(
      ConflictError,
    )
  })

  it('reminds once 30 days before close when money is left, and closes the day after the last day', () => {
    const fund = fundOf({ availableCents: 5_00 })
    expect(closingAction(fund, '2027-01-29')).toBeUndefined()
    expect(closingAction(fund, '2027-01-30')).toBe('remind')
    expect(closingAction({ ...fund, reminderSentAt: 'x' }, '2027-02-10')).toBeUndefined()
    expect(closingAction({ ...fund, availableCents: 0 }, '2027-02-10')).toBeUndefined()
    expect(closingAction(fund, '2027-03-01')).toBe('remind') // the last day: claims still taken
    expect(closingAction(fund, '2027-03-02')).toBe('close')
    expect(closingAction({ ...fund, closedAt: 'x' }, '2027-03-02')).toBeUndefined()
    expect(lapseMovements(fund)).toEqual([{ kind: 'lapse', amountCents: 5_00, note: 'Unclaimed at close' }])
    expect(lapseMovements({ ...fund, availableCents: 0 })).toEqual([])
  })
})

describe('claim rules', () => {
  const today = '2026-12-02'
  const issues = (o: Record<string, unknown>, fund: Fund | undefined = fundOf(), ctx = {}) =>
    claimIssues(ClaimInput.parse(claimBody(o)), fund, { today, ...ctx }).map((i) => i.field)

  it('schema: positive whole cents, dates in order, every document says what it proves', () => {
    const fieldsOfParse = (o: Record<string, unknown>) =>
      ClaimInput.safeParse(claimBody(o)).error?.issues.map((i) => i.path.join('.'))
    expect(fieldsOfParse({ amountCents: 12.5 })).toEqual(['amountCents'])
    expect(fieldsOfParse({ amountCents: 0 })).toEqual(['amountCents'])
    expect(fieldsOfParse({ amountCents: -5 })).toEqual(['amountCents'])
    expect(fieldsOfParse({ activityStart: '2026-11-05', activityEnd: '2026-11-01' })).toEqual(['activityEnd'])
    expect(fieldsOfParse({ documentIds: [], proofKinds: {} })).toEqual(['documentIds'])
    expect(fieldsOfParse({ proofKinds: { [DOCS[0]!.id]: 'invoice' } })).toEqual([`proofKinds.${DOCS[1]!.id}`])
    expect(fieldsOfParse({ proofKinds: { [DOCS[0]!.id]: 'invoice', [DOCS[1]!.id]: 'photo', other: 'photo' } })).toEqual([
      'proofKinds.other',
    ])
    expect(fieldsOfParse({ proofKinds: { [DOCS[0]!.id]: 'invoice', [DOCS[1]!.id]: 'selfie' } })).toEqual([
      `proofKinds.${DOCS[1]!.id}`,
    ])
    expect(fieldsOfParse({})).toBeUndefined()
  })

  it('the activity lies inside the fund’s period, has ended, and is claimed within 60 days', () => {
    expect(issues({})).toEqual([])
    expect(issues({ activityStart: '2026-09-30' })).toEqual(['activityStart'])
    expect(issues({ activityEnd: '2027-01-02' })).toEqual(['activityEnd'])
    expect(issues({ activityEnd: '2026-12-03' })).toEqual(['activityEnd']) // not over yet
    expect(issues({ activityStart: '2026-10-01', activityEnd: '2026-10-02' })).toEqual(['activityEnd']) // due Dec 1
    expect(issues({ activityStart: '2026-10-01', activityEnd: '2026-10-03' })).toEqual([]) // due Dec 2: today
    // a resubmission keeps the first submission's due date
    expect(
      issues({ activityStart: '2026-10-01', activityEnd: '2026-10-02' }, fundOf(), { firstSubmittedOn: '2026-11-20' }),
    ).toEqual([])
  })

  it('needs an open fund and money in it', () => {
    expect(claimIssues(ClaimInput.parse(claimBody()), undefined, { today }).map((i) => i.field)).toEqual(['period'])
    expect(issues({}, fundOf({ closedAt: NOW.toISOString() }))).toEqual(['period'])
    expect(issues({}, fundOf({ closesOn: '2026-12-01' }))).toEqual(['period'])
    expect(issues({ amountCents: 20_000_01 })).toEqual(['amountCents'])
    expect(issues({ amountCents: 20_000_01 }, fundOf(), { held: 1 })).toEqual([]) // its own reservation counts
  })

  it('files a claim that reserves its amount, on the side of who filed it', () => {
    const { claim, movements } = filed()
    expect(claim).toMatchObject({ status: 'submitted', filedBy: 'partner', amountCents: 4_500_00, version: 1 })
    expect(claim.documents.map((d) => d.kind)).toEqual(['invoice', 'photo'])
    expect(movements).toEqual([{ kind: 'reserve', amountCents: 4_500_00, claimId: 'C1' }])
    expect(filed({}, staff).claim.filedBy).toBe('homeaiq')
  })

  it('knows which proof each activity needs', () => {
    expect(missingProof('trade-show', ['invoice'])).toEqual(['photo'])
    expect(missingProof('training', ['invoice', 'photo'])).toEqual(['attendance'])
    expect(missingProof('digital-marketing', ['performance-report', 'invoice'])).toEqual([])
  })
})

describe('decisions', () => {
  const decide = (claim: Claim, body: Record<string, unknown>, actor = staff, fundClosed = false) =>
    decideClaim(claim, DecisionInput.parse(body), { actor, now: NOW, fundClosed })
  const submitted = filed().claim

  it('lets only the other side decide', () => {
    expect(() => decide(submitted, { decision: 'approve' }, rep)).toThrow(ForbiddenError)
    expect(() => decide(submitted, { decision: 'approve' }, admin)).toThrow(/HomeAIQ staff decide/)
    const homeaiq = filed({}, staff).claim
    expect(() => decide(homeaiq, { decision: 'approve' }, staff)).toThrow(/Lutron Electronics’s admins decide/)
    expect(decide(homeaiq, { decision: 'approve' }, admin).claim.status).toBe('approved')
  })

  it('approves in full, or in part releasing the rest', () => {
    expect(decide(submitted, { decision: 'approve' }).movements).toEqual([
      { kind: 'approve', amountCents: 4_500_00, claimId: 'C1' },
    ])
    const partial = decide(submitted, { decision: 'approve', approvedCents: 4_000_00, reason: 'Booth rental only' })
    expect(partial.claim).toMatchObject({ status: 'approved', approvedCents: 4_000_00, version: 2 })
    expect(partial.movements).toEqual([
      { kind: 'approve', amountCents: 4_000_00, claimId: 'C1' },
      { kind: 'release', amountCents: 500_00, claimId: 'C1', note: 'Not approved' },
    ])
    expect(fieldsOf(() => decide(submitted, { decision: 'approve', approvedCents: 4_500_01 }))).toEqual(['approvedCents'])
  })

  it('refuses approval until the activity’s proof is complete', () => {
    const invoiceOnly = filed({ proofKinds: { [DOCS[0]!.id]: 'invoice', [DOCS[1]!.id]: 'invoice' } }).claim
    expect(fieldsOf(() => decide(invoiceOnly, { decision: 'approve' }))).toEqual(['documentIds'])
    expect(decide(invoiceOnly, { decision: 'request-info', reason: 'Please add booth photos.' }).claim.status).toBe(
      'info-requested',
    )
  })

  it('rejects with a reason, releasing everything; after close, released money lapses', () => {
    expect(DecisionInput.safeParse({ decision: 'reject' }).error!.issues[0]!.path).toEqual(['reason'])
    expect(DecisionInput.safeParse({ decision: 'request-info' }).error!.issues[0]!.path).toEqual(['reason'])
    expect(DecisionInput.safeParse({ decision: 'reject', reason: 'No proof', approvedCents: 5 }).success).toBe(false)
    expect(decide(submitted, { decision: 'reject', reason: 'Not a joint activity.' }).movements).toEqual([
      { kind: 'release', amountCents: 4_500_00, claimId: 'C1', note: 'Rejected' },
    ])
    expect(
      decide(submitted, { decision: 'reject', reason: 'Not a joint activity.' }, staff, true).movements.map((m) => m.kind),
    ).toEqual(['release', 'lapse'])
  })

  it('only decides a submitted claim, naming the state it is in', () => {
    const approved = decide(submitted, { decision: 'approve' }).claim
    expect(() => decide(approved, { decision: 'reject', reason: 'Changed my mind' })).toThrow(
      'This claim is approved: it cannot be decided.',
    )
  })

  it('resubmits after a request for information, reserving or releasing the difference', () => {
    const asked = decide(submitted, { decision: 'request-info', reason: 'Add the booth invoice.' }).claim
    const resubmit = (
      o: Record<string, unknown>,
      actor = rep,
      fund = fundOf({ availableCents: 15_500_00, pendingCents: 4_500_00 }),
    ) => resubmitClaim(asked, ClaimInput.parse(claimBody(o)), { fund, actor, now: NOW, documents: DOCS })
    expect(resubmit({}).movements).toEqual([])
    expect(resubmit({}).claim).toMatchObject({ status: 'submitted', version: 3 })
    expect(resubmit({ amountCents: 5_000_00 }).movements).toEqual([
      { kind: 'reserve', amountCents: 500_00, claimId: 'C1', note: 'Amount raised on resubmission' },
    ])
    expect(resubmit({ amountCents: 4_000_00 }).movements[0]).toMatchObject({ kind: 'release', amountCents: 500_00 })
    expect(() => resubmit({}, staff)).toThrow(ForbiddenError)
    expect(fieldsOf(() => resubmit({ period: '2027-Q1' }))).toEqual(['period'])
    expect(fieldsOf(() => resubmit({ amountCents: 20_000_01 }))).toEqual(['amountCents'])
    expect(() =>
      resubmitClaim(submitted, ClaimInput.parse(claimBody()), { fund: fundOf(), actor: rep, now: NOW, documents: DOCS }),
    ).toThrow(ConflictError)
  })

  it('records a payment once, by the side that decided, dated between approval and today', () => {
    const approved = decide(submitted, { decision: 'approve', approvedCents: 4_000_00 }).claim
    const pay = (claim: Claim, paidOn: string, actor = staff) =>
      recordPayment(claim, { reference: 'ACH-20261202-0042', paidOn }, { actor, now: NOW })
    const paid = pay(approved, '2026-12-02')
    expect(paid.movements).toEqual([{ kind: 'pay', amountCents: 4_000_00, claimId: 'C1', note: 'ACH-20261202-0042' }])
    expect(paid.claim.payment).toMatchObject({ reference: 'ACH-20261202-0042', paidOn: '2026-12-02', recordedBy: staff.email })
    expect(() => pay(paid.claim, '2026-12-02')).toThrow(/paid already/)
    expect(() => pay(submitted, '2026-12-02')).toThrow('This claim is submitted: it cannot be paid.')
    expect(() => pay(approved, '2026-12-02', admin)).toThrow(ForbiddenError)
    expect(fieldsOf(() => pay(approved, '2026-12-03'))).toEqual(['paidOn'])
    expect(fieldsOf(() => pay(approved, '2026-12-01'))).toEqual(['paidOn'])
  })
})

describe('the ledger', () => {
  it('folds movements into balances that keep every invariant', () => {
    const movements: Movement[] = [
      { kind: 'allocate', amountCents: 100 },
      { kind: 'reserve', amountCents: 60 },
      { kind: 'approve', amountCents: 40 },
      { kind: 'release', amountCents: 20 },
      { kind: 'pay', amountCents: 40 },
      { kind: 'adjust', amountCents: -10 },
      { kind: 'lapse', amountCents: 50 },
    ]
    const balances = foldLedger(movements)
    expect(balances).toEqual({
      allocatedCents: 90,
      pendingCents: 0,
      approvedCents: 40,
      paidCents: 40,
      lapsedCents: 50,
      availableCents: 0,
    })
    expect(brokenInvariant(balances)).toBeUndefined()
    expect(brokenInvariant(foldLedger(movements.slice(0, 1).concat({ kind: 'reserve', amountCents: 101 })))).toMatch(/negative/)
    expect(brokenInvariant({ ...balances, paidCents: 41 })).toMatch(/paid/)
    expect(brokenInvariant({ ...balances, availableCents: 1 })).toMatch(/available/)
  })
})

describe('what each side sees', () => {
  const fund = fundOf({ revenueCents: 500_000_00, mdfRateBps: 400 })
  const homeaiqClaim = decideClaim(filed({}, staff).claim, DecisionInput.parse({ decision: 'approve' }), {
    actor: admin,
    now: NOW,
    fundClosed: false,
  }).claim
  const partnerPaid = recordPayment(
    decideClaim(filed().claim, DecisionInput.parse({ decision: 'approve' }), { actor: staff, now: NOW, fundClosed: false }).claim,
    { reference: 'ACH-1', paidOn: '2026-12-02' },
    { actor: staff, now: NOW },
  ).claim

  it('keeps the revenue and rate behind an allocation, and who at HomeAIQ acted, from partners', () => {
    expect(fundView(fund, staff)).toMatchObject({
      revenueCents: 500_000_00,
      mdfRateBps: 400,
      openedBy: staff.email,
      status: 'open',
    })
    const partnerFund = fundView(fund, rep)
    expect(partnerFund).not.toHaveProperty('revenueCents')
    expect(partnerFund).not.toHaveProperty('mdfRateBps')
    expect(partnerFund.openedBy).toBe('HomeAIQ')
    for (const claim of [homeaiqClaim, partnerPaid]) {
      expect(JSON.stringify(claimView(claim, rep))).not.toContain(staff.email)
      expect(JSON.stringify(claimView(claim, staff))).toContain(staff.email)
    }
    expect(claimView(partnerPaid, rep)).toMatchObject({ decidedBySide: 'homeaiq', missingProof: [] })
    const entry = {
      id: 'L1',
      partnerId: 'lutron',
      period: '2026-Q4',
      kind: 'pay' as const,
      amountCents: 1,
      at: NOW.toISOString(),
      by: staff.email,
      byRole: 'staff' as const,
    }
    expect(ledgerEntryView(entry, rep).by).toBe('HomeAIQ')
    expect(ledgerEntryView({ ...entry, by: rep.email, byRole: 'partner-rep' }, rep).by).toBe(rep.email)
  })

  it('applies the same views in the audit trail', () => {
    const opened = auditEntry({
      id: 'A1',
      now: NOW,
      actor: staff,
      partnerId: 'lutron',
      entity: { type: 'mdf-fund', id: 'lutron/2026-Q4' },
      action: 'mdf.fund.opened',
      before: null,
      after: fund,
    })
    expect(JSON.stringify(auditView(opened, rep))).not.toMatch(/revenueCents|mdfRateBps|staff@homeaiq/)
    expect(auditView(opened, staff).after).toMatchObject({ revenueCents: 500_000_00 })
    const paid = auditEntry({
      ...opened,
      id: 'A2',
      now: NOW,
      actor: staff,
      entity: { type: 'mdf-claim', id: 'lutron/C1' },
      before: null,
      after: partnerPaid,
    })
    expect(JSON.stringify(auditView(paid, rep))).not.toContain(staff.email)
  })

  it('tells the side that acts, with nothing it may not see', () => {
    const submittedByPartner = claimSubmittedNotice(filed().claim)
    expect(submittedByPartner).toMatchObject({ audience: { kind: 'staff' }, link: '/staff/mdf/claims/lutron/C1' })
    const submittedByHomeaiq = claimSubmittedNotice(filed({}, staff).claim)
    expect(submittedByHomeaiq).toMatchObject({
      audience: { kind: 'partner', partnerId: 'lutron', roles: ['partner-admin'] },
      link: '/workspace/mdf/claims/C1',
    })
    const decided = claimDecidedNotice(
      decideClaim(filed().claim, DecisionInput.parse({ decision: 'approve', approvedCents: 4_000_00, reason: 'Booth only' }), {
        actor: staff,
        now: NOW,
        fundClosed: false,
      }).claim,
    )
    expect(decided.title).toBe('MDF claim approved in part: $4,000.00 of $4,500.00')
    expect(decided.body).toContain('Booth only')
    expect(decided.audience).toEqual({ kind: 'partner', partnerId: 'lutron', roles: ['partner-admin', 'partner-rep'] })
    expect(claimDecidedNotice(homeaiqClaim).audience).toEqual({ kind: 'staff' })
    const paid = claimPaidNotice(partnerPaid)
    expect(paid.body).toContain('ACH-1')
    const closing = fundClosingNotice(fund)
    for (const notice of [submittedByHomeaiq, decided, paid, closing]) {
      expect(JSON.stringify(notice)).not.toMatch(/staff@homeaiq|500000|revenue/)
    }
  })
})

describe('the finance export', () => {
  it('has one row per claim with dollars, payment and dates', () => {
    const csv = claimsCsv([filed().claim as Claim, { ...filed().claim, id: 'C0', partnerId: 'ecobee' } as Claim])
      .trim()
      .split('\r\n')
    expect(csv[0]).toBe(
      'claimId,partnerId,partnerName,period,activityType,activityStart,activityEnd,filedBy,status,claimedUsd,approvedUsd,paidUsd,paymentReference,paidOn,submittedAt,decidedAt,description',
    )
    expect(csv[1]).toMatch(/^C0,ecobee,/)
    expect(csv[2]).toContain(',trade-show,2026-11-01,2026-11-02,partner,submitted,4500.00,,,,,')
  })
})
