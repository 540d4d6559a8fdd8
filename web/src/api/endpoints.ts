import { download, get, query, request, sendWithProgress, type ProgressOptions } from './client'
import type {
  Briefing,
  BriefingBody,
  BriefingFeedPage,
  BriefingKind,
  DevUser,
  DocumentType,
  ImportResult,
  Lifecycle,
  Me,
  Page,
  Partner,
  PartnerCategory,
  PartnerStatus,
  PartnerTier,
  PortalDocumentView,
  PricePoint,
  Product,
  ProductBody,
  Protocol,
  PublicPartner,
  TokenResponse,
  UploadPurpose,
  UploadTicket,
} from './types'

const partnerPath = (pid: string) => `/api/v1/partners/${encodeURIComponent(pid)}`
const productPath = (pid: string, sku: string) => `${partnerPath(pid)}/products/${encodeURIComponent(sku)}`

export interface ProductFilters {
  category?: PartnerCategory | undefined
  lifecycle?: Lifecycle | undefined
  protocol?: Protocol | undefined
  q?: string | undefined
}

/** Every API route the front end calls, in one place. */
export const api = {
  me: (signal?: AbortSignal) => get<Me>('/api/v1/me', signal),

  directory: (
    params: {
      category?: PartnerCategory | undefined
      tier?: PartnerTier | undefined
      q?: string | undefined
      limit?: number
      cursor?: string | undefined
    },
    signal?: AbortSignal,
  ) => get<Page<PublicPartner>>(`/api/v1/directory${query(params)}`, signal),
  directoryEntry: (id: string, signal?: AbortSignal) => get<PublicPartner>(`/api/v1/directory/${encodeURIComponent(id)}`, signal),

  partner: (id: string, signal?: AbortSignal) =>
    request<Partner>(`/api/v1/partners/${encodeURIComponent(id)}`, signal ? { signal } : {}),
  updatePartner: (id: string, etag: string, changes: Record<string, unknown>) =>
    request<Partner>(`/api/v1/partners/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { 'if-match': etag },
      body: changes,
    }),
  partners: (params: { status?: PartnerStatus | undefined; limit?: number; cursor?: string | undefined }, signal?: AbortSignal) =>
    get<Page<Partner>>(`/api/v1/partners${query(params)}`, signal),
  createPartner: (body: Record<string, unknown>) => request<Partner>('/api/v1/partners', { method: 'POST', body }),

  products: (pid: string, params: ProductFilters & { limit?: number; cursor?: string | undefined }, signal?: AbortSignal) =>
    get<Page<Product>>(`${partnerPath(pid)}/products${query({ ...params })}`, signal),
  product: (pid: string, sku: string, signal?: AbortSignal) => request<Product>(productPath(pid, sku), signal ? { signal } : {}),
  createProduct: (pid: string, body: ProductBody) => request<Product>(`${partnerPath(pid)}/products`, { method: 'POST', body }),
  replaceProduct: (pid: string, sku: string, etag: string, body: ProductBody) =>
    request<Product>(productPath(pid, sku), { method: 'PUT', headers: { 'if-match': etag }, body }),
  deleteProduct: (pid: string, sku: string, etag?: string) =>
    request<undefined>(productPath(pid, sku), { method: 'DELETE', headers: etag ? { 'if-match': etag } : {} }),
  priceHistory: (pid: string, sku: string, params: { limit?: number; cursor?: string | undefined } = {}, signal?: AbortSignal) =>
    get<Page<PricePoint>>(`${productPath(pid, sku)}/prices${query(params)}`, signal),
  importProducts: (pid: string, csv: Blob, options: ProgressOptions = {}) =>
    sendWithProgress<ImportResult>(`${partnerPath(pid)}/products/import`, csv, {
      ...options,
      headers: { 'content-type': 'text/csv' },
    }),
  exportProducts: (pid: string) => download(`${partnerPath(pid)}/products/export`, `${pid}-catalog.csv`),

  requestUpload: (pid: string, body: { purpose: UploadPurpose; contentType: DocumentType; size: number; filename: string }) =>
    request<UploadTicket>(`${partnerPath(pid)}/uploads`, { method: 'POST', body }).then((r) => r.data),
  document: (pid: string, documentId: string, signal?: AbortSignal) =>
    get<PortalDocumentView>(`${partnerPath(pid)}/documents/${encodeURIComponent(documentId)}`, signal),

  briefings: (
    pid: string,
    params: { kind?: BriefingKind | undefined; limit?: number; cursor?: string | undefined },
    signal?: AbortSignal,
  ) => get<Page<Briefing>>(`${partnerPath(pid)}/briefings${query(params)}`, signal),
  briefing: (pid: string, id: string, signal?: AbortSignal) =>
    get<Briefing>(`${partnerPath(pid)}/briefings/${encodeURIComponent(id)}`, signal),
  /** `idempotencyKey`: one per draft, so a double submit or a retried request publishes once */
  publishBriefing: (pid: string, body: BriefingBody, idempotencyKey: string) =>
    request<Briefing>(`${partnerPath(pid)}/briefings`, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': idempotencyKey },
    }).then((r) => r.data),
  briefingFeed: (
    params: {
      kind?: BriefingKind | undefined
      partnerId?: string | undefined
      unacknowledged?: 'true' | undefined
      limit?: number
      cursor?: string | undefined
    },
    signal?: AbortSignal,
  ) => get<BriefingFeedPage>(`/api/v1/review/briefings${query(params)}`, signal),
  acknowledgeBriefing: (pid: string, id: string) =>
    request<Briefing>(`${partnerPath(pid)}/briefings/${encodeURIComponent(id)}/ack`, { method: 'POST' }).then((r) => r.data),

  devUsers: (signal?: AbortSignal) => get<DevUser[]>('/auth/dev/users', signal),
  devToken: async (email: string) => (await request<TokenResponse>('/auth/dev/token', { method: 'POST', body: { email } })).data,
}
