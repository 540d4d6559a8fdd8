import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiError, describeError } from '../../api/client'
import { etagOf } from '../../../../shared/contracts/contract'
import { api } from '../../api/contracts'
import type { Briefing, BriefingFeedPage, Partner } from '../../api/types'
import { AckMarker, KindBadge } from '../../components/badges'
import { BriefingContent } from '../../components/briefing'
import { FilterSelect } from '../../components/filters'
import { Options } from '../../components/form'
import { EmptyState, ErrorState, LoadMore, Loading } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { refreshFlaggedCount, setFlaggedCount, useFlaggedCount } from '../../lib/flagged'
import { BRIEFING_KINDS, formatDate, formatDateTime, formatDay, isBriefingKind, kindLabel } from '../../lib/format'
import { usePagedList, useTitle } from '../../lib/hooks'
import { Link, navigate, useLocation, withQuery } from '../../router'
import { SkuChips } from '../workspace/Briefings'
import { ChevronIcon } from '../../components/icons'

const PAGE_SIZE = 20

function FeedItem({ briefing, onChange }: { briefing: Briefing; onChange: (next: Briefing, message: string) => void }) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const toggle = useRef<HTMLButtonElement>(null)
  const panelId = `briefing-${briefing.id}-body`
  const titleId = `briefing-${briefing.id}-title`

  async function acknowledge() {
    setBusy(true)
    setError(undefined)
    try {
      // the version on screen is the one acknowledged: a correction published meanwhile is refused (412)
      const params = { partnerId: briefing.partnerId, id: briefing.id }
      const { data: next } = await api.briefings.acknowledge({ params, etag: etagOf(briefing.version) })
      onChange(next, `Acknowledged “${briefing.title}”.`)
      // the Acknowledge button goes away: keep keyboard focus in this briefing
      toggle.current?.focus()
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        const { data: corrected } = await api.briefings.get({ params: { partnerId: briefing.partnerId, id: briefing.id } })
        setOpen(true)
        onChange(corrected, `“${corrected.title}” was corrected while you read it: read the correction, then acknowledge it.`)
        return
      }
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li class={`card briefing-item${briefing.flagged ? ' briefing-item--flagged' : ''}`}>
      <article aria-labelledby={titleId}>
        <div class="briefing-item__top">
          <Link href={`/staff/partners/${encodeURIComponent(briefing.partnerId)}`} class="briefing-item__partner">
            {briefing.partnerName}
          </Link>
          <KindBadge kind={briefing.kind} />
          <AckMarker briefing={briefing} staff />
        </div>
        <h2 class="briefing-item__title" id={titleId}>
          {briefing.title}
        </h2>
        <p class="briefing-item__meta">
          Effective {formatDay(briefing.effectiveDate)} · published {formatDate(briefing.publishedAt)} by {briefing.publishedBy}
          {briefing.revisions.length > 0 && ` · corrected ${formatDate(briefing.revisions.at(-1)!.at)}`}
          {briefing.attachments.length > 0 &&
            ` · ${briefing.attachments.length} ${briefing.attachments.length === 1 ? 'attachment' : 'attachments'}`}
        </p>
        <SkuChips skus={briefing.skus} max={8} />
        <div class="briefing-item__actions">
          <button
            ref={toggle}
            type="button"
            class="button button--ghost button--small disclosure"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen(!open)}
          >
            <ChevronIcon class="disclosure__icon" right />
            {open ? 'Hide briefing' : 'Read briefing'}
            <span class="visually-hidden">: {briefing.title}</span>
          </button>
          {/* only safety and end-of-life notices ask for an acknowledgement */}
          {briefing.requiresAck && !briefing.acknowledgedByMe && (
            <button type="button" class="button button--primary button--small" onClick={acknowledge} disabled={busy}>
              {busy ? 'Acknowledging…' : 'Acknowledge'}
              <span class="visually-hidden">: {briefing.title}</span>
            </button>
          )}
        </div>
        <div role="alert">{error && <p class="field__error">{error}</p>}</div>
        <div id={panelId} class="briefing-item__body" hidden={!open}>
          {open && (
            <>
              <BriefingContent briefing={briefing} headingLevel={3} />
              {briefing.acknowledgements.length > 0 && (
                <p class="small muted briefing-item__acks">
                  Acknowledged by {briefing.acknowledgements.map((a) => `${a.email} (${formatDateTime(a.at)})`).join(', ')}
                </p>
              )}
            </>
          )}
        </div>
      </article>
    </li>
  )
}

/** Briefings still awaiting acknowledgement first, each group newest first as loaded. */
const flaggedFirst = (items: Briefing[]) => [...items].sort((a, b) => Number(b.flagged) - Number(a.flagged))

export function StaffBriefingsPage() {
  const location = useLocation()
  const rawKind = location.search.get('kind')
  const kind = isBriefingKind(rawKind) ? rawKind : undefined
  const partnerId = location.search.get('partner') || undefined
  const unacknowledged = location.search.get('unacknowledged') === 'true'
  const filtered = !!(kind || partnerId || unacknowledged)
  useTitle('Briefings · Staff')
  const flaggedCount = useFlaggedCount(true, false)

  const [announcement, setAnnouncement] = useState('')
  const [partners, setPartners] = useState<Partner[]>([])

  useEffect(() => {
    const controller = new AbortController()
    api.partners
      .list({ query: { limit: 100 }, signal: controller.signal })
      .then((r) => r.data)
      .then(
        (page) => setPartners([...page.items].sort((a, b) => a.name.localeCompare(b.name))),
        () => undefined, // the partner filter then offers only "All partners"
      )
    return () => controller.abort()
  }, [])

  const params = { kind, partnerId, unacknowledged: unacknowledged ? ('true' as const) : undefined }
  const list = usePagedList<Briefing, BriefingFeedPage>(
    (cursor, signal) => api.briefings.feed({ query: { ...params, limit: PAGE_SIZE, cursor }, signal }).then((r) => r.data),
    [kind, partnerId, unacknowledged],
    (page) => setFlaggedCount(page.flaggedCount),
  )
  const { items, setItems, nextCursor, state } = list

  function changed(next: Briefing, message: string) {
    const before = items.find((b) => b.id === next.id)
    // "not acknowledged by me" keeps the item in view until the next load, marked as done
    setItems((list) => list.map((b) => (b.id === next.id ? next : b)))
    if (before?.flagged && !next.flagged && flaggedCount !== undefined) setFlaggedCount(Math.max(0, flaggedCount - 1))
    void refreshFlaggedCount()
    setAnnouncement(message)
  }

  const setFilter = (name: string, value: string | undefined) => navigate(withQuery(location, { [name]: value }))
  const summary =
    state === 'loading'
      ? 'Loading briefings…'
      : state === 'error'
        ? 'Briefings could not be loaded.'
        : `${items.length} ${items.length === 1 ? 'briefing' : 'briefings'}${nextCursor ? ' shown, more available' : ''}`

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <div class="content-header">
        <div>
          <h1>Product briefings</h1>
          <p class="lede">
            What partners have published, newest first. Safety notices and end-of-life notices stay flagged until someone on the
            team acknowledges them.
          </p>
        </div>
      </div>

      <div class={`flag-summary${flaggedCount ? ' flag-summary--open' : ''}`} role="status" data-testid="flag-summary">
        {flaggedCount === undefined ? (
          <span class="muted">Counting notices that need acknowledgement…</span>
        ) : flaggedCount > 0 ? (
          <>
            <span class="flag-summary__count">{flaggedCount}</span>
            <span>
              {flaggedCount === 1 ? 'notice needs' : 'notices need'} acknowledgement
              <span class="muted"> (safety notices and end-of-life notices nobody has acknowledged yet)</span>
            </span>
          </>
        ) : (
          <>
            <span class="flag-summary__count">0</span>
            <span>notices need acknowledgement: every safety and end-of-life notice has been acknowledged.</span>
          </>
        )}
      </div>

      <form class="toolbar toolbar--filters" aria-label="Filter briefings" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="feed-kind"
          label="Kind"
          class="toolbar__field"
          all="All kinds"
          value={kind}
          onChange={(value) => setFilter('kind', value)}
        >
          <Options values={BRIEFING_KINDS} label={kindLabel} />
        </FilterSelect>
        <FilterSelect
          id="feed-partner"
          label="Partner"
          class="toolbar__field"
          all="All partners"
          value={partnerId}
          onChange={(value) => setFilter('partner', value)}
        >
          {partnerId && !partners.some((p) => p.id === partnerId) && <option value={partnerId}>{partnerId}</option>}
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </FilterSelect>
        <div class="toolbar__check">
          <input
            id="feed-unacknowledged"
            type="checkbox"
            checked={unacknowledged}
            onChange={(e) => setFilter('unacknowledged', e.currentTarget.checked ? 'true' : undefined)}
          />
          <label for="feed-unacknowledged">Only briefings I have not acknowledged</label>
        </div>
        <p class="toolbar__count" role="status" aria-live="polite">
          {summary}
        </p>
      </form>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      {state === 'loading' && <Loading label="Loading briefings…" />}
      {state === 'error' && <ErrorState title="We couldn't load the briefing feed" error={list.error} onRetry={list.reload} />}
      {state === 'ready' && items.length === 0 && (
        <EmptyState title={filtered ? 'No briefings match' : 'No briefings yet'}>
          <p class="state__text">
            {unacknowledged && !kind && !partnerId
              ? 'You have acknowledged every briefing. Nothing is waiting for you.'
              : filtered
                ? 'No briefing matches these filters.'
                : 'Partners have not published any briefing yet.'}
          </p>
          {filtered && (
            <button type="button" class="button button--secondary" onClick={() => navigate('/staff/briefings')}>
              Clear filters
            </button>
          )}
        </EmptyState>
      )}
      {state === 'ready' && items.length > 0 && (
        <ul class="briefing-list" aria-label="Briefings">
          {flaggedFirst(items).map((briefing) => (
            <FeedItem key={briefing.id} briefing={briefing} onChange={changed} />
          ))}
        </ul>
      )}
      {state === 'ready' && <LoadMore {...list} label="Load more briefings" />}
    </WorkspaceShell>
  )
}
