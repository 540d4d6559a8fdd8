import { get, request } from '../api/client'
import type { DevUser, TokenResponse } from '../api/types'

/** The local dev identity provider's sign-in (`npm start` only; AWS signs in through Cognito). */
export const devUsers = (signal?: AbortSignal) => get<DevUser[]>('/auth/dev/users', signal)

export const devToken = async (email: string) =>
  (await request<TokenResponse>('/auth/dev/token', { method: 'POST', body: { email } })).data
