import * as z from 'zod/mini'
import { Badge } from './certification'
import { IsoDateTime, Slug } from './common'
import { LeadView } from './lead'
import { BalancesShape, FundView } from './mdf'
import { PartnerRecord } from './partner'
import { PartnerTier } from './vocabulary'

const Range = z.object({ min: z.int(), max: z.int() })
const Rate = z.nullable(z.number().check(z.minimum(0), z.maximum(1)))

const Balances = BalancesShape

/** GET /dashboard: how the program stands against the strategy's year-1 targets, and who must act. */
export const StaffDashboard = z.object({
  generatedAt: IsoDateTime,
  partners: z.object({
    total: z.int(),
    active: z.int(),
    activeTarget: z.int(),
    byStatus: z.record(z.string(), z.int()),
  }),
  tiers: z.array(
    z.object({
      tier: PartnerTier,
      active: z.int(),
      target: Range,
      capacity: Range,
      standing: z.enum(['below-target', 'on-target', 'above-target', 'over-capacity']),
    }),
  ),
  discount: z.object({
    averageBps: z.nullable(z.int()),
    targetBps: z.int(),
    partners: z.array(z.object({ partnerId: Slug, partnerName: z.string(), tier: PartnerTier, baseDiscountBps: z.int() })),
  }),
  mdf: z.object({
    periods: z.array(z.object({ period: z.string(), funds: z.int(), ...Balances })),
    funds: z.array(z.object({ partnerId: Slug, partnerName: z.string(), period: z.string(), closed: z.boolean(), ...Balances })),
  }),
  certification: z.object({
    programs: z.array(z.object({ id: Slug, name: z.string() })),
    tiers: z.array(
      z.object({
        tier: PartnerTier,
        partners: z.int(),
        certified: z.int(),
        coverage: Rate,
        byProgram: z.record(z.string(), z.int()),
      }),
    ),
  }),
  leads: z.array(
    z.object({
      partnerId: Slug,
      partnerName: z.string(),
      tier: PartnerTier,
      offered: z.int(),
      accepted: z.int(),
      won: z.int(),
      lost: z.int(),
      wonCents: z.int(),
      acceptanceRate: Rate,
      winRate: Rate,
      conversionRate: Rate,
    }),
  ),
  catalog: z.array(
    z.object({ partnerId: Slug, partnerName: z.string(), products: z.int(), lastUpdatedAt: z.nullable(IsoDateTime) }),
  ),
  briefings: z.object({
    awaitingAck: z.int(),
    partners: z.array(z.object({ partnerId: Slug, partnerName: z.string(), awaitingAck: z.int() })),
  }),
  scorecardMismatches: z.array(
    z.object({
      partnerId: Slug,
      partnerName: z.string(),
      tier: PartnerTier,
      recommendedTier: PartnerTier,
      score: z.number(),
      direction: z.enum(['over', 'under']),
    }),
  ),
})
export type StaffDashboard = z.infer<typeof StaffDashboard>

/** GET /partners/{pid}/dashboard: the partner's standing and to-dos; its terms only for those who may see them. */
export const PartnerDashboard = z.object({
  generatedAt: IsoDateTime,
  partner: PartnerRecord,
  benefits: z.array(z.object({ label: z.string(), text: z.string() })),
  funds: z.array(FundView),
  claims: z.object({ open: z.int(), awaitingInfo: z.int(), awaitingPayment: z.int() }),
  badges: z.array(Badge),
  offers: z.array(z.extend(LeadView, { hoursLeft: z.int() })),
  catalog: z.object({ products: z.int(), lastUpdatedAt: z.nullable(IsoDateTime) }),
  briefings: z.object({ awaitingAck: z.int() }),
})
export type PartnerDashboard = z.infer<typeof PartnerDashboard>
