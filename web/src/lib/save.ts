import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { ApiError, describeError } from '../api/client'
import { useNavigationGuard } from '../router'

/** What the user should see after a failed save. */
export interface SaveFailure {
  fieldErrors: Record<string, string>
  /** a 412: someone else changed the record */
  conflict: boolean
  message: string
}

/** "One field needs your attention." / "3 fields need your attention." */
export const attentionMessage = (count: number) =>
  count === 1 ? 'One field needs your attention.' : `${count} fields need your attention.`

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

/** Turns an API error from a write into field errors and a summary message. */
export function saveFailure(error: unknown, fieldIds: Record<string, string>): SaveFailure {
  if (error instanceof ApiError) {
    if (error.status === 412) {
      return {
        fieldErrors: {},
        conflict: true,
        message:
          'Someone else changed this record since you opened it. Reload to see the latest version, then make your change again.',
      }
    }
    const { byField, unmatched } = mapFieldErrors(error.fieldErrors, fieldIds)
    const count = Object.keys(byField).length
    let message: string
    if (error.status === 403) message = error.problem.detail || 'Your role may not make this change.'
    else if (count > 0) message = attentionMessage(count)
    else message = describeError(error)
    if (unmatched.length) message += ` ${unmatched.join(' ')}`
    return { fieldErrors: byField, conflict: false, message }
  }
  return { fieldErrors: {}, conflict: false, message: describeError(error) }
}

export const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i])

/** Moves keyboard focus to the first invalid control inside `root`. */
export function focusFirstInvalid(root: HTMLElement | null) {
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]')
  if (target) {
    target.focus()
    return true
  }
  return false
}

/**
 * The errors after an edit: each of `ids` that already shows an error is checked again against
 * `fresh` (the form's checks on the new values), so a fix shows at once; other errors stay.
 */
export function recheck(current: Record<string, string>, fresh: Record<string, string>, ids: string[]): Record<string, string> {
  const updated = { ...current }
  for (const id of ids) {
    if (!(id in current)) continue
    if (fresh[id]) updated[id] = fresh[id]!
    else delete updated[id]
  }
  return updated
}

/** What a form that edits a loaded record gets: the record, its ETag (for If-Match) and what to do after. */
export interface RecordFormProps<T> {
  record: T
  etag: string
  onSaved: (record: T, etag: string) => void
  /** after a conflict: load the latest version */
  onReload: () => void
}

/** Where the last save of a form stands. */
export type SaveStatus =
  { kind: 'idle' } | { kind: 'saved' } | { kind: 'unchanged' } | { kind: 'failed'; message: string; conflict: boolean }

/** What a form's controls hold, to tell an edited form from the one on screen before. */
function snapshot(form: HTMLFormElement | null): string {
  if (!form) return ''
  return JSON.stringify(
    Array.from(form.elements, (el) => {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) return null
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return el.checked
      return el instanceof HTMLInputElement && el.type === 'file' ? null : el.value
    }),
  )
}

export const LEAVE_QUESTION = 'You have unsaved changes. Leave this page and lose them?'

/**
 * Warns before leaving a form with unsaved changes (in-app links, Back, reload, closing the
 * tab). The form counts as unchanged as it was when the user first touched it, and again after
 * each save; a form that is saving may navigate (a create that opens the new record).
 */
function useUnsavedChanges(form: { current: HTMLFormElement | null }) {
  const baseline = useRef<string | undefined>(undefined)
  const saving = useRef(false)
  useEffect(() => {
    const el = form.current
    if (!el) return
    const start = () => (baseline.current ??= snapshot(el))
    el.addEventListener('focusin', start)
    el.addEventListener('pointerdown', start)
    return () => {
      el.removeEventListener('focusin', start)
      el.removeEventListener('pointerdown', start)
    }
  }, [form.current])
  const guard = useCallback(
    () =>
      !saving.current && baseline.current !== undefined && snapshot(form.current) !== baseline.current
        ? LEAVE_QUESTION
        : undefined,
    [],
  )
  useNavigationGuard(guard)
  return {
    saving,
    /** the form as it is now counts as saved */
    markSaved: () => (baseline.current = undefined),
  }
}

/**
 * What every form that writes a record shares: field errors, the save status, the busy flag,
 * focus after a save (the first invalid field, else the status message, which says what the
 * save did), and the warning before leaving it with unsaved changes.
 * `fieldIds` maps the API's field paths to the form's field ids.
 */
export function useSaveForm(fieldIds: Record<string, string>) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' })
  const [saving, setSaving] = useState(false)
  const [focusRequest, setFocusRequest] = useState(0)
  const form = useRef<HTMLFormElement>(null)
  const statusRef = useRef<HTMLDivElement>(null)
  const unsaved = useUnsavedChanges(form)

  useEffect(() => {
    if (!focusRequest) return
    // after a success the message says so; after a failure the first field to fix is the place to be
    if (status.kind === 'saved' || !focusFirstInvalid(form.current)) statusRef.current?.focus()
  }, [focusRequest])

  /** Shows why the form cannot be saved and moves focus to the first invalid field. */
  function refuse(fieldErrors: Record<string, string>, failure: Partial<Omit<SaveFailure, 'fieldErrors'>> = {}) {
    setErrors(fieldErrors)
    setStatus({
      kind: 'failed',
      message: failure.message ?? attentionMessage(Object.keys(fieldErrors).length),
      conflict: failure.conflict ?? false,
    })
    setFocusRequest((n) => n + 1)
  }

  /**
   * Runs a write. When it resolves the errors go and the form says it saved (a write that
   * navigates away is simply gone); when it throws, `explain` may describe the error (e.g. a
   * 409 on an id), else the API's field errors go next to their fields.
   */
  async function submit(write: () => Promise<void>, explain?: (error: unknown) => SaveFailure | undefined) {
    setSaving(true)
    setStatus({ kind: 'idle' })
    unsaved.saving.current = true
    try {
      await write()
      unsaved.markSaved()
      setErrors({})
      setStatus({ kind: 'saved' })
      setFocusRequest((n) => n + 1)
    } catch (error) {
      const failure = explain?.(error) ?? saveFailure(error, fieldIds)
      refuse(failure.fieldErrors, failure)
    } finally {
      unsaved.saving.current = false
      setSaving(false)
    }
  }

  return { form, statusRef, errors, setErrors, status, setStatus, saving, refuse, submit, markSaved: unsaved.markSaved }
}
