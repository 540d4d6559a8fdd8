import { describe, expect, it } from 'vitest'
import { ForbiddenError, RuleViolationError } from '../../shared/errors'
import { applyPartnerPatch, editableFields, isListed, newPartner, searchKey } from '../../shared/partners/rules'
import { TIER_TERMS, defaultBaseDiscountBps } from '../../shared/partners/terms'
import { partnerView } from '../../shared/partners/view'
import { PartnerCreate, PartnerPatch } from '../../shared/schemas/partner'

const now = new Date('2026-11-25T10:00:00Z')
const later = new Date('2026-11-26T10:00:00Z')
const lutron = newPartner(
  PartnerCreate.parse({
    id: 'lutron',
    name: 'Lutron Electronics',
    category: 'lighting-control',
    tier: 'strategic',
    status: 'active',
    website: 'https://www.lutron.com',
    contact: { name: 'Dana', email: 'dana@lutron.example' },
  }),
  now,
)

describe('newPartner', () => {
  it('starts at version 1 with the tier’s floor discount and defaults', () => {
    expect(lutron).toMatchObject({ version: 1, baseDiscountBps: 3000, regions: [], productLines: [], description: '' })
    expect(lutron.createdAt).toBe('2026-11-25T10:00:00.000Z')
  })

  it('refuses a negotiated discount outside the tier range', () => {
    expect(() => newPartner({ ...lutron, baseDiscountBps: 2000 }, now)).toThrow(RuleViolationError)
  })
})

describe('applyPartnerPatch', () => {
  it('lets a partner-admin change listing text and bumps the version', () => {
    const next = applyPartnerPatch(lutron, { description: 'New text', regions: ['US-CA'] }, 'partner-admin', later)
    expect(next).toMatchObject({ description: 'New text', regions: ['US-CA'], version: 2, updatedAt: later.toISOString() })
    expect(next.createdAt).toBe(lutron.createdAt)
  })

  it('names every staff-only field a partner-admin tried to change', () => {
    try {
      applyPartnerPatch(lutron, { tier: 'standard', status: 'suspended', description: 'x' }, 'partner-admin', later)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ForbiddenError)
      expect((error as ForbiddenError).issues.map((i) => i.field)).toEqual(['tier', 'status'])
    }
  })

  it('lets a rep change nothing', () => {
    expect(editableFields('partner-rep')).toEqual([])
    expect(() => applyPartnerPatch(lutron, { description: 'x' }, 'partner-rep', later)).toThrow(ForbiddenError)
  })

  it('moves the discount to the new tier’s floor on a tier change, unless staff set one', () => {
    expect(applyPartnerPatch(lutron, { tier: 'preferred' }, 'staff', later).baseDiscountBps).toBe(2000)
    expect(applyPartnerPatch(lutron, { tier: 'preferred', baseDiscountBps: 2400 }, 'staff', later).baseDiscountBps).toBe(2400)
    expect(() => applyPartnerPatch(lutron, { tier: 'preferred', baseDiscountBps: 3000 }, 'staff', later)).toThrow(
      RuleViolationError,
    )
  })

  it.each([
    ['prospect', 'active', true],
    ['active', 'suspended', true],
    ['suspended', 'active', true],
    ['active', 'prospect', false],
    ['sunset', 'active', false],
  ] as const)('status %s -> %s allowed: %s', (from, to, allowed) => {
    const run = () => applyPartnerPatch({ ...lutron, status: from }, { status: to }, 'staff', later)
    if (allowed) expect(run().status).toBe(to)
    else expect(run).toThrow(RuleViolationError)
  })
})

describe('schemas', () => {
  it('reject unknown fields and empty patches', () => {
    expect(PartnerPatch.safeParse({ colour: 'red' }).success).toBe(false)
    expect(PartnerPatch.safeParse({}).success).toBe(false)
    expect(PartnerPatch.safeParse({ regions: ['US', 'US'] }).success).toBe(false)
    expect(PartnerPatch.safeParse({ website: 'javascript:alert(1)' }).success).toBe(false)
    expect(PartnerCreate.safeParse({ ...lutron, id: 'Not A Slug' }).success).toBe(false)
  })
})

describe('terms and views', () => {
  it('follow the strategy’s section 5.1 ranges', () => {
    expect(TIER_TERMS.strategic.baseDiscount).toEqual({ minBps: 3000, maxBps: 3500 })
    expect(TIER_TERMS.preferred.mdfRate).toEqual({ minBps: 200, maxBps: 300 })
    expect(TIER_TERMS.standard.growthIncentive).toBeNull()
    expect(defaultBaseDiscountBps('standard')).toBe(1500)
  })

  it('show commercial terms to staff only', () => {
    const staff = partnerView(lutron, { kind: 'staff', role: 'staff', userId: 's', email: 's@x.example' })
    expect(staff.commercialTerms?.baseDiscountBps).toBe(3000)
    const partner = partnerView(lutron, {
      kind: 'partner',
      role: 'partner-admin',
      userId: 'a',
      email: 'a@x.example',
      partnerId: 'lutron',
    })
    expect(partner).not.toHaveProperty('commercialTerms')
    expect(partner).not.toHaveProperty('baseDiscountBps')
  })

  it('search keys ignore case, accents and punctuation; only active partners are listed', () => {
    expect(searchKey('Caséta by LUTRON!')).toBe('caseta by lutron')
    expect(isListed({ status: 'active' })).toBe(true)
    expect(isListed({ status: 'prospect' })).toBe(false)
  })
})
