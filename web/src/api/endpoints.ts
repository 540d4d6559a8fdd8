import { get, query, request } from './client'
import type { DevUser, Me, Page, Partner, PartnerCategory, PartnerStatus, PartnerTier, PublicPartner, TokenResponse } from './types'

/** Every API route the front end calls, in one place. */
export const api = {
  me: (signal?: AbortSignal) => get<Me>('/api/v1/me', signal),

  directory: (
    params: { category?: PartnerCategory | undefined; tier?: PartnerTier | undefined; q?: string | undefined; limit?: number; cursor?: string | undefined },
    signal?: AbortSignal,
  ) => get<Page<PublicPartner>>(`/api/v1/directory${query(params)}`, signal),
  directoryEntry: (id: string, signal?: AbortSignal) =>
    get<PublicPartner>(`/api/v1/directory/${encodeURIComponent(id)}`, signal),

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

  devUsers: (signal?: AbortSignal) => get<DevUser[]>('/auth/dev/users', signal),
  devToken: async (email: string) => (await request<TokenResponse>('/auth/dev/token', { method: 'POST', body: { email } })).data,
}
