/** The staff workspace's screens: one chunk, loaded when HomeAIQ staff first open it. */
export { StaffBriefingsPage } from './Briefings'
export { StaffLeadPage } from './LeadDetail'
export { StaffLeadsPage } from './Leads'
export { StaffNewPartnerPage } from './NewPartner'
export { StaffPartnerPage } from './PartnerDetail'
export { StaffPartnersPage } from './Partners'
export { StaffReferralPage } from './ReferralDetail'
export { StaffShareLeadPage } from './ShareLead'
