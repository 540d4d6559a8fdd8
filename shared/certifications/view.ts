import { shownEmail, type Actor } from '../roles'
import type { Application, Badge, PublicBadge } from '../schemas/certification'
import { effectiveStatus } from './rules'

/**
 * What a reader may see of an application (or a part of one, as an audit entry holds it):
 * partners learn that HomeAIQ reviewed and decided, never which staff member.
 */
export function redactApplication<A extends Partial<Application>>(app: A, reader: Actor): A {
  if (reader.kind === 'staff' || !app.history) return app
  return { ...app, history: app.history.map((h) => ({ ...h, by: shownEmail(h.by, h.byRole, reader) })) }
}

/** A badge (or part of one) as a reader may see it: who revoked it is HomeAIQ-internal. */
export function redactBadge<B extends Partial<Badge>>(badge: B, reader: Actor): Omit<B, 'revokedBy'> | B {
  if (reader.kind === 'staff') return badge
  const { revokedBy: _internal, ...rest } = badge
  return rest
}

/** A badge as the portal's own GETs answer it: redacted, and expired as soon as its time is up. */
export const badgeView = (badge: Badge, reader: Actor, now: Date) => ({
  ...redactBadge(badge, reader),
  status: effectiveStatus(badge, now),
})

/** Where a badge can be checked and shown, from the portal's public origin. */
export function badgeLinks(origin: string, id: string) {
  const api = `${origin}/api/v1/badges/${encodeURIComponent(id)}`
  return {
    verificationUrl: `${origin}/badges/${encodeURIComponent(id)}`,
    imageUrl: `${api}/badge.svg`,
    credentialUrl: `${api}/credential`,
  }
}

/** What anyone may read of a badge, without signing in. */
export function publicBadge(badge: Badge, now: Date, origin: string): PublicBadge {
  return {
    id: badge.id,
    partnerId: badge.partnerId,
    partnerName: badge.partnerName,
    programId: badge.programId,
    programName: badge.programName,
    status: effectiveStatus(badge, now),
    issuedAt: badge.issuedAt,
    expiresAt: badge.expiresAt,
    skus: badge.skus,
    ...(badge.revokedAt ? { revokedAt: badge.revokedAt } : {}),
    ...(badge.revocationReason ? { revocationReason: badge.revocationReason } : {}),
    ...badgeLinks(origin, badge.id),
  }
}

/** The HTML snippet a partner pastes into its website: the live SVG, linked to the verification page. */
export function embedSnippet(links: { verificationUrl: string; imageUrl: string }, alt: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  return `<a href="${attr(links.verificationUrl)}"><img src="${attr(links.imageUrl)}" alt="${attr(alt)}" width="360" height="96"></a>`
}
