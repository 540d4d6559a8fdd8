import type { ComponentChildren } from 'preact'
import { SearchIcon } from './icons'

/**
 * A select that narrows a list (the screen keeps the choice in the URL); its first choice, the
 * empty value, shows everything. The options are the children.
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
  return (
    <div class={className}>
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value || undefined)}>
        <option value="">{all}</option>
        {children}
      </select>
    </div>
  )
}

/**
 * The filter card above a list: a search box whose text (`draft`) applies when the form is
 * submitted (`onSearch` with the trimmed text, undefined when empty), then the selects.
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
  return (
    <form
      class={className}
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault()
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
            onInput={(event) => onDraft(event.currentTarget.value)}
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
