/**
 * The signed-in session: the access token lives in sessionStorage (one tab, gone when the tab
 * closes), with its expiry beside it. Nothing else about the user is stored in the browser.
 */
const TOKEN_KEY = 'homeaiq.token'
const EXPIRES_KEY = 'homeaiq.token.expiresAt'

function storage(): Storage | undefined {
  try {
    return window.sessionStorage
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
  store?.setItem(TOKEN_KEY, token)
  if (expiresInSeconds) store?.setItem(EXPIRES_KEY, String(Date.now() + expiresInSeconds * 1000))
  else store?.removeItem(EXPIRES_KEY)
}

export function clearToken() {
  memoryToken = undefined
  const store = storage()
  store?.removeItem(TOKEN_KEY)
  store?.removeItem(EXPIRES_KEY)
}
