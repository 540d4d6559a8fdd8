import type { z } from 'zod'
import { Problem } from '../../shared/schemas/common'
import {
  DirectoryPage,
  DirectoryQuery,
  Partner,
  PartnerCreate,
  PartnerPatch,
  PublicPartner,
  StaffPartnerQuery,
} from '../../shared/schemas/partner'
import { ImportResult, PriceHistoryPage, Product, ProductInput, ProductPage, ProductQuery } from '../../shared/schemas/product'
import { DocumentView, UploadRequest, UploadTicket } from '../../shared/schemas/document'
import { Briefing, BriefingFeedQuery, BriefingInput, BriefingPage, PartnerBriefingQuery } from '../../shared/schemas/briefing'
import { AuditPage, AuditPageQuery, EntityAuditQuery } from '../../shared/schemas/audit'
import { Me } from '../../shared/schemas/user'

/** Who may call a route; the OpenAPI document states it per operation. */
export type Access = 'public' | 'signed-in' | 'staff' | 'partner-member' | 'partner-admin'

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  tag: string
  access: Access
  query?: z.ZodObject
  body?: z.ZodType
  response?: z.ZodType
  status?: number
  ifMatch?: boolean
  /** accepts an Idempotency-Key header */
  idempotent?: boolean
  /** a non-JSON request body (e.g. text/csv) */
  bodyType?: string
  /** a non-JSON response body */
  responseType?: string
}

/** Every route of the API, with the zod schemas it validates against. Slices add their rows. */
export const routeDocs: RouteDoc[] = [
  { method: 'get', path: '/health', summary: 'Readiness probe', tag: 'identity', access: 'public' },
  { method: 'get', path: '/me', summary: 'The signed-in user', tag: 'identity', access: 'signed-in', response: Me },
  {
    method: 'get',
    path: '/directory',
    summary: 'Active partners',
    tag: 'directory',
    access: 'public',
    query: DirectoryQuery,
    response: DirectoryPage,
  },
  {
    method: 'get',
    path: '/directory/{partnerId}',
    summary: 'A public partner profile',
    tag: 'directory',
    access: 'public',
    response: PublicPartner,
  },
  {
    method: 'get',
    path: '/directory/{partnerId}/logo',
    summary: 'The partner’s logo (302 to a signed image URL)',
    tag: 'directory',
    access: 'public',
    status: 302,
  },
  { method: 'get', path: '/partners', summary: 'All partners', tag: 'partners', access: 'staff', query: StaffPartnerQuery },
  {
    method: 'post',
    path: '/partners',
    summary: 'Add a partner',
    tag: 'partners',
    access: 'staff',
    body: PartnerCreate,
    response: Partner,
    status: 201,
  },
  {
    method: 'get',
    path: '/partners/{partnerId}',
    summary: 'A partner record (ETag)',
    tag: 'partners',
    access: 'partner-member',
    response: Partner,
  },
  {
    method: 'patch',
    path: '/partners/{partnerId}',
    summary: 'Edit a partner (field-level permissions)',
    tag: 'partners',
    access: 'partner-admin',
    body: PartnerPatch,
    response: Partner,
    ifMatch: true,
  },
  {
    method: 'get',
    path: '/partners/{partnerId}/products',
    summary: 'A partner’s products',
    tag: 'catalog',
    access: 'partner-member',
    query: ProductQuery,
    response: ProductPage,
  },
  {
    method: 'post',
    path: '/partners/{partnerId}/products',
    summary: 'Add a product',
    tag: 'catalog',
    access: 'partner-member',
    body: ProductInput,
    response: Product,
    status: 201,
  },
  {
    method: 'get',
    path: '/partners/{partnerId}/products/export',
    summary: 'The catalog as CSV',
    tag: 'catalog',
    access: 'partner-member',
    responseType: 'text/csv',
  },
  {
    method: 'post',
    path: '/partners/{partnerId}/products/import',
    summary: 'Import a catalog CSV (all rows or nothing)',
    tag: 'catalog',
    access: 'partner-member',
    bodyType: 'text/csv',
    response: ImportResult,
  },
  {
    method: 'get',
    path: '/partners/{partnerId}/products/{sku}',
    summary: 'A product (ETag)',
    tag: 'catalog',
    access: 'partner-member',
    response: Product,
  },
  {
    method: 'put',
    path: '/partners/{partnerId}/products/{sku}',
    summary: 'Replace a product',
    tag: 'catalog',
    access: 'partner-member',
    body: ProductInput,
    response: Product,
    ifMatch: true,
  },
  {
    method: 'delete',
    path: '/partners/{partnerId}/products/{sku}',
    summary: 'Delete a product',
    tag: 'catalog',
    access: 'partner-member',
    status: 204,
  },
  {
    method: 'get',
    path: '/partners/{partnerId}/products/{sku}/prices',
    summary: 'Price history, newest first',
    tag: 'catalog',
    access: 'partner-member',
    response: PriceHistoryPage,
  },
  {
    method: 'post',
    path: '/partners/{partnerId}/uploads',
    summary: 'Start an upload (presigned POST)',
    tag: 'documents',
    access: 'partner-member',
    body: UploadRequest,
    response: UploadTicket,
    status: 201,
  },
  {
    method: 'get',
    path: '/partners/{partnerId}/documents/{documentId}',
    summary: 'An uploaded document: status and download link',
    tag: 'documents',
    access: 'partner-member',
    response: DocumentView,
  },
  {
    method: 'get',
    path: '/partners/{partnerId}/briefings',
    summary: 'A partner’s briefings, newest first',
    tag: 'briefings',
    access: 'partner-member',
    query: PartnerBriefingQuery,
    response: BriefingPage,
  },
  {
    method: 'post',
    path: '/partners/{partnerId}/briefings',
    summary: 'Publish a product update briefing',
    tag: 'briefings',
    access: 'partner-member',
    idempotent: true,
    body: BriefingInput,
    response: Briefing,
    status: 201,
  },
  {
    method: 'get',
    path: '/partners/{partnerId}/briefings/{id}',
    summary: 'A briefing',
    tag: 'briefings',
    access: 'partner-member',
    response: Briefing,
  },
  {
    method: 'post',
    path: '/partners/{partnerId}/briefings/{id}/ack',
    summary: 'Acknowledge a briefing (once per staff user)',
    tag: 'briefings',
    access: 'staff',
    response: Briefing,
  },
  {
    method: 'get',
    path: '/review/briefings',
    summary: 'Briefings across partners',
    tag: 'briefings',
    access: 'staff',
    query: BriefingFeedQuery,
    response: BriefingPage,
  },
  {
    method: 'get',
    path: '/partners/{partnerId}/audit',
    summary: 'The partner’s audit trail, newest first',
    tag: 'audit',
    access: 'partner-member',
    query: AuditPageQuery,
    response: AuditPage,
  },
  {
    method: 'get',
    path: '/audit',
    summary: 'One entity’s audit trail (entity=<type>:<id>)',
    tag: 'audit',
    access: 'staff',
    query: EntityAuditQuery,
    response: AuditPage,
  },
]

export const problemSchema = Problem
