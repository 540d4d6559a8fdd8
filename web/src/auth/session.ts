/**
 * The signed-in session: the access token lives in this origin's localStorage, with its expiry
 * beside it, so every tab of the browser shares one session (a link opened in a new tab is
 * signed in) and signing out in one tab signs out all of them (`onSessionChange`: the storage
 * event reaches every other tab of the origin). Other origins cannot read it, and the strict
 * Content-Security-Policy (script-src 'self', no inline script) keeps foreign code out of this
 * one. Only the short-lived access token is kept: no refresh token, nothing else about the user.
 */
const TOKEN_KEY = 'homeaiq.token'
const EXPIRES_KEY = 'homeaiq.token.expiresAt'

function storage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined // storage disabled: the session lasts as long as the page
  }
}

let memoryToken: string | undefined

export function getToken(): string | undefined {
  const store = storage()
  const token = store ? (store.getItem(TOKEN_KEY) ?? undefined) : memoryToken
  if (!token) return undefined
  const expiresAt = Number(store?.getItem(EXPIRES_KEY) ?? 0)
  if (expiresAt && Date.now() >= expiresAt) {
    clearToken()
    return undefined
  }
  return token
}

export function setToken(token: string, expiresInSeconds?: number) {
  memoryToken = token
  const store = storage()
  // the expiry first: another tab that sees the new token reads its expiry with it
  if (expiresInSeconds) store?.setItem(EXPIRES_KEY, String(Date.now() + expiresInSeconds * 1000))
  else store?.removeItem(EXPIRES_KEY)
  store?.setItem(TOKEN_KEY, token)
}

export function clearToken() {
  memoryToken = undefined
  const store = storage()
  store?.removeItem(TOKEN_KEY)
  store?.removeItem(EXPIRES_KEY)
}

/**
 * Calls `listener` when another tab signs in (with the new token) or out (undefined).
 * Answers the unsubscribe function.
 */
export function onSessionChange(listener: (token: string | undefined) => void): () => void {
  const changed = (event: StorageEvent) => {
    if (event.key === TOKEN_KEY || event.key === null) listener(event.newValue ?? undefined)
  }
  window.addEventListener('storage', changed)
  return () => window.removeEventListener('storage', changed)
}
