import type { ComponentChildren } from 'preact'
import { useAuth } from '../auth/context'
import { useFlaggedCount } from '../lib/flagged'
import { roleLabel } from '../lib/format'
import type { Role } from '../api/types'
import { Link, useLocation } from '../router'

export interface NavItem {
  href: string
  label: string
  /** other paths that belong to this item (e.g. detail pages) */
  match?: (path: string) => boolean
  /** a live count beside the label: briefings still awaiting staff acknowledgement */
  badge?: 'flagged-briefings'
  /** only these roles see the item (default: everyone with the workspace) */
  roles?: Role[]
}

/**
 * The frame of a signed-in workspace: which organisation and role, a section nav that more
 * items slot into as capabilities arrive, and the screen's content.
 */
export function WorkspaceShell({
  kind,
  organisation,
  nav,
  children,
}: {
  kind: string
  organisation: string
  nav: NavItem[]
  children: ComponentChildren
}) {
  const { state } = useAuth()
  const { path } = useLocation()
  const me = state.status === 'signed-in' ? state.me : undefined
  // the briefing feed loads the count with its first page: no separate request there
  const flagged = useFlaggedCount(
    nav.some((item) => item.badge === 'flagged-briefings'),
    !path.startsWith('/staff/briefings'),
  )
  return (
    <div class="workspace">
      <div class="workspace-header">
        <div class="container workspace-header__inner">
          {/* who is signed in, and signing out, live once: in the site header's account menu */}
          <div>
            <p class="eyebrow eyebrow--light">
              {kind}
              {me && <span class="workspace-header__role"> · {roleLabel(me.role)}</span>}
            </p>
            <p class="workspace-header__org">{organisation}</p>
          </div>
        </div>
      </div>
      <div class="container workspace-body">
        <nav class="workspace-nav" aria-label={`${kind} sections`}>
          <ul>
            {nav
              .filter((item) => !item.roles || (me && item.roles.includes(me.role)))
              .map((item) => {
                const current = path === item.href || !!item.match?.(path)
                const count = item.badge === 'flagged-briefings' ? flagged : undefined
                return (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={current ? 'page' : undefined}>
                      {item.label}
                      {!!count && (
                        <span class="nav-count" data-testid="flagged-count">
                          <span aria-hidden="true">{count}</span>
                          <span class="visually-hidden">
                            {' '}
                            ({count} {count === 1 ? 'needs' : 'need'} acknowledgement)
                          </span>
                        </span>
                      )}
                    </Link>
                  </li>
                )
              })}
          </ul>
        </nav>
        <div class="workspace-content">{children}</div>
      </div>
    </div>
  )
}

export const PARTNER_NAV: NavItem[] = [
  { href: '/workspace', label: 'Dashboard' },
  { href: '/workspace/listing', label: 'Listing' },
  { href: '/workspace/catalog', label: 'Catalog', match: (p) => p.startsWith('/workspace/catalog/') },
  { href: '/workspace/briefings', label: 'Briefings', match: (p) => p.startsWith('/workspace/briefings/') },
  { href: '/workspace/leads', label: 'Leads', match: (p) => p.startsWith('/workspace/leads/') },
  { href: '/workspace/referrals', label: 'Referrals' },
  { href: '/workspace/mdf', label: 'MDF', match: (p) => p.startsWith('/workspace/mdf/') },
  { href: '/workspace/certifications', label: 'Certifications', match: (p) => p.startsWith('/workspace/certifications/') },
  { href: '/workspace/team', label: 'Team', roles: ['partner-admin'] },
  { href: '/workspace/history', label: 'History' },
]

export const STAFF_NAV: NavItem[] = [
  { href: '/staff', label: 'Dashboard' },
  { href: '/staff/partners', label: 'Partners', match: (p) => p.startsWith('/staff/partners/') },
  { href: '/staff/briefings', label: 'Briefings', badge: 'flagged-briefings', match: (p) => p.startsWith('/staff/briefings/') },
  { href: '/staff/leads', label: 'Leads', match: (p) => p.startsWith('/staff/leads/') || p.startsWith('/staff/referrals/') },
  { href: '/staff/mdf', label: 'MDF claims', match: (p) => p.startsWith('/staff/mdf/') },
  { href: '/staff/certifications', label: 'Certifications', match: (p) => p.startsWith('/staff/certifications/') },
  { href: '/staff/users', label: 'Staff users' },
  { href: '/staff/audit', label: 'Audit' },
]
