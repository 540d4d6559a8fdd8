import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ConflictError, NotFoundError, RuleViolationError } from '../../shared/errors'
import {
  emptyRotation,
  ineligibility,
  nextPartner,
  servesRegion,
  takeTurn,
  type Candidate,
} from '../../shared/leads/distribution'
import { matchValues, normalizeAddress, normalizeEmail, normalizePhone } from '../../shared/leads/normalize'
import {
  acceptOffer,
  advancePipeline,
  declineOffer,
  hasOpenOffer,
  lapseOffer,
  lapseWarningDue,
  newLead,
  offerGone,
  offerTo,
} from '../../shared/leads/rules'
import { leadView, referralView } from '../../shared/leads/view'
import { auditView } from '../../shared/audit/view'
import type { Lead } from '../../shared/schemas/lead'

const now = new Date('2026-11-25T10:00:00.000Z')
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000)

const partner = (id: string, tier: Candidate['tier'], extra: Partial<Candidate> = {}): Candidate => ({
  id,
  name: id,
  tier,
  category: 'lighting-control',
  status: 'active',
  regions: ['US'],
  ...extra,
})
const PARTNERS = [
  partner('lutron', 'strategic'),
  partner('leviton', 'preferred'),
  partner('philips-hue', 'preferred'),
  partner('yale', 'preferred', { category: 'security-access' }),
  partner('dsc', 'preferred', { category: 'security-access' }),
  partner('nanoleaf', 'standard'),
]
const routing = (extra: Partial<Parameters<typeof nextPartner>[1]> = {}) => ({
  region: 'US-CA',
  categories: ['lighting-control' as const],
  offers: [],
  ...extra,
})

describe('distribution', () => {
  it('serves a subdivision through its country, never through another subdivision', () => {
    expect(servesRegion(['US'], 'US-CA')).toBe(true)
    expect(servesRegion(['US-CA'], 'US-CA')).toBe(true)
    expect(servesRegion(['US-NY'], 'US-CA')).toBe(false)
    expect(servesRegion(['US-CA'], 'US')).toBe(false)
    expect(servesRegion(['CA'], 'US-CA')).toBe(false)
  })

  it('says why a partner is not eligible', () => {
    const lead = routing({ offers: [{ partnerId: 'leviton' }] })
    expect(ineligibility(partner('x', 'standard', { status: 'suspended' }), lead)).toMatch(/not an active partner/)
    expect(ineligibility(PARTNERS[3]!, lead)).toMatch(/security & access partner; this lead needs lighting control/)
    expect(ineligibility(partner('ny', 'standard', { regions: ['US-NY'] }), lead)).toBe('ny does not serve US-CA.')
    expect(ineligibility(PARTNERS[1]!, lead)).toMatch(/offered this lead already/)
    expect(ineligibility(PARTNERS[2]!, lead)).toBeUndefined()
  })

  it('goes strategic, then preferred, then standard, skipping partners offered already', () => {
    expect(nextPartner(PARTNERS, routing(), {})?.id).toBe('lutron')
    const pick = (offered: string[]) =>
      nextPartner(PARTNERS, routing({ offers: offered.map((partnerId) => ({ partnerId })) }), {})
    expect(pick(['lutron'])?.id).toBe('leviton')
    expect(pick(['lutron', 'leviton'])?.id).toBe('philips-hue')
    expect(pick(['lutron', 'leviton', 'philips-hue'])?.id).toBe('nanoleaf')
    expect(pick(['lutron', 'leviton', 'philips-hue', 'nanoleaf'])).toBeUndefined()
  })

  it('spreads a tier’s offers evenly, whatever mix of categories comes in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('lighting-control' as const, 'security-access' as const), { maxLength: 40 }),
        (mix) => {
          let rotation = emptyRotation('preferred')
          const counts: Record<string, number> = {}
          for (const category of mix) {
            const lead = routing({ categories: [category], offers: [{ partnerId: 'lutron' }] })
            const chosen = nextPartner(PARTNERS, lead, { preferred: rotation })!
            expect(chosen.tier).toBe('preferred')
            rotation = takeTurn(rotation, chosen.id)
            counts[chosen.id] = (counts[chosen.id] ?? 0) + 1
          }
          // within each category the two partners never differ by more than one offer
          expect(Math.abs((counts.leviton ?? 0) - (counts['philips-hue'] ?? 0))).toBeLessThanOrEqual(1)
          expect(Math.abs((counts.yale ?? 0) - (counts.dsc ?? 0))).toBeLessThanOrEqual(1)
        },
      ),
    )
  })
})

describe('normalization', () => {
  it('trims and lower-cases e-mail, and nothing more', () => {
    expect(normalizeEmail('  Jane.Doe+Kitchen@Example.COM ')).toBe('jane.doe+kitchen@example.com')
    fc.assert(fc.property(fc.emailAddress(), (e) => normalizeEmail(normalizeEmail(e)) === normalizeEmail(e)))
    fc.assert(fc.property(fc.emailAddress(), (e) => normalizeEmail(` ${e.toUpperCase()}\t`) === normalizeEmail(e)))
  })

  it('writes a phone number as +country digits', () => {
    expect(normalizePhone('(415) 555-0134', 'US-CA')).toBe('+14155550134')
    expect(normalizePhone('1-415-555-0134', 'US-CA')).toBe('+14155550134')
    expect(normalizePhone('+1 415.555.0134', 'GB')).toBe('+14155550134')
    expect(normalizePhone('416 555 0190', 'CA-ON')).toBe('+14165550190')
    expect(normalizePhone('020 7946 0958', 'GB-LND')).toBe('+442079460958')
    expect(normalizePhone('0044 20 7946 0958', 'US')).toBe('+442079460958')
    expect(normalizePhone('---', 'US')).toBeUndefined()
    const nanp = fc.stringMatching(/^[2-9]\d{2}[2-9]\d{6}$/)
    const written = (d: string) =>
      fc.constantFrom(
        d,
        `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
        `1 ${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
        `+1${d}`,
      )
    fc.assert(
      fc.property(
        nanp.chain((d) => fc.tuple(fc.constant(d), written(d))),
        ([d, w]) => normalizePhone(w, 'US-TX') === `+1${d}`,
      ),
    )
  })

  it('writes an address one way: case, spaces, punctuation, accents and abbreviations', () => {
    expect(normalizeAddress('1200 Ocean Avenue, Apt. 4 — Santa Monica')).toBe('1200 ocean ave # 4 santa monica')
    expect(normalizeAddress('1200  OCEAN AVE #4, santa monica')).toBe('1200 ocean ave # 4 santa monica')
    expect(normalizeAddress('55 North Main Street, Suite 200')).toBe(normalizeAddress('55 N. Main St Ste 200'))
    expect(normalizeAddress('8 Rue de la Côte')).toBe('8 rue de la cote')
    // words that are also names on Object.prototype stay words (found by fast-check)
    expect(normalizeAddress('1 Constructor Way toString')).toBe('1 constructor way tostring')
    for (const [long, short] of [
      ['Road', 'Rd'],
      ['Boulevard', 'Blvd'],
      ['Drive', 'Dr.'],
      ['Lane', 'Ln'],
      ['Court', 'Ct'],
      ['Apartment 3', 'Apt 3'],
      ['Southwest', 'SW'],
    ]) {
      expect(normalizeAddress(`10 Elm ${long}`)).toBe(normalizeAddress(`10 elm ${short}`))
    }
    const address = fc.stringMatching(/^[A-Za-z0-9 ,.#'-]{1,60}$/)
    fc.assert(fc.property(address, (a) => normalizeAddress(normalizeAddress(a)) === normalizeAddress(a)))
    fc.assert(fc.property(address, (a) => normalizeAddress(`  ${a.toUpperCase()}.,`) === normalizeAddress(a.toLowerCase())))
  })

  it('matches on every field a contact has', () => {
    expect(matchValues({ email: 'A@B.co', address: '1 Elm Street' }, 'US-CA')).toEqual({ email: 'a@b.co', address: '1 elm st' })
    expect(matchValues({ email: 'a@b.co', phone: '415 555 0134', address: '1 Elm St' }, 'US-CA').phone).toBe('+14155550134')
  })
})

const LUTRON = { kind: 'partner', userId: 'u1', email: 'rep@lutron.example', role: 'partner-rep', partnerId: 'lutron' } as const
const LEVITON = { ...LUTRON, userId: 'u2', email: 'rep@leviton.example', partnerId: 'leviton' } as const
const STAFF = { kind: 'staff', userId: 's', email: 'staff@homeaiq.example', role: 'staff' } as const
const CONTACT = { name: 'Jordan Avery', email: 'jordan@example.com', phone: '+1 415 555 0134', address: '1200 Ocean Ave' }

function offered(slaHours = 48): Lead {
  const lead = newLead(
    { projectType: 'renovation', region: 'US-CA', categories: ['lighting-control'], budgetRange: '50k-100k', slaHours },
    { id: 'L1', now, by: STAFF.email },
  )
  return offerTo(lead, PARTNERS[0]!, now, { by: STAFF.email })
}

describe('offers', () => {
  it('offers for the SLA and lets only the offered partner answer before it lapses', () => {
    const lead = offered(48)
    expect(lead).toMatchObject({ status: 'offered', offeredTo: 'lutron', offerExpiresAt: hours(48).toISOString(), version: 1 })
    expect(hasOpenOffer(lead, 'lutron', hours(47.9))).toBe(true)
    expect(hasOpenOffer(lead, 'lutron', hours(48))).toBe(false)
    expect(() => acceptOffer(lead, LEVITON, hours(1))).toThrow(NotFoundError)
    expect(() => acceptOffer(lead, LUTRON, hours(48))).toThrow(/lapsed/)
    const accepted = acceptOffer(lead, LUTRON, hours(1))
    expect(accepted).toMatchObject({ status: 'accepted', assignedTo: 'lutron', offers: [{ outcome: 'accepted' }] })
    expect(accepted.offerExpiresAt).toBeUndefined()
    expect(() => declineOffer(accepted, LUTRON, 'Too far', hours(2))).toThrow('You have accepted this lead already.')
  })

  it('closes a declined or lapsed offer with its outcome and says so to a late answer', () => {
    const declined = declineOffer(offered(), LUTRON, 'No capacity', hours(1))
    expect(declined).toMatchObject({
      status: 'unassigned',
      offers: [{ outcome: 'declined', reason: 'No capacity', decidedBy: LUTRON.email }],
    })
    expect(declined.offeredTo).toBeUndefined()
    expect(offerGone(declined, 'lutron', hours(1))).toBeInstanceOf(ConflictError)
    expect(() => lapseOffer(offered(), hours(47))).toThrow(ConflictError)
    const lapsed = lapseOffer(offered(), hours(48))
    expect(lapsed.offers[0]).toMatchObject({ outcome: 'lapsed', decidedAt: hours(48).toISOString() })
    expect(offerGone(lapsed, 'lutron', hours(49)).message).toMatch(/lapsed/)
  })

  it('warns once, in the last six hours, and only about offers longer than that', () => {
    const lead = offered(48)
    expect(lapseWarningDue(lead, hours(41.9))).toBe(false)
    expect(lapseWarningDue(lead, hours(42))).toBe(true)
    expect(lapseWarningDue({ ...lead, lapseWarnedFor: lead.offerExpiresAt! }, hours(43))).toBe(false)
    expect(lapseWarningDue(lead, hours(48))).toBe(false)
    expect(lapseWarningDue(offered(4), hours(1))).toBe(false)
  })
})

describe('the pipeline', () => {
  const accepted = acceptOffer(offered(), LUTRON, hours(1))
  const move = (lead: Lead, input: Parameters<typeof advancePipeline>[1]) => advancePipeline(lead, input, LUTRON.email, hours(2))

  it('goes accepted, contacted, quoted, won, one step at a time', () => {
    const contacted = move(accepted, { status: 'contacted' })
    const quoted = move(contacted, { status: 'quoted', valueCents: 4_200_000 })
    const won = move(quoted, { status: 'won', valueCents: 4_100_000 })
    expect(won).toMatchObject({ status: 'won', valueCents: 4_100_000 })
    expect(won.history.map((s) => s.status)).toEqual(['offered', 'accepted', 'contacted', 'quoted', 'won'])
    expect(() => move(accepted, { status: 'quoted', valueCents: 1 })).toThrow(
      'This lead is accepted; it can move to contacted or lost next.',
    )
    expect(() => move(accepted, { status: 'won', valueCents: 1 })).toThrow(ConflictError)
    expect(() => move(won, { status: 'lost', reason: 'Moved away' })).toThrow('This lead is won; its pipeline is closed.')
  })

  it('needs a value on quoted and won and a reason on lost', () => {
    const contacted = move(accepted, { status: 'contacted' })
    expect(() => move(contacted, { status: 'quoted' })).toThrow(RuleViolationError)
    expect(() => move(accepted, { status: 'contacted', valueCents: 5 })).toThrow(RuleViolationError)
    expect(() => move(contacted, { status: 'lost' })).toThrow(RuleViolationError)
    expect(move(contacted, { status: 'lost', reason: 'Chose a DIY kit' }).status).toBe('lost')
  })
})

describe('leadView', () => {
  const withContact = (lead: Lead) => ({ ...lead, contact: CONTACT })
  const text = (v: unknown) => JSON.stringify(v)

  it('never shows a partner the contact before it accepted, nor another partner after', () => {
    const offer = withContact(offered())
    expect(text(leadView(offer, LUTRON))).not.toContain(CONTACT.email)
    expect(leadView(offer, LUTRON)).toMatchObject({ status: 'offered', offeredTo: 'lutron' })
    const accepted = withContact(acceptOffer(offered(), LUTRON, hours(1)))
    expect(leadView(accepted, LUTRON).contact).toEqual(CONTACT)
    expect(leadView(accepted, LEVITON)).toEqual({
      id: 'L1',
      projectType: 'renovation',
      region: 'US-CA',
      categories: ['lighting-control'],
      budgetRange: '50k-100k',
      createdAt: now.toISOString(),
      offers: [],
    })
    expect(leadView(accepted, STAFF)).toMatchObject({ contact: CONTACT, sharedBy: STAFF.email })
    expect(leadView(accepted, STAFF)).not.toHaveProperty('matchFields')
  })

  it('shows a partner only its own offers, and the audit trail applies the same view', () => {
    const moved = offerTo(declineOffer(offered(), LUTRON, 'No capacity', hours(1)), PARTNERS[1]!, hours(1), { by: 'system' })
    expect(leadView(moved, LEVITON).offers?.map((o) => o.partnerId)).toEqual(['leviton'])
    expect(text(leadView(moved, LEVITON))).not.toContain('No capacity')
    expect(leadView(moved, LUTRON)).not.toHaveProperty('offeredTo')
    const entry = {
      id: 'A1',
      at: now.toISOString(),
      partnerId: 'leviton',
      entity: { type: 'lead' as const, id: 'L1' },
      action: 'lead.shared',
      actor: { userId: 's', email: STAFF.email, role: 'staff' },
      before: null,
      after: withContact(moved),
    }
    expect(text(auditView(entry, LEVITON))).not.toMatch(/jordan|No capacity|staff@homeaiq/)
    expect(text(auditView(entry, STAFF))).toContain(CONTACT.email)
  })

  it('shows a referrer its referral without the contact, and staff as HomeAIQ', () => {
    const referral = {
      id: 'R1',
      status: 'rejected' as const,
      referredBy: 'leviton',
      contact: CONTACT,
      decision: { decision: 'reject' as const, reason: 'Duplicate', at: now.toISOString(), by: STAFF.email },
      matchFields: [],
    }
    expect(referralView(referral, LEVITON)).toEqual({
      id: 'R1',
      status: 'rejected',
      referredBy: 'leviton',
      decision: { decision: 'reject', reason: 'Duplicate', at: now.toISOString(), by: 'HomeAIQ' },
    })
    expect(referralView(referral, STAFF)).toMatchObject({ contact: CONTACT })
  })
})
