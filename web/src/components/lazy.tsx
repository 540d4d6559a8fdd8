import type { FunctionComponent } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorState, Loading } from './states'

/**
 * A screen whose code loads on first use (its own chunk), so the first page stays small. While
 * it loads the screen shows a loading state; if the chunk cannot be fetched, a retry.
 */
export function lazyScreen<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | undefined
  let pending: Promise<FunctionComponent<P>> | undefined
  const fetchScreen = () => {
    pending ??= load().then(
      (screen) => (loaded = screen),
      (error: unknown) => {
        pending = undefined // a later attempt fetches it again
        throw error
      },
    )
    return pending
  }
  return function LazyScreen(props: P) {
    const [screen, setScreen] = useState<FunctionComponent<P> | undefined>(() => loaded)
    const [failed, setFailed] = useState(false)
    const [attempt, setAttempt] = useState(0)
    useEffect(() => {
      if (screen) return
      let live = true
      fetchScreen().then(
        (s) => live && setScreen(() => s),
        () => live && setFailed(true),
      )
      return () => {
        live = false
      }
    }, [attempt])
    if (failed) {
      return (
        <ErrorState
          title="This screen could not be loaded"
          onRetry={() => {
            setFailed(false)
            setAttempt((n) => n + 1)
          }}
        >
          <p class="state__text">Check your connection and try again.</p>
        </ErrorState>
      )
    }
    if (!screen) return <Loading label="Loading…" />
    const Screen = screen
    return <Screen {...props} />
  }
}
