import { addDays, day, periodRange, quarterOf } from '../../shared/mdf/periods'
import type { ActivityType, ProofKind } from '../../shared/mdf/vocabulary'
import type { Deps } from '../http/deps'
import { mdfService } from '../mdf/service'
import { DEMO_PARTNERS, DEMO_STAFF, demoAdmin, demoRep } from './seed-data'
import { seedUpload } from './seed-upload'

/**
 * MDF demo data: this quarter's fund for every strategic and preferred partner at its tier's MDF
 * rate (strategy 5.1) of a plausible quarter's revenue through HomeAIQ, and claims for the
 * joint-marketing activities of section 7.1 in every state, from both sides, among them a
 * HomeAIQ-run showcase installation waiting for Lutron's admin. Built through the MDF service
 * (the same rules and transactions as the API) with proof uploaded and checked as the browser's.
 */

/** A quarter's revenue through HomeAIQ, in cents (invented, in proportion to each partner's weight). */
const QUARTER_REVENUE: Record<string, number> = {
  lutron: 1_240_000_00,
  ecobee: 610_000_00,
  ubiquiti: 870_000_00,
  leviton: 415_000_00,
  'philips-hue': 305_000_00,
  'honeywell-home': 380_000_00,
  yale: 290_000_00,
  dsc: 255_000_00,
  sonos: 520_000_00,
  control4: 450_000_00,
  ruckus: 230_000_00,
}

interface DemoProof {
  filename: string
  kind: ProofKind
  lines: string[]
}

interface DemoClaim {
  partnerId: string
  /** who files it: the partner's rep, or HomeAIQ staff for a HomeAIQ-run activity */
  homeaiq?: boolean
  activityType: ActivityType
  /** days after the quarter's first day (never later than today) */
  days: [number, number]
  amountCents: number
  description: string
  proof: DemoProof[]
  then?: (
    | { decision: 'approve'; approvedCents?: number; reason?: string }
    | { decision: 'reject' | 'request-info'; reason: string }
    | { payment: string }
  )[]
}

const invoice = (vendor: string, amount: string): DemoProof => ({
  filename: `${vendor.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-invoice.pdf`,
  kind: 'invoice',
  lines: [`Vendor: ${vendor}`, `Amount due: ${amount}`, 'Terms: net 30'],
})

const CLAIMS: DemoClaim[] = [
  {
    partnerId: 'lutron',
    activityType: 'trade-show',
    days: [8, 11],
    amountCents: 12_500_00,
    description: 'CEDIA Expo: joint booth with a RadioRA 3 and HomeWorks QSX demo wall staffed by HomeAIQ designers.',
    proof: [
      invoice('Expo Booth Works', '$12,500.00'),
      { filename: 'cedia-booth-photos.pdf', kind: 'photo', lines: ['Booth 2114, days 1-4', 'Demo wall and keypad bar'] },
    ],
    then: [{ decision: 'approve' }, { payment: 'ACH-LUT-0042' }],
  },
  {
    partnerId: 'lutron',
    activityType: 'co-branded-campaign',
    days: [20, 40],
    amountCents: 8_000_00,
    description: 'Co-branded "Light that follows you" print and social campaign for luxury new builds in Arizona.',
    proof: [
      invoice('Desert Creative Studio', '$8,000.00'),
      { filename: 'campaign-ads.pdf', kind: 'published-material', lines: ['Print ad, Phoenix Home & Garden', 'Social carousel'] },
    ],
  },
  {
    partnerId: 'lutron',
    homeaiq: true,
    activityType: 'showcase-installation',
    days: [15, 45],
    amountCents: 18_000_00,
    description: 'HomeAIQ showcase home in Scottsdale: whole-home HomeWorks QSX with Palladiom keypads, open for client tours.',
    proof: [
      invoice('HomeAIQ Installations', '$18,000.00'),
      { filename: 'scottsdale-showcase-photos.pdf', kind: 'photo', lines: ['Great room scenes', 'Palladiom keypads'] },
    ],
  },
  {
    partnerId: 'ecobee',
    activityType: 'digital-marketing',
    days: [10, 38],
    amountCents: 6_200_00,
    description: 'Search and social campaign for the ecobee Smart Thermostat Premium with HomeAIQ energy packages.',
    proof: [invoice('Brightline Media', '$6,200.00')],
    then: [{ decision: 'request-info', reason: 'Please add the campaign’s performance report (reach, clicks and leads).' }],
  },
  {
    partnerId: 'ecobee',
    homeaiq: true,
    activityType: 'showcase-installation',
    days: [5, 30],
    amountCents: 9_500_00,
    description: 'HomeAIQ energy-management showcase in Denver: ecobee thermostats and room sensors in every zone.',
    proof: [
      invoice('HomeAIQ Installations', '$9,500.00'),
      { filename: 'denver-showcase-photos.pdf', kind: 'photo', lines: ['Zone sensors', 'Thermostat wall'] },
    ],
    then: [{ decision: 'approve' }],
  },
  {
    partnerId: 'ubiquiti',
    activityType: 'training',
    days: [25, 26],
    amountCents: 7_400_00,
    description: 'Two-day UniFi installer training for 24 HomeAIQ technicians, with a lab and certification exam.',
    proof: [
      invoice('Ubiquiti Academy', '$7,400.00'),
      { filename: 'unifi-training-attendees.pdf', kind: 'attendance', lines: ['24 attendees', 'Signed sheet, both days'] },
    ],
    then: [
      {
        decision: 'approve',
        approvedCents: 6_000_00,
        reason: 'Catering is outside the joint plan; the training itself is approved.',
      },
    ],
  },
  {
    partnerId: 'sonos',
    activityType: 'case-study',
    days: [12, 33],
    amountCents: 4_800_00,
    description: 'Case study of a whole-home Sonos Amp installation for a Malibu residence.',
    proof: [invoice('Story & Lens', '$4,800.00')],
    then: [{ decision: 'reject', reason: 'This case study was produced before the partnership; it is not a joint activity.' }],
  },
  {
    partnerId: 'philips-hue',
    activityType: 'video-content',
    days: [3, 21],
    amountCents: 3_900_00,
    description: 'Installer video: designing Hue entertainment zones with HomeAIQ media rooms.',
    proof: [
      invoice('Northlight Films', '$3,900.00'),
      {
        filename: 'hue-video-stills.pdf',
        kind: 'published-material',
        lines: ['Published on YouTube', 'Stills and chapter list'],
      },
    ],
    then: [{ decision: 'approve' }, { payment: 'ACH-HUE-0017' }],
  },
  {
    partnerId: 'leviton',
    activityType: 'pr',
    days: [30, 31],
    amountCents: 2_750_00,
    description: 'Joint press release and trade-press briefing on Decora Smart in HomeAIQ mid-market projects.',
    proof: [
      invoice('Signal PR', '$2,750.00'),
      { filename: 'press-coverage.pdf', kind: 'published-material', lines: ['Press release', 'Coverage in CE Pro'] },
    ],
  },
]

type SeedDeps = Pick<Deps, 'db' | 'clock' | 'newId' | 'storage'>

export async function seedMdf(deps: SeedDeps): Promise<void> {
  const { clock } = deps
  const service = mdfService(deps)
  const staff = DEMO_STAFF
  const today = day(clock.now())
  const period = quarterOf(today)
  const { start } = periodRange(period)
  const on = (offset: number) => [addDays(start, offset), today].sort()[0]!

  // independent of each other: funds at once, then each claim's story at once
  await Promise.all(
    DEMO_PARTNERS.map(async (partner) => {
      const revenueCents = QUARTER_REVENUE[partner.id]
      if (partner.tier === 'standard' || revenueCents === undefined) return
      await service.openFund(staff, partner.id, { period, revenueCents })
    }),
  )
  await Promise.all(CLAIMS.map(tell))

  async function tell(demo: DemoClaim) {
    const pid = demo.partnerId
    const filer = demo.homeaiq ? staff : demoRep(pid)
    const decider = demo.homeaiq ? demoAdmin(pid) : staff
    const ids = await Promise.all(
      demo.proof.map(
        async (proof) =>
          (
            await seedUpload(deps, {
              partnerId: pid,
              by: filer,
              purpose: 'mdf-proof',
              filename: proof.filename,
              lines: proof.lines,
              now: clock.now(),
            })
          ).id,
      ),
    )
    const { value: claim } = await service.fileClaim(filer, pid, {
      period,
      activityType: demo.activityType,
      activityStart: on(demo.days[0]),
      activityEnd: on(demo.days[1]),
      amountCents: demo.amountCents,
      description: demo.description,
      documentIds: ids,
      proofKinds: Object.fromEntries(ids.map((id, i) => [id, demo.proof[i]!.kind])),
    })
    for (const step of demo.then ?? []) {
      if ('payment' in step) await service.recordPayment(decider, pid, claim.id, { reference: step.payment, paidOn: today })
      else await service.decideClaim(decider, pid, claim.id, step)
    }
  }
}
