import { useEffect, useState } from 'preact/hooks'
import { describeError } from '../../api/client'
import { api } from '../../api/endpoints'
import type { Briefing, Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { AckMarker, KindBadge } from '../../components/badges'
import { EmptyState, ErrorState, Loading, Notice } from '../../components/states'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { takeFlash } from '../../lib/flash'
import { BRIEFING_KINDS, formatDate, formatDay, isBriefingKind, kindLabel } from '../../lib/format'
import { useTitle } from '../../lib/hooks'
import { Link, navigate, useLocation, withQuery } from '../../router'

const PAGE_SIZE = 20

export function SkuChips({ skus, max }: { skus: string[]; max?: number }) {
  if (skus.length === 0) return null
  const shown = max ? skus.slice(0, max) : skus
  return (
    <ul class="chip-list chip-list--small" aria-label="Affected SKUs">
      {shown.map((sku) => (
        <li key={sku} class="chip chip--sku">
          {sku}
        </li>
      ))}
      {skus.length > shown.length && <li class="chip chip--more">+{skus.length - shown.length} more</li>}
    </ul>
  )
}

function MegaphoneIcon() {
  return (
    <svg class="state__icon" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M4 10v4a1 1 0 0 0 1 1h2l5 4V5L7 9H5a1 1 0 0 0-1 1Zm12-1.5a4 4 0 0 1 0 7M18.5 6a7.5 7.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        stroke-width="1.7"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  )
}

export function WorkspaceBriefingsPage() {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  const location = useLocation()
  const raw = location.search.get('kind')
  const kind = isBriefingKind(raw) ? raw : undefined
  useTitle('Product briefings')
  const [flash] = useState(takeFlash)

  const [items, setItems] = useState<Briefing[]>([])
  const [nextCursor, setNextCursor] = useState<string>()
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<unknown>()
  const [attempt, setAttempt] = useState(0)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string>()

  useEffect(() => {
    const controller = new AbortController()
    setState('loading')
    api.briefings(partnerId, { kind, limit: PAGE_SIZE }, controller.signal).then(
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
  }, [partnerId, kind, attempt])

  async function loadMore() {
    if (!nextCursor) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await api.briefings(partnerId, { kind, limit: PAGE_SIZE, cursor: nextCursor })
      setItems((previous) => [...previous, ...page.items])
      setNextCursor(page.nextCursor)
    } catch (err) {
      setMoreError(describeError(err))
    } finally {
      setLoadingMore(false)
    }
  }

  const waiting = items.filter((b) => b.flagged).length
  const summary =
    state === 'loading'
      ? 'Loading briefings…'
      : state === 'error'
        ? 'Briefings could not be loaded.'
        : `${items.length} ${items.length === 1 ? 'briefing' : 'briefings'}${kind ? ` of kind ${kindLabel(kind).toLowerCase()}` : ''}${nextCursor ? ', more available' : ''}${waiting ? ` · ${waiting} awaiting HomeAIQ acknowledgement` : ''}`

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <div class="content-header">
        <div>
          <h1>Product briefings</h1>
          <p class="lede">
            Tell HomeAIQ’s designers and installers about new products, firmware, price changes and end-of-life. Safety and
            end-of-life notices stay flagged until the HomeAIQ partnership team acknowledges them.
          </p>
        </div>
        <Link href="/workspace/briefings/new" class="button button--primary">
          <svg viewBox="0 0 20 20" aria-hidden="true" class="button__icon">
            <path d="M10 4v12M4 10h12" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          New briefing
        </Link>
      </div>

      {flash && (
        <div class="flash" role="status">
          <Notice tone="success">{flash}</Notice>
        </div>
      )}

      <div class="toolbar">
        <div class="toolbar__field">
          <label for="briefings-kind">Kind</label>
          <select
            id="briefings-kind"
            value={kind ?? ''}
            onChange={(event) => navigate(withQuery(location, { kind: event.currentTarget.value || undefined }))}
          >
            <option value="">All kinds</option>
            {BRIEFING_KINDS.map((value) => (
              <option key={value} value={value}>
                {kindLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <p class="toolbar__count" role="status" aria-live="polite">
          {summary}
        </p>
      </div>

      {state === 'loading' && <Loading label="Loading briefings…" />}
      {state === 'error' && (
        <ErrorState title="We couldn't load your briefings" error={error} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {state === 'ready' && items.length === 0 && (
        <EmptyState title={kind ? `No ${kindLabel(kind).toLowerCase()} briefings` : 'No briefings yet'} icon={<MegaphoneIcon />}>
          <p class="state__text">
            {kind
              ? 'You have not published a briefing of this kind.'
              : 'Publish a briefing when a product launches, firmware ships, a price changes or a product reaches its end of life.'}
          </p>
          {kind ? (
            <button type="button" class="button button--secondary" onClick={() => navigate('/workspace/briefings')}>
              Show all kinds
            </button>
          ) : (
            <Link href="/workspace/briefings/new" class="button button--primary">
              Write the first briefing
            </Link>
          )}
        </EmptyState>
      )}
      {state === 'ready' && items.length > 0 && (
        <ul class="briefing-list" aria-label="Briefings">
          {items.map((briefing) => (
            <li key={briefing.id} class={`card briefing-item${briefing.flagged ? ' briefing-item--flagged' : ''}`}>
              <div class="briefing-item__top">
                <KindBadge kind={briefing.kind} />
                <AckMarker briefing={briefing} />
              </div>
              <h2 class="briefing-item__title">
                <Link href={`/workspace/briefings/${encodeURIComponent(briefing.id)}`}>{briefing.title}</Link>
              </h2>
              <p class="briefing-item__meta">
                Effective {formatDay(briefing.effectiveDate)} · published {formatDate(briefing.publishedAt)} by{' '}
                {briefing.publishedBy}
                {briefing.attachments.length > 0 &&
                  ` · ${briefing.attachments.length} ${briefing.attachments.length === 1 ? 'attachment' : 'attachments'}`}
              </p>
              <SkuChips skus={briefing.skus} max={8} />
            </li>
          ))}
        </ul>
      )}
      {state === 'ready' && (nextCursor || moreError) && (
        <div class="load-more">
          {moreError && (
            <p class="field__error" role="alert">
              {moreError}
            </p>
          )}
          {nextCursor && (
            <button type="button" class="button button--secondary" onClick={loadMore} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Load more briefings'}
            </button>
          )}
        </div>
      )}
    </WorkspaceShell>
  )
}
