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

/** A magnifier, in search fields and "nothing found" states. */
export function SearchIcon({ class: className }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="9" cy="9" r="5.5" fill="none" stroke="currentColor" stroke-width="1.7" />
      <path d="m13.2 13.2 3.8 3.8" {...STROKE} stroke-width="1.7" />
    </svg>
  )
}

/** A map pin, beside a region. */
export function PinIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true">
      <path
        d="M10 18s6-5.3 6-10a6 6 0 1 0-12 0c0 4.7 6 10 6 10Zm0-7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z"
        {...STROKE}
        stroke-width="1.6"
      />
    </svg>
  )
}

/** An arrow up out of a tray: upload, export. */
export function UploadIcon({ class: className = 'button__icon' }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 20 20" aria-hidden="true">
      <path d="M10 13V3m0 0L6 7m4-4 4 4M4 15v2h12v-2" {...STROKE} stroke-width="1.8" />
    </svg>
  )
}

/** An arrow down into a tray: import, download. */
export function DownloadIcon({ class: className = 'button__icon' }: { class?: string }) {
  return (
    <svg class={className} viewBox="0 0 20 20" aria-hidden="true">
      <path d="M10 3v10m0 0-4-4m4 4 4-4M4 15v2h12v-2" {...STROKE} stroke-width="1.8" />
    </svg>
  )
}

/** A warning triangle. */
export function WarningIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true">
      <path d="M10 2.5 18.5 17h-17L10 2.5Z" {...STROKE} stroke-width="1.7" />
      <path d="M10 8v4M10 14.3v.2" {...STROKE} stroke-width="1.9" />
    </svg>
  )
}

/** A megaphone, for briefings. */
export function MegaphoneIcon() {
  return (
    <svg class="state__icon" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M4 10v4a1 1 0 0 0 1 1h2l5 4V5L7 9H5a1 1 0 0 0-1 1Zm12-1.5a4 4 0 0 1 0 7M18.5 6a7.5 7.5 0 0 1 0 12"
        {...STROKE}
        stroke-width="1.7"
      />
    </svg>
  )
}

/** A box, for products. */
export function BoxIcon() {
  return (
    <svg class="state__icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M3.5 7.5 12 3l8.5 4.5v9L12 21l-8.5-4.5v-9Zm0 0L12 12m0 0 8.5-4.5M12 12v9" {...STROKE} stroke-width="1.7" />
    </svg>
  )
}

/** A sortable column's arrows: both ways when not sorted by it, else the direction. */
export function SortIcon({ active, dir }: { active: boolean; dir: 'ascending' | 'descending' }) {
  return (
    <svg class="sort-button__icon" viewBox="0 0 20 20" aria-hidden="true">
      {active ? (
        <path d={dir === 'ascending' ? 'm6 12 4-4 4 4' : 'm6 8 4 4 4-4'} {...STROKE} stroke-width="1.9" />
      ) : (
        <path d="m7 8 3-3 3 3M7 12l3 3 3-3" {...STROKE} stroke-width="1.6" />
      )}
    </svg>
  )
}

/** A chevron: down (menus), or right (disclosures). */
export function ChevronIcon({ class: className, right }: { class?: string; right?: boolean }) {
  return (
    <svg class={className} viewBox="0 0 20 20" aria-hidden="true">
      <path d={right ? 'm7.5 5 5 5-5 5' : 'm5 7.5 5 5 5-5'} {...STROKE} stroke-width="1.8" />
    </svg>
  )
}

/** A box with an arrow out of it: a link that leaves the portal. */
export function ExternalLinkIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true">
      <path d="M8 4H4v12h12v-4M11 3h6v6M17 3l-8 8" {...STROKE} stroke-width="1.6" />
    </svg>
  )
}

/** The icon of a partner category (lighting, climate, security, audio-video, networking, emerging). */
export function CategoryIcon({ category }: { category: string }) {
  const paths: Record<string, string> = {
    'lighting-control': 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.4 1 1.1 1 1.9V16h5v-.2c0-.8.4-1.5 1-1.9A6 6 0 0 0 12 3Z',
    'climate-control': 'M14 14.8V5a2 2 0 1 0-4 0v9.8a4 4 0 1 0 4 0ZM12 9v7',
    'security-access': 'M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6l-7-3Zm-2.5 9 2 2 3.5-4',
    'audio-video': 'M4 6h16v10H4zM9 20h6M12 16v4',
    'networking-infrastructure': 'M5 12.5a10 10 0 0 1 14 0M8 15.5a5.5 5.5 0 0 1 8 0M12 19h.01M2 9.5a14.5 14.5 0 0 1 20 0',
    emerging:
      'M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z',
  }
  return (
    <svg class="category-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={paths[category] ?? paths.emerging} {...STROKE} stroke-width="1.7" />
    </svg>
  )
}
