import { useTitle } from '../lib/hooks'
import { Link } from '../router'

export function NotFoundPage() {
  useTitle('Page not found')
  return (
    <div class="container page">
      <div class="state state--empty">
        <p class="eyebrow">Error 404</p>
        <h1 class="state__title">We can't find that page</h1>
        <p class="state__text">The address may be mistyped, or the page may have moved.</p>
        <Link href="/" class="button button--primary">
          Go to the partner directory
        </Link>
      </div>
    </div>
  )
}

/** Says whose page a signed-in user reached by a link (a staff screen, a partner admin's), and where theirs is. */
export function NotForYourRolePage({ for: audience, role, home }: { for: string; role: string; home: string }) {
  useTitle('Not available to you')
  return (
    <div class="container page">
      <div class="state state--empty">
        <p class="eyebrow">Error 403</p>
        <h1 class="state__title">This page is for {audience}</h1>
        <p class="state__text">
          You are signed in as {role}, so the portal does not show it to you. If you need what it holds, ask your HomeAIQ
          partnership contact.
        </p>
        <Link href={home} class="button button--primary">
          Go to your workspace
        </Link>
      </div>
    </div>
  )
}
