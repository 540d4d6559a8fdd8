/** The MDF screens: one chunk the app loads on the first MDF screen (see app.tsx). */
export { ClaimPage } from './ClaimDetail'
export { MdfFundPage } from './FundPage'
export { NewClaimPage } from './NewClaim'
export { StaffClaimQueuePage } from './Queue'
