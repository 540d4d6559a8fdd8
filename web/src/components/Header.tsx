import { useEffect, useRef, useState } from 'preact/hooks'
import { homeFor, useAuth } from '../auth/context'
import { roleLabel } from '../lib/format'
import { useUnreadCount } from '../lib/unread'
import { Link, useLocation } from '../router'
import { BellIcon, ChevronIcon } from './icons'

export function BrandMark() {
  return (
    <svg class="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M8 16.5 16 9l8 7.5V24h-5.5v-5h-5v5H8z" fill="#fff" />
    </svg>
  )
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('')
}

function UserMenu() {
  const { state, signOut } = useAuth()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const location = useLocation()

  useEffect(() => setOpen(false), [location.key])
  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false)
        button.current?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  if (state.status !== 'signed-in') return null
  const { me } = state
  return (
    <div class="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        class="user-menu__button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen(!open)}
      >
        <span class="avatar" aria-hidden="true">
          {initials(me.name)}
        </span>
        <span class="user-menu__name">{me.name}</span>
        <span class="visually-hidden"> — account menu</span>
        <ChevronIcon class="chevron" />
      </button>
      <div id="user-menu-panel" class="user-menu__panel" hidden={!open}>
        <div class="user-menu__who">
          <p class="user-menu__fullname">{me.name}</p>
          <p class="user-menu__meta">{me.email}</p>
          <p class="user-menu__meta">
            {roleLabel(me.role)}
            {me.partnerName ? ` · ${me.partnerName}` : ''}
          </p>
        </div>
        <ul class="user-menu__list">
          <li>
            <Link href={homeFor(me)}>{me.role === 'staff' ? 'Staff workspace' : 'Partner workspace'}</Link>
          </li>
          <li>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </li>
        </ul>
      </div>
    </div>
  )
}

/** The bell: how many notifications are unread, and the way to them. */
function NotificationsLink() {
  const { state } = useAuth()
  const { path } = useLocation()
  const count = useUnreadCount(state.status === 'signed-in')
  if (state.status !== 'signed-in') return null
  return (
    <Link href="/notifications" class="bell" aria-current={path === '/notifications' ? 'page' : undefined}>
      <BellIcon class="bell__icon" />
      <span class="visually-hidden">Notifications{count ? `, ${count} unread` : ''}</span>
      {!!count && (
        <span class="bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  )
}

export function SiteHeader() {
  const { state } = useAuth()
  const location = useLocation()
  const onDirectory = location.path === '/' || location.path.startsWith('/partners/')
  const workspace = state.status === 'signed-in' ? homeFor(state.me) : undefined
  const inWorkspace = !!workspace && location.path.startsWith(workspace)
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <Link href="/" class="brand">
          <BrandMark />
          <span class="brand__text">
            HomeAIQ <span class="brand__product">Partner Portal</span>
          </span>
        </Link>
        <nav class="site-nav" aria-label="Main">
          <ul>
            <li>
              <Link href="/" aria-current={onDirectory ? 'page' : undefined}>
                Directory
              </Link>
            </li>
            {workspace && (
              <li class="site-nav__workspace">
                <Link href={workspace} aria-current={inWorkspace ? 'page' : undefined}>
                  Workspace
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <div class="site-header__account">
          {state.status === 'signed-in' ? (
            <>
              <NotificationsLink />
              <UserMenu />
            </>
          ) : state.status === 'signed-out' && !location.path.startsWith('/sign-in') ? (
            <Link
              href={`/sign-in${location.path === '/' ? '' : `?next=${encodeURIComponent(location.path + (location.search.size ? `?${location.search}` : ''))}`}`}
              class="button button--primary button--small"
            >
              Sign in
            </Link>
          ) : null}
        </div>
      </div>
    </header>
  )
}
