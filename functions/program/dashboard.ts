import { badgeView } from '../../shared/certifications/view'
import { leadView } from '../../shared/leads/view'
import { balancesOf } from '../../shared/mdf/ledger'
import { fundView } from '../../shared/mdf/view'
import { TIER_BENEFITS } from '../../shared/partners/terms'
import { partnerView } from '../../shared/partners/view'
import {
  averageDiscountBps,
  certificationCoverage,
  hoursLeft,
  leadFigure,
  mdfByPeriod,
  scorecardMismatches,
  tierDistribution,
  YEAR_ONE_TARGETS,
} from '../../shared/program/dashboard'
import { emptyStats, openClaims } from '../../shared/program/stats'
import type { Actor } from '../../shared/roles'
import type { PartnerDashboard, StaffDashboard } from '../../shared/schemas/dashboard'
import { badgeRepository } from '../data/badges'
import { programRepository } from '../data/certifications'
import type { Db } from '../data/db'
import { leadRepository } from '../data/leads'
import { mdfRepository } from '../data/mdf'
import { partnerRepository } from '../data/partners'
import { productRepository } from '../data/products'
import { statsRepository } from '../data/stats'

/** How many of the latest funds (across partners) the staff dashboard shows: a year of quarters for ~60 partners. */
const RECENT_FUNDS = 300
/** Offers waiting on one partner at most (each lead is offered to one partner at a time). */
const OFFERS_SHOWN = 20

/**
 * The dashboards' figures, from what the writes maintain: the partner records, the funds'
 * balances, the certified index, the product counters and the per-partner program counters.
 * Every read is a Get, a BatchGet or a bounded Query; none reads products, leads or claims.
 */
export function dashboards(db: Db) {
  const partners = partnerRepository(db)
  const stats = statsRepository(db)
  const products = productRepository(db)
  const mdf = mdfRepository(db)
  const programs = programRepository(db)
  const badges = badgeRepository(db)
  const leads = leadRepository(db)

  async function holdersByProgram(ids: string[], now: Date): Promise<Map<string, Set<string>>> {
    const entries = await Promise.all(
      ids.map(async (id) => {
        const holders = new Set<string>()
        let cursor: string | undefined
        do {
          const page = await badges.certifiedPartners(id, now, { limit: 100, cursor })
          for (const badge of page.items) holders.add(badge.partnerId)
          cursor = page.nextCursor
        } while (cursor)
        return [id, holders] as const
      }),
    )
    return new Map(entries)
  }

  return {
    async staff(now: Date): Promise<StaffDashboard> {
      const [all, counters, funds, certPrograms] = await Promise.all([
        partners.every(),
        stats.all(),
        mdf.recentFunds(RECENT_FUNDS),
        programs.list(),
      ])
      const [catalogs, holders] = await Promise.all([
        products.summaries(all.map((p) => p.id)),
        holdersByProgram(
          certPrograms.map((p) => p.id),
          now,
        ),
      ])
      const names = new Map(all.map((p) => [p.id, p.name]))
      const current = all.filter((p) => p.status !== 'sunset')
      const byStatus: Record<string, number> = {}
      for (const p of all) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1
      const statsOf = (pid: string) => counters.get(pid) ?? emptyStats()
      return {
        generatedAt: now.toISOString(),
        partners: {
          total: all.length,
          active: byStatus.active ?? 0,
          activeTarget: YEAR_ONE_TARGETS.activePartners,
          byStatus,
        },
        tiers: tierDistribution(all),
        discount: {
          averageBps: averageDiscountBps(all),
          targetBps: YEAR_ONE_TARGETS.averageDiscountBps,
          partners: all
            .filter((p) => p.status === 'active')
            .map((p) => ({ partnerId: p.id, partnerName: p.name, tier: p.tier, baseDiscountBps: p.baseDiscountBps })),
        },
        mdf: {
          periods: mdfByPeriod(funds.items),
          funds: funds.items.map((f) => ({
            partnerId: f.partnerId,
            partnerName: names.get(f.partnerId) ?? f.partnerId,
            period: f.period,
            closed: !!f.closedAt,
            ...balancesOf(f),
          })),
        },
        certification: {
          programs: certPrograms.map((p) => ({ id: p.id, name: p.name })),
          tiers: certificationCoverage(all, holders),
        },
        leads: current.map((p) => ({ partnerId: p.id, partnerName: p.name, tier: p.tier, ...leadFigure(statsOf(p.id)) })),
        catalog: current.map((p) => ({
          partnerId: p.id,
          partnerName: p.name,
          products: catalogs.get(p.id)?.count ?? 0,
          lastUpdatedAt: catalogs.get(p.id)?.updatedAt ?? null,
        })),
        briefings: {
          awaitingAck: all.reduce((sum, p) => sum + statsOf(p.id).briefingsAwaitingAck, 0),
          partners: all
            .map((p) => ({ partnerId: p.id, partnerName: p.name, awaitingAck: statsOf(p.id).briefingsAwaitingAck }))
            .filter((row) => row.awaitingAck > 0),
        },
        scorecardMismatches: scorecardMismatches(all),
      }
    },

    async partner(pid: string, reader: Actor, now: Date): Promise<PartnerDashboard> {
      const [partner, counters, funds, held, offers, catalog] = await Promise.all([
        partners.require(pid),
        stats.forPartner(pid),
        mdf.listFunds(pid, { limit: 4 }),
        badges.listForPartner(pid),
        leads.listForPartner(pid, { status: 'offered', limit: OFFERS_SHOWN }),
        products.summary(pid),
      ])
      return {
        generatedAt: now.toISOString(),
        partner: partnerView(partner, reader),
        benefits: TIER_BENEFITS[partner.tier],
        funds: funds.items.map((f) => fundView(f, reader)),
        claims: {
          open: openClaims(counters),
          awaitingInfo: counters.claimsInfoRequested,
          awaitingPayment: counters.claimsApproved,
        },
        badges: held.filter((b) => b.status !== 'revoked').map((b) => badgeView(b, reader, now)),
        offers: offers.items
          .filter((lead) => lead.offeredTo === pid && lead.offerExpiresAt && Date.parse(lead.offerExpiresAt) > now.getTime())
          .map((lead) => ({ ...leadView(lead, reader), hoursLeft: hoursLeft(lead.offerExpiresAt!, now) })),
        catalog: { products: catalog.count, lastUpdatedAt: catalog.updatedAt },
        briefings: { awaitingAck: counters.briefingsAwaitingAck },
      }
    },
  }
}
