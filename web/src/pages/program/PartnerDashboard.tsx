import { api } from '../../api/contracts'
import type { Answer } from '../../api/contracts'
import { TierBadge } from '../../components/badges'
import { ErrorState, Loading } from '../../components/states'
import { CommercialTerms } from '../../components/terms'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { formatDate, formatDateTime, formatMoney } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { projectTypeLabel } from '../../lib/leads'
import { Link } from '../../router'
import { usePartner } from '../workspace/Leads'

type Dashboard = Answer<'program', 'partnerDashboard'>

/** A badge expiring within this many days is flagged: renewal takes a review. */
const EXPIRY_WARNING_DAYS = 60

/** 30 -> "1 day 6 hours left" */
function countdown(hours: number): string {
  if (hours < 1) return 'less than an hour left'
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  const parts = [days ? `${days} ${days === 1 ? 'day' : 'days'}` : '', rest ? `${rest} ${rest === 1 ? 'hour' : 'hours'}` : '']
  return `${parts.filter(Boolean).join(' ')} left`
}

export function PartnerDashboardPage() {
  const { me, partnerId } = usePartner()
  useTitle('Dashboard')
  const { resource, reload } = useResource(
    (signal) => api.program.partnerDashboard({ params: { partnerId }, signal }).then((r) => r.data),
    [partnerId],
  )
  const name = resource.status === 'ready' ? resource.data.partner.name : (me?.partnerName ?? 'Your company')
  return (
    <WorkspaceShell kind="Partner workspace" organisation={name} nav={PARTNER_NAV}>
      <div class="content-header">
        <div>
          <h1>Dashboard</h1>
          <p class="lede">Your standing in the HomeAIQ program and what is waiting for you.</p>
        </div>
      </div>
      {resource.status === 'loading' && <Loading label="Loading your dashboard…" />}
      {resource.status === 'error' && (
        <ErrorState title="We couldn't load your dashboard" error={resource.error} onRetry={reload} />
      )}
      {resource.status === 'ready' && <Home d={resource.data} />}
    </WorkspaceShell>
  )
}

function Home({ d }: { d: Dashboard }) {
  const now = Date.parse(d.generatedAt)
  const fund = d.funds.find((f) => f.status === 'open') ?? d.funds[0]
  const badges = d.badges.filter((b) => b.status === 'active')
  const expiring = badges.filter((b) => Date.parse(b.expiresAt) - now < EXPIRY_WARNING_DAYS * 86_400_000)
  return (
    <div class="dashboard">
      <ul class="dashboard-tiles" aria-label="What is waiting for you">
        <li class={`dashboard-tile${d.offers.length ? ' dashboard-tile--act' : ''}`}>
          <Link href="/workspace/leads" class="dashboard-tile__link">
            <span class="dashboard-tile__value">{d.offers.length}</span>
            <span class="dashboard-tile__label">lead {d.offers.length === 1 ? 'offer' : 'offers'} waiting for your answer</span>
          </Link>
        </li>
        <li class={`dashboard-tile${d.claims.awaitingInfo ? ' dashboard-tile--act' : ''}`}>
          <Link href="/workspace/mdf" class="dashboard-tile__link">
            <span class="dashboard-tile__value">{d.claims.open}</span>
            <span class="dashboard-tile__label">
              open MDF {d.claims.open === 1 ? 'claim' : 'claims'}
              {d.claims.awaitingInfo ? ` · ${d.claims.awaitingInfo} need more information` : ''}
            </span>
          </Link>
        </li>
        <li class={`dashboard-tile${expiring.length ? ' dashboard-tile--act' : ''}`}>
          <Link href="/workspace/certifications" class="dashboard-tile__link">
            <span class="dashboard-tile__value">{badges.length}</span>
            <span class="dashboard-tile__label">
              active {badges.length === 1 ? 'badge' : 'badges'}
              {expiring.length ? ` · ${expiring.length} expiring soon` : ''}
            </span>
          </Link>
        </li>
        <li class="dashboard-tile">
          <Link href="/workspace/briefings" class="dashboard-tile__link">
            <span class="dashboard-tile__value">{d.briefings.awaitingAck}</span>
            <span class="dashboard-tile__label">
              {d.briefings.awaitingAck === 1 ? 'briefing' : 'briefings'} not yet acknowledged by HomeAIQ
            </span>
          </Link>
        </li>
      </ul>

      <section class="card section" aria-labelledby="offers-heading">
        <div class="section__header">
          <h2 id="offers-heading">Lead offers waiting</h2>
          <Link href="/workspace/leads">All leads</Link>
        </div>
        {d.offers.length ? (
          <ul class="todo-list">
            {d.offers.map((offer) => (
              <li key={offer.id}>
                <Link href={`/workspace/leads/${encodeURIComponent(offer.id)}`}>
                  {projectTypeLabel(offer.projectType)} project in {offer.region}
                </Link>
                <span class={`countdown${offer.hoursLeft < 12 ? ' countdown--urgent' : ''}`}>{countdown(offer.hoursLeft)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No offer is waiting for you. HomeAIQ offers leads to one partner at a time.</p>
        )}
      </section>

      <div class="dashboard-columns">
        <section class="card section" aria-labelledby="fund-heading">
          <div class="section__header">
            <h2 id="fund-heading">MDF</h2>
            <Link href="/workspace/mdf">Funds and claims</Link>
          </div>
          {fund ? (
            <dl class="facts">
              <div>
                <dt>Fund {fund.period}</dt>
                <dd>
                  <strong>{formatMoney(fund.availableCents)}</strong> available of {formatMoney(fund.allocatedCents)}
                </dd>
              </div>
              <div>
                <dt>Pending · approved</dt>
                <dd>
                  {formatMoney(fund.pendingCents)} · {formatMoney(fund.approvedCents)}
                </dd>
              </div>
              <div>
                <dt>Claims awaiting payment</dt>
                <dd>{d.claims.awaitingPayment}</dd>
              </div>
            </dl>
          ) : (
            <p class="muted">No fund has been opened for you yet.</p>
          )}
          {fund && fund.status === 'open' && (
            <Link href="/workspace/mdf/claims/new" class="button button--secondary button--small">
              File a claim
            </Link>
          )}
        </section>

        <section class="card section" aria-labelledby="badges-heading">
          <div class="section__header">
            <h2 id="badges-heading">Badges</h2>
            <Link href="/workspace/certifications">Certifications</Link>
          </div>
          {d.badges.length ? (
            <ul class="todo-list">
              {d.badges.map((badge) => (
                <li key={badge.id}>
                  <Link href={`/badges/${encodeURIComponent(badge.id)}`}>{badge.programName}</Link>
                  <span class={expiring.includes(badge) ? 'countdown countdown--urgent' : 'muted'}>
                    {badge.status === 'active' ? `expires ${formatDate(badge.expiresAt)}` : badge.status}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">No badge yet: apply for a certification to show it in the directory.</p>
          )}
        </section>

        <section class="card section" aria-labelledby="catalog-heading">
          <div class="section__header">
            <h2 id="catalog-heading">Catalog</h2>
            <Link href="/workspace/catalog">Products</Link>
          </div>
          <p>
            <strong>{d.catalog.products}</strong> {d.catalog.products === 1 ? 'product' : 'products'}
            {d.catalog.lastUpdatedAt ? `, last updated ${formatDateTime(d.catalog.lastUpdatedAt)}` : ', never updated'}.
          </p>
          <Link href="/workspace/catalog/new" class="button button--secondary button--small">
            Add a product
          </Link>
        </section>
      </div>

      <section class="card section" aria-labelledby="tier-heading">
        <div class="section__header">
          <h2 id="tier-heading">Your tier</h2>
          <TierBadge tier={d.partner.tier} />
        </div>
        <dl class="facts facts--wide">
          {d.benefits.map((b) => (
            <div key={b.label}>
              <dt>{b.label}</dt>
              <dd>{b.text}</dd>
            </div>
          ))}
        </dl>
      </section>
      <CommercialTerms partner={d.partner} />
    </div>
  )
}
