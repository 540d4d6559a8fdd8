import { useEffect, useRef, useState } from 'preact/hooks'
import { describeError, download } from '../../api/client'
import { api, routeOf, routeUrl } from '../../api/contracts'
import type { Product } from '../../api/types'
import { CertifiedMarker, LifecycleBadge } from '../../components/badges'
import { useCertifiedSkus } from '../../lib/certified'
import { FilterForm, FilterSelect } from '../../components/filters'
import { Options } from '../../components/form'
import { EmptyState, ErrorState, FlashNotice, LoadMore, Loading, Notice } from '../../components/states'
import { takeFlash } from '../../lib/flash'
import {
  CATEGORIES,
  LIFECYCLES,
  PROTOCOLS,
  categoryLabel,
  formatDay,
  formatMoney,
  isCategory,
  isLifecycle,
  isProtocol,
  lifecycleLabel,
  protocolLabel,
} from '../../lib/format'
import { usePagedList, useTitle } from '../../lib/hooks'
import { saveBlob } from '../../lib/upload'
import { Link, navigate, useLocation, withQuery } from '../../router'
import { CatalogImport, TemplateLink } from './CatalogImport'
import { CatalogFrame, useCatalogScope, type CatalogScope } from './catalog-scope'
import { BoxIcon, DownloadIcon, PlusIcon, SortIcon, UploadIcon } from '../../components/icons'

const PAGE_SIZE = 50

type SortKey = 'sku' | 'name' | 'category' | 'lifecycle' | 'msrpCents' | 'mapCents' | 'leadTimeDays' | 'dealerCostCents'
interface Sort {
  key: SortKey
  dir: 'ascending' | 'descending'
}

const SORT_LABELS: Record<SortKey, string> = {
  sku: 'SKU',
  name: 'Name',
  category: 'Category',
  lifecycle: 'Lifecycle',
  msrpCents: 'MSRP',
  mapCents: 'MAP',
  leadTimeDays: 'Lead time',
  dealerCostCents: 'Dealer cost',
}
const NUMERIC: SortKey[] = ['msrpCents', 'mapCents', 'leadTimeDays', 'dealerCostCents']

function compare(a: Product, b: Product, key: SortKey): number {
  if (NUMERIC.includes(key)) return Number(a[key] ?? 0) - Number(b[key] ?? 0) || a.sku.localeCompare(b.sku)
  const text = (p: Product) =>
    key === 'category' ? categoryLabel(p.category) : key === 'lifecycle' ? lifecycleLabel(p.lifecycle) : String(p[key] ?? '')
  return text(a).localeCompare(text(b), 'en', { sensitivity: 'base', numeric: true }) || a.sku.localeCompare(b.sku)
}

function describeSort(sort: Sort): string {
  const numeric = NUMERIC.includes(sort.key)
  const order = numeric
    ? sort.dir === 'ascending'
      ? 'low to high'
      : 'high to low'
    : sort.dir === 'ascending'
      ? 'A to Z'
      : 'Z to A'
  return `sorted by ${SORT_LABELS[sort.key]}, ${order}`
}

function SortableHeader({
  column,
  sort,
  onSort,
  numeric,
}: {
  column: SortKey
  sort: Sort
  onSort: (key: SortKey) => void
  numeric?: boolean
}) {
  const active = sort.key === column
  return (
    <th scope="col" class={numeric ? 'numeric' : undefined} aria-sort={active ? sort.dir : undefined}>
      <button type="button" class={`sort-button${active ? ' sort-button--active' : ''}`} onClick={() => onSort(column)}>
        {SORT_LABELS[column]}
        <SortIcon active={active} dir={sort.dir} />
      </button>
    </th>
  )
}

export function CatalogPage({ staffPartnerId }: { staffPartnerId?: string }) {
  const scope = useCatalogScope(staffPartnerId)
  const location = useLocation()
  const rawCategory = location.search.get('category')
  const rawLifecycle = location.search.get('lifecycle')
  const rawProtocol = location.search.get('protocol')
  const category = isCategory(rawCategory) ? rawCategory : undefined
  const lifecycle = isLifecycle(rawLifecycle) ? rawLifecycle : undefined
  const protocol = isProtocol(rawProtocol) ? rawProtocol : undefined
  const q = (location.search.get('q') ?? '').trim()
  const filtered = !!(category || lifecycle || protocol || q)
  useTitle(scope.staff ? `Catalog · ${scope.partnerName ?? 'Partner'} · Staff` : 'Product catalog')

  const [flash] = useState(takeFlash)
  const [draft, setDraft] = useState(q)
  // the URL follows the search box as the user types: keep what they are typing (a trailing space) unless the URL says otherwise
  useEffect(() => setDraft((typed) => (typed.trim() === q ? typed : q)), [q])
  const [sort, setSort] = useState<Sort>({ key: 'sku', dir: 'ascending' })
  const [importing, setImporting] = useState(false)
  const [exportState, setExportState] = useState<{ busy: boolean; message?: string; failed?: boolean }>({ busy: false })
  const importButton = useRef<HTMLButtonElement>(null)

  const filters = { category, lifecycle, protocol, q: q || undefined }
  const list = usePagedList<Product>(
    (cursor, signal) =>
      api.catalog
        .list({ params: { partnerId: scope.partnerId }, query: { ...filters, limit: PAGE_SIZE, cursor }, signal })
        .then((r) => r.data),
    [scope.partnerId, category, lifecycle, protocol, q],
  )
  const { items, nextCursor, state } = list

  async function exportCsv() {
    setExportState({ busy: true })
    try {
      const { blob, filename } = await download(
        routeUrl(routeOf('catalog', 'export').path, { params: { partnerId: scope.partnerId } }),
        `${scope.partnerId}-catalog.csv`,
      )
      saveBlob(blob, filename)
      setExportState({ busy: false, message: `Exported ${filename}.` })
    } catch (err) {
      setExportState({ busy: false, failed: true, message: `Export failed. ${describeError(err)}` })
    }
  }

  const onSort = (key: SortKey) =>
    setSort((current) =>
      current.key === key ? { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: 'ascending' },
    )
  const sorted = [...items].sort((a, b) => (sort.dir === 'ascending' ? 1 : -1) * compare(a, b, sort.key))
  const setFilter = (name: string, value: string | undefined) => navigate(withQuery(location, { [name]: value }))
  const clearFilters = () => {
    setDraft('')
    navigate(scope.base)
  }
  const openImport = () => setImporting(true)
  const closeImport = () => {
    setImporting(false)
    importButton.current?.focus()
  }

  const count = items.length
  const empty = state === 'ready' && count === 0 && !filtered
  const summary =
    state === 'loading'
      ? 'Loading products…'
      : state === 'error'
        ? 'The catalog could not be loaded.'
        : count === 0
          ? filtered
            ? 'No products match these filters.'
            : 'No products yet.'
          : `${count} ${count === 1 ? 'product' : 'products'}${nextCursor ? ' shown, more available' : ''}, ${describeSort(sort)}`

  return (
    <CatalogFrame scope={scope} crumbs={[]}>
      <div class="content-header">
        <div>
          <h1>{scope.staff ? `${scope.partnerName ?? 'Partner'} catalog` : 'Product catalog'}</h1>
          <p class="lede">
            {scope.staff
              ? 'The partner’s products with MSRP, MAP and HomeAIQ’s dealer cost from the negotiated base discount.'
              : 'The products HomeAIQ designers and installers can specify: prices, lifecycle, protocols and lead times.'}
          </p>
        </div>
        <div class="content-header__actions">
          <button
            ref={importButton}
            type="button"
            class="button button--secondary"
            aria-expanded={importing}
            aria-controls="catalog-import"
            onClick={() => (importing ? closeImport() : openImport())}
          >
            <DownloadIcon />
            Import CSV
          </button>
          <button type="button" class="button button--secondary" onClick={exportCsv} disabled={exportState.busy || empty}>
            <UploadIcon />
            {exportState.busy ? 'Exporting…' : 'Export CSV'}
          </button>
          <Link href={`${scope.base}/new`} class="button button--primary">
            <PlusIcon />
            Add product
          </Link>
        </div>
      </div>

      <FlashNotice message={flash} />
      <div class="export-status" role="status">
        {exportState.message &&
          (exportState.failed ? (
            <Notice tone="error">{exportState.message}</Notice>
          ) : (
            <span class="visually-hidden">{exportState.message}</span>
          ))}
      </div>

      {importing && (
        <CatalogImport
          partnerId={scope.partnerId}
          onClose={closeImport}
          onImported={(result) => {
            if (result.created || result.updated) list.reload()
          }}
        />
      )}

      {!empty && (
        <FilterForm
          label="Filter products"
          class="filters filters--catalog card"
          searchId="catalog-q"
          searchLabel="Search SKU or name"
          placeholder="e.g. RRD-6NA"
          draft={draft}
          onDraft={setDraft}
          onSearch={(text) => setFilter('q', text)}
        >
          <FilterSelect
            id="catalog-category"
            label="Category"
            class="filters__select"
            all="All categories"
            value={category}
            onChange={(value) => setFilter('category', value)}
          >
            <Options values={CATEGORIES} label={categoryLabel} />
          </FilterSelect>
          <FilterSelect
            id="catalog-lifecycle"
            label="Lifecycle"
            class="filters__select"
            all="Any lifecycle"
            value={lifecycle}
            onChange={(value) => setFilter('lifecycle', value)}
          >
            <Options values={LIFECYCLES} label={lifecycleLabel} />
          </FilterSelect>
          <FilterSelect
            id="catalog-protocol"
            label="Protocol"
            class="filters__select"
            all="Any protocol"
            value={protocol}
            onChange={(value) => setFilter('protocol', value)}
          >
            <Options values={PROTOCOLS} label={protocolLabel} />
          </FilterSelect>
        </FilterForm>
      )}

      <div class={`results-bar${empty ? ' visually-hidden' : ''}`}>
        <p class="results-bar__count" role="status" aria-live="polite">
          {summary}
        </p>
        {filtered && state === 'ready' && count > 0 && (
          <button type="button" class="button button--ghost button--small" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </div>

      {state === 'loading' && <Loading label="Loading products…" />}
      {state === 'error' && <ErrorState title="We couldn't load the catalog" error={list.error} onRetry={list.reload} />}
      {empty && (
        <EmptyState title="No products yet" icon={<BoxIcon />}>
          <p class="state__text">
            Add one, or import a CSV with your whole catalog. The template has every column the import takes, with two example
            rows.
          </p>
          <div class="state__actions">
            <Link href={`${scope.base}/new`} class="button button--primary">
              Add a product
            </Link>
            {!importing && (
              <button type="button" class="button button--secondary" onClick={openImport}>
                Import a CSV
              </button>
            )}
          </div>
          <TemplateLink class="state__link" />
        </EmptyState>
      )}
      {state === 'ready' && count === 0 && filtered && (
        <EmptyState title="No products match">
          <p class="state__text">
            {q ? <>Nothing matches “{q}” with these filters. </> : 'No product has this combination. '}Try fewer filters.
          </p>
          <button type="button" class="button button--secondary" onClick={clearFilters}>
            Clear filters
          </button>
        </EmptyState>
      )}
      {state === 'ready' && count > 0 && <ProductTable scope={scope} products={sorted} sort={sort} onSort={onSort} />}
      {state === 'ready' && <LoadMore {...list} label="Load more products" />}
    </CatalogFrame>
  )
}

function ProductTable({
  scope,
  products,
  sort,
  onSort,
}: {
  scope: CatalogScope
  products: Product[]
  sort: Sort
  onSort: (key: SortKey) => void
}) {
  const certified = useCertifiedSkus(scope.partnerId)
  return (
    <>
      <p class="table-hint" aria-hidden="true">
        Swipe the table sideways for prices and lead times.
      </p>
      <div class="table-wrap" role="region" aria-labelledby="products-caption" tabIndex={0}>
        <table class="table table--products">
          <caption id="products-caption" class="visually-hidden">
            Products, {describeSort(sort)}. Select a column header to sort.
          </caption>
          <thead>
            <tr>
              <SortableHeader column="sku" sort={sort} onSort={onSort} />
              <SortableHeader column="name" sort={sort} onSort={onSort} />
              <SortableHeader column="category" sort={sort} onSort={onSort} />
              <SortableHeader column="lifecycle" sort={sort} onSort={onSort} />
              <th scope="col">Protocols</th>
              <SortableHeader column="msrpCents" sort={sort} onSort={onSort} numeric />
              <SortableHeader column="mapCents" sort={sort} onSort={onSort} numeric />
              {scope.staff && <SortableHeader column="dealerCostCents" sort={sort} onSort={onSort} numeric />}
              <SortableHeader column="leadTimeDays" sort={sort} onSort={onSort} numeric />
            </tr>
          </thead>
          <tbody>
            {products.map((product) => {
              const href = `${scope.base}/${encodeURIComponent(product.sku)}`
              return (
                <tr
                  key={product.sku}
                  class="table__row-link"
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('a, button')) return
                    navigate(href)
                  }}
                >
                  <th scope="row">
                    <Link href={href} class="sku">
                      {product.sku}
                    </Link>
                    <CertifiedMarker programs={certified.get(product.sku) ?? []} />
                  </th>
                  <td class="table__name">{product.name}</td>
                  <td>{categoryLabel(product.category)}</td>
                  <td>
                    <LifecycleBadge lifecycle={product.lifecycle} />
                    {product.endOfLifeDate && (
                      <span class="table__sub table__sub--plain">EOL {formatDay(product.endOfLifeDate)}</span>
                    )}
                  </td>
                  <td>
                    {product.protocols.length ? (
                      <span class="protocols">{product.protocols.map(protocolLabel).join(', ')}</span>
                    ) : (
                      <span class="muted">—</span>
                    )}
                  </td>
                  <td class="numeric">{formatMoney(product.msrpCents)}</td>
                  <td class="numeric">{formatMoney(product.mapCents)}</td>
                  {scope.staff && (
                    <td class="numeric">{product.dealerCostCents !== undefined ? formatMoney(product.dealerCostCents) : '—'}</td>
                  )}
                  <td class="numeric nowrap">
                    {product.leadTimeDays} {product.leadTimeDays === 1 ? 'day' : 'days'}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}
