import { useState } from 'preact/hooks'
import { api, type Answer } from '../../api/contracts'
import { FilterSelect } from '../../components/filters'
import { EmptyState, ErrorState, LoadMore, Loading } from '../../components/states'
import { PARTNER_NAV, STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { formatDateTime } from '../../lib/format'
import { usePagedList, useResource, useTitle } from '../../lib/hooks'
import { navigate, useLocation, withQuery } from '../../router'
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from '../../../../shared/audit/entry'
import { usePartner } from '../workspace/Leads'

type AuditEntry = Answer<'audit', 'partner'>['items'][number]
type Filters = { type?: AuditEntityType | undefined; action?: string | undefined; actor?: string | undefined }

const PAGE_SIZE = 25
const TYPE_LABELS: Record<AuditEntityType, string> = {
  partner: 'Partner record',
  product: 'Product',
  briefing: 'Briefing',
  document: 'Document',
  user: 'User',
  lead: 'Lead',
  referral: 'Referral',
  scorecard: 'Scorecard',
  'mdf-fund': 'MDF fund',
  'mdf-claim': 'MDF claim',
  'certification-program': 'Certification program',
  'certification-application': 'Certification application',
  badge: 'Badge',
}
const typeLabel = (t: string) => TYPE_LABELS[t as AuditEntityType] ?? t
const isType = (t: string | null): t is AuditEntityType => !!t && (AUDIT_ENTITY_TYPES as readonly string[]).includes(t)

/** A value as one short line: text as is, anything else as JSON, cut to a readable length. */
function shortValue(value: unknown): string {
  if (value === undefined || value === null) return '—'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 120 ? `${text.slice(0, 117)}…` : text
}

/** The fields a change touched, with their values before and after (only what this reader may see). */
function changesOf(entry: AuditEntry): { field: string; before: string; after: string }[] {
  // a creation or a deletion is the whole record: its action says enough
  if (!entry.before || !entry.after) return []
  const before = (entry.before && typeof entry.before === 'object' ? entry.before : {}) as Record<string, unknown>
  const after = (entry.after && typeof entry.after === 'object' ? entry.after : {}) as Record<string, unknown>
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => !['version', 'updatedAt', 'createdAt'].includes(f) && JSON.stringify(before[f]) !== JSON.stringify(after[f]),
  )
  return fields.slice(0, 12).map((field) => ({ field, before: shortValue(before[field]), after: shortValue(after[field]) }))
}

function Entry({ entry }: { entry: AuditEntry }) {
  const changes = changesOf(entry)
  return (
    <li class="audit-entry">
      <div class="audit-entry__head">
        <strong>{entry.action}</strong>
        <span class="muted">
          {typeLabel(entry.entity.type)} {entry.entity.id}
        </span>
      </div>
      <p class="audit-entry__meta">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {entry.actor.email}
      </p>
      {entry.reason && <p class="audit-entry__reason">Why: {entry.reason}</p>}
      {changes.length > 0 && (
        <dl class="audit-entry__changes">
          {changes.map((c) => (
            <div key={c.field}>
              <dt>{c.field}</dt>
              <dd>
                <span class="audit-entry__before">{c.before}</span>
                <span aria-hidden="true"> → </span>
                <span class="visually-hidden"> changed to </span>
                <span>{c.after}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  )
}

/** A trail as pages of entries, newest first, with its empty and error states. */
function Trail({
  load,
  inputs,
  narrowed,
}: {
  load: Parameters<typeof usePagedList<AuditEntry>>[0]
  inputs: unknown[]
  narrowed: boolean
}) {
  const list = usePagedList<AuditEntry>(load, inputs)
  if (list.state === 'loading') return <Loading label="Loading the history…" />
  if (list.state === 'error') return <ErrorState title="We couldn't load the history" error={list.error} onRetry={list.reload} />
  if (!list.items.length) {
    return <EmptyState title={narrowed ? 'No changes match these filters' : 'No changes recorded yet'} />
  }
  return (
    <>
      <ol class="audit-list" aria-label="Changes, newest first">
        {list.items.map((entry) => (
          <Entry key={entry.id} entry={entry} />
        ))}
      </ol>
      <LoadMore {...list} label="Load older changes" />
    </>
  )
}

/** The filters of a partner's trail, kept in the URL: entity type at once, action and actor on Apply. */
function TrailFilters({ idPrefix, filters }: { idPrefix: string; filters: Filters }) {
  const location = useLocation()
  const [action, setAction] = useState(filters.action ?? '')
  const [actor, setActor] = useState(filters.actor ?? '')
  return (
    <form
      class="toolbar audit-filters"
      role="search"
      aria-label="Filter the history"
      onSubmit={(event) => {
        event.preventDefault()
        navigate(withQuery(location, { action: action.trim() || undefined, actor: actor.trim() || undefined }))
      }}
    >
      <FilterSelect
        id={`${idPrefix}-type`}
        label="What changed"
        class="toolbar__field"
        all="Everything"
        value={filters.type}
        onChange={(value) => navigate(withQuery(location, { type: value }))}
      >
        {AUDIT_ENTITY_TYPES.map((t) => (
          <option key={t} value={t}>
            {typeLabel(t)}
          </option>
        ))}
      </FilterSelect>
      <div class="toolbar__field">
        <label for={`${idPrefix}-action`}>Action</label>
        <input
          id={`${idPrefix}-action`}
          value={action}
          placeholder="e.g. partner.updated or product."
          aria-describedby={`${idPrefix}-action-hint`}
          onInput={(e) => setAction(e.currentTarget.value)}
        />
        <span id={`${idPrefix}-action-hint`} class="visually-hidden">
          An action, or its start ending in a dot
        </span>
      </div>
      <div class="toolbar__field">
        <label for={`${idPrefix}-actor`}>By (e-mail)</label>
        <input id={`${idPrefix}-actor`} type="email" value={actor} onInput={(e) => setActor(e.currentTarget.value)} />
      </div>
      <button type="submit" class="button button--secondary">
        Apply
      </button>
    </form>
  )
}

/** A partner's trail with its filters. */
function PartnerTrail({ idPrefix, partnerId, filters }: { idPrefix: string; partnerId: string; filters: Filters }) {
  return (
    <>
      <TrailFilters idPrefix={idPrefix} filters={filters} />
      <Trail
        load={(cursor, signal) =>
          api.audit
            .partner({ params: { partnerId }, query: { ...filters, limit: PAGE_SIZE, cursor }, signal })
            .then((r) => r.data)
        }
        inputs={[partnerId, filters.type, filters.action, filters.actor]}
        narrowed={!!(filters.type || filters.action || filters.actor)}
      />
    </>
  )
}

function filtersOf(search: URLSearchParams): Filters {
  const type = search.get('type')
  return {
    type: isType(type) ? type : undefined,
    action: search.get('action') ?? undefined,
    actor: search.get('actor') ?? undefined,
  }
}

/** The partner's own history: every change to its records, as its users may see them. */
export function WorkspaceHistoryPage() {
  const { me, partnerId } = usePartner()
  const location = useLocation()
  const filters = filtersOf(location.search)
  useTitle('History')
  return (
    <WorkspaceShell kind="Partner workspace" organisation={me?.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <div class="content-header">
        <div>
          <h1>History</h1>
          <p class="lede">Every change to your company’s records in the portal: who, when, and what changed, newest first.</p>
        </div>
      </div>
      <PartnerTrail idPrefix="history" partnerId={partnerId} filters={filters} />
    </WorkspaceShell>
  )
}

/** Staff: a partner's whole trail (filtered), or one entity's history (`?entity=<type>:<id>`). */
export function StaffAuditPage() {
  const location = useLocation()
  const entity = location.search.get('entity') ?? undefined
  const partnerId = location.search.get('partner') ?? undefined
  const filters = filtersOf(location.search)
  const { resource: partners } = useResource(
    (signal) => api.partners.list({ query: { limit: 100 }, signal }).then((r) => r.data),
    [],
  )
  const partnerName = partners.status === 'ready' ? partners.data.items.find((p) => p.id === partnerId)?.name : undefined
  useTitle(entity ? `History of ${entity} · Staff` : partnerName ? `History of ${partnerName} · Staff` : 'Audit · Staff')
  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <div class="content-header">
        <div>
          <h1>{entity ? `History of ${entity}` : partnerName ? `History of ${partnerName}` : 'Audit trail'}</h1>
          <p class="lede">Who changed what and when, newest first, with the reason for every change of tier or terms.</p>
        </div>
      </div>
      {entity ? (
        <>
          <p>
            <a href={withQuery(location, { entity: undefined })}>Back to the partner trails</a>
          </p>
          <Trail
            load={(cursor, signal) =>
              api.audit.entity({ query: { entity, limit: PAGE_SIZE, cursor }, signal }).then((r) => r.data)
            }
            inputs={[entity]}
            narrowed={false}
          />
        </>
      ) : (
        <>
          <div class="toolbar">
            <FilterSelect
              id="audit-partner"
              label="Partner"
              class="toolbar__field"
              all="Choose a partner"
              value={partnerId}
              onChange={(value) => navigate(withQuery(location, { partner: value }))}
            >
              {partners.status === 'ready' &&
                partners.data.items.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </FilterSelect>
          </div>
          {partnerId ? (
            <PartnerTrail idPrefix="audit" partnerId={partnerId} filters={filters} />
          ) : (
            <EmptyState title="Choose a partner to see its history" />
          )}
        </>
      )}
    </WorkspaceShell>
  )
}
