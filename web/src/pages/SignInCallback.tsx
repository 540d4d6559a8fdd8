import { useEffect, useState } from 'preact/hooks'
import { describeError } from '../api/client'
import { SignInError, completeCognitoSignIn } from '../auth/cognito'
import { homeFor, useAuth } from '../auth/context'
import { ErrorState, Loading } from '../components/states'
import { useTitle } from '../lib/hooks'
import { Link, navigate } from '../router'
import { safeNext } from './SignIn'

/** `/sign-in/callback`: Managed Login sends the browser here with `?code=&state=`. */
export function SignInCallbackPage() {
  const { config, signInWithToken } = useAuth()
  const [error, setError] = useState<string>()
  useTitle('Signing in')

  useEffect(() => {
    if (!config) return
    if (config.auth.mode !== 'cognito') {
      navigate('/sign-in', { replace: true })
      return
    }
    const search = new URLSearchParams(window.location.search)
    // drop the one-time code from the address bar and history
    window.history.replaceState(null, '', '/sign-in/callback')
    completeCognitoSignIn(config.auth, search)
      .then(async ({ token, returnTo }) => {
        const me = await signInWithToken(token.access_token, token.expires_in)
        navigate(safeNext(returnTo) ?? homeFor(me), { replace: true })
      })
      .catch((err: unknown) => setError(err instanceof SignInError ? err.message : describeError(err)))
  }, [config])

  return (
    <div class="container page">
      <h1 class="visually-hidden">Signing in</h1>
      {error ? (
        <ErrorState title="Sign-in did not complete">
          <p class="state__text">{error}</p>
          <Link href="/sign-in" class="button button--primary">
            Back to sign in
          </Link>
        </ErrorState>
      ) : (
        <Loading label="Signing you in…" />
      )}
    </div>
  )
}
