import type { Inputs } from 'preact/hooks'
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { describeError } from '../api/client'
import type { Page } from '../api/types'

const APP_NAME = 'HomeAIQ Partner Portal'

/** Sets the document title for the current screen. */
export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME
  }, [title])
}

export type Resource<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown }

/** Loads data for a screen; aborts stale loads when the inputs change. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, inputs: Inputs) {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    const controller = new AbortController()
    setResource({ status: 'loading' })
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', data })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', error })
      },
    )
    return () => controller.abort()
  }, [...inputs, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const replace = useCallback((data: T) => setResource({ status: 'ready', data }), [])
  return { resource, reload, replace }
}

/** A list the API answers a page at a time, as a screen shows it. */
export interface PagedList<T> {
  items: T[]
  /** set while more pages remain */
  nextCursor: string | undefined
  state: 'loading' | 'ready' | 'error'
  /** why the first page failed */
  error: unknown
  /** loads the first page again */
  reload(): void
  /** changes the items shown, e.g. after one of them was edited */
  setItems(update: (items: T[]) => T[]): void
  loadingMore: boolean
  /** why the last "load more" failed */
  moreError: string | undefined
  loadMore(): Promise<void>
}

/**
 * The first page of a list, loaded again whenever `inputs` change (a stale load is aborted), and
 * the next pages on demand. `onPage` sees each page as it arrives, with the number of items
 * shown before it (0 for a first page).
 */
export function usePagedList<T, P extends Page<T> = Page<T>>(
  load: (cursor: string | undefined, signal?: AbortSignal) => Promise<P>,
  inputs: Inputs,
  onPage?: (page: P, shownBefore: number) => void,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [nextCursor, setNextCursor] = useState<string>()
  const [state, setState] = useState<PagedList<T>['state']>('loading')
  const [error, setError] = useState<unknown>()
  const [attempt, setAttempt] = useState(0)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string>()
  const loadRef = useRef(load)
  loadRef.current = load
  const onPageRef = useRef(onPage)
  onPageRef.current = onPage

  useEffect(() => {
    const controller = new AbortController()
    setState('loading')
    setMoreError(undefined)
    loadRef.current(undefined, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return
        onPageRef.current?.(page, 0)
        setItems(page.items)
        setNextCursor(page.nextCursor)
        setState('ready')
      },
      (err: unknown) => {
        if (controller.signal.aborted) return
        setError(err)
        setState('error')
      },
    )
    return () => controller.abort()
  }, [...inputs, attempt])

  async function loadMore() {
    if (!nextCursor) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await loadRef.current(nextCursor)
      onPageRef.current?.(page, items.length)
      setItems((previous) => [...previous, ...page.items])
      setNextCursor(page.nextCursor)
    } catch (err) {
      setMoreError(describeError(err))
    } finally {
      setLoadingMore(false)
    }
  }

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { items, nextCursor, state, error, reload, setItems, loadingMore, moreError, loadMore }
}

/**
 * A function that runs `action` once the calls to it pause for `ms` (typing, arrow keys
 * through a select); `flush` runs a pending call now, `cancel` drops it.
 */
export function useDebounced<A extends unknown[]>(action: (...args: A) => void, ms: number) {
  const latest = useRef(action)
  latest.current = action
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; args: A } | undefined>(undefined)
  useEffect(() => () => clearTimeout(pending.current?.timer), [])
  return useMemo(() => {
    const cancel = () => {
      clearTimeout(pending.current?.timer)
      pending.current = undefined
    }
    const flush = () => {
      const call = pending.current
      cancel()
      if (call) latest.current(...call.args)
    }
    const run = (...args: A) => {
      cancel()
      pending.current = { args, timer: setTimeout(flush, ms) }
    }
    return Object.assign(run, { flush, cancel })
  }, [ms])
}
