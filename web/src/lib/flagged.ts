import { api } from '../api/contracts'
import { liveCount } from './live-count'

/**
 * How many safety / end-of-life briefings nobody at HomeAIQ has acknowledged yet: the staff
 * nav shows it as a badge; the briefing feed keeps it current after each acknowledgement.
 */
const flagged = liveCount(async (signal) => (await api.briefings.feed({ query: { limit: 1 }, signal })).data.flaggedCount)

export const setFlaggedCount = flagged.set
export const refreshFlaggedCount = flagged.refresh
/** With `fetch` false, a screen that loads the feed itself keeps the count in step. */
export const useFlaggedCount = (enabled: boolean, fetch = true) => flagged.use(enabled, fetch)
