import { lazyScreen } from './components/lazy'

/**
 * The screens behind sign-in, each group in a chunk of its own that loads on first use: the
 * first page (the public directory) carries none of their code.
 */
const workspace = () => import('./pages/workspace')
const staff = () => import('./pages/staff')
const account = () => import('./pages/account')
const mdf = () => import('./pages/mdf')
const program = () => import('./pages/program')

export const BriefingComposerPage = lazyScreen(() => workspace().then((m) => m.BriefingComposerPage))
export const WorkspaceBriefingPage = lazyScreen(() => workspace().then((m) => m.WorkspaceBriefingPage))
export const BriefingCorrectionPage = lazyScreen(() => workspace().then((m) => m.BriefingCorrectionPage))
export const WorkspaceBriefingsPage = lazyScreen(() => workspace().then((m) => m.WorkspaceBriefingsPage))
export const CatalogPage = lazyScreen(() => workspace().then((m) => m.CatalogPage))
export const WorkspaceLeadPage = lazyScreen(() => workspace().then((m) => m.WorkspaceLeadPage))
export const WorkspaceLeadsPage = lazyScreen(() => workspace().then((m) => m.WorkspaceLeadsPage))
export const WorkspaceListingPage = lazyScreen(() => workspace().then((m) => m.WorkspaceListingPage))
export const NewProductPage = lazyScreen(() => workspace().then((m) => m.NewProductPage))
export const ProductPage = lazyScreen(() => workspace().then((m) => m.ProductPage))
export const WorkspaceReferralsPage = lazyScreen(() => workspace().then((m) => m.WorkspaceReferralsPage))

export const StaffBriefingsPage = lazyScreen(() => staff().then((m) => m.StaffBriefingsPage))
export const StaffLeadPage = lazyScreen(() => staff().then((m) => m.StaffLeadPage))
export const StaffLeadsPage = lazyScreen(() => staff().then((m) => m.StaffLeadsPage))
export const StaffNewPartnerPage = lazyScreen(() => staff().then((m) => m.StaffNewPartnerPage))
export const StaffPartnerPage = lazyScreen(() => staff().then((m) => m.StaffPartnerPage))
export const StaffPartnersPage = lazyScreen(() => staff().then((m) => m.StaffPartnersPage))
export const StaffReferralPage = lazyScreen(() => staff().then((m) => m.StaffReferralPage))
export const StaffShareLeadPage = lazyScreen(() => staff().then((m) => m.StaffShareLeadPage))

export const NotificationsPage = lazyScreen(() => account().then((m) => m.NotificationsPage))
export const TeamPage = lazyScreen(() => account().then((m) => m.TeamPage))

export const MdfFundPage = lazyScreen(() => mdf().then((m) => m.MdfFundPage))
export const NewClaimPage = lazyScreen(() => mdf().then((m) => m.NewClaimPage))
export const ClaimPage = lazyScreen(() => mdf().then((m) => m.ClaimPage))
export const StaffClaimQueuePage = lazyScreen(() => mdf().then((m) => m.StaffClaimQueuePage))

// certifications: each screen its own chunk (the public badge page is reached by people outside the program)
export const BadgeVerificationPage = lazyScreen(() => import('./pages/BadgeVerification').then((m) => m.BadgeVerificationPage))
export const WorkspaceCertificationsPage = lazyScreen(() =>
  import('./pages/workspace/Certifications').then((m) => m.WorkspaceCertificationsPage),
)
export const CertificationApplyPage = lazyScreen(() =>
  import('./pages/workspace/CertificationApplication').then((m) => m.CertificationApplyPage),
)
export const WorkspaceCertificationPage = lazyScreen(() =>
  import('./pages/workspace/CertificationApplication').then((m) => m.WorkspaceCertificationPage),
)
export const StaffCertificationsPage = lazyScreen(() =>
  import('./pages/staff/Certifications').then((m) => m.StaffCertificationsPage),
)
export const StaffCertificationProgramsPage = lazyScreen(() =>
  import('./pages/staff/CertificationPrograms').then((m) => m.StaffCertificationProgramsPage),
)
export const StaffCertificationReviewPage = lazyScreen(() =>
  import('./pages/staff/CertificationReview').then((m) => m.StaffCertificationReviewPage),
)

export const StaffDashboardPage = lazyScreen(() => program().then((m) => m.StaffDashboardPage))
export const PartnerDashboardPage = lazyScreen(() => program().then((m) => m.PartnerDashboardPage))
export const WorkspaceHistoryPage = lazyScreen(() => program().then((m) => m.WorkspaceHistoryPage))
export const StaffAuditPage = lazyScreen(() => program().then((m) => m.StaffAuditPage))
