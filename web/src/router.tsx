import type { AnchorHTMLAttributes, ComponentChildren } from 'preact'
import { useEffect, useLayoutEffect, useState } from 'preact/hooks'

/**
 * A small history router: the location is the browser's, routes are plain patterns
 * (`/partners/:id`), and links are real anchors so that open-in-new-tab keeps working.
 */

export interface Location {
  path: string
  search: URLSearchParams
  /** bumps on every navigation, including to the same URL */
  key: number
}

const listeners = new Set<() => void>()
let key = 0

function current(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search), key }
}

function notify() {
  key += 1
  for (const listener of listeners) listener()
}

/**
 * What stops a navigation: each guard answers a question to ask ("Leave without saving?")
 * while its screen holds unsaved changes, else undefined. The browser's own unload (reload,
 * closing the tab, typing an address) asks its generic question through beforeunload.
 */
type Guard = () => string | undefined
const guards = new Set<Guard>()
/** set once the user agreed to leave the app: the unload then asks nothing more */
let leaving = false

/** Whether the user agrees to leave the current screen (asked only when a guard objects). */
export function leaveAllowed(): boolean {
  for (const guard of guards) {
    const question = guard()
    if (question) return window.confirm(question)
  }
  return true
}

/** Asks before any navigation away while `guard` answers a question. */
export function useNavigationGuard(guard: Guard) {
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (leaving || !guard()) return
      event.preventDefault()
      event.returnValue = '' // older browsers need a value to ask
    }
    guards.add(guard)
    window.addEventListener('beforeunload', beforeUnload)
    return () => {
      guards.delete(guard)
      window.removeEventListener('beforeunload', beforeUnload)
    }
  }, [guard])
}

/** The URL on screen: where Back returns to when the user chooses to stay. */
let shown = window.location.pathname + window.location.search + window.location.hash

window.addEventListener('popstate', () => {
  if (!leaveAllowed()) {
    window.history.pushState(null, '', shown)
    return
  }
  shown = window.location.pathname + window.location.search + window.location.hash
  notify()
})

/**
 * Goes to `to` inside the app; a screen with unsaved changes asks first (`force` skips that:
 * e.g. an expired session, where nothing can be saved any more).
 */
export function navigate(to: string, options: { replace?: boolean; force?: boolean } = {}) {
  const url = new URL(to, window.location.href)
  if (!options.force && !leaveAllowed()) return
  if (url.origin !== window.location.origin) {
    leaving = true
    window.location.assign(url.href)
    return
  }
  const target = url.pathname + url.search + url.hash
  if (options.replace) window.history.replaceState(null, '', target)
  else window.history.pushState(null, '', target)
  shown = target
  notify()
}

/**
 * The current location, kept in step with every navigation. A screen subscribes as it is
 * committed (a layout effect, not after the next paint) and catches up on a navigation made in
 * between, so a filter chosen the moment a screen appears is never lost.
 */
export function useLocation(): Location {
  const [location, setLocation] = useState(current)
  useLayoutEffect(() => {
    const update = () => setLocation(current())
    listeners.add(update)
    if (location.key !== key) update()
    return () => {
      listeners.delete(update)
    }
  }, [])
  return location
}

/** Matches `/partners/:id` against a path; answers the decoded params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean)
  const pathParts = path.replace(/\/+$/, '').split('/').filter(Boolean)
  if (patternParts.length !== pathParts.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < patternParts.length; i++) {
    const want = patternParts[i]!
    const got = pathParts[i]!
    if (want.startsWith(':')) {
      try {
        params[want.slice(1)] = decodeURIComponent(got)
      } catch {
        return null
      }
    } else if (want !== got) return null
  }
  return params
}

/** Replaces some query parameters of the current URL (empty values are dropped). */
export function withQuery(location: Location, changes: Record<string, string | undefined>): string {
  const search = new URLSearchParams(location.search)
  for (const [name, value] of Object.entries(changes)) {
    if (value) search.set(name, value)
    else search.delete(name)
  }
  const text = search.toString()
  return location.path + (text ? `?${text}` : '')
}

type AnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren }

/** An anchor that navigates in the app on a plain left click. */
export function Link({ href, onClick, ...rest }: AnchorProps) {
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event)
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey ||
          (rest.target && rest.target !== '_self')
        ) {
          return
        }
        event.preventDefault()
        navigate(href)
      }}
      {...rest}
    />
  )
}

/** Client-side redirect (replaces the history entry). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to])
  return null
}
