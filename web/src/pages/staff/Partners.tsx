import { useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { Partner } from '../../api/types'
import { CategoryTag, StatusPill, TierBadge } from '../../components/badges'
import { FilterSelect } from '../../components/filters'
import { Options } from '../../components/form'
import { EmptyState, ErrorState, FlashNotice, LoadMore, Loading } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { STATUSES, TIERS, isStatus, percent, statusLabel, tierShortLabel } from '../../lib/format'
import { takeFlash } from '../../lib/flash'
import { usePagedList, useTitle } from '../../lib/hooks'
import { Link, navigate, useLocation, withQuery } from '../../router'
import { AlertIcon, PlusIcon } from '../../components/icons'

const PAGE_SIZE = 50

export function StaffPartnersPage() {
  const location = useLocation()
  const raw = location.search.get('status')
  const status = isStatus(raw) ? raw : undefined
  useTitle('Partners · Staff')
  const [flash] = useState(takeFlash)

  const list = usePagedList<Partner>(
    (cursor, signal) => api.partners.list({ query: { status, limit: PAGE_SIZE, cursor }, signal }).then((r) => r.data),
    [status],
  )
  const { items, nextCursor, state } = list

  const summary =
    state === 'loading'
      ? 'Loading partners…'
      : state === 'error'
        ? 'Partners could not be loaded.'
        : `${items.length} ${items.length === 1 ? 'partner' : 'partners'}${status ? ` with status ${statusLabel(status).toLowerCase()}` : ''}${nextCursor ? ', more available' : ''}`

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <div class="content-header">
        <div>
          <h1>Partners</h1>
          <p class="lede">
            Every manufacturer in the program, with tier, status, negotiated base discount and what its scorecard recommends. A
            tier above the recommendation is flagged: it is how programs overpay.
          </p>
        </div>
        <Link href="/staff/partners/new" class="button button--primary">
          <PlusIcon />
          Add partner
        </Link>
      </div>

      <FlashNotice message={flash} />

      <div class="toolbar">
        <FilterSelect
          id="staff-status"
          label="Status"
          class="toolbar__field"
          all="All statuses"
          value={status}
          onChange={(value) => navigate(withQuery(location, { status: value }))}
        >
          <Options values={STATUSES} label={statusLabel} />
        </FilterSelect>
        <p class="toolbar__count" role="status" aria-live="polite">
          {summary}
        </p>
      </div>

      {state === 'loading' && <Loading label="Loading partners…" />}
      {state === 'error' && <ErrorState title="We couldn't load partners" error={list.error} onRetry={list.reload} />}
      {state === 'ready' && items.length === 0 && (
        <EmptyState title={status ? `No ${statusLabel(status).toLowerCase()} partners` : 'No partners yet'}>
          {status ? (
            <button type="button" class="button button--secondary" onClick={() => navigate('/staff/partners')}>
              Show all statuses
            </button>
          ) : (
            <Link href="/staff/partners/new" class="button button--primary">
              Add the first partner
            </Link>
          )}
        </EmptyState>
      )}
      {state === 'ready' && items.length > 0 && (
        <>
          <div class="table-wrap" role="region" aria-labelledby="partners-caption" tabIndex={0}>
            <table class="table table--responsive">
              <caption id="partners-caption" class="visually-hidden">
                Program partners
              </caption>
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="numeric">
                    Base discount
                  </th>
                  <th scope="col">Scorecard</th>
                  <th scope="col">Category</th>
                </tr>
              </thead>
              <tbody>
                {items.map((partner) => {
                  const href = `/staff/partners/${encodeURIComponent(partner.id)}`
                  return (
                    <tr
                      key={partner.id}
                      class="table__row-link"
                      onClick={(event) => {
                        if ((event.target as HTMLElement).closest('a')) return
                        navigate(href)
                      }}
                    >
                      <th scope="row" data-label="Partner">
                        <Link href={href}>{partner.name}</Link>
                        <span class="table__sub">{partner.id}</span>
                      </th>
                      <td data-label="Tier">
                        <TierBadge tier={partner.tier} />
                      </td>
                      <td data-label="Status">
                        <StatusPill status={partner.status} />
                      </td>
                      <td data-label="Base discount" class="numeric">
                        {partner.commercialTerms ? percent(partner.commercialTerms.baseDiscountBps) : '—'}
                      </td>
                      <td data-label="Scorecard">
                        <ScorecardCell partner={partner} />
                      </td>
                      <td data-label="Category">
                        <CategoryTag category={partner.category} />
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          <LoadMore {...list} label="Load more partners" />
        </>
      )}
    </WorkspaceShell>
  )
}

/** The latest score and the tier it recommends, flagged when the partner's tier differs. */
function ScorecardCell({ partner }: { partner: Partner }) {
  const card = partner.scorecard
  if (!card) return <span class="muted">Not scored</span>
  const rank = (tier: string) => TIERS.indexOf(tier as (typeof TIERS)[number])
  const mismatch = card.recommendedTier !== partner.tier
  const over = rank(partner.tier) < rank(card.recommendedTier)
  return (
    <span class={`scorecard-cell${mismatch ? ' scorecard-cell--mismatch' : ''}`}>
      <strong>{card.score.toFixed(1)}</strong> · recommends {tierShortLabel(card.recommendedTier)}
      {mismatch && (
        <span class="scorecard-cell__flag">
          <AlertIcon class="scorecard-cell__icon" />
          {over ? 'Tier above its score' : 'Tier below its score'}
        </span>
      )}
    </span>
  )
}
