import type { AccessCache } from '../auth/access-cache'
import type { BadgeIssuer } from '../badges/signer'
import type { TokenVerifier } from '../auth/verifier'
import type { Db } from '../data/db'
import type { Mailer } from '../notifications/mailer'
import type { DocumentLinks } from '../uploads/storage'
import type { UserDirectory } from '../users/directory'

/**
 * What every sub-app receives. The Lambda entries and the local server differ only here
 * (endpoints, where the token keys come from); tests inject a fixed clock and ids.
 */
export interface Deps {
  db: Db
  verifier: TokenVerifier
  /** memberships and partner statuses the access check reads, cached per container */
  access: AccessCache
  clock: { now(): Date }
  newId(): string
  /** links to the documents bucket: only the domains that handle files get them */
  storage?: DocumentLinks
  /** where people sign in (Cognito / the dev identity provider): only the users domain gets it */
  directory?: UserDirectory
  /** where notification e-mails go, and the portal address their links point at: the dispatcher's */
  notify?: { mailer: Mailer; portalUrl: string }
  /** the badge credentials' signing key and the public origin they name: only the badges domain gets it */
  badges?: BadgeIssuer
}

export function requireDirectory(deps: Deps): UserDirectory {
  if (!deps.directory) throw new Error('this function was built without the user directory')
  return deps.directory
}

export function requireStorage(deps: Pick<Deps, 'storage'>): DocumentLinks {
  if (!deps.storage) throw new Error('this function was built without document storage')
  return deps.storage
}

export function requireBadgeIssuer(deps: Deps): BadgeIssuer {
  if (!deps.badges) throw new Error('this function was built without the badge signing key')
  return deps.badges
}
