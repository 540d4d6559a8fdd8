import { api } from '../../api/contracts'
import type { Answer } from '../../api/contracts'
import { TierBadge } from '../../components/badges'
import { BarChart, DataTable } from '../../components/charts'
import { ErrorState, Loading } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { formatDateTime, formatMoney, percent, tierShortLabel } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { Link } from '../../router'

type Dashboard = Answer<'program', 'dashboard'>

const STANDING_LABELS: Record<Dashboard['tiers'][number]['standing'], string> = {
  'below-target': 'Below target',
  'on-target': 'On target',
  'above-target': 'Above target',
  'over-capacity': 'Over capacity',
}
const STANDING_TONE = { 'below-target': 'warn', 'on-target': 'ok', 'above-target': 'ok', 'over-capacity': 'bad' } as const

/** 0.25 -> "25%", null -> "—" */
const share = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`)
const partnerLink = (id: string, name: string, to = '') => (
  <Link href={`/staff/partners/${encodeURIComponent(id)}${to}`}>{name}</Link>
)
/** A catalog untouched this long is stale: the strategy reviews partners quarterly. */
const STALE_DAYS = 90

export function StaffDashboardPage() {
  useTitle('Dashboard · Staff')
  const { resource, reload } = useResource((signal) => api.program.dashboard({ signal }).then((r) => r.data), [])
  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <div class="content-header">
        <div>
          <h1>Program dashboard</h1>
          <p class="lede">
            How the partnership program stands against the strategy’s year-1 targets, and who must act. Every table downloads as
            CSV.
          </p>
        </div>
      </div>
      {resource.status === 'loading' && <Loading label="Loading the dashboard…" />}
      {resource.status === 'error' && (
        <ErrorState title="We couldn't load the dashboard" error={resource.error} onRetry={reload} />
      )}
      {resource.status === 'ready' && <Figures d={resource.data} />}
    </WorkspaceShell>
  )
}

function Figures({ d }: { d: Dashboard }) {
  const latest = d.mdf.periods[0]
  const latestFunds = latest ? d.mdf.funds.filter((f) => f.period === latest.period) : []
  const leads = d.leads.filter((l) => l.offered > 0)
  const staleBefore = Date.parse(d.generatedAt) - STALE_DAYS * 86_400_000
  const overpaid = d.scorecardMismatches.filter((m) => m.direction === 'over').length
  return (
    <div class="dashboard">
      <ul class="dashboard-tiles" aria-label="Against the year-1 targets">
        <li class={`dashboard-tile${d.partners.active >= d.partners.activeTarget ? '' : ' dashboard-tile--warn'}`}>
          <span class="dashboard-tile__value">{d.partners.active}</span>
          <span class="dashboard-tile__label">active partnerships · target {d.partners.activeTarget}+</span>
        </li>
        <li
          class={`dashboard-tile${d.discount.averageBps !== null && d.discount.averageBps >= d.discount.targetBps ? '' : ' dashboard-tile--warn'}`}
        >
          <span class="dashboard-tile__value">{d.discount.averageBps === null ? '—' : percent(d.discount.averageBps)}</span>
          <span class="dashboard-tile__label">average negotiated discount · target {percent(d.discount.targetBps)}+</span>
        </li>
        <li class={`dashboard-tile${d.briefings.awaitingAck ? ' dashboard-tile--act' : ''}`}>
          <Link href="/staff/briefings?unacknowledged=true" class="dashboard-tile__link">
            <span class="dashboard-tile__value">{d.briefings.awaitingAck}</span>
            <span class="dashboard-tile__label">briefings awaiting acknowledgement</span>
          </Link>
        </li>
        <li class={`dashboard-tile${overpaid ? ' dashboard-tile--act' : ''}`}>
          <a href="#mismatches" class="dashboard-tile__link">
            <span class="dashboard-tile__value">{d.scorecardMismatches.length}</span>
            <span class="dashboard-tile__label">tiers that differ from the scorecard · {overpaid} above it</span>
          </a>
        </li>
      </ul>

      <section class="card section" aria-labelledby="tiers-heading">
        <h2 id="tiers-heading">Tier distribution</h2>
        <p class="muted">
          Active partners per tier against the year-1 targets (shaded) and each tier’s capacity from the tier structure (the
          line).
        </p>
        <BarChart
          id="tiers-chart"
          title="Active partners per tier"
          desc={d.tiers
            .map(
              (t) =>
                `${tierShortLabel(t.tier)}: ${t.active}, target ${t.target.min} to ${t.target.max}, capacity ${t.capacity.max}`,
            )
            .join('. ')}
          bars={d.tiers.map((t) => ({
            label: tierShortLabel(t.tier),
            value: t.active,
            display: String(t.active),
            band: t.target,
            cap: t.capacity.max,
            tone: STANDING_TONE[t.standing],
          }))}
        />
        <DataTable
          id="tiers-table"
          caption="Active partners per tier against the year-1 targets"
          filename="tier-distribution.csv"
          rows={d.tiers}
          columns={[
            { label: 'Tier', value: (t) => tierShortLabel(t.tier), render: (t) => <TierBadge tier={t.tier} /> },
            { label: 'Active', value: (t) => t.active, numeric: true },
            { label: 'Year-1 target', value: (t) => `${t.target.min}–${t.target.max}` },
            { label: 'Capacity', value: (t) => `${t.capacity.min}–${t.capacity.max}` },
            { label: 'Standing', value: (t) => STANDING_LABELS[t.standing] },
          ]}
        />
      </section>

      <section class="card section" aria-labelledby="discount-heading">
        <h2 id="discount-heading">Negotiated discount</h2>
        <p class="muted">
          Average across active partners: <strong>{d.discount.averageBps === null ? '—' : percent(d.discount.averageBps)}</strong>{' '}
          against the {percent(d.discount.targetBps)}+ target (the line).
        </p>
        <BarChart
          id="discount-chart"
          title="Negotiated base discount per active partner"
          desc={`Average ${d.discount.averageBps === null ? 'none' : percent(d.discount.averageBps)}, target ${percent(d.discount.targetBps)}.`}
          max={4500}
          bars={d.discount.partners.map((p) => ({
            label: p.partnerName,
            value: p.baseDiscountBps,
            display: percent(p.baseDiscountBps),
            cap: d.discount.targetBps,
            tone: p.baseDiscountBps >= d.discount.targetBps ? 'ok' : 'warn',
          }))}
        />
        <DataTable
          id="discount-table"
          caption="Negotiated base discount per active partner"
          filename="negotiated-discounts.csv"
          rows={d.discount.partners}
          columns={[
            { label: 'Partner', value: (p) => p.partnerName, render: (p) => partnerLink(p.partnerId, p.partnerName) },
            { label: 'Tier', value: (p) => tierShortLabel(p.tier) },
            { label: 'Base discount', value: (p) => percent(p.baseDiscountBps), numeric: true },
          ]}
        />
      </section>

      <section class="card section" aria-labelledby="mdf-heading">
        <h2 id="mdf-heading">Market development funds</h2>
        {latest ? (
          <BarChart
            id="mdf-chart"
            title={`MDF committed per partner in ${latest.period}`}
            desc={`Pending and approved against each fund's allocation (the line) in ${latest.period}.`}
            bars={latestFunds.map((f) => ({
              label: f.partnerName,
              value: f.pendingCents + f.approvedCents,
              display: `${formatMoney(f.pendingCents + f.approvedCents)} of ${formatMoney(f.allocatedCents)}`,
              cap: f.allocatedCents,
            }))}
          />
        ) : null}
        <h3>By period</h3>
        <DataTable
          id="mdf-periods"
          caption="MDF by period"
          filename="mdf-by-period.csv"
          empty="No fund has been opened yet."
          rows={d.mdf.periods}
          columns={[
            { label: 'Period', value: (p) => p.period },
            { label: 'Funds', value: (p) => p.funds, numeric: true },
            { label: 'Allocated', value: (p) => formatMoney(p.allocatedCents), numeric: true },
            { label: 'Pending', value: (p) => formatMoney(p.pendingCents), numeric: true },
            { label: 'Approved', value: (p) => formatMoney(p.approvedCents), numeric: true },
            { label: 'Paid', value: (p) => formatMoney(p.paidCents), numeric: true },
            { label: 'Available', value: (p) => formatMoney(p.availableCents), numeric: true },
          ]}
        />
        <h3>By partner</h3>
        <DataTable
          id="mdf-funds"
          caption="MDF by period and partner"
          filename="mdf-by-partner.csv"
          empty="No fund has been opened yet."
          rows={d.mdf.funds}
          columns={[
            { label: 'Partner', value: (f) => f.partnerName, render: (f) => partnerLink(f.partnerId, f.partnerName, '/mdf') },
            { label: 'Period', value: (f) => `${f.period}${f.closed ? ' (closed)' : ''}` },
            { label: 'Allocated', value: (f) => formatMoney(f.allocatedCents), numeric: true },
            { label: 'Pending', value: (f) => formatMoney(f.pendingCents), numeric: true },
            { label: 'Approved', value: (f) => formatMoney(f.approvedCents), numeric: true },
            { label: 'Paid', value: (f) => formatMoney(f.paidCents), numeric: true },
            { label: 'Available', value: (f) => formatMoney(f.availableCents), numeric: true },
          ]}
        />
      </section>

      <section class="card section" aria-labelledby="certs-heading">
        <h2 id="certs-heading">Certification coverage</h2>
        <BarChart
          id="certs-chart"
          title="Active partners holding an active badge, per tier"
          desc={d.certification.tiers.map((t) => `${tierShortLabel(t.tier)}: ${t.certified} of ${t.partners}`).join('. ')}
          max={100}
          bars={d.certification.tiers.map((t) => ({
            label: tierShortLabel(t.tier),
            value: Math.round((t.coverage ?? 0) * 100),
            display: `${share(t.coverage)} (${t.certified} of ${t.partners})`,
          }))}
        />
        <DataTable
          id="certs-table"
          caption="Certification coverage by tier"
          filename="certification-coverage.csv"
          rows={d.certification.tiers}
          columns={[
            { label: 'Tier', value: (t) => tierShortLabel(t.tier) },
            { label: 'Active partners', value: (t) => t.partners, numeric: true },
            { label: 'Certified', value: (t) => t.certified, numeric: true },
            { label: 'Coverage', value: (t) => share(t.coverage), numeric: true },
            ...d.certification.programs.map((p) => ({
              label: p.name,
              value: (t: Dashboard['certification']['tiers'][number]) => t.byProgram[p.id] ?? 0,
              numeric: true,
            })),
          ]}
        />
      </section>

      <section class="card section" aria-labelledby="leads-heading">
        <h2 id="leads-heading">Lead conversion</h2>
        <p class="muted">Conversion: the accepted leads a partner won.</p>
        {leads.length > 0 && (
          <BarChart
            id="leads-chart"
            title="Lead conversion per partner"
            desc={leads.map((l) => `${l.partnerName}: ${l.won} won of ${l.accepted} accepted`).join('. ')}
            max={100}
            bars={leads.map((l) => ({
              label: l.partnerName,
              value: Math.round((l.conversionRate ?? 0) * 100),
              display: `${share(l.conversionRate)} (${l.won} of ${l.accepted})`,
            }))}
          />
        )}
        <DataTable
          id="leads-table"
          caption="Lead conversion by partner"
          filename="lead-conversion.csv"
          empty="No lead has been offered yet."
          rows={leads}
          columns={[
            { label: 'Partner', value: (l) => l.partnerName, render: (l) => partnerLink(l.partnerId, l.partnerName) },
            { label: 'Offered', value: (l) => l.offered, numeric: true },
            { label: 'Accepted', value: (l) => l.accepted, numeric: true },
            { label: 'Won', value: (l) => l.won, numeric: true },
            { label: 'Lost', value: (l) => l.lost, numeric: true },
            { label: 'Won value', value: (l) => formatMoney(l.wonCents), numeric: true },
            { label: 'Conversion', value: (l) => share(l.conversionRate), numeric: true },
          ]}
        />
      </section>

      <section class="card section" aria-labelledby="catalog-heading">
        <h2 id="catalog-heading">Catalog freshness</h2>
        <DataTable
          id="catalog-table"
          caption="Catalog size and last update per partner"
          filename="catalog-freshness.csv"
          rows={[...d.catalog].sort((a, b) => (a.lastUpdatedAt ?? '').localeCompare(b.lastUpdatedAt ?? ''))}
          columns={[
            { label: 'Partner', value: (c) => c.partnerName, render: (c) => partnerLink(c.partnerId, c.partnerName, '/catalog') },
            { label: 'Products', value: (c) => c.products, numeric: true },
            {
              label: 'Last update',
              value: (c) => c.lastUpdatedAt ?? 'never',
              render: (c) =>
                c.lastUpdatedAt === null || Date.parse(c.lastUpdatedAt) < staleBefore ? (
                  <span class="stale">{c.lastUpdatedAt ? formatDateTime(c.lastUpdatedAt) : 'Never'} · stale</span>
                ) : (
                  formatDateTime(c.lastUpdatedAt)
                ),
            },
          ]}
        />
      </section>

      <section class="card section" aria-labelledby="briefings-heading">
        <h2 id="briefings-heading">Briefings awaiting acknowledgement</h2>
        <DataTable
          id="briefings-table"
          caption="Briefings awaiting acknowledgement per partner"
          filename="briefings-awaiting-acknowledgement.csv"
          empty="Every safety notice and end-of-life briefing has been acknowledged."
          rows={d.briefings.partners}
          columns={[
            {
              label: 'Partner',
              value: (b) => b.partnerName,
              render: (b) => (
                <Link href={`/staff/briefings?partner=${encodeURIComponent(b.partnerId)}&unacknowledged=true`}>
                  {b.partnerName}
                </Link>
              ),
            },
            { label: 'Awaiting', value: (b) => b.awaitingAck, numeric: true },
          ]}
        />
      </section>

      <section class="card section" aria-labelledby="mismatches">
        <h2 id="mismatches" tabIndex={-1}>
          Scorecard mismatches
        </h2>
        <DataTable
          id="mismatch-table"
          caption="Partners whose tier differs from their scorecard’s recommendation"
          filename="scorecard-mismatches.csv"
          empty="Every scored partner sits in the tier its scorecard recommends."
          rows={d.scorecardMismatches}
          columns={[
            { label: 'Partner', value: (m) => m.partnerName, render: (m) => partnerLink(m.partnerId, m.partnerName) },
            { label: 'Tier', value: (m) => tierShortLabel(m.tier) },
            { label: 'Recommended', value: (m) => tierShortLabel(m.recommendedTier) },
            { label: 'Score', value: (m) => m.score.toFixed(1), numeric: true },
            { label: 'Finding', value: (m) => (m.direction === 'over' ? 'Tier above its score' : 'Tier below its score') },
          ]}
        />
      </section>
      <p class="muted">Figures as of {formatDateTime(d.generatedAt)}.</p>
    </div>
  )
}
