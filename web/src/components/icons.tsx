/**
 * The small icons the screens share, drawn on a 20×20 grid in the text colour. They are
 * decoration (aria-hidden): the words beside them carry the meaning.
 */

const STROKE = { fill: 'none', stroke: 'currentColor', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } as const

export function CheckIcon({ class: className }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 20 20" aria-hidden="true">
      <path d="M5 10.5 8.5 14 15 6.5" {...STROKE} stroke-width="2" />
    </svg>
  )
}

/** A circled "!" (or a circled "i" with `info`). */
export function AlertIcon({ class: className, info }: { class?: string; info?: boolean }) {
  return (
    <svg class={className} viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8" />
      <path d={info ? 'M10 9v5M10 6v.5' : 'M10 5.5v5.5M10 14v.5'} stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  )
}

/** A document, beside a file's name. */
export function FileIcon() {
  return (
    <svg class="file-row__icon" viewBox="0 0 20 20" aria-hidden="true">
      <path d="M5 2.5h6.5L15 6v11.5H5z M11.5 2.5V6H15" {...STROKE} stroke-width="1.5" />
    </svg>
  )
}

/** The "+" of an Add button. */
export function PlusIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" class="button__icon">
      <path d="M10 4v12M4 10h12" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  )
}

/** A bell, beside the notifications count. */
export function BellIcon({ class: className }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 20 20" aria-hidden="true">
      <path d="M5 14.5V9a5 5 0 0 1 10 0v5.5l1.5 1.5h-13zM8.2 17.5a2 2 0 0 0 3.6 0" {...STROKE} stroke-width="1.6" />
    </svg>
  )
}

/** A bin, on Delete buttons. */
export function TrashIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" class="button__icon">
      <path d="M4 6h12M8 6V4h4v2m-6 0 .7 10h6.6L14 6" {...STROKE} stroke-width="1.7" />
    </svg>
  )
}
