import { useEffect, useRef, useState } from 'preact/hooks'
import { describeError } from '../api/client'
import { api } from '../api/endpoints'
import type { PublicPartner } from '../api/types'
import { PartnerCard, PartnerCardSkeleton } from '../components/PartnerCard'
import { EmptyState, ErrorState } from '../components/states'
import { CATEGORIES, TIERS, categoryLabel, isCategory, isTier, tierLabel } from '../lib/format'
import { useTitle } from '../lib/hooks'
import { navigate, useLocation, withQuery } from '../router'

const PAGE_SIZE = 12

type Status = 'loading' | 'ready' | 'error'

export function DirectoryPage() {
  const location = useLocation()
  const rawCategory = location.search.get('category')
  const rawTier = location.search.get('tier')
  const category = isCategory(rawCategory) ? rawCategory : undefined
  const tier = isTier(rawTier) ? rawTier : undefined
  const q = (location.search.get('q') ?? '').trim()
  const filtered = !!(category || tier || q)

  useTitle(filtered ? 'Partner directory (filtered)' : 'Partner directory')

  const [draft, setDraft] = useState(q)
  useEffect(() => setDraft(q), [q])

  const [items, setItems] = useState<PublicPartner[]>([])
  const [nextCursor, setNextCursor] = useState<string>()
  const [status, setStatus] = useState<Status>('loading')
  const [error, setError] = useState<unknown>()
  const [attempt, setAttempt] = useState(0)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string>()
  // after "Load more", keyboard focus moves to the first newly loaded partner
  const focusFrom = useRef<number | undefined>(undefined)
  const list = useRef<HTMLUListElement>(null)
  useEffect(() => {
    if (focusFrom.current === undefined) return
    list.current?.querySelectorAll<HTMLAnchorElement>('.partner-card__link')[focusFrom.current]?.focus()
    focusFrom.current = undefined
  }, [items])

  useEffect(() => {
    const controller = new AbortController()
    setStatus('loading')
    setMoreError(undefined)
    api.directory({ category, tier, q: q || undefined, limit: PAGE_SIZE }, controller.signal).then(
      (page) => {
        setItems(page.items)
        setNextCursor(page.nextCursor)
        setStatus('ready')
      },
      (err: unknown) => {
        if (controller.signal.aborted) return
        setError(err)
        setStatus('error')
      },
    )
    return () => controller.abort()
  }, [category, tier, q, attempt])

  async function loadMore() {
    if (!nextCursor) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await api.directory({ category, tier, q: q || undefined, limit: PAGE_SIZE, cursor: nextCursor })
      focusFrom.current = items.length
      setItems((previous) => [...previous, ...page.items])
      setNextCursor(page.nextCursor)
    } catch (err) {
      setMoreError(describeError(err))
    } finally {
      setLoadingMore(false)
    }
  }

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
        <form
          class="filters card"
          role="search"
          aria-label="Filter partners"
          onSubmit={(event) => {
            event.preventDefault()
            setFilter('q', draft.trim() || undefined)
          }}
        >
          <div class="filters__search">
            <label for="directory-q">Search by name</label>
            <div class="search-input">
              <svg viewBox="0 0 20 20" aria-hidden="true">
                <circle cx="9" cy="9" r="5.5" fill="none" stroke="currentColor" stroke-width="1.7" />
                <path d="m13.2 13.2 3.8 3.8" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
              </svg>
              <input
                id="directory-q"
                type="search"
                name="q"
                placeholder="e.g. Lutron"
                autocomplete="off"
                maxLength={80}
                value={draft}
                onInput={(event) => setDraft(event.currentTarget.value)}
              />
              <button type="submit" class="button button--primary">
                Search
              </button>
            </div>
          </div>
          <div class="filters__select">
            <label for="directory-category">Category</label>
            <select
              id="directory-category"
              value={category ?? ''}
              onChange={(event) => setFilter('category', event.currentTarget.value || undefined)}
            >
              <option value="">All categories</option>
              {CATEGORIES.map((value) => (
                <option key={value} value={value}>
                  {categoryLabel(value)}
                </option>
              ))}
            </select>
          </div>
          <div class="filters__select">
            <label for="directory-tier">Tier</label>
            <select
              id="directory-tier"
              value={tier ?? ''}
              onChange={(event) => setFilter('tier', event.currentTarget.value || undefined)}
            >
              <option value="">All tiers</option>
              {TIERS.map((value) => (
                <option key={value} value={value}>
                  {tierLabel(value)}
                </option>
              ))}
            </select>
          </div>
        </form>

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

        {status === 'error' && (
          <ErrorState title="We couldn't load the directory" error={error} onRetry={() => setAttempt((n) => n + 1)} />
        )}

        {status === 'ready' && count === 0 && (
          <EmptyState title="No partners match">
            <p class="state__text">
              {q ? (
                <>
                  Nothing matches “{q}”{category || tier ? ' with these filters' : ''}.{' '}
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
            <ul class="card-grid" aria-label="Partners" ref={list}>
              {items.map((partner) => (
                <PartnerCard key={partner.id} partner={partner} />
              ))}
            </ul>
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
      </div>
    </>
  )
}
