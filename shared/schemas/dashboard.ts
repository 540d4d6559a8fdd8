import * as z from 'zod'
import { Badge } from './certification'
import { IsoDateTime, Slug } from './common'
import { LeadView } from './lead'
import { BalancesShape, FundView } from './mdf'
import { PartnerRecord, PartnerTier } from './partner'

const Range = z.object({ min: z.number().int(), max: z.number().int() })
const Rate = z.number().min(0).max(1).nullable()

const Balances = BalancesShape

/** GET /dashboard: how the program stands against the strategy's year-1 targets, and who must act. */
export const StaffDashboard = z.object({
  generatedAt: IsoDateTime,
  partners: z.object({
    total: z.number().int(),
    active: z.number().int(),
    activeTarget: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
  }),
  tiers: z.array(
    z.object({
      tier: PartnerTier,
      active: z.number().int(),
      target: Range,
      capacity: Range,
      standing: z.enum(['below-target', 'on-target', 'above-target', 'over-capacity']),
    }),
  ),
  discount: z.object({
    averageBps: z.number().int().nullable(),
    targetBps: z.number().int(),
    partners: z.array(
      z.object({ partnerId: Slug, partnerName: z.string(), tier: PartnerTier, baseDiscountBps: z.number().int() }),
    ),
  }),
  mdf: z.object({
    periods: z.array(z.object({ period: z.string(), funds: z.number().int(), ...Balances })),
    funds: z.array(z.object({ partnerId: Slug, partnerName: z.string(), period: z.string(), closed: z.boolean(), ...Balances })),
  }),
  certification: z.object({
    programs: z.array(z.object({ id: Slug, name: z.string() })),
    tiers: z.array(
      z.object({
        tier: PartnerTier,
        partners: z.number().int(),
        certified: z.number().int(),
        coverage: Rate,
        byProgram: z.record(z.string(), z.number().int()),
      }),
    ),
  }),
  leads: z.array(
    z.object({
      partnerId: Slug,
      partnerName: z.string(),
      tier: PartnerTier,
      offered: z.number().int(),
      accepted: z.number().int(),
      won: z.number().int(),
      lost: z.number().int(),
      wonCents: z.number().int(),
      acceptanceRate: Rate,
      winRate: Rate,
      conversionRate: Rate,
    }),
  ),
  catalog: z.array(
    z.object({ partnerId: Slug, partnerName: z.string(), products: z.number().int(), lastUpdatedAt: IsoDateTime.nullable() }),
  ),
  briefings: z.object({
    awaitingAck: z.number().int(),
    partners: z.array(z.object({ partnerId: Slug, partnerName: z.string(), awaitingAck: z.number().int() })),
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
  claims: z.object({ open: z.number().int(), awaitingInfo: z.number().int(), awaitingPayment: z.number().int() }),
  badges: z.array(Badge),
  offers: z.array(LeadView.extend({ hoursLeft: z.number().int() })),
  catalog: z.object({ products: z.number().int(), lastUpdatedAt: IsoDateTime.nullable() }),
  briefings: z.object({ awaitingAck: z.number().int() }),
})
export type PartnerDashboard = z.infer<typeof PartnerDashboard>
