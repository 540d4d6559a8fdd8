import { useEffect, useState } from 'preact/hooks'
import { describeError } from '../../api/client'
import { api } from '../../api/endpoints'
import type { Partner } from '../../api/types'
import { CategoryTag, StatusPill, TierBadge } from '../../components/badges'
import { EmptyState, ErrorState, Loading, Notice } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { STATUSES, isStatus, percent, statusLabel } from '../../lib/format'
import { takeFlash } from '../../lib/flash'
import { useTitle } from '../../lib/hooks'
import { Link, navigate, useLocation, withQuery } from '../../router'

const PAGE_SIZE = 50

export function StaffPartnersPage() {
  const location = useLocation()
  const raw = location.search.get('status')
  const status = isStatus(raw) ? raw : undefined
  useTitle('Partners · Staff')
  const [flash] = useState(takeFlash)

  const [items, setItems] = useState<Partner[]>([])
  const [nextCursor, setNextCursor] = useState<string>()
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<unknown>()
  const [attempt, setAttempt] = useState(0)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string>()

  useEffect(() => {
    const controller = new AbortController()
    setState('loading')
    api.partners({ status, limit: PAGE_SIZE }, controller.signal).then(
      (page) => {
        setItems(page.items)
        setNextCursor(page.nextCursor)
        setState('ready')
      },
      (err: unknown) => {
        if (controller.signal.aborted) return
        setError(err)
        setState('error')
      },
    )
    return () => controller.abort()
  }, [status, attempt])

  async function loadMore() {
    if (!nextCursor) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await api.partners({ status, limit: PAGE_SIZE, cursor: nextCursor })
      setItems((previous) => [...previous, ...page.items])
      setNextCursor(page.nextCursor)
    } catch (err) {
      setMoreError(describeError(err))
    } finally {
      setLoadingMore(false)
    }
  }

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
          <p class="lede">Every manufacturer in the program, with tier, status and negotiated base discount.</p>
        </div>
        <Link href="/staff/partners/new" class="button button--primary">
          <svg viewBox="0 0 20 20" aria-hidden="true" class="button__icon">
            <path d="M10 4v12M4 10h12" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          Add partner
        </Link>
      </div>

      {flash && (
        <div class="flash" role="status">
          <Notice tone="success">{flash}</Notice>
        </div>
      )}

      <div class="toolbar">
        <div class="toolbar__field">
          <label for="staff-status">Status</label>
          <select
            id="staff-status"
            value={status ?? ''}
            onChange={(event) => navigate(withQuery(location, { status: event.currentTarget.value || undefined }))}
          >
            <option value="">All statuses</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {statusLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <p class="toolbar__count" role="status" aria-live="polite">
          {summary}
        </p>
      </div>

      {state === 'loading' && <Loading label="Loading partners…" />}
      {state === 'error' && (
        <ErrorState title="We couldn't load partners" error={error} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {state === 'ready' && items.length === 0 && (
        <EmptyState title={status ? `No ${statusLabel(status).toLowerCase()} partners` : 'No partners yet'}>
          {status ? (
            <button type="button" class="button button--secondary" onClick={() => navigate('/staff')}>
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
                      <td data-label="Category">
                        <CategoryTag category={partner.category} />
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          {(nextCursor || moreError) && (
            <div class="load-more">
              {moreError && (
                <p class="field__error" role="alert">
                  {moreError}
                </p>
              )}
              {nextCursor && (
                <button type="button" class="button button--secondary" onClick={loadMore} disabled={loadingMore}>
                  {loadingMore ? 'Loading…' : 'Load more partners'}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </WorkspaceShell>
  )
}
