import type { ComponentChildren } from 'preact'
import { Breadcrumbs } from '../../components/form'
import { PARTNER_NAV, STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { useScopedPartnerName } from '../../lib/partner-name'
import type { Side } from '../../../../shared/mdf/vocabulary'

/**
 * Whose MDF a screen shows, and where its screens live: a partner user's own
 * (`/workspace/mdf`), or for HomeAIQ staff any partner's (`/staff/partners/<id>/mdf`, where staff
 * open and adjust funds and file HomeAIQ's own claims). The viewer's side decides what they may
 * do with a claim: decide and pay the other side's, edit their own.
 */
export interface MdfScope {
  partnerId: string
  partnerName: string | undefined
  staff: boolean
  /** the viewer's side of the joint fund */
  side: Side
  /** staff, or a partner admin: may decide and pay the other side's claims */
  mayDecide: boolean
  fundsHref: (period?: string) => string
  newClaimHref: (period?: string) => string
  claimHref: (id: string) => string
}

export function useMdfScope(staffPartnerId?: string): MdfScope {
  const { me, partnerName } = useScopedPartnerName(staffPartnerId)
  const withPeriod = (href: string, period?: string) => (period ? `${href}?period=${encodeURIComponent(period)}` : href)
  if (staffPartnerId) {
    const base = `/staff/partners/${encodeURIComponent(staffPartnerId)}/mdf`
    return {
      partnerId: staffPartnerId,
      partnerName,
      staff: true,
      side: 'homeaiq',
      mayDecide: true,
      fundsHref: (period) => withPeriod(base, period),
      newClaimHref: (period) => withPeriod(`${base}/claims/new`, period),
      claimHref: (id) => `/staff/mdf/claims/${encodeURIComponent(staffPartnerId)}/${encodeURIComponent(id)}`,
    }
  }
  return {
    partnerId: me.partnerId ?? '',
    partnerName,
    staff: false,
    side: 'partner',
    mayDecide: me.role === 'partner-admin',
    fundsHref: (period) => withPeriod('/workspace/mdf', period),
    newClaimHref: (period) => withPeriod('/workspace/mdf/claims/new', period),
    claimHref: (id) => `/workspace/mdf/claims/${encodeURIComponent(id)}`,
  }
}

/** The workspace frame around an MDF screen; `crumbs` below "MDF" (empty on the fund page itself). */
export function MdfFrame({
  scope,
  crumbs,
  children,
}: {
  scope: MdfScope
  crumbs: { href?: string; label: string }[]
  children: ComponentChildren
}) {
  if (scope.staff) {
    return (
      <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
        <Breadcrumbs
          items={[
            { href: '/staff/mdf', label: 'MDF claims' },
            { href: `/staff/partners/${encodeURIComponent(scope.partnerId)}`, label: scope.partnerName ?? scope.partnerId },
            crumbs.length ? { href: scope.fundsHref(), label: 'MDF' } : { label: 'MDF' },
            ...crumbs,
          ]}
        />
        {children}
      </WorkspaceShell>
    )
  }
  return (
    <WorkspaceShell kind="Partner workspace" organisation={scope.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      {crumbs.length > 0 && <Breadcrumbs items={[{ href: scope.fundsHref(), label: 'MDF' }, ...crumbs]} />}
      {children}
    </WorkspaceShell>
  )
}
