import { useEffect, useState } from 'preact/hooks'
import { api } from '../api/contracts'

/**
 * How many safety / end-of-life briefings nobody at HomeAIQ has acknowledged yet: the staff
 * nav shows it as a badge; the briefing feed keeps it current after each acknowledgement.
 */
let count: number | undefined
const listeners = new Set<(value: number | undefined) => void>()

export function setFlaggedCount(value: number) {
  count = value
  for (const listener of listeners) listener(value)
}

/** Refreshes the count from the API (errors leave the last known value). */
export async function refreshFlaggedCount(signal?: AbortSignal) {
  try {
    const { data: page } = await api.briefings.feed({ query: { limit: 1 }, signal })
    setFlaggedCount(page.flaggedCount)
  } catch {
    // a badge is not worth an error message; the feed page reports its own failures
  }
}

/**
 * The current count, kept in step with every setFlaggedCount. With `fetch` (the nav badge) it
 * is also fetched on mount; a screen that loads the feed itself passes false.
 */
export function useFlaggedCount(enabled: boolean, fetch = true): number | undefined {
  const [value, setValue] = useState(count)
  useEffect(() => {
    if (!enabled) return
    listeners.add(setValue)
    const controller = new AbortController()
    if (fetch) void refreshFlaggedCount(controller.signal)
    return () => {
      listeners.delete(setValue)
      controller.abort()
    }
  }, [enabled, fetch])
  return enabled ? value : undefined
}
