import type { ComponentChildren } from 'preact'
import { Link } from '../router'

export interface ControlProps {
  id: string
  name: string
  'aria-describedby'?: string
  'aria-invalid'?: 'true'
}

/**
 * A labelled form control with optional hint and error. The error is tied to the control with
 * aria-describedby and aria-invalid, so focusing the control reads it out.
 */
export function Field({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string
  label: string
  hint?: ComponentChildren
  error?: string | undefined
  optional?: boolean
  children: (props: ControlProps) => ComponentChildren
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  const props: ControlProps = { id, name: id }
  if (described) props['aria-describedby'] = described
  if (error) props['aria-invalid'] = 'true'
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label class="field__label" for={id}>
        {label}
        {optional && <span class="field__optional"> (optional)</span>}
      </label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children(props)}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8" />
            <path d="M10 5.5v5.5M10 14v.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          {error}
        </p>
      )}
    </div>
  )
}

/** A list of the form's errors, each linking to its field. */
export function ErrorSummary({
  title,
  errors,
  labels,
}: {
  title: string
  errors: Record<string, string>
  /** field id -> label, in form order */
  labels: Record<string, string>
}) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="notice notice--error error-summary">
      <svg class="notice__icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8" />
        <path d="M10 5.5v5.5M10 14v.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <div class="notice__body">
        <p class="notice__title">{title}</p>
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>
              {labels[field] ? (
                <a
                  href={`#${field}`}
                  onClick={(event) => {
                    event.preventDefault()
                    document.getElementById(field)?.focus()
                  }}
                >
                  {labels[field]}: {message}
                </a>
              ) : (
                message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

/** Splits "US, US-CA CA-ON" into ["US", "US-CA", "CA-ON"]. */
export function parseCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toUpperCase())
    .filter(Boolean)
}

/** One entry per line (commas also split), trimmed, empty lines dropped. */
export function parseLines(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((part) => part.trim())
    .filter(Boolean)
}

/**
 * Maps the API's field errors (`contact.email`, `regions.2`) onto form field ids, keeping the
 * first message per field. `fieldIds` maps an API path prefix to a form field id.
 */
export function mapFieldErrors(
  errors: { field: string; message: string }[],
  fieldIds: Record<string, string>,
): { byField: Record<string, string>; unmatched: string[] } {
  const byField: Record<string, string> = {}
  const unmatched: string[] = []
  for (const { field, message } of errors) {
    const parts = field.split('.')
    let id: string | undefined
    for (let n = parts.length; n > 0 && !id; n--) id = fieldIds[parts.slice(0, n).join('.')]
    if (!id) {
      unmatched.push(message)
      continue
    }
    const suffix = /^\d+$/.test(parts[parts.length - 1] ?? '') && parts.length > 1 ? ` (entry ${Number(parts.at(-1)) + 1})` : ''
    byField[id] ??= message + suffix
  }
  return { byField, unmatched }
}

export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        {items.map((item, index) => (
          <li key={index}>
            {item.href ? <Link href={item.href}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  )
}
