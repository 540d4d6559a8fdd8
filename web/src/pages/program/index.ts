/** Running the program: the dashboards and the audit trails, one chunk loaded on first use. */
export { StaffAuditPage, WorkspaceHistoryPage } from './AuditHistory'
export { PartnerDashboardPage } from './PartnerDashboard'
export { StaffDashboardPage } from './StaffDashboard'
