import { useEffect, useRef, useState } from 'preact/hooks'
import { describeError } from '../api/client'
import { api, type Answer } from '../api/contracts'
import { BellIcon } from '../components/icons'
import { EmptyState, ErrorState, LoadMore, Loading, Notice } from '../components/states'
import { formatDateTime } from '../lib/format'
import { usePagedList, useResource, useTitle } from '../lib/hooks'
import { setUnreadCount } from '../lib/unread'
import { Link } from '../router'
import {
  MANDATORY_KINDS,
  NOTIFICATION_KINDS,
  NOTIFICATION_LABELS,
  type NotificationKind,
} from '../../../shared/notifications/outbox'

type NotificationItem = Answer<'notifications', 'list'>['items'][number]

/** Everything the portal told the signed-in user, newest first, and which of it they want by e-mail. */
export function NotificationsPage() {
  useTitle('Notifications')
  const [unreadOnly, setUnreadOnly] = useState(false)
  const list = usePagedList<NotificationItem, Answer<'notifications', 'list'>>(
    (cursor, signal) =>
      api.notifications
        .list({ query: { unread: unreadOnly ? 'true' : undefined, cursor, limit: 20 }, signal })
        .then((r) => r.data),
    [unreadOnly],
    (page) => setUnreadCount(page.unreadCount),
  )
  const { items, state } = list

  async function markRead(item: NotificationItem) {
    if (item.readAt) return
    const { data } = await api.notifications.markRead({ params: { id: item.id } })
    list.setItems((all) => (unreadOnly ? all.filter((n) => n.id !== item.id) : all.map((n) => (n.id === item.id ? data : n))))
    void api.notifications.list({ query: { limit: 1 } }).then((r) => setUnreadCount(r.data.unreadCount))
  }

  return (
    <div class="container page">
      <div class="content-header">
        <div>
          <h1>Notifications</h1>
          <p class="lede">Decisions, offers, expiries and changes to your partnership, newest first.</p>
        </div>
      </div>

      <div class="toolbar">
        <div class="toolbar__field checkbox-inline">
          <input
            id="notifications-unread"
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
          />
          <label for="notifications-unread">Unread only</label>
        </div>
      </div>

      {state === 'loading' && <Loading label="Loading notifications…" />}
      {state === 'error' && <ErrorState title="We couldn't load your notifications" error={list.error} onRetry={list.reload} />}
      {state === 'ready' && items.length === 0 && (
        <EmptyState title={unreadOnly ? 'Nothing unread' : 'No notifications yet'} icon={<BellIcon class="state__icon" />}>
          <p class="state__text">
            {unreadOnly
              ? 'You have read everything the portal told you.'
              : 'When something needs your attention — a decision, an offer, an expiry — it appears here and in your e-mail.'}
          </p>
        </EmptyState>
      )}
      {state === 'ready' && items.length > 0 && (
        <ul class="notification-list" aria-label="Notifications">
          {items.map((item) => (
            <li key={item.id} class={`card notification${item.readAt ? '' : ' notification--unread'}`}>
              <p class="notification__meta">
                {!item.readAt && <span class="notification__dot">Unread · </span>}
                {NOTIFICATION_LABELS[item.kind]} · {formatDateTime(item.createdAt)}
              </p>
              <h2 class="notification__title">
                {item.link ? (
                  <Link href={item.link} onClick={() => void markRead(item)}>
                    {item.title}
                  </Link>
                ) : (
                  item.title
                )}
              </h2>
              <p class="notification__body">{item.body}</p>
              {!item.readAt && (
                <button type="button" class="button button--ghost button--small" onClick={() => void markRead(item)}>
                  Mark as read<span class="visually-hidden">: {item.title}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {state === 'ready' && <LoadMore {...list} label="Load more notifications" />}

      <EmailPreferences />
    </div>
  )
}

/** Which kinds arrive by e-mail too; safety notices and terms changes always do. */
function EmailPreferences() {
  const { resource, reload } = useResource((signal) => api.notifications.preferences({ signal }).then((r) => r.data), [])
  const [optOut, setOptOut] = useState<NotificationKind[] | undefined>()
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string }>()
  const [saving, setSaving] = useState(false)
  const statusRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (resource.status === 'ready') setOptOut(resource.data.emailOptOut)
  }, [resource])
  useEffect(() => {
    if (status) statusRef.current?.focus()
  }, [status])

  async function save(event: Event) {
    event.preventDefault()
    if (!optOut) return
    setSaving(true)
    try {
      await api.notifications.setPreferences({ body: { emailOptOut: optOut } })
      setStatus({ tone: 'success', text: 'Saved. Your e-mail choices apply to the next notifications.' })
    } catch (error) {
      setStatus({ tone: 'error', text: describeError(error) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <section class="card section" aria-labelledby="email-preferences-heading">
      <h2 id="email-preferences-heading">E-mail</h2>
      {resource.status === 'loading' && <Loading label="Loading your e-mail choices…" />}
      {resource.status === 'error' && (
        <ErrorState title="We couldn't load your e-mail choices" error={resource.error} onRetry={reload} />
      )}
      {optOut && (
        <form onSubmit={save}>
          <fieldset class="fieldset">
            <legend>Send me an e-mail for</legend>
            <p class="field__hint">Everything also appears here in the portal. Some notices always come by e-mail.</p>
            <ul class="checkbox-grid checkbox-grid--wide">
              {NOTIFICATION_KINDS.map((kind) => {
                const id = `email-${kind}`
                const mandatory = MANDATORY_KINDS.includes(kind)
                return (
                  <li key={kind}>
                    <input
                      id={id}
                      type="checkbox"
                      checked={mandatory || !optOut.includes(kind)}
                      disabled={mandatory}
                      aria-describedby={mandatory ? 'email-mandatory-hint' : undefined}
                      onChange={(e) => {
                        setStatus(undefined)
                        setOptOut(e.currentTarget.checked ? optOut.filter((k) => k !== kind) : [...optOut, kind])
                      }}
                    />
                    <label for={id}>
                      {NOTIFICATION_LABELS[kind]}
                      {mandatory && <span class="field__optional"> (always)</span>}
                    </label>
                  </li>
                )
              })}
            </ul>
            <p class="visually-hidden" id="email-mandatory-hint">
              Always sent by e-mail.
            </p>
          </fieldset>
          <div class="form-actions">
            <div ref={statusRef} tabIndex={-1} class="form-actions__status">
              {status && (
                <Notice tone={status.tone} title={status.tone === 'success' ? 'Saved' : 'Not saved'}>
                  {status.text}
                </Notice>
              )}
            </div>
            <div class="form-actions__buttons">
              <button type="submit" class="button button--primary" disabled={saving}>
                {saving ? 'Saving…' : 'Save e-mail choices'}
              </button>
            </div>
          </div>
        </form>
      )}
    </section>
  )
}
