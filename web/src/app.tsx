import type { ComponentChildren } from 'preact'
import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { Role } from './api/types'
import { AuthProvider, homeFor, useAuth } from './auth/context'
import { SiteHeader } from './components/Header'
import { Loading } from './components/states'
import { roleLabel } from './lib/format'
import { DirectoryPage } from './pages/Directory'
import { NotForYourRolePage, NotFoundPage } from './pages/NotFound'
import { PartnerProfilePage } from './pages/PartnerProfile'
import { SignInCallbackPage } from './pages/SignInCallback'
import { SignInPage } from './pages/SignIn'
import { Redirect, match, useLocation } from './router'
import {
  BadgeVerificationPage,
  BriefingComposerPage,
  BriefingCorrectionPage,
  CatalogPage,
  CertificationApplyPage,
  ClaimPage,
  MdfFundPage,
  NewClaimPage,
  NewProductPage,
  NotificationsPage,
  PartnerDashboardPage,
  ProductPage,
  StaffAuditPage,
  StaffDashboardPage,
  StaffBriefingsPage,
  StaffCertificationProgramsPage,
  StaffCertificationReviewPage,
  StaffCertificationsPage,
  StaffClaimQueuePage,
  StaffLeadPage,
  StaffLeadsPage,
  StaffNewPartnerPage,
  StaffPartnerPage,
  StaffPartnersPage,
  StaffReferralPage,
  StaffShareLeadPage,
  TeamPage,
  WorkspaceBriefingPage,
  WorkspaceBriefingsPage,
  WorkspaceCertificationPage,
  WorkspaceCertificationsPage,
  WorkspaceHistoryPage,
  WorkspaceLeadPage,
  WorkspaceLeadsPage,
  WorkspaceListingPage,
  WorkspaceReferralsPage,
} from './screens'

/** Only lets signed-in users with one of `roles` through; others are told whose page it is and where theirs is. */
function RequireRole({ roles, children }: { roles: Role[]; children: ComponentChildren }) {
  const { state } = useAuth()
  const location = useLocation()
  if (state.status === 'loading') return <Loading label="Checking your session…" />
  if (state.status === 'signed-out') {
    const next = location.path + (location.search.size ? `?${location.search}` : '')
    return <Redirect to={`/sign-in?next=${encodeURIComponent(next)}`} />
  }
  if (!roles.includes(state.me.role)) {
    return (
      <NotForYourRolePage
        for={audienceOf(roles)}
        role={state.me.role === 'staff' ? 'HomeAIQ staff' : `a ${roleLabel(state.me.role).toLowerCase()}`}
        home={homeFor(state.me)}
      />
    )
  }
  return <>{children}</>
}

const PARTNER_ROLES: Role[] = ['partner-admin', 'partner-rep']

const audienceOf = (roles: Role[]) =>
  roles.length === 1 && roles[0] === 'staff'
    ? 'HomeAIQ staff'
    : roles.length === 1 && roles[0] === 'partner-admin'
      ? 'partner admins'
      : roles.includes('staff')
        ? 'signed-in users'
        : 'partner users'

const partnerOnly = (screen: ComponentChildren) => <RequireRole roles={PARTNER_ROLES}>{screen}</RequireRole>
const staffOnly = (screen: ComponentChildren) => <RequireRole roles={['staff']}>{screen}</RequireRole>

function Routes() {
  const { path } = useLocation()
  let params: Record<string, string> | null
  if (path === '/' || path === '') return <DirectoryPage />
  if ((params = match('/partners/:id', path))) return <PartnerProfilePage id={params.id!} />
  if ((params = match('/badges/:id', path))) return <BadgeVerificationPage id={params.id!} />
  if (match('/workspace/certifications', path)) return partnerOnly(<WorkspaceCertificationsPage />)
  if ((params = match('/workspace/certifications/apply/:programId', path)))
    return partnerOnly(<CertificationApplyPage programId={params.programId!} />)
  if ((params = match('/workspace/certifications/:id', path))) return partnerOnly(<WorkspaceCertificationPage id={params.id!} />)
  if (match('/staff/certifications', path)) return staffOnly(<StaffCertificationsPage />)
  if (match('/staff/certifications/programs', path)) return staffOnly(<StaffCertificationProgramsPage />)
  if ((params = match('/staff/certifications/:partnerId/:id', path)))
    return staffOnly(<StaffCertificationReviewPage partnerId={params.partnerId!} id={params.id!} />)
  if (match('/sign-in', path)) return <SignInPage />
  if (match('/sign-in/callback', path)) return <SignInCallbackPage />
  if (match('/notifications', path)) return <RequireRole roles={['staff', ...PARTNER_ROLES]}>{<NotificationsPage />}</RequireRole>
  if (match('/workspace', path)) return partnerOnly(<PartnerDashboardPage />)
  if (match('/workspace/history', path)) return partnerOnly(<WorkspaceHistoryPage />)
  if (match('/staff/audit', path)) return staffOnly(<StaffAuditPage />)
  if (match('/staff/partners', path)) return staffOnly(<StaffPartnersPage />)
  if (match('/workspace/listing', path)) {
    return (
      <RequireRole roles={PARTNER_ROLES}>
        <WorkspaceListingPage />
      </RequireRole>
    )
  }
  if (match('/workspace/catalog', path)) return partnerOnly(<CatalogPage />)
  if (match('/workspace/catalog/new', path)) return partnerOnly(<NewProductPage />)
  if ((params = match('/workspace/catalog/:sku', path))) return partnerOnly(<ProductPage sku={params.sku!} />)
  if (match('/workspace/briefings', path)) return partnerOnly(<WorkspaceBriefingsPage />)
  if (match('/workspace/briefings/new', path)) return partnerOnly(<BriefingComposerPage />)
  if ((params = match('/workspace/briefings/:id/correct', path))) return partnerOnly(<BriefingCorrectionPage id={params.id!} />)
  if ((params = match('/workspace/briefings/:id', path))) return partnerOnly(<WorkspaceBriefingPage id={params.id!} />)
  if (match('/staff/briefings', path)) return staffOnly(<StaffBriefingsPage />)
  if (match('/workspace/team', path)) return <RequireRole roles={['partner-admin']}>{<TeamPage />}</RequireRole>
  if (match('/staff/users', path)) return staffOnly(<TeamPage />)
  if ((params = match('/staff/partners/:id/team', path))) return staffOnly(<TeamPage staffPartnerId={params.id!} />)
  if (match('/workspace/leads', path)) return partnerOnly(<WorkspaceLeadsPage />)
  if ((params = match('/workspace/leads/:id', path))) return partnerOnly(<WorkspaceLeadPage id={params.id!} />)
  if (match('/workspace/referrals', path)) return partnerOnly(<WorkspaceReferralsPage />)
  if (match('/staff/leads', path)) return staffOnly(<StaffLeadsPage />)
  if (match('/staff/leads/new', path)) return staffOnly(<StaffShareLeadPage />)
  if ((params = match('/staff/leads/:id', path))) return staffOnly(<StaffLeadPage id={params.id!} />)
  if ((params = match('/staff/referrals/:id', path))) return staffOnly(<StaffReferralPage id={params.id!} />)
  if (match('/workspace/mdf', path)) return partnerOnly(<MdfFundPage />)
  if (match('/workspace/mdf/claims/new', path)) return partnerOnly(<NewClaimPage />)
  if ((params = match('/workspace/mdf/claims/:id', path))) return partnerOnly(<ClaimPage id={params.id!} />)
  if (match('/staff/mdf', path)) return staffOnly(<StaffClaimQueuePage />)
  if ((params = match('/staff/mdf/claims/:pid/:id', path))) {
    return staffOnly(<ClaimPage staffPartnerId={params.pid!} id={params.id!} />)
  }
  if ((params = match('/staff/partners/:id/mdf', path))) return staffOnly(<MdfFundPage staffPartnerId={params.id!} />)
  if ((params = match('/staff/partners/:id/mdf/claims/new', path))) return staffOnly(<NewClaimPage staffPartnerId={params.id!} />)
  if ((params = match('/staff/partners/:id/catalog', path))) return staffOnly(<CatalogPage staffPartnerId={params.id!} />)
  if ((params = match('/staff/partners/:id/catalog/new', path))) return staffOnly(<NewProductPage staffPartnerId={params.id!} />)
  if ((params = match('/staff/partners/:id/catalog/:sku', path))) {
    return staffOnly(<ProductPage staffPartnerId={params.id!} sku={params.sku!} />)
  }
  if (match('/staff', path)) return staffOnly(<StaffDashboardPage />)
  if (match('/staff/partners/new', path)) {
    return (
      <RequireRole roles={['staff']}>
        <StaffNewPartnerPage />
      </RequireRole>
    )
  }
  if ((params = match('/staff/partners/:id', path))) {
    return (
      <RequireRole roles={['staff']}>
        <StaffPartnerPage id={params.id!} />
      </RequireRole>
    )
  }
  return <NotFoundPage />
}

/**
 * After an in-app navigation: scroll to the top, move focus to the main landmark and announce
 * the new page title, as a full page load would. The scroll and the focus move happen as the new
 * screen is committed, before it is painted: never later, under a pointer or a caret that is
 * already at work on the new screen.
 */
function useRouteFocus(main: { current: HTMLElement | null }) {
  const location = useLocation()
  const [announcement, setAnnouncement] = useState('')
  const first = useRef(true)
  const lastPath = useRef(location.path)
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    if (lastPath.current === location.path) return // only the query changed (filters): keep focus
    lastPath.current = location.path
    window.scrollTo(0, 0)
    main.current?.focus({ preventScroll: true })
    const timer = setTimeout(() => setAnnouncement(document.title), 120)
    return () => clearTimeout(timer)
  }, [location.key])
  return announcement
}

function Shell() {
  const main = useRef<HTMLElement>(null)
  const announcement = useRouteFocus(main)
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1}>
        <Routes />
      </main>
      <footer class="site-footer">
        <div class="site-footer__inner">
          <p>© {new Date().getFullYear()} HomeAIQ · Manufacturer partnership program</p>
          <p>
            Questions about the program? <a href="mailto:partners@homeaiq.example">partners@homeaiq.example</a>
          </p>
        </div>
      </footer>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  )
}

export function App() {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  )
}
