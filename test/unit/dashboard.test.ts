import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  averageDiscountBps,
  certificationCoverage,
  hoursLeft,
  leadFigure,
  mdfByPeriod,
  scorecardMismatches,
  standingOf,
  tierDistribution,
  type PartnerFacts,
} from '../../shared/program/dashboard'
import { claimDelta, emptyStats, leadDelta, openClaims } from '../../shared/program/stats'
import type { Lead } from '../../shared/schemas/lead'

const partner = (id: string, overrides: Partial<PartnerFacts> = {}): PartnerFacts => ({
  id,
  name: id,
  tier: 'standard',
  status: 'active',
  baseDiscountBps: 1500,
  ...overrides,
})

describe('tier distribution against the year-1 targets', () => {
  it('counts active partners per tier and says where each stands against target and capacity', () => {
    const partners = [
      ...Array.from({ length: 6 }, (_, i) => partner(`s${i}`, { tier: 'strategic' })),
      ...Array.from({ length: 3 }, (_, i) => partner(`p${i}`, { tier: 'preferred' })),
      ...Array.from({ length: 12 }, (_, i) => partner(`t${i}`)),
      partner('gone', { tier: 'preferred', status: 'sunset' }),
      partner('maybe', { tier: 'preferred', status: 'prospect' }),
    ]
    expect(tierDistribution(partners)).toEqual([
      { tier: 'strategic', active: 6, target: { min: 5, max: 7 }, capacity: { min: 5, max: 7 }, standing: 'on-target' },
      { tier: 'preferred', active: 3, target: { min: 8, max: 10 }, capacity: { min: 12, max: 15 }, standing: 'below-target' },
      { tier: 'standard', active: 12, target: { min: 10, max: 15 }, capacity: { min: 30, max: 40 }, standing: 'on-target' },
    ])
  })

  it('tells a tier past its year-1 target from one past its capacity', () => {
    expect(standingOf(11, { min: 8, max: 10 }, { max: 15 })).toBe('above-target')
    expect(standingOf(16, { min: 8, max: 10 }, { max: 15 })).toBe('over-capacity')
    expect(standingOf(8, { min: 8, max: 10 }, { max: 15 })).toBe('on-target')
    expect(standingOf(7, { min: 8, max: 10 }, { max: 15 })).toBe('below-target')
  })
})

describe('the average negotiated discount', () => {
  it('is the mean over active partners, in whole basis points', () => {
    const partners = [
      partner('a', { baseDiscountBps: 3200 }),
      partner('b', { baseDiscountBps: 2000 }),
      partner('c', { baseDiscountBps: 1750 }),
      partner('x', { baseDiscountBps: 9999, status: 'suspended' }),
    ]
    expect(averageDiscountBps(partners)).toBe(2317) // 6950 / 3 = 2316.67
    expect(averageDiscountBps([partner('x', { status: 'prospect' })])).toBeNull()
  })

  it('always lies between the smallest and largest active discount', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1500, max: 4500 }), { minLength: 1, maxLength: 60 }), (discounts) => {
        const avg = averageDiscountBps(discounts.map((bps, i) => partner(`p${i}`, { baseDiscountBps: bps })))!
        expect(avg).toBeGreaterThanOrEqual(Math.min(...discounts))
        expect(avg).toBeLessThanOrEqual(Math.max(...discounts))
      }),
    )
  })
})

describe('lead conversion', () => {
  it('gives acceptance, win and conversion rates, none when nothing to divide by', () => {
    const stats = { ...emptyStats(), leadsOffered: 8, leadsAccepted: 4, leadsWon: 1, leadsLost: 1, leadsWonCents: 4_800_000 }
    expect(leadFigure(stats)).toEqual({
      offered: 8,
      accepted: 4,
      won: 1,
      lost: 1,
      wonCents: 4_800_000,
      acceptanceRate: 0.5,
      winRate: 0.5,
      conversionRate: 0.25,
    })
    expect(leadFigure(emptyStats())).toMatchObject({ acceptanceRate: null, winRate: null, conversionRate: null })
  })

  const offer = (partnerId: string, outcome: Lead['offers'][number]['outcome']) =>
    ({ partnerId, partnerName: partnerId, tier: 'strategic', offeredAt: '', expiresAt: '', outcome }) as Lead['offers'][number]
  const lead = (overrides: Partial<Lead>) => ({ status: 'offered', offers: [], ...overrides }) as Lead

  it('moves each partner’s counters by the difference a lead change makes', () => {
    const offered = lead({ offers: [offer('lutron', 'open')], offeredTo: 'lutron' })
    expect(leadDelta(null, offered)).toEqual(new Map([['lutron', { leadsOffered: 1 }]]))
    const movedOn = lead({ offers: [offer('lutron', 'declined'), offer('leviton', 'open')], offeredTo: 'leviton' })
    expect(leadDelta(offered, movedOn)).toEqual(new Map([['leviton', { leadsOffered: 1 }]]))
    const accepted = lead({
      status: 'accepted',
      offers: [offer('lutron', 'declined'), offer('leviton', 'accepted')],
      assignedTo: 'leviton',
    })
    expect(leadDelta(movedOn, accepted)).toEqual(new Map([['leviton', { leadsAccepted: 1 }]]))
    const won = { ...accepted, status: 'won', valueCents: 4_800_000 } as Lead
    expect(leadDelta(accepted, won)).toEqual(new Map([['leviton', { leadsWon: 1, leadsWonCents: 4_800_000 }]]))
  })

  it('sums the deltas of any sequence of changes to what the last state contributes', () => {
    const outcome = fc.constantFrom('open', 'accepted', 'declined', 'lapsed') as fc.Arbitrary<Lead['offers'][number]['outcome']>
    const state = fc.record({
      status: fc.constantFrom('offered', 'accepted', 'won', 'lost'),
      offers: fc.array(
        fc.tuple(fc.constantFrom('a', 'b', 'c'), outcome).map(([p, o]) => offer(p, o)),
        { maxLength: 4 },
      ),
      assignedTo: fc.constantFrom('a', 'b', undefined),
      valueCents: fc.integer({ min: 0, max: 1_000_000 }),
    })
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 6 }), (states) => {
        const total = new Map<string, Record<string, number>>()
        let before: Lead | null = null
        for (const s of states as Lead[]) {
          for (const [pid, delta] of leadDelta(before, s)) {
            const into = total.get(pid) ?? {}
            for (const [k, v] of Object.entries(delta)) into[k] = (into[k] ?? 0) + v
            total.set(pid, into)
          }
          before = s
        }
        const expected = leadDelta(null, before)
        for (const pid of new Set([...total.keys(), ...expected.keys()])) {
          const got = Object.fromEntries(Object.entries(total.get(pid) ?? {}).filter(([, v]) => v !== 0))
          expect(got).toEqual(expected.get(pid) ?? {})
        }
      }),
    )
  })
})

describe('claim counters', () => {
  it('move a claim from one status to the next, and count the open ones', () => {
    expect(claimDelta(null, 'submitted')).toEqual({ claimsSubmitted: 1 })
    expect(claimDelta('submitted', 'approved')).toEqual({ claimsSubmitted: -1, claimsApproved: 1 })
    expect(claimDelta('approved', 'approved')).toEqual({})
    expect(openClaims({ ...emptyStats(), claimsSubmitted: 2, claimsInfoRequested: 1, claimsApproved: 1, claimsPaid: 5 })).toBe(4)
  })
})

describe('scorecard mismatches and certification coverage', () => {
  it('lists partners whose tier differs from their score’s, overpaid first', () => {
    const partners = [
      partner('b-under', { tier: 'standard', scorecard: { score: 82, recommendedTier: 'strategic' } }),
      partner('a-over', { tier: 'strategic', scorecard: { score: 55, recommendedTier: 'standard' } }),
      partner('fine', { tier: 'preferred', scorecard: { score: 70, recommendedTier: 'preferred' } }),
      partner('unscored', { tier: 'strategic' }),
    ]
    expect(scorecardMismatches(partners).map((m) => [m.partnerId, m.direction])).toEqual([
      ['a-over', 'over'],
      ['b-under', 'under'],
    ])
  })

  it('counts per tier the active partners holding any badge, and each program’s', () => {
    const partners = [partner('a', { tier: 'strategic' }), partner('b', { tier: 'strategic' }), partner('c')]
    const holders = new Map([
      ['integration-standard', new Set(['a', 'c'])],
      ['installation', new Set(['a'])],
    ])
    expect(certificationCoverage(partners, holders)).toEqual([
      { tier: 'strategic', partners: 2, certified: 1, coverage: 0.5, byProgram: { 'integration-standard': 1, installation: 1 } },
      { tier: 'preferred', partners: 0, certified: 0, coverage: null, byProgram: { 'integration-standard': 0, installation: 0 } },
      { tier: 'standard', partners: 1, certified: 1, coverage: 1, byProgram: { 'integration-standard': 1, installation: 0 } },
    ])
  })
})

describe('MDF by period and countdowns', () => {
  it('sums funds per period, newest first', () => {
    const fund = (period: string, allocatedCents: number, approvedCents = 0) => ({
      period,
      allocatedCents,
      pendingCents: 0,
      approvedCents,
      paidCents: 0,
      lapsedCents: 0,
      availableCents: allocatedCents - approvedCents,
    })
    const rows = mdfByPeriod([fund('2026-Q3', 100), fund('2026-Q4', 200, 50), fund('2026-Q4', 300)])
    expect(rows.map((r) => [r.period, r.funds, r.allocatedCents, r.approvedCents, r.availableCents])).toEqual([
      ['2026-Q4', 2, 500, 50, 450],
      ['2026-Q3', 1, 100, 0, 100],
    ])
  })

  it('counts whole hours left on an offer', () => {
    const now = new Date('2026-12-02T15:00:00Z')
    expect(hoursLeft('2026-12-04T14:59:00Z', now)).toBe(47)
    expect(hoursLeft('2026-12-02T14:00:00Z', now)).toBe(-1)
  })
})
