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
