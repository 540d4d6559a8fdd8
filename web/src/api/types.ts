/**
 * The API's payloads as the front end sees them: each one is the answer or body type of a
 * route contract (shared/contracts), so the web cannot drift from what the API validates.
 */
import type { Answer, BodyOf } from './contracts'
import type { Problem } from '../../../shared/schemas/common'

export type { PartnerCategory, PartnerStatus, PartnerTier } from '../../../shared/partners/vocabulary'
export type { Lifecycle, Protocol } from '../../../shared/catalog/vocabulary'
export type { BriefingKind } from '../../../shared/briefings/vocabulary'
export type { BudgetRange, LeadStatus, PipelineStatus, ProjectType } from '../../../shared/leads/vocabulary'
export type { DocumentType, UploadPurpose } from '../../../shared/schemas/document'
export type { Role } from '../../../shared/roles'

export type Me = Answer<'identity', 'me'>
export type PublicPartner = Answer<'directory', 'list'>['items'][number]
/** A public profile: the listing and its active certification badges. */
export type PublicProfile = Answer<'directory', 'profile'>
/** A partner record as `GET /partners/{id}` answers it (staff also get commercial terms). */
export type Partner = Answer<'partners', 'get'>
export type Product = Answer<'catalog', 'get'>
export type PricePoint = Answer<'catalog', 'prices'>['items'][number]
export type ImportResult = Answer<'catalog', 'import'>
export type UploadTicket = Answer<'uploads', 'start'>
/** An upload and, once checked and ready, a short-lived download link. */
export type PortalDocumentView = Answer<'uploads', 'document'>
/** A briefing: `flagged` for everyone, `acknowledgedByMe` for staff. */
export type Briefing = Answer<'briefings', 'get'>
/** The staff feed with the count of briefings nobody acknowledged. */
export type BriefingFeedPage = Answer<'briefings', 'feed'>
/** A lead as its reader may see it: the contact only for staff and the partner that accepted it. */
export type Lead = Answer<'leads', 'get'>
/** A referral: staff also see its contact and, once accepted, its lead. */
export type Referral = Answer<'leads', 'referral'>

/** An MDF fund with its balances (staff also see the revenue and rate behind the allocation). */
export type MdfFund = Answer<'mdf', 'getFund'>
/** An MDF claim: which side filed it, which decides it, and the proof it still lacks. */
export type MdfClaim = Answer<'mdf', 'getClaim'>
export type MdfLedgerEntry = Answer<'mdf', 'ledger'>['items'][number]
/** What the claim form sends to file or resubmit a claim. */
export type MdfClaimBody = BodyOf<'mdf', 'fileClaim'>

/** What the front end sends to create or replace a product (the API fills defaults). */
export type ProductBody = BodyOf<'catalog', 'create'>
/** What the composer sends to publish a briefing. */
export type BriefingBody = BodyOf<'briefings', 'publish'>
/** What staff send to share a lead (a referral sends the same without `slaHours` and `offerTo`). */
export type LeadBody = BodyOf<'leads', 'share'>

export interface Page<T> {
  items: T[]
  nextCursor?: string
}

/** RFC 9457 problem details, as the API sends them. */
export type ProblemBody = Partial<Problem>
export type FieldError = NonNullable<Problem['errors']>[number]

export interface DevUser {
  email: string
  name: string
  role: Me['role']
  partnerId?: string
  partnerName?: string
}

export interface TokenResponse {
  access_token: string
  token_type?: string
  expires_in?: number
}

/** `GET /config.json`: how this deployment signs users in. */
export type RuntimeConfig = {
  auth:
    | { mode: 'dev' }
    | {
        mode: 'cognito'
        /** Managed Login base URL, e.g. https://<prefix>.auth.<region>.amazoncognito.com */
        domain: string
        clientId: string
        redirectUri: string
        /** optional: space separated; default "openid email profile" */
        scopes?: string
        /** optional: where Cognito's /logout sends the browser back (must be an allowed sign-out URL) */
        logoutUri?: string
      }
}

/** A certification program: requirements, evidence, validity and scope. */
export type CertificationProgram = Answer<'certifications', 'program'>
/** A certification application with its status timeline. */
export type CertificationApplication = Answer<'certifications', 'get'>
/** A badge as its partner and staff see it. */
export type Badge = Answer<'certifications', 'revoke'>
/** What anyone may read of a badge. */
export type PublicBadge = Answer<'badges', 'get'>
