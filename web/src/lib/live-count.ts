import { useEffect, useState } from 'preact/hooks'

/**
 * A number several parts of the page show (a nav badge, a bell), fetched from the API and kept
 * in step whenever a screen learns a newer value. Fetch errors keep the last known value: a
 * badge is not worth an error message, and the screens report their own failures.
 */
export function liveCount(fetchCount: (signal?: AbortSignal) => Promise<number>) {
  let count: number | undefined
  const listeners = new Set<(value: number | undefined) => void>()
  const set = (value: number) => {
    count = value
    for (const listener of listeners) listener(value)
  }
  const refresh = async (signal?: AbortSignal) => {
    try {
      set(await fetchCount(signal))
    } catch {
      // keep the last known value
    }
  }
  /** The current value; with `fetch` it is also fetched on mount (and every `everyMs`). */
  function use(enabled: boolean, fetch = true, everyMs?: number): number | undefined {
    const [value, setValue] = useState(count)
    useEffect(() => {
      if (!enabled) return
      listeners.add(setValue)
      const controller = new AbortController()
      if (fetch) void refresh(controller.signal)
      const timer = fetch && everyMs ? setInterval(() => void refresh(controller.signal), everyMs) : undefined
      return () => {
        listeners.delete(setValue)
        controller.abort()
        if (timer) clearInterval(timer)
      }
    }, [enabled, fetch, everyMs])
    return enabled ? value : undefined
  }
  return { set, refresh, use }
}
