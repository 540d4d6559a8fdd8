import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorState, Loading } from '../components/states'

/**
 * A screen whose code loads when it is first shown (its own chunk), so the first page stays
 * small: `lazyScreen(() => import('./pages/X').then((m) => m.XPage))`.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | undefined>(() => loaded)
    const [failed, setFailed] = useState<unknown>()
    const [attempt, setAttempt] = useState(0)
    useEffect(() => {
      if (Screen) return
      load().then(
        (component) => {
          loaded = component
          setScreen(() => component)
        },
        (error: unknown) => setFailed(error),
      )
    }, [attempt])
    if (Screen) return <Screen {...props} />
    if (failed !== undefined) {
      return (
        <div class="container page">
          <ErrorState
            title="This screen could not load"
            error={failed}
            onRetry={() => {
              setFailed(undefined)
              setAttempt((n) => n + 1)
            }}
          />
        </div>
      )
    }
    return <Loading label="Loading…" />
  }
}
