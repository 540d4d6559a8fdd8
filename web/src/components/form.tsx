import type { ComponentChildren, Ref } from 'preact'
import type { SaveStatus } from '../lib/save'
import { Link } from '../router'
import { Notice } from './states'
import { AlertIcon } from './icons'

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
          <AlertIcon />
          {error}
        </p>
      )}
    </div>
  )
}

/** One <option> per value, labelled for people (e.g. `values={TIERS} label={tierLabel}`). */
export function Options<T extends string>({ values, label }: { values: readonly T[]; label: (value: T) => string }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
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
      <AlertIcon class="notice__icon" />
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

/**
 * The foot of a form that writes a record: a live region saying what the last save did (focus
 * moves there when no field explains a failure) beside the form's buttons, the submit button
 * last. When someone else saved first, it offers to reload.
 */
export function FormActions({
  status,
  statusRef,
  noun,
  saved,
  failedTitle = 'Not saved',
  onReload,
  submitLabel,
  busyLabel = 'Saving…',
  busy,
  children,
}: {
  status: SaveStatus
  statusRef: Ref<HTMLDivElement>
  /** what the form edits, for "This listing changed" */
  noun: string
  /** the notice after a save */
  saved?: ComponentChildren
  failedTitle?: string
  onReload?: (() => void) | undefined
  submitLabel: string
  /** the submit button's label while the save runs */
  busyLabel?: string
  busy: boolean
  /** other buttons, before the submit button (Cancel, Discard changes) */
  children?: ComponentChildren
}) {
  return (
    <div class="form-actions">
      <div class="form-actions__status" role="status" tabIndex={-1} ref={statusRef}>
        {status.kind === 'saved' && saved}
        {status.kind === 'unchanged' && <Notice tone="info">Nothing to save: no field has changed.</Notice>}
        {status.kind === 'failed' && (
          <Notice tone={status.conflict ? 'warning' : 'error'} title={status.conflict ? `This ${noun} changed` : failedTitle}>
            <p>{status.message}</p>
            {status.conflict && onReload && (
              <button type="button" class="button button--secondary button--small" onClick={onReload}>
                Reload latest version
              </button>
            )}
          </Notice>
        )}
      </div>
      <div class="form-actions__buttons">
        {children}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </div>
  )
}

/** A US-dollar amount as people type it ("4,500.00"), inside a Field; read it with parseMoney. */
export function MoneyInput({ value, onInput, ...props }: ControlProps & { value: string; onInput: (text: string) => void }) {
  return (
    <div class="input-prefix">
      <span aria-hidden="true">$</span>
      <input
        {...props}
        type="text"
        inputMode="decimal"
        autocomplete="off"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  )
}
