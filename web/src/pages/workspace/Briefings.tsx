import { useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { Briefing, Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { AckMarker, KindBadge } from '../../components/badges'
import { FilterSelect } from '../../components/filters'
import { Options } from '../../components/form'
import { EmptyState, ErrorState, FlashNotice, LoadMore, Loading } from '../../components/states'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { takeFlash } from '../../lib/flash'
import { BRIEFING_KINDS, formatDate, formatDay, isBriefingKind, kindLabel } from '../../lib/format'
import { usePagedList, useTitle } from '../../lib/hooks'
import { Link, navigate, useLocation, withQuery } from '../../router'
import { MegaphoneIcon, PlusIcon } from '../../components/icons'

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

export function WorkspaceBriefingsPage() {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  const location = useLocation()
  const raw = location.search.get('kind')
  const kind = isBriefingKind(raw) ? raw : undefined
  useTitle('Product briefings')
  const [flash] = useState(takeFlash)

  const list = usePagedList<Briefing>(
    (cursor, signal) =>
      api.briefings.list({ params: { partnerId }, query: { kind, limit: PAGE_SIZE, cursor }, signal }).then((r) => r.data),
    [partnerId, kind],
  )
  const { items, nextCursor, state } = list

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
          <PlusIcon />
          New briefing
        </Link>
      </div>

      <FlashNotice message={flash} />

      <div class="toolbar">
        <FilterSelect
          id="briefings-kind"
          label="Kind"
          class="toolbar__field"
          all="All kinds"
          value={kind}
          onChange={(value) => navigate(withQuery(location, { kind: value }))}
        >
          <Options values={BRIEFING_KINDS} label={kindLabel} />
        </FilterSelect>
        <p class="toolbar__count" role="status" aria-live="polite">
          {summary}
        </p>
      </div>

      {state === 'loading' && <Loading label="Loading briefings…" />}
      {state === 'error' && <ErrorState title="We couldn't load your briefings" error={list.error} onRetry={list.reload} />}
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
      {state === 'ready' && <LoadMore {...list} label="Load more briefings" />}
    </WorkspaceShell>
  )
}
