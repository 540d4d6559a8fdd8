import type { ComponentChildren } from 'preact'
import { Breadcrumbs } from '../../components/form'
import { PARTNER_NAV, STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { useScopedPartnerName } from '../../lib/partner-name'

/**
 * Whose catalog a screen shows and where it lives: a partner user's own (`/workspace/catalog`)
 * or, for staff, any partner's (`/staff/partners/<id>/catalog`, with the dealer cost column).
 */
export interface CatalogScope {
  partnerId: string
  partnerName: string | undefined
  base: string
  staff: boolean
}

export function useCatalogScope(staffPartnerId?: string): CatalogScope {
  const { me, partnerName: name } = useScopedPartnerName(staffPartnerId)
  if (staffPartnerId) {
    return {
      partnerId: staffPartnerId,
      partnerName: name,
      base: `/staff/partners/${encodeURIComponent(staffPartnerId)}/catalog`,
      staff: true,
    }
  }
  return { partnerId: me.partnerId ?? '', partnerName: me.partnerName, base: '/workspace/catalog', staff: false }
}

/** The workspace frame around a catalog screen, with breadcrumbs below the catalog's root. */
export function CatalogFrame({
  scope,
  crumbs,
  children,
}: {
  scope: CatalogScope
  /** trail below "Catalog"; empty on the catalog itself */
  crumbs: { href?: string; label: string }[]
  children: ComponentChildren
}) {
  if (scope.staff) {
    const partnerHref = `/staff/partners/${encodeURIComponent(scope.partnerId)}`
    return (
      <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
        <Breadcrumbs
          items={[
            { href: '/staff/partners', label: 'Partners' },
            { href: partnerHref, label: scope.partnerName ?? scope.partnerId },
            crumbs.length ? { href: scope.base, label: 'Catalog' } : { label: 'Catalog' },
            ...crumbs,
          ]}
        />
        {children}
      </WorkspaceShell>
    )
  }
  return (
    <WorkspaceShell kind="Partner workspace" organisation={scope.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      {crumbs.length > 0 && <Breadcrumbs items={[{ href: scope.base, label: 'Catalog' }, ...crumbs]} />}
      {children}
    </WorkspaceShell>
  )
}
