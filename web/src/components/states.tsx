import type { ComponentChildren } from 'preact'
import { describeError } from '../api/client'
import { Link } from '../router'
import { AlertIcon, CheckIcon, SearchIcon } from './icons'

/** A loading indicator that screen readers announce once. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div class="state state--loading" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  )
}

export function ErrorState({
  title = 'Something went wrong',
  error,
  onRetry,
  children,
}: {
  title?: string
  error?: unknown
  onRetry?: () => void
  children?: ComponentChildren
}) {
  return (
    <div class="state state--error" role="alert">
      <AlertIcon class="state__icon" />
      <h2 class="state__title">{title}</h2>
      {error !== undefined && <p class="state__text">{describeError(error)}</p>}
      {children}
      {onRetry && (
        <button type="button" class="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}

export function EmptyState({ title, icon, children }: { title: string; icon?: ComponentChildren; children?: ComponentChildren }) {
  return (
    <div class="state state--empty">
      {icon ?? <SearchIcon class="state__icon" />}
      <h2 class="state__title">{title}</h2>
      {children}
    </div>
  )
}

/** Inline message; `tone` picks colour and icon. Use inside an always-present live region. */
export function Notice({
  tone,
  title,
  children,
}: {
  tone: 'success' | 'error' | 'warning' | 'info'
  title?: string
  children?: ComponentChildren
}) {
  return (
    <div class={`notice notice--${tone}`}>
      {tone === 'success' ? <CheckIcon class="notice__icon" /> : <AlertIcon class="notice__icon" info={tone === 'info'} />}
      <div class="notice__body">
        {title && <p class="notice__title">{title}</p>}
        {children}
      </div>
    </div>
  )
}

/**
 * "Load more" under a list the API pages, with why the last attempt failed. Nothing when every
 * page is shown and nothing failed.
 */
export function LoadMore({
  nextCursor,
  moreError,
  loadingMore,
  loadMore,
  label,
  compact,
}: {
  nextCursor: string | undefined
  moreError: string | undefined
  loadingMore: boolean
  loadMore: () => void
  /** e.g. "Load more partners" */
  label: string
  compact?: boolean
}) {
  if (!nextCursor && !moreError) return null
  return (
    <div class={`load-more${compact ? ' load-more--tight' : ''}`}>
      {moreError && (
        <p class="field__error" role="alert">
          {moreError}
        </p>
      )}
      {nextCursor && (
        <button
          type="button"
          class={`button button--secondary${compact ? ' button--small' : ''}`}
          onClick={loadMore}
          disabled={loadingMore}
        >
          {loadingMore ? 'Loading…' : label}
        </button>
      )}
    </div>
  )
}

/** The one-shot message a screen was opened with (lib/flash), e.g. "Partner added". */
export function FlashNotice({ message }: { message: string | undefined }) {
  if (!message) return null
  return (
    <div class="flash" role="status">
      <Notice tone="success">{message}</Notice>
    </div>
  )
}

/**
 * A detail screen whose record did not load: "<Noun> not found" with why and a way back, or
 * the error with a retry. Either way the screen keeps its h1.
 */
export function LoadFailure({
  noun,
  heading,
  notFound,
  error,
  onRetry,
  message,
  back,
}: {
  /** "partner": "Partner not found", "We couldn't load this partner" */
  noun: string
  /** the screen's h1 when loading failed; default the noun */
  heading?: string
  notFound: boolean
  error: unknown
  onRetry: () => void
  /** when not found: why, in a sentence */
  message: ComponentChildren
  /** when not found: where to go instead */
  back: { href: string; label: string }
}) {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1)
  if (notFound) {
    return (
      <div class="state state--empty">
        <h1 class="state__title">{Noun} not found</h1>
        <p class="state__text">{message}</p>
        <Link href={back.href} class="button button--primary">
          {back.label}
        </Link>
      </div>
    )
  }
  return (
    <>
      <h1 class="visually-hidden">{heading ?? Noun}</h1>
      <ErrorState title={`We couldn't load this ${noun}`} error={error} onRetry={onRetry} />
    </>
  )
}
