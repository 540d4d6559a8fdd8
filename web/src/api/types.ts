/**
 * The API's payloads as the front end sees them. The shapes come from the shared zod contract
 * (`shared/schemas`), imported as types only so that no zod code reaches the browser bundle.
 */
import type { PartnerView } from '../../../shared/partners/view'
import type { PartnerCategory, PartnerStatus, PartnerTier, PublicPartner } from '../../../shared/schemas/partner'
import type { Me } from '../../../shared/schemas/user'
import type { ImportResult, Lifecycle, PricePoint, Product, ProductInput, Protocol } from '../../../shared/schemas/product'
import type { Briefing as StoredBriefing, BriefingInput, BriefingKind } from '../../../shared/schemas/briefing'
import type { DocumentType, UploadPurpose, UploadTicket } from '../../../shared/schemas/document'

export type { Me, PartnerCategory, PartnerStatus, PartnerTier, PublicPartner }
export type { ImportResult, Lifecycle, PricePoint, Product, Protocol }
export type { BriefingKind, DocumentType, UploadPurpose, UploadTicket }

/** What the front end sends to create or replace a product (the API fills defaults). */
export type ProductBody = Omit<ProductInput, 'description'> & { description?: string }

/** What the composer sends to publish a briefing. */
export type BriefingBody = BriefingInput

/** A briefing as the API answers it: `flagged` for everyone, `acknowledgedByMe` for staff. */
export type Briefing = StoredBriefing & { flagged: boolean; acknowledgedByMe?: boolean }

/** `GET /review/briefings`: the staff feed with the count of briefings nobody acknowledged. */
export interface BriefingFeedPage {
  items: Briefing[]
  nextCursor?: string
  flaggedCount: number
}

/** `GET .../documents/{id}`: an upload and, once checked and ready, a short-lived download link. */
export interface PortalDocumentView {
  id: string
  partnerId: string
  purpose: UploadPurpose
  contentType: DocumentType
  filename: string
  size: number
  status: 'pending' | 'ready' | 'rejected'
  rejectionReason?: string
  createdAt: string
  checkedAt?: string
  downloadUrl?: string
}
export type { Role } from '../../../shared/roles'

/** A partner record as `GET /api/v1/partners/{id}` answers it (staff also get commercial terms). */
export type Partner = PartnerView

export interface Page<T> {
  items: T[]
  nextCursor?: string
}

export interface FieldError {
  field: string
  message: string
}

/** RFC 9457 problem details. */
export interface ProblemBody {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: FieldError[]
}

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
