import type { ComponentChildren } from 'preact'
import { describeError } from '../api/client'

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
      <svg class="state__icon" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.8" />
        <path d="M12 7v6M12 16.5v.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
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
      {icon ?? (
        <svg class="state__icon" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="1.8" />
          <path d="m15.5 15.5 5 5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
      )}
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
      <svg class="notice__icon" viewBox="0 0 20 20" aria-hidden="true">
        {tone === 'success' ? (
          <path
            d="M5 10.5 8.5 14 15 6.5"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        ) : (
          <>
            <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8" />
            <path
              d={tone === 'info' ? 'M10 9v5M10 6v.5' : 'M10 5.5v5.5M10 14v.5'}
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
            />
          </>
        )}
      </svg>
      <div class="notice__body">
        {title && <p class="notice__title">{title}</p>}
        {children}
      </div>
    </div>
  )
}
