import { auditEntry, PROGRAM_AUDIT } from '../../shared/audit/entry'
import { newBriefing } from '../../shared/briefings/rules'
import { newProduct } from '../../shared/catalog/rules'
import { scoreCard, type ScorecardScores } from '../../shared/program/scorecard'
import type { SignedInActor } from '../../shared/roles'
import type { BriefingInput } from '../../shared/schemas/briefing'
import type { ProductInput } from '../../shared/schemas/product'
import { briefingRepository } from '../data/briefings'
import { partnerRepository } from '../data/partners'
import { productRepository } from '../data/products'
import { scorecardRepository } from '../data/scorecards'
import type { Deps } from '../http/deps'

type SeedDeps = Pick<Deps, 'db' | 'clock' | 'newId'>

const STAFF: SignedInActor = { kind: 'staff', userId: 'dev-staff', email: 'staff@homeaiq.example', role: 'staff' }
const repOf = (pid: string): SignedInActor => ({
  kind: 'partner',
  role: 'partner-rep',
  userId: `dev-rep-${pid}`,
  email: `rep@${pid}.example`,
  partnerId: pid,
})

/** Product lines the strategy names (section 3): a few SKUs each, so the catalogs are not empty. */
const PRODUCTS: Record<string, ProductInput[]> = {
  leviton: [
    product('D26HD-2RW', 'Decora Smart 600W Dimmer', 7_999, 6_999, ['wi-fi', 'matter']),
    product('DN6HD-1BZ', 'Decora Smart No-Neutral Dimmer', 6_499, 5_999, ['z-wave']),
  ],
  sonos: [
    product('ARC-ULTRA', 'Sonos Arc Ultra', 99_900, 99_900, ['wi-fi', 'proprietary-api'], 'audio-video'),
    product('AMP', 'Sonos Amp', 69_900, 69_900, ['wi-fi', 'proprietary-api'], 'audio-video'),
  ],
  ecobee: [
    product('EB-STATE6P', 'ecobee Smart Thermostat Premium', 24_999, 24_999, ['wi-fi', 'matter'], 'climate-control'),
    product('EB-RSHM2PK', 'ecobee SmartSensor 2-pack', 9_999, 9_999, ['proprietary-api'], 'climate-control'),
  ],
}

function product(
  sku: string,
  name: string,
  msrpCents: number,
  mapCents: number,
  protocols: ProductInput['protocols'],
  category: ProductInput['category'] = 'lighting-control',
): ProductInput {
  return { sku, name, category, msrpCents, mapCents, lifecycle: 'active', protocols, leadTimeDays: 5 } as ProductInput
}

const BRIEFINGS: { pid: string; input: BriefingInput }[] = [
  {
    pid: 'ecobee',
    input: {
      kind: 'roadmap',
      title: 'ecobee in 2027: Matter-first thermostats and room sensors',
      body: 'Every new thermostat ships with **Matter** over Thread; SmartSensors join the same fabric.',
      skus: ['EB-STATE6P'],
      effectiveDate: '2027-01-15',
      attachmentDocumentIds: [],
    } as BriefingInput,
  },
  {
    pid: 'sonos',
    input: {
      kind: 'firmware',
      title: 'Sonos S2 17.2: faster grouping for multi-room systems',
      body: 'Grouping across more than eight rooms is now twice as fast.',
      skus: ['ARC-ULTRA', 'AMP'],
      effectiveDate: '2026-11-20',
      attachmentDocumentIds: [],
    } as BriefingInput,
  },
]

/** Scorecards of strategy 2.2: two that agree with the tier, one preferred partner that scores as standard. */
const SCORES: { pid: string; scores: ScorecardScores; notes: string }[] = [
  {
    pid: 'lutron',
    scores: {
      strategicAlignment: [5, 5, 5, 4, 4],
      commercialPotential: [5, 4, 4, 5, 5],
      technicalExcellence: [5, 5, 4, 4, 5],
      customerValue: [5, 4, 5, 5, 4],
    },
    notes: 'Primary lighting partner; deep integration in every HomeAIQ package.',
  },
  {
    pid: 'sonos',
    scores: {
      strategicAlignment: [4, 3, 4, 4, 3],
      commercialPotential: [4, 3, 3, 4, 4],
      technicalExcellence: [3, 4, 3, 3, 4],
      customerValue: [4, 3, 4, 4, 3],
    },
    notes: 'Distributed audio; strong customer demand.',
  },
  {
    pid: 'ruckus',
    scores: {
      strategicAlignment: [2, 3, 2, 3, 2],
      commercialPotential: [3, 2, 3, 2, 3],
      technicalExcellence: [3, 3, 2, 3, 3],
      customerValue: [3, 2, 3, 3, 2],
    },
    notes: 'Enterprise Wi-Fi: little residential demand through HomeAIQ so far.',
  },
]

/**
 * Demo data of the dashboards: catalogs, briefings and scorecards (one partner in a tier above
 * its score), through the same rules and writes as the API, so the program's
 * counters move exactly as they do for a live change.
 */
export async function seedProgram({ db, clock, newId }: SeedDeps): Promise<void> {
  const products = productRepository(db)
  const briefings = briefingRepository(db)
  const partners = partnerRepository(db)
  const scorecards = scorecardRepository(db)
  const now = clock.now()

  for (const [pid, inputs] of Object.entries(PRODUCTS)) {
    for (const input of inputs) {
      if (await products.get(pid, input.sku)) continue
      const created = newProduct(input, now)
      await products.write(
        pid,
        { product: created, expectedVersion: null },
        auditEntry({
          id: newId(),
          now,
          actor: repOf(pid),
          partnerId: pid,
          entity: { type: 'product', id: `${pid}/${created.sku}` },
          action: 'product.created',
          before: null,
          after: created,
        }),
      )
    }
  }

  for (const { pid, input } of BRIEFINGS) {
    const partner = await partners.require(pid)
    const id = newId()
    const briefing = newBriefing(input, {
      id,
      partnerId: pid,
      partnerName: partner.name,
      actor: repOf(pid),
      now,
      attachments: [],
    })
    await briefings.create(
      briefing,
      auditEntry({
        id: newId(),
        now,
        actor: repOf(pid),
        partnerId: pid,
        entity: { type: 'briefing', id },
        action: 'briefing.published',
        before: null,
        after: briefing,
      }),
    )
    // HomeAIQ has read these: the staff feed's "not acknowledged by me" stays for what is new
    const ack = { userId: STAFF.userId, email: STAFF.email, at: now.toISOString() }
    await briefings.acknowledge(
      briefing,
      ack,
      auditEntry({
        id: newId(),
        now,
        actor: STAFF,
        partnerId: pid,
        entity: { type: 'briefing', id },
        action: 'briefing.acknowledged',
        before: { acknowledgements: [] },
        after: { acknowledgements: [ack] },
      }),
    )
  }

  for (const { pid, scores, notes } of SCORES) {
    const partner = await partners.require(pid)
    const card = {
      id: newId(),
      partnerId: pid,
      ...scoreCard(scores),
      actualTier: partner.tier,
      notes,
      scoredBy: STAFF.email,
      scoredAt: now.toISOString(),
    }
    await scorecards.save(
      card,
      partner,
      auditEntry({
        id: newId(),
        now,
        actor: STAFF,
        partnerId: PROGRAM_AUDIT,
        entity: { type: 'scorecard', id: pid },
        action: 'scorecard.recorded',
        before: null,
        after: card,
      }),
    )
  }
}
