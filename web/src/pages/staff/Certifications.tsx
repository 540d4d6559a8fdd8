import { useEffect, useState } from 'preact/hooks'
import {
  APPLICATION_STATUSES,
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
} from '../../../../shared/certifications/vocabulary'
import { api } from '../../api/contracts'
import type { CertificationApplication, CertificationProgram, Partner } from '../../api/types'
import { ApplicationStatusBadge } from '../../components/certification'
import { FilterSelect } from '../../components/filters'
import { Options } from '../../components/form'
import { EmptyState, ErrorState, LoadMore, Loading } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { formatDate } from '../../lib/format'
import { usePagedList, useTitle } from '../../lib/hooks'
import { Link, navigate, useLocation, withQuery } from '../../router'

const isStatus = (value: string | null): value is ApplicationStatus =>
  !!value && (APPLICATION_STATUSES as readonly string[]).includes(value)

/** The staff review queue: applications awaiting review, oldest first. */
export function StaffCertificationsPage() {
  const location = useLocation()
  const raw = location.search.get('status')
  const status = isStatus(raw) ? raw : undefined
  const programId = location.search.get('program') || undefined
  const partnerId = location.search.get('partner') || undefined
  const filtered = !!(status || programId || partnerId)
  useTitle('Certification reviews · Staff')

  const [programs, setPrograms] = useState<CertificationProgram[]>([])
  const [partners, setPartners] = useState<Partner[]>([])
  useEffect(() => {
    const controller = new AbortController()
    const signal = controller.signal
    api.certifications.programs({ signal }).then(
      (r) => setPrograms(r.data.items),
      () => undefined,
    )
    api.partners.list({ query: { limit: 100 }, signal }).then(
      (r) => setPartners([...r.data.items].sort((a, b) => a.name.localeCompare(b.name))),
      () => undefined,
    )
    return () => controller.abort()
  }, [])

  const list = usePagedList<CertificationApplication>(
    (cursor, signal) =>
      api.certifications.queue({ query: { status, programId, partnerId, limit: 25, cursor }, signal }).then((r) => r.data),
    [status, programId, partnerId],
  )
  const { items, nextCursor, state } = list
  const setFilter = (name: string, value: string | undefined) => navigate(withQuery(location, { [name]: value }))
  const summary =
    state === 'loading'
      ? 'Loading applications…'
      : state === 'error'
        ? 'The queue could not be loaded.'
        : `${items.length} ${items.length === 1 ? 'application' : 'applications'}${status ? '' : ' awaiting review'}${nextCursor ? ', more available' : ''}`

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <div class="content-header">
        <div>
          <h1>Certification reviews</h1>
          <p class="lede">Applications partners sent, the longest-waiting first. Open one to read its evidence and decide.</p>
        </div>
        <div class="content-header__actions">
          <Link href="/staff/certifications/programs" class="button button--secondary">
            Programs
          </Link>
        </div>
      </div>
      <form class="toolbar toolbar--filters" aria-label="Filter applications" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="queue-status"
          label="Status"
          class="toolbar__field"
          all="Awaiting review"
          value={status}
          onChange={(v) => setFilter('status', v)}
        >
          <Options values={APPLICATION_STATUSES.filter((s) => s !== 'draft')} label={(s) => APPLICATION_STATUS_LABELS[s]} />
        </FilterSelect>
        <FilterSelect
          id="queue-program"
          label="Program"
          class="toolbar__field"
          all="All programs"
          value={programId}
          onChange={(v) => setFilter('program', v)}
        >
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="queue-partner"
          label="Partner"
          class="toolbar__field"
          all="All partners"
          value={partnerId}
          onChange={(v) => setFilter('partner', v)}
        >
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </FilterSelect>
        <p class="toolbar__count" role="status" aria-live="polite">
          {summary}
        </p>
      </form>

      {state === 'loading' && <Loading label="Loading applications…" />}
      {state === 'error' && <ErrorState title="We couldn't load the review queue" error={list.error} onRetry={list.reload} />}
      {state === 'ready' && items.length === 0 && (
        <EmptyState title={filtered ? 'No applications match' : 'Nothing to review'}>
          <p class="state__text">
            {filtered ? 'No application matches these filters.' : 'Every application partners sent has been decided.'}
          </p>
          {filtered && (
            <button type="button" class="button button--secondary" onClick={() => navigate('/staff/certifications')}>
              Clear filters
            </button>
          )}
        </EmptyState>
      )}
      {state === 'ready' && items.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby="queue-caption" tabIndex={0}>
          <table class="table table--responsive">
            <caption id="queue-caption" class="visually-hidden">
              Certification applications, oldest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Program</th>
                <th scope="col">Status</th>
                <th scope="col">Submitted</th>
                <th scope="col" class="numeric">
                  Evidence
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => {
                const href = `/staff/certifications/${encodeURIComponent(a.partnerId)}/${a.id}`
                return (
                  <tr key={a.id}>
                    <th scope="row" data-label="Partner">
                      <Link href={href}>
                        {a.partnerName}
                        <span class="visually-hidden">: {a.programName}</span>
                      </Link>
                    </th>
                    <td data-label="Program">{a.programName}</td>
                    <td data-label="Status">
                      <ApplicationStatusBadge status={a.status} />
                    </td>
                    <td data-label="Submitted">{a.submittedAt ? formatDate(a.submittedAt) : '—'}</td>
                    <td data-label="Evidence" class="numeric">
                      {a.evidence.length}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {state === 'ready' && <LoadMore {...list} label="Load more applications" />}
    </WorkspaceShell>
  )
}
