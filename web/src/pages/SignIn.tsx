import { useState } from 'preact/hooks'
import { ApiError, describeError } from '../api/client'
import type { DevUser, Me } from '../api/types'
import { startCognitoSignIn } from '../auth/cognito'
import { devToken, devUsers } from '../auth/dev'
import { homeFor, useAuth } from '../auth/context'
import { BrandMark } from '../components/Header'
import { Field } from '../components/form'
import { ErrorState, Loading, Notice } from '../components/states'
import { roleLabel } from '../lib/format'
import { useResource, useTitle } from '../lib/hooks'
import { Link, navigate, useLocation } from '../router'

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return undefined
  return next
}

interface Group {
  title: string
  users: DevUser[]
}

function groupUsers(users: DevUser[]): Group[] {
  const staff = users.filter((u) => u.role === 'staff')
  const byPartner = new Map<string, DevUser[]>()
  for (const user of users) {
    if (user.role === 'staff') continue
    const key = user.partnerName ?? user.partnerId ?? 'Partner'
    byPartner.set(key, [...(byPartner.get(key) ?? []), user])
  }
  const order = (u: DevUser) => (u.role === 'partner-admin' ? 0 : 1)
  return [
    ...(staff.length ? [{ title: 'HomeAIQ staff', users: staff }] : []),
    ...[...byPartner.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([title, list]) => ({ title, users: list.sort((a, b) => order(a) - order(b)) })),
  ]
}

function DevSignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { signInWithToken } = useAuth()
  const { resource, reload } = useResource((signal) => devUsers(signal), [])
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()
  const [emailError, setEmailError] = useState<string>()

  async function signInAs(address: string) {
    setBusy(address)
    setError(undefined)
    setEmailError(undefined)
    try {
      const token = await devToken(address)
      onSignedIn(await signInWithToken(token.access_token, token.expires_in))
    } catch (err) {
      const message =
        err instanceof ApiError && (err.status === 404 || err.status === 400)
          ? 'No demo user has this email address.'
          : describeError(err)
      setError(message)
      if (address === email.trim()) {
        setEmailError(message)
        document.getElementById('sign-in-email')?.focus()
      }
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <div class="sign-in-layout">
      <section class="card section sign-in-card" aria-labelledby="email-heading">
        <h2 id="email-heading">Sign in with an email address</h2>
        <p class="muted">This local portal uses a development identity provider: no password is needed.</p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            const address = email.trim()
            if (!address) {
              setEmailError('Enter an email address.')
              document.getElementById('sign-in-email')?.focus()
              return
            }
            void signInAs(address)
          }}
        >
          <Field id="sign-in-email" label="Email" error={emailError}>
            {(props) => (
              <input
                {...props}
                type="email"
                autocomplete="username"
                placeholder="admin@lutron.example"
                value={email}
                onInput={(event) => setEmail(event.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" class="button button--primary button--block" disabled={!!busy}>
            {busy && busy === email.trim() ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <div aria-live="polite" class="sign-in-status">
          {error && !emailError && <Notice tone="error">{error}</Notice>}
        </div>
      </section>

      <section class="sign-in-users" aria-labelledby="demo-heading">
        <h2 id="demo-heading">Or pick a demo user</h2>
        {resource.status === 'loading' && <Loading label="Loading demo users…" />}
        {resource.status === 'error' && (
          <ErrorState title="Demo users are not available" error={resource.error} onRetry={reload} />
        )}
        {resource.status === 'ready' && (
          <div class="user-groups">
            {groupUsers(resource.data).map((group) => (
              <section key={group.title} class="card user-group" aria-label={group.title}>
                <h3>{group.title}</h3>
                <ul>
                  {group.users.map((user) => (
                    <li key={user.email}>
                      <button type="button" class="user-choice" disabled={!!busy} onClick={() => void signInAs(user.email)}>
                        <span class="user-choice__name">
                          Sign in as {user.role === 'staff' ? user.name : roleLabel(user.role).toLowerCase()}
                          {user.role !== 'staff' && <span class="visually-hidden"> of {group.title}</span>}
                        </span>
                        <span class="user-choice__email">{user.email}</span>
                        {busy === user.email && <span class="user-choice__busy">Signing in…</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>
    </div>
  )
}

export function SignInPage() {
  const { config, configError, state } = useAuth()
  const location = useLocation()
  const next = safeNext(location.search.get('next'))
  const reason = location.search.get('reason')
  useTitle('Sign in')
  const [redirecting, setRedirecting] = useState(false)

  const onSignedIn = (me: Me) => navigate(next ?? homeFor(me), { replace: true })

  return (
    <div class="container page page--narrow-top">
      <div class="page-header page-header--center">
        <BrandMark />
        <h1>Sign in to the Partner Portal</h1>
        <p class="lede">Manage your directory listing and work with the HomeAIQ partnership team.</p>
      </div>
      {reason === 'expired' && state.status !== 'signed-in' && (
        <div class="narrow">
          <Notice tone="warning" title="Your session has ended">
            <p>Please sign in again to continue.</p>
          </Notice>
        </div>
      )}
      {reason === 'signed-out' && state.status !== 'signed-in' && (
        <div class="narrow">
          <Notice tone="info" title="You signed out in another tab">
            <p>Sign in again to continue here.</p>
          </Notice>
        </div>
      )}
      {state.status === 'signed-in' ? (
        <div class="card section narrow">
          <p>
            You are signed in as <strong>{state.me.name}</strong> ({state.me.email}).
          </p>
          <Link href={next ?? homeFor(state.me)} class="button button--primary">
            Continue to your workspace
          </Link>
        </div>
      ) : configError ? (
        <ErrorState title="Sign-in is unavailable">
          <p class="state__text">{configError} Please reload the page.</p>
        </ErrorState>
      ) : !config ? (
        <Loading label="Preparing sign-in…" />
      ) : config.auth.mode === 'dev' ? (
        <DevSignIn onSignedIn={onSignedIn} />
      ) : (
        <div class="card section narrow sign-in-card">
          <p>Partners and HomeAIQ staff sign in with their HomeAIQ account.</p>
          <button
            type="button"
            class="button button--primary button--block"
            disabled={redirecting}
            onClick={() => {
              if (config.auth.mode !== 'cognito') return
              setRedirecting(true)
              void startCognitoSignIn(config.auth, next ?? '')
            }}
          >
            {redirecting ? 'Redirecting…' : 'Sign in with HomeAIQ'}
          </button>
        </div>
      )}
    </div>
  )
}
