import { dayWords } from '../format'
import type { BadgeStatus } from './vocabulary'

/** Escapes text for an SVG (XML) text node or a double-quoted attribute. */
export const xmlEscape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)

/** Keeps a line within the badge: cut at a word where possible, with an ellipsis. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

const LOOK: Record<BadgeStatus, { label: string; band: string; ink: string; note: (d: string) => string }> = {
  active: { label: 'VERIFIED', band: '#0b6b3a', ink: '#ffffff', note: (d) => `Valid until ${d}` },
  expired: { label: 'EXPIRED', band: '#8a5a00', ink: '#ffffff', note: (d) => `Expired ${d}` },
  revoked: { label: 'REVOKED', band: '#a11b1b', ink: '#ffffff', note: (d) => `Revoked ${d}` },
}

const day = (iso: string) => dayWords(iso, 'short')

/**
 * The embeddable badge: program, partner and live status, readable by screen readers
 * (role="img" with a title and a description). Revoked and expired badges change colour and
 * word and are struck through, so nobody mistakes them for valid ones.
 */
export function badgeSvg(b: {
  programName: string
  partnerName: string
  status: BadgeStatus
  expiresAt: string
  revokedAt?: string | undefined
}): string {
  const look = LOOK[b.status]
  const when = b.status === 'revoked' && b.revokedAt ? day(b.revokedAt) : day(b.expiresAt)
  const note = look.note(when)
  const title = `${b.programName}: ${b.partnerName}, ${look.label.toLowerCase()} by HomeAIQ`
  const desc = `HomeAIQ certification badge. Program: ${b.programName}. Partner: ${b.partnerName}. Status: ${look.label.toLowerCase()}. ${note}.`
  const valid = b.status === 'active'
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="96" viewBox="0 0 360 96" role="img" aria-labelledby="t d">`,
    `<title id="t">${xmlEscape(title)}</title>`,
    `<desc id="d">${xmlEscape(desc)}</desc>`,
    `<rect x="0.5" y="0.5" width="359" height="95" rx="10" fill="#ffffff" stroke="${look.band}"/>`,
    `<rect x="0" y="0" width="96" height="96" rx="10" fill="${look.band}"/>`,
    `<rect x="86" y="0" width="10" height="96" fill="${look.band}"/>`,
    valid
      ? `<path d="M30 50l12 12 24-26" fill="none" stroke="${look.ink}" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>`
      : `<path d="M32 32l32 32M64 32L32 64" fill="none" stroke="${look.ink}" stroke-width="7" stroke-linecap="round"/>`,
    `<text x="48" y="84" fill="${look.ink}" font-family="Arial,Helvetica,sans-serif" font-size="10" font-weight="700" text-anchor="middle" letter-spacing="1">${look.label}</text>`,
    `<g font-family="Arial,Helvetica,sans-serif" fill="#1b2430">`,
    `<text x="108" y="24" font-size="10" font-weight="700" letter-spacing="1" fill="#4a5563">HOMEAIQ CERTIFIED</text>`,
    `<text x="108" y="46" font-size="15" font-weight="700"${valid ? '' : ' text-decoration="line-through"'}>${xmlEscape(fit(b.programName, 31))}</text>`,
    `<text x="108" y="66" font-size="13">${xmlEscape(fit(b.partnerName, 36))}</text>`,
    `<text x="108" y="84" font-size="11" fill="${valid ? '#4a5563' : look.band}" font-weight="${valid ? '400' : '700'}">${xmlEscape(note)}</text>`,
    `</g>`,
    `</svg>`,
  ].join('')
}
