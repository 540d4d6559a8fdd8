import type { Inputs } from 'preact/hooks'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'

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
