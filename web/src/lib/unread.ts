import { api } from '../api/contracts'
import { liveCount } from './live-count'

/** The signed-in user's unread notifications: the header's bell shows it, the notifications page keeps it current. */
const unread = liveCount(async (signal) => (await api.notifications.list({ query: { limit: 1 }, signal })).data.unreadCount)

export const setUnreadCount = unread.set
/** Fetched on mount and every minute while the bell is on screen. */
export const useUnreadCount = (enabled: boolean) => unread.use(enabled, true, 60_000)
