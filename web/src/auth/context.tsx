import type { ComponentChildren } from 'preact'
import { createContext } from 'preact'
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks'
import { ApiError, onUnauthorized } from '../api/client'
import { api } from '../api/contracts'
import type { Me, RuntimeConfig } from '../api/types'
import { leaveAllowed, navigate } from '../router'
import { cognitoLogoutUrl } from './cognito'
import { clearToken, getToken, onSessionChange, setToken } from './session'

export type AuthState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me }

interface AuthContextValue {
  /** undefined while loading */
  config: RuntimeConfig | undefined
  configError: string | undefined
  state: AuthState
  signInWithToken(token: string, expiresIn?: number): Promise<Me>
  signOut(): void
}

const AuthContext = createContext<AuthContextValue | null>(null)

const PROTECTED = /^\/(workspace|staff)(\/|$)/

async function loadConfig(): Promise<RuntimeConfig> {
  try {
    const response = await fetch('/config.json', { headers: { accept: 'application/json' }, cache: 'no-cache' })
    if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) {
      const config = (await response.json()) as RuntimeConfig
      if (config?.auth?.mode === 'dev' || config?.auth?.mode === 'cognito') return config
    }
  } catch {
    // fall through
  }
  // a local server without /config.json: the dev identity provider is the only sensible choice
  if (['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname)) return { auth: { mode: 'dev' } }
  throw new Error('The portal configuration could not be loaded.')
}

/** Where a signed-in user works. */
export function homeFor(me: Me): string {
  return me.role === 'staff' ? '/staff' : '/workspace'
}

export function AuthProvider({ children }: { children: ComponentChildren }) {
  const [config, setConfig] = useState<RuntimeConfig>()
  const [configError, setConfigError] = useState<string>()
  const [state, setState] = useState<AuthState>(() => (getToken() ? { status: 'loading' } : { status: 'signed-out' }))

  useEffect(() => {
    loadConfig().then(setConfig, (error: Error) => setConfigError(error.message))
  }, [])

  useEffect(() => {
    /** off a signed-in screen to sign-in: nothing there can be saved any more */
    const toSignIn = (reason: string) => {
      setState({ status: 'signed-out' })
      const { pathname, search } = window.location
      if (PROTECTED.test(pathname)) {
        navigate(`/sign-in?reason=${reason}&next=${encodeURIComponent(pathname + search)}`, { replace: true, force: true })
      }
    }
    onUnauthorized(() => toSignIn('expired'))
    let controller: AbortController | undefined
    const loadMe = () => {
      controller?.abort()
      const current = (controller = new AbortController())
      api.identity
        .me({ signal: current.signal })
        .then((r) => r.data)
        .then(
          (me) => setState({ status: 'signed-in', me }),
          (error: unknown) => {
            if (error instanceof DOMException && error.name === 'AbortError') return
            // 401 is handled above; anything else: treat as signed out but keep the token for a retry
            if (!(error instanceof ApiError && error.status === 401)) setState({ status: 'signed-out' })
          },
        )
    }
    if (getToken()) loadMe()
    // one session per browser: another tab's sign-in or sign-out is this tab's too
    const unsubscribe = onSessionChange((token) => (token ? loadMe() : toSignIn('signed-out')))
    return () => {
      controller?.abort()
      unsubscribe()
    }
  }, [])

  const signInWithToken = useCallback(async (token: string, expiresIn?: number) => {
    setToken(token, expiresIn)
    try {
      const me = (await api.identity.me({})).data
      setState({ status: 'signed-in', me })
      return me
    } catch (error) {
      clearToken()
      setState({ status: 'signed-out' })
      throw error
    }
  }, [])

  const signOut = useCallback(() => {
    // unsaved changes: ask first, as any other way off the screen does
    if (!leaveAllowed()) return
    clearToken()
    setState({ status: 'signed-out' })
    const logout = config?.auth.mode === 'cognito' ? cognitoLogoutUrl(config.auth) : undefined
    if (logout) window.location.assign(logout)
    else navigate('/', { force: true })
  }, [config])

  const value = useMemo(
    () => ({ config, configError, state, signInWithToken, signOut }),
    [config, configError, state, signInWithToken, signOut],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth outside AuthProvider')
  return value
}
