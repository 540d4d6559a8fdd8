import type { Badge, Program } from '../schemas/certification'
import { EVIDENCE_LABELS, LEVEL_LABELS, SCOPE_LABELS } from './vocabulary'
import { badgeLinks } from './view'

/**
 * The Open Badges 3.0 shape of a badge, as a VC Data Model 2.0 credential secured as a VC-JWT
 * (the credential is the JWT payload; the registered claims mirror it). Pure: the signing and
 * the status list document live in functions/badges.
 */
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2'
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'

export const ISSUER_NAME = 'HomeAIQ'

/** The revocation list every badge points into (W3C Bitstring Status List: 131,072 entries a list). */
export const STATUS_LIST_SIZE = 131_072
export const statusListOf = (index: number) => Math.floor(index / STATUS_LIST_SIZE) + 1

export const issuerId = (origin: string) => `${origin}/api/v1/issuer`
export const statusListUrl = (origin: string, list: number) => `${origin}/api/v1/badge-status/${list}`
export const achievementId = (origin: string, programId: string) =>
  `${origin}/api/v1/certification-programs/${encodeURIComponent(programId)}`
/** The certified partner, as its public directory profile. */
export const subjectId = (origin: string, partnerId: string) => `${origin}/partners/${encodeURIComponent(partnerId)}`

export function issuerProfile(origin: string) {
  return {
    id: issuerId(origin),
    type: ['Profile'],
    name: ISSUER_NAME,
    url: origin,
    description: 'HomeAIQ certifies the manufacturers of its partnership program for integration and installation.',
  }
}

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000)

/** The unsigned credential and the JWT claims that mirror it. */
export function openBadgeCredential(badge: Badge, program: Program, origin: string) {
  const links = badgeLinks(origin, badge.id)
  const id = `${origin}/api/v1/badges/${encodeURIComponent(badge.id)}`
  const list = statusListOf(badge.statusListIndex)
  const skus = badge.skus.length ? ` Certified products: ${badge.skus.join(', ')}.` : ''
  const credential = {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${program.name} — ${badge.partnerName}`,
    description: `${badge.partnerName} holds HomeAIQ’s ${program.name} certification.${skus}`,
    issuer: issuerProfile(origin),
    validFrom: badge.renewedAt ?? badge.issuedAt,
    validUntil: badge.expiresAt,
    awardedDate: badge.issuedAt,
    image: { id: links.imageUrl, type: 'Image', caption: `${program.name} badge of ${badge.partnerName}` },
    credentialSubject: {
      id: subjectId(origin, badge.partnerId),
      type: ['AchievementSubject'],
      name: badge.partnerName,
      achievement: {
        id: achievementId(origin, program.id),
        type: ['Achievement'],
        achievementType: 'Certification',
        name: program.name,
        description: program.description,
        criteria: {
          narrative: [
            `${LEVEL_LABELS[program.level]} level; scope: ${SCOPE_LABELS[program.scope]}; valid ${program.validityMonths} months.`,
            'Requirements:',
            ...program.requirements.map((r) => `- ${r}`),
            'Evidence reviewed by HomeAIQ:',
            ...program.evidenceKinds.map((k) => `- ${EVIDENCE_LABELS[k]}`),
          ].join('\n'),
        },
        creator: issuerProfile(origin),
      },
      ...(badge.skus.length ? { narrative: `Certified SKUs: ${badge.skus.join(', ')}` } : {}),
    },
    credentialStatus: {
      id: `${statusListUrl(origin, list)}#${badge.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(badge.statusListIndex),
      statusListCredential: statusListUrl(origin, list),
    },
  }
  const claims = {
    iss: credential.issuer.id,
    jti: credential.id,
    sub: credential.credentialSubject.id,
    nbf: seconds(credential.validFrom),
    exp: seconds(credential.validUntil),
  }
  return { credential, claims }
}

/** The status list credential: `encodedList` is the multibase (base64url) GZIP of the list's bits. */
export function statusListCredential(origin: string, list: number, encodedList: string, now: Date) {
  const id = statusListUrl(origin, list)
  const credential = {
    '@context': [VC_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerProfile(origin),
    validFrom: now.toISOString(),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  }
  return { credential, claims: { iss: credential.issuer.id, jti: id, nbf: seconds(credential.validFrom) } }
}
