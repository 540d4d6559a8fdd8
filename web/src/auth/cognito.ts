import type { RuntimeConfig, TokenResponse } from '../api/types'

/**
 * Cognito Managed Login with the authorization code flow and PKCE (S256), for a public client
 * (no secret). The verifier and state wait in sessionStorage across the redirect.
 */
type CognitoConfig = Extract<RuntimeConfig['auth'], { mode: 'cognito' }>

const PENDING_KEY = 'homeaiq.pkce'

interface Pending {
  verifier: string
  state: string
  returnTo: string
}

function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function randomString(byteLength = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteLength)))
}

export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64Url(new Uint8Array(digest))
}

const trimSlash = (url: string) => url.replace(/\/+$/, '')

/** Sends the browser to Managed Login; `returnTo` is where to land after the callback. */
export async function startCognitoSignIn(config: CognitoConfig, returnTo: string): Promise<void> {
  const pending: Pending = { verifier: randomString(48), state: randomString(16), returnTo }
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending))
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scopes ?? 'openid email profile',
    state: pending.state,
    code_challenge_method: 'S256',
    code_challenge: await codeChallenge(pending.verifier),
  })
  window.location.assign(`${trimSlash(config.domain)}/oauth2/authorize?${params}`)
}

export class SignInError extends Error {}

/** Handles `/sign-in/callback?code=&state=`: checks the state and exchanges the code for tokens. */
export async function completeCognitoSignIn(
  config: CognitoConfig,
  search: URLSearchParams,
): Promise<{ token: TokenResponse; returnTo: string }> {
  const error = search.get('error')
  if (error) throw new SignInError(search.get('error_description') || `Sign-in was not completed (${error}).`)
  const code = search.get('code')
  const state = search.get('state')
  const raw = sessionStorage.getItem(PENDING_KEY)
  sessionStorage.removeItem(PENDING_KEY)
  if (!code || !state || !raw) throw new SignInError('This sign-in link is incomplete or was already used. Please sign in again.')
  const pending = JSON.parse(raw) as Pending
  if (pending.state !== state) throw new SignInError('The sign-in response did not match this browser. Please sign in again.')

  const response = await fetch(`${trimSlash(config.domain)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: config.redirectUri,
      code_verifier: pending.verifier,
    }),
  })
  if (!response.ok) throw new SignInError('HomeAIQ sign-in could not be completed. Please try again.')
  const token = (await response.json()) as TokenResponse
  if (!token.access_token) throw new SignInError('HomeAIQ sign-in returned no access token.')
  return { token, returnTo: pending.returnTo }
}

/** Managed Login's sign-out URL, when the deployment names an allowed sign-out URL. */
export function cognitoLogoutUrl(config: CognitoConfig): string | undefined {
  if (!config.logoutUri) return undefined
  const params = new URLSearchParams({ client_id: config.clientId, logout_uri: config.logoutUri })
  return `${trimSlash(config.domain)}/logout?${params}`
}
