import type { ComponentChildren } from 'preact'
import { useRef } from 'preact/hooks'
import { useDebounced } from '../lib/hooks'
import { SearchIcon } from './icons'

/** how long typing or arrowing through a select pauses before the list follows */
const SETTLE_MS = 400
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'])

/**
 * A select that narrows a list (the screen keeps the choice in the URL); its first choice, the
 * empty value, shows everything. The options are the children. A choice made with the mouse
 * applies at once; stepping through the options with the keyboard applies where it settles,
 * so the list is not fetched again for every option passed on the way.
 */
export function FilterSelect({
  id,
  label,
  class: className,
  all,
  value,
  onChange,
  children,
}: {
  id: string
  label: string
  /** the wrapper's class: `filters__select` in a filter card, `toolbar__field` in a toolbar */
  class: string
  /** the label of the empty choice, e.g. "All categories" */
  all: string
  value: string | undefined
  onChange: (value: string | undefined) => void
  children: ComponentChildren
}) {
  const stepping = useRef(false)
  const settle = useDebounced(onChange, SETTLE_MS)
  return (
    <div class={className}>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onKeyDown={(event) => (stepping.current = STEP_KEYS.has(event.key))}
        onPointerDown={() => (stepping.current = false)}
        onBlur={() => settle.flush()}
        onChange={(event) => {
          const chosen = event.currentTarget.value || undefined
          if (stepping.current) settle(chosen)
          else onChange(chosen)
        }}
      >
        <option value="">{all}</option>
        {children}
      </select>
    </div>
  )
}

/**
 * The filter card above a list: a search box whose text (`draft`) applies as the user types
 * (once typing pauses) or submits (`onSearch` with the trimmed text, undefined when empty),
 * then the selects.
 */
export function FilterForm({
  label,
  class: className,
  searchId,
  searchLabel,
  placeholder,
  draft,
  onDraft,
  onSearch,
  children,
}: {
  /** the search landmark's name, e.g. "Filter partners" */
  label: string
  class: string
  searchId: string
  searchLabel: string
  placeholder: string
  draft: string
  onDraft: (text: string) => void
  onSearch: (q: string | undefined) => void
  children: ComponentChildren
}) {
  const searchSoon = useDebounced((text: string) => onSearch(text.trim() || undefined), SETTLE_MS)
  return (
    <form
      class={className}
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault()
        searchSoon.cancel()
        onSearch(draft.trim() || undefined)
      }}
    >
      <div class="filters__search">
        <label for={searchId}>{searchLabel}</label>
        <div class="search-input">
          <SearchIcon />
          <input
            id={searchId}
            type="search"
            name="q"
            placeholder={placeholder}
            autocomplete="off"
            maxLength={80}
            value={draft}
            onInput={(event) => {
              onDraft(event.currentTarget.value)
              searchSoon(event.currentTarget.value)
            }}
          />
          <button type="submit" class="button button--primary">
            Search
          </button>
        </div>
      </div>
      {children}
    </form>
  )
}
