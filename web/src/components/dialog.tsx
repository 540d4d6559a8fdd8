import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { AlertIcon } from './icons'

/**
 * A confirmation in a native modal <dialog>: the browser traps focus, Escape cancels, and focus
 * returns to the control that opened it. The safe choice (Cancel) has focus first.
 */
export function ConfirmDialog({
  id,
  open,
  title,
  confirmLabel,
  busyLabel,
  busy,
  error,
  onConfirm,
  onCancel,
  tone = 'danger',
  children,
}: {
  id: string
  /** the confirm button's look: `danger` for what cannot be undone, `primary` for a weighty but ordinary change */
  tone?: 'danger' | 'primary'
  open: boolean
  title: string
  confirmLabel: string
  busyLabel?: string
  busy?: boolean
  error?: string | undefined
  onConfirm: () => void
  onCancel: () => void
  children?: ComponentChildren
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      opener.current = document.activeElement as HTMLElement | null
      element.showModal()
    } else if (!open && element.open) {
      element.close()
      opener.current?.focus()
    }
  }, [open])

  return (
    <dialog
      ref={dialog}
      id={id}
      class="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault()
        if (!busy) onCancel()
      }}
    >
      <h2 id={`${id}-title`} class="dialog__title">
        {title}
      </h2>
      <div id={`${id}-body`} class="dialog__body">
        {children}
      </div>
      <div role="alert">
        {error && (
          <p class="field__error">
            <AlertIcon />
            {error}
          </p>
        )}
      </div>
      <div class="dialog__actions">
        <button type="button" class="button button--secondary" autoFocus onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" class={`button button--${tone}`} onClick={onConfirm} disabled={busy}>
          {busy ? (busyLabel ?? 'Working…') : confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
