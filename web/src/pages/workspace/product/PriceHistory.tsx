import { useEffect, useState } from 'preact/hooks'
import { describeError } from '../../../api/client'
import { api } from '../../../api/contracts'
import type { PricePoint } from '../../../api/types'
import { ErrorState, LoadMore, Loading } from '../../../components/states'
import { formatDate, formatMoney, formatTime } from '../../../lib/format'
import { useResource } from '../../../lib/hooks'
import type { CatalogScope } from '../catalog-scope'

/** An email address that may wrap before its @ in a narrow column. */
function EmailBreakable({ email }: { email: string }) {
  const at = email.indexOf('@')
  if (at <= 0) return <>{email}</>
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  )
}

export function PriceHistory({ scope, sku, refresh }: { scope: CatalogScope; sku: string; refresh: number }) {
  const { resource, reload } = useResource(
    (signal) =>
      api.catalog.prices({ params: { partnerId: scope.partnerId, sku }, query: { limit: 20 }, signal }).then((r) => r.data),
    [scope.partnerId, sku, refresh],
  )
  const [more, setMore] = useState<{ items: PricePoint[]; cursor?: string | undefined }>({ items: [] })
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string>()
  useEffect(() => setMore({ items: [] }), [resource])
  const page = resource.status === 'ready' ? resource.data : undefined
  const items = page ? [...page.items, ...more.items] : []
  const cursor = more.items.length ? more.cursor : page?.nextCursor

  async function loadMore() {
    if (!cursor) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const { data: next } = await api.catalog.prices({
        params: { partnerId: scope.partnerId, sku },
        query: { limit: 20, cursor },
      })
      setMore((m) => ({ items: [...m.items, ...next.items], cursor: next.nextCursor }))
    } catch (err) {
      setMoreError(describeError(err))
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <section class="card section" aria-labelledby="price-history-heading">
      <h2 id="price-history-heading">Price history</h2>
      {resource.status === 'loading' && <Loading label="Loading price history…" />}
      {resource.status === 'error' && <ErrorState title="Price history unavailable" error={resource.error} onRetry={reload} />}
      {page && items.length === 0 && <p class="muted">No prices recorded yet.</p>}
      {page && items.length > 0 && (
        <table class="table table--compact price-history">
          <caption class="visually-hidden">Price changes for {sku}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col" class="numeric">
                MSRP
              </th>
              <th scope="col" class="numeric">
                MAP
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((point, i) => (
              <tr key={`${point.at}-${i}`}>
                <th scope="row">
                  <span class="price-history__when">{formatDate(point.at)}</span>
                  <span class="table__sub table__sub--plain">
                    {formatTime(point.at)} · <EmailBreakable email={point.by} />
                  </span>
                </th>
                <td class="numeric">{formatMoney(point.msrpCents)}</td>
                <td class="numeric">{formatMoney(point.mapCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore
        nextCursor={cursor}
        moreError={moreError}
        loadingMore={loadingMore}
        loadMore={loadMore}
        label="Older prices"
        compact
      />
    </section>
  )
}
