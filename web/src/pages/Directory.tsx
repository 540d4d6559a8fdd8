import { useEffect, useRef, useState } from 'preact/hooks'
import { api } from '../api/contracts'
import type { CertificationProgram, PublicPartner } from '../api/types'
import { FilterForm, FilterSelect } from '../components/filters'
import { Options } from '../components/form'
import { PartnerCard, PartnerCardSkeleton } from '../components/PartnerCard'
import { EmptyState, ErrorState, LoadMore } from '../components/states'
import { CATEGORIES, TIERS, categoryLabel, isCategory, isTier, tierLabel } from '../lib/format'
import { usePagedList, useTitle } from '../lib/hooks'
import { navigate, useLocation, withQuery } from '../router'

const PAGE_SIZE = 12

export function DirectoryPage() {
  const location = useLocation()
  const rawCategory = location.search.get('category')
  const rawTier = location.search.get('tier')
  const category = isCategory(rawCategory) ? rawCategory : undefined
  const tier = isTier(rawTier) ? rawTier : undefined
  const q = (location.search.get('q') ?? '').trim()
  const certification = location.search.get('certification') || undefined
  const filtered = !!(category || tier || q || certification)

  useTitle(filtered ? 'Partner directory (filtered)' : 'Partner directory')

  const [programs, setPrograms] = useState<CertificationProgram[]>([])
  useEffect(() => {
    const controller = new AbortController()
    // without the programs the filter offers only "Any certification"
    api.certifications.programs({ signal: controller.signal }).then(
      (r) => setPrograms(r.data.items),
      () => undefined,
    )
    return () => controller.abort()
  }, [])

  const [draft, setDraft] = useState(q)
  // the URL follows the search box as the user types: keep what they are typing (a trailing space) unless the URL says otherwise
  useEffect(() => setDraft((typed) => (typed.trim() === q ? typed : q)), [q])

  // after "Load more", keyboard focus moves to the first newly loaded partner
  const focusFrom = useRef<number | undefined>(undefined)
  const list = usePagedList<PublicPartner>(
    (cursor, signal) =>
      api.directory
        .list({ query: { category, tier, q: q || undefined, certification, limit: PAGE_SIZE, cursor }, signal })
        .then((r) => r.data),
    [category, tier, q, certification],
    (_, shownBefore) => {
      if (shownBefore) focusFrom.current = shownBefore
    },
  )
  const { items, nextCursor, state: status } = list
  const grid = useRef<HTMLUListElement>(null)
  useEffect(() => {
    if (focusFrom.current === undefined) return
    grid.current?.querySelectorAll<HTMLAnchorElement>('.partner-card__link')[focusFrom.current]?.focus()
    focusFrom.current = undefined
  }, [items])

  const setFilter = (name: string, value: string | undefined) => navigate(withQuery(location, { [name]: value }))
  const clearFilters = () => {
    setDraft('')
    navigate('/')
  }

  const count = items.length
  const summary =
    status === 'loading'
      ? 'Loading partners…'
      : status === 'error'
        ? 'The directory could not be loaded.'
        : count === 0
          ? 'No partners match your filters.'
          : `${count} ${count === 1 ? 'partner' : 'partners'}${nextCursor ? ' shown, more available' : ''}`

  return (
    <>
      <section class="page-hero">
        <div class="container">
          <p class="eyebrow">Manufacturer partnership program</p>
          <h1>Partner directory</h1>
          <p class="lede">
            The manufacturers HomeAIQ designs with, installs and supports. Find a partner by name, product category or program
            tier.
          </p>
        </div>
      </section>

      <div class="container">
        <FilterForm
          label="Filter partners"
          class="filters card"
          searchId="directory-q"
          searchLabel="Search by name"
          placeholder="e.g. Lutron"
          draft={draft}
          onDraft={setDraft}
          onSearch={(text) => setFilter('q', text)}
        >
          <FilterSelect
            id="directory-category"
            label="Category"
            class="filters__select"
            all="All categories"
            value={category}
            onChange={(value) => setFilter('category', value)}
          >
            <Options values={CATEGORIES} label={categoryLabel} />
          </FilterSelect>
          <FilterSelect
            id="directory-tier"
            label="Tier"
            class="filters__select"
            all="All tiers"
            value={tier}
            onChange={(value) => setFilter('tier', value)}
          >
            <Options values={TIERS} label={tierLabel} />
          </FilterSelect>
          <FilterSelect
            id="directory-certification"
            label="Certification"
            class="filters__select"
            all="Any certification"
            value={certification}
            onChange={(value) => setFilter('certification', value)}
          >
            {certification && !programs.some((p) => p.id === certification) && (
              <option value={certification}>{certification}</option>
            )}
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </FilterSelect>
        </FilterForm>

        <div class="results-bar">
          <p class="results-bar__count" role="status" aria-live="polite">
            {summary}
          </p>
          {filtered && status === 'ready' && count > 0 && (
            <button type="button" class="button button--ghost button--small" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </div>

        {status === 'loading' && (
          <ul class="card-grid" aria-busy="true" aria-label="Loading partners">
            {Array.from({ length: 6 }, (_, i) => (
              <PartnerCardSkeleton key={i} />
            ))}
          </ul>
        )}

        {status === 'error' && <ErrorState title="We couldn't load the directory" error={list.error} onRetry={list.reload} />}

        {status === 'ready' && count === 0 && (
          <EmptyState title="No partners match">
            <p class="state__text">
              {q ? (
                <>
                  Nothing matches “{q}”{category || tier || certification ? ' with these filters' : ''}.{' '}
                </>
              ) : (
                'No partner is listed with these filters yet. '
              )}
              Try another name or fewer filters.
            </p>
            <button type="button" class="button button--secondary" onClick={clearFilters}>
              Clear filters
            </button>
          </EmptyState>
        )}

        {status === 'ready' && count > 0 && (
          <>
            <ul class="card-grid" aria-label="Partners" ref={grid}>
              {items.map((partner) => (
                <PartnerCard key={partner.id} partner={partner} />
              ))}
            </ul>
            <LoadMore {...list} label="Load more partners" />
          </>
        )}
      </div>
    </>
  )
}
