import { describe, expect, it } from 'vitest'
import { ForbiddenError, RuleViolationError, ValidationError } from '../../shared/errors'
import { applyPartnerPatch, editableFields, isListed, newPartner, searchKey, termsChange } from '../../shared/partners/rules'
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
    const changeReason = 'Annual review'
    expect(applyPartnerPatch(lutron, { tier: 'preferred', changeReason }, 'staff', later).baseDiscountBps).toBe(2000)
    expect(
      applyPartnerPatch(lutron, { tier: 'preferred', baseDiscountBps: 2400, changeReason }, 'staff', later).baseDiscountBps,
    ).toBe(2400)
    expect(() => applyPartnerPatch(lutron, { tier: 'preferred', baseDiscountBps: 3000, changeReason }, 'staff', later)).toThrow(
      RuleViolationError,
    )
  })

  it('needs a reason for a tier or discount change, and names what changed', () => {
    for (const patch of [{ tier: 'preferred' as const }, { baseDiscountBps: 3100 }]) {
      const refused = (() => {
        try {
          applyPartnerPatch(lutron, patch, 'staff', later)
        } catch (error) {
          return error
        }
      })()
      expect(refused).toBeInstanceOf(ValidationError)
      expect((refused as ValidationError).issues.map((i) => i.field)).toEqual(['changeReason'])
    }
    const next = applyPartnerPatch(lutron, { baseDiscountBps: 3100, changeReason: 'Volume commitment for 2027' }, 'staff', later)
    expect(next).not.toHaveProperty('changeReason')
    expect(termsChange(lutron, next)).toEqual(['Base discount: 30% → 31%'])
    expect(termsChange(lutron, applyPartnerPatch(lutron, { description: 'x' }, 'staff', later))).toBeUndefined()
    // a partner admin cannot send a reason (it is part of a staff change)
    expect(() => applyPartnerPatch(lutron, { description: 'x', changeReason: 'because' }, 'partner-admin', later)).toThrow(
      ForbiddenError,
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

  it('show commercial terms to staff and the partner’s own admins, not to its reps', () => {
    const staff = partnerView(lutron, { kind: 'staff', role: 'staff', userId: 's', email: 's@x.example' })
    expect(staff.commercialTerms?.baseDiscountBps).toBe(3000)
    const member = (role: 'partner-admin' | 'partner-rep', partnerId = 'lutron') =>
      ({ kind: 'partner', role, userId: 'a', email: 'a@x.example', partnerId }) as const
    expect(partnerView(lutron, member('partner-admin')).commercialTerms?.baseDiscountBps).toBe(3000)
    for (const reader of [member('partner-rep'), member('partner-admin', 'ecobee')]) {
      const view = partnerView(lutron, reader)
      expect(view).not.toHaveProperty('commercialTerms')
      expect(view).not.toHaveProperty('baseDiscountBps')
    }
  })

  it('search keys ignore case, accents and punctuation; only active partners are listed', () => {
    expect(searchKey('Caséta by LUTRON!')).toBe('caseta by lutron')
    expect(isListed({ status: 'active' })).toBe(true)
    expect(isListed({ status: 'prospect' })).toBe(false)
  })
})
