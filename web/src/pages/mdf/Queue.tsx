import { useState } from 'preact/hooks'
import { describeError, download } from '../../api/client'
import { api, routeOf, routeUrl } from '../../api/contracts'
import type { MdfClaim } from '../../api/types'
import { FilterSelect } from '../../components/filters'
import { Options } from '../../components/form'
import { EmptyState, ErrorState, LoadMore, Loading, Notice } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { today } from '../../lib/format'
import { usePagedList, useResource, useTitle } from '../../lib/hooks'
import { saveBlob } from '../../lib/upload'
import { Link, navigate, useLocation, withQuery } from '../../router'
import { recentPeriods } from '../../../../shared/mdf/periods'
import { CLAIM_STATUSES, CLAIM_STATUS_LABELS, type ClaimStatus, type Side } from '../../../../shared/mdf/vocabulary'
import { ClaimsTable } from './parts'

const PAGE_SIZE = 25
const SIDE_FILTERS: Record<Side, string> = {
  partner: 'Filed by partners (HomeAIQ decides)',
  homeaiq: 'Filed by HomeAIQ (partners decide)',
}
const isStatus = (v: string | null): v is ClaimStatus => !!v && (CLAIM_STATUSES as readonly string[]).includes(v)
const isSide = (v: string | null): v is Side => v === 'partner' || v === 'homeaiq'

/**
 * The staff queue of MDF claims across partners: one status at a time (claims waiting for a
 * decision first), oldest submission first, by partner, period and side; the finance export;
 * and the way to a partner's funds.
 */
export function StaffClaimQueuePage() {
  const location = useLocation()
  const search = location.search
  const status = isStatus(search.get('status')) ? (search.get('status') as ClaimStatus) : 'submitted'
  const filedBy = isSide(search.get('filedBy')) ? (search.get('filedBy') as Side) : undefined
  const partnerId = search.get('partnerId') ?? undefined
  const periods = recentPeriods(today())
  const period = periods.includes(search.get('period') ?? '') ? search.get('period')! : undefined
  useTitle('MDF claims · Staff')

  const partners = useResource((signal) => api.partners.list({ query: { limit: 100 }, signal }).then((r) => r.data.items), [])
  const list = usePagedList<MdfClaim>(
    (cursor, signal) =>
      api.mdf.queue({ query: { status, filedBy, partnerId, period, limit: PAGE_SIZE, cursor }, signal }).then((r) => r.data),
    [status, filedBy, partnerId, period],
  )
  const setFilter = (name: string, value: string | undefined) => navigate(withQuery(location, { [name]: value }))
  const { items, nextCursor, state } = list
  const summary =
    state === 'loading'
      ? 'Loading claims…'
      : state === 'error'
        ? 'Claims could not be loaded.'
        : `${items.length} ${CLAIM_STATUS_LABELS[status].toLowerCase()} ${items.length === 1 ? 'claim' : 'claims'}${nextCursor ? ', more available' : ''}`

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <div class="content-header">
        <div>
          <h1>MDF claims</h1>
          <p class="lede">
            Claims across partners, oldest first. HomeAIQ decides and pays the partners’ claims; each partner’s admin decides and
            pays the claims HomeAIQ files on its fund.
          </p>
        </div>
      </div>

      <div class="toolbar toolbar--filters">
        <FilterSelect
          id="queue-status"
          label="Status"
          class="toolbar__field"
          all={`${CLAIM_STATUS_LABELS.submitted} (waiting for a decision)`}
          value={status === 'submitted' ? undefined : status}
          onChange={(value) => setFilter('status', value)}
        >
          <Options values={CLAIM_STATUSES.filter((s) => s !== 'submitted')} label={(s) => CLAIM_STATUS_LABELS[s]} />
        </FilterSelect>
        <FilterSelect
          id="queue-side"
          label="Filed by"
          class="toolbar__field"
          all="Both sides"
          value={filedBy}
          onChange={(value) => setFilter('filedBy', value)}
        >
          <Options values={['partner', 'homeaiq'] as const} label={(s) => SIDE_FILTERS[s]} />
        </FilterSelect>
        <FilterSelect
          id="queue-partner"
          label="Partner"
          class="toolbar__field"
          all="All partners"
          value={partnerId}
          onChange={(value) => setFilter('partnerId', value)}
        >
          {(partners.resource.status === 'ready' ? partners.resource.data : []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="queue-period"
          label="Period"
          class="toolbar__field"
          all="All periods"
          value={period}
          onChange={(value) => setFilter('period', value)}
        >
          <Options values={periods} label={(p) => p} />
        </FilterSelect>
        <p class="toolbar__count" role="status" aria-live="polite">
          {summary}
        </p>
      </div>

      {state === 'loading' && <Loading label="Loading claims…" />}
      {state === 'error' && <ErrorState title="We couldn't load the claims" error={list.error} onRetry={list.reload} />}
      {state === 'ready' && items.length === 0 && (
        <EmptyState title={`No ${CLAIM_STATUS_LABELS[status].toLowerCase()} claims`}>
          <p class="state__text">
            {status === 'submitted'
              ? 'Nothing waits for a decision with these filters.'
              : 'No claim is in this state with these filters.'}
          </p>
        </EmptyState>
      )}
      {state === 'ready' && items.length > 0 && (
        <ClaimsTable
          queue
          claims={items}
          caption={summary}
          claimHref={(claim) => `/staff/mdf/claims/${encodeURIComponent(claim.partnerId)}/${encodeURIComponent(claim.id)}`}
        />
      )}
      {state === 'ready' && <LoadMore {...list} label="Load more claims" />}

      <div class="mdf-staff-tools">
        <FinanceExport periods={periods} />
        <PartnerFunds partners={partners.resource.status === 'ready' ? partners.resource.data : []} />
      </div>
    </WorkspaceShell>
  )
}

function FinanceExport({ periods }: { periods: string[] }) {
  const [period, setPeriod] = useState(periods[0]!)
  const [state, setState] = useState<{ busy: boolean; message?: string; failed?: boolean }>({ busy: false })
  async function exportCsv(event: Event) {
    event.preventDefault()
    setState({ busy: true })
    try {
      const { blob, filename } = await download(
        routeUrl(routeOf('mdf', 'exportClaims').path, { query: { period } }),
        `mdf-claims-${period}.csv`,
      )
      saveBlob(blob, filename)
      setState({ busy: false, message: `Exported ${filename}.` })
    } catch (error) {
      setState({ busy: false, failed: true, message: `Export failed. ${describeError(error)}` })
    }
  }
  return (
    <form class="card section form" onSubmit={exportCsv} aria-labelledby="export-heading">
      <h2 id="export-heading">Finance export</h2>
      <p class="form__intro">
        Every claim of a period across partners as CSV: claimed, approved, paid and the payment references.
      </p>
      <div class="inline-form">
        <div class="toolbar__field">
          <label for="export-period">Period</label>
          <select id="export-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary" disabled={state.busy}>
          {state.busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <div role="status">
        {state.message &&
          (state.failed ? <Notice tone="error">{state.message}</Notice> : <p class="muted small">{state.message}</p>)}
      </div>
    </form>
  )
}

function PartnerFunds({ partners }: { partners: { id: string; name: string }[] }) {
  const [partnerId, setPartnerId] = useState('')
  return (
    <form
      class="card section form"
      aria-labelledby="funds-heading"
      onSubmit={(event) => {
        event.preventDefault()
        if (partnerId) navigate(`/staff/partners/${encodeURIComponent(partnerId)}/mdf`)
      }}
    >
      <h2 id="funds-heading">Partner funds</h2>
      <p class="form__intro">Open a fund, change an allocation, or file a claim for a HomeAIQ-run activity.</p>
      <div class="inline-form">
        <div class="toolbar__field">
          <label for="funds-partner">Partner</label>
          <select id="funds-partner" value={partnerId} onChange={(e) => setPartnerId(e.currentTarget.value)}>
            <option value="">Choose a partner</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary" disabled={!partnerId}>
          Show funds
        </button>
      </div>
    </form>
  )
}
