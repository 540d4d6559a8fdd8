import { generateKeyPairSync, sign, verify } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { derToJose, keySigner, signJws } from '../../functions/badges/signer'
import { encodeStatusList } from '../../functions/badges/status-list'
import {
  addMonths,
  assertMove,
  canMove,
  decide,
  editApplication,
  effectiveStatus,
  expireBadge,
  issueBadge,
  newApplication,
  openReview,
  reminderDue,
  renewBadge,
  revokeBadge,
  TRANSITIONS,
} from '../../shared/certifications/rules'
import { badgeSvg, xmlEscape } from '../../shared/certifications/svg'
import { embedSnippet, redactApplication, redactBadge } from '../../shared/certifications/view'
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../shared/certifications/vocabulary'
import { ConflictError } from '../../shared/errors'
import type { SignedInActor } from '../../shared/roles'
import { type Application, type Program } from '../../shared/schemas/certification'
import { DecisionInput } from '../../shared/schemas/certification-input'
import type { PortalDocument } from '../../shared/schemas/document'
import { DEMO_PROGRAMS } from '../../functions/local/seed-certifications'
import { bitIsSet } from '../helpers/certifications'

const NOW = new Date('2026-03-31T10:00:00Z')
const DAY = 24 * 60 * 60 * 1000
const staff: SignedInActor = { kind: 'staff', role: 'staff', userId: 's', email: 'staff@homeaiq.example' }
const admin: SignedInActor = {
  kind: 'partner',
  role: 'partner-admin',
  userId: 'a',
  email: 'admin@ecobee.example',
  partnerId: 'ecobee',
}
const program: Program = { ...DEMO_PROGRAMS[2]!, version: 1, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() }
const doc = {
  id: '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ',
  filename: 'report.pdf',
  contentType: 'application/pdf',
  size: 10,
} as PortalDocument

const applicationIn = (status: ApplicationStatus): Application => ({
  ...newApplication(
    { programId: program.id, evidenceDocumentIds: [doc.id], notes: '', skus: [], draft: true },
    { id: 'APP', partnerId: 'ecobee', partnerName: 'Ecobee', program, evidence: [doc], actor: admin, now: NOW },
  ),
  status,
})

/** Every way the application can be moved, by the target state each one aims at. */
const moves: Record<string, { to: ApplicationStatus; run: (a: Application) => Application }> = {
  submit: {
    to: 'submitted',
    run: (a) =>
      editApplication(
        a,
        { evidenceDocumentIds: [doc.id], notes: '', skus: [], submit: true },
        { program, evidence: [doc], actor: admin, now: NOW },
      ),
  },
  review: { to: 'in-review', run: (a) => openReview(a, staff, NOW) },
  approve: { to: 'approved', run: (a) => decide(a, { decision: 'approve' }, staff, NOW) },
  reject: { to: 'rejected', run: (a) => decide(a, { decision: 'reject', reason: 'No.' }, staff, NOW) },
  changes: { to: 'changes-requested', run: (a) => decide(a, { decision: 'request-changes', reason: 'More.' }, staff, NOW) },
}

describe('the application state machine', () => {
  it('has the transitions of DESIGN 2.4', () => {
    expect(TRANSITIONS).toEqual({
      draft: ['submitted'],
      submitted: ['in-review'],
      'in-review': ['approved', 'rejected', 'changes-requested'],
      'changes-requested': ['submitted'],
      approved: [],
      rejected: [],
    })
  })

  it.each(APPLICATION_STATUSES.flatMap((from) => Object.entries(moves).map(([name, m]) => [from, name, m] as const)))(
    'from %s, %s is allowed exactly when the machine (or a decision through in-review) allows it',
    (from, _name, move) => {
      // a decision on a submitted application passes through in-review
      const legal = canMove(from, move.to) || (from === 'submitted' && canMove('in-review', move.to))
      if (legal) {
        expect(move.run(applicationIn(from)).status).toBe(move.to)
      } else {
        let error: unknown
        try {
          move.run(applicationIn(from))
        } catch (e) {
          error = e
        }
        expect(error, `${from} -> ${move.to}`).toBeInstanceOf(ConflictError)
        expect((error as Error).message).toMatch(/^This application is /)
      }
    },
  )

  it('names the current state in every refusal', () => {
    expect(() => assertMove('approved', 'in-review')).toThrow(
      'This application is approved, so it cannot be taken into review now.',
    )
  })

  it('records a decision on a submitted application through in-review, with the reason', () => {
    const decided = decide(applicationIn('submitted'), { decision: 'reject', reason: 'Missing test report.' }, staff, NOW)
    expect(decided.history.slice(-2)).toEqual([
      expect.objectContaining({ status: 'in-review', by: staff.email }),
      expect.objectContaining({ status: 'rejected', reason: 'Missing test report.' }),
    ])
    expect(decided.version).toBe(2) // one write
  })

  it('asks for a reason for reject and request-changes only', () => {
    expect(DecisionInput.safeParse({ decision: 'approve' }).success).toBe(true)
    for (const decision of ['reject', 'request-changes']) {
      const parsed = DecisionInput.safeParse({ decision, reason: '  ' })
      expect(parsed.success).toBe(false)
      expect(parsed.error!.issues[0]!.path).toEqual(['reason'])
    }
  })
})

describe('badges', () => {
  const approvedApp = decide(applicationIn('in-review'), { decision: 'approve' }, staff, NOW)
  const badge = issueBadge({ id: 'B'.repeat(22), application: approvedApp, program, statusListIndex: 7, now: NOW })

  it('adds months as calendar months, clamping to the month’s last day', () => {
    expect(addMonths(new Date('2026-01-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z')
    expect(addMonths(new Date('2028-01-31T12:00:00Z'), 1).toISOString()).toBe('2028-02-29T12:00:00.000Z')
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        (d, m) => {
          const later = addMonths(d, m)
          const months = (later.getUTCFullYear() - d.getUTCFullYear()) * 12 + later.getUTCMonth() - d.getUTCMonth()
          return months === m && later.getUTCDate() <= d.getUTCDate() && later > d
        },
      ),
    )
  })

  it('issues for the program’s validity and renews without ever shortening', () => {
    expect(badge).toMatchObject({ status: 'active', expiresAt: '2028-03-31T10:00:00.000Z', statusListIndex: 7 })
    const early = renewBadge(badge, { application: approvedApp, program, now: new Date(NOW.getTime() + DAY) })
    expect(early.expiresAt).toBe('2028-04-01T10:00:00.000Z')
    const tiny = { ...program, validityMonths: 1 }
    expect(renewBadge(badge, { application: approvedApp, program: tiny, now: NOW }).expiresAt).toBe(badge.expiresAt)
    expect(() => renewBadge(revokeBadge(badge, 'x', staff, NOW), { application: approvedApp, program, now: NOW })).toThrow(
      ConflictError,
    )
  })

  it('revokes once, expires only when due, and reads as expired before the job runs', () => {
    const revoked = revokeBadge(badge, 'Broken API', staff, NOW)
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'Broken API', revokedBy: staff.email })
    expect(() => revokeBadge(revoked, 'again', staff, NOW)).toThrow('This badge is revoked already.')
    expect(expireBadge(badge, NOW)).toBeUndefined()
    const late = new Date(badge.expiresAt)
    expect(effectiveStatus(badge, late)).toBe('expired')
    expect(expireBadge(badge, late)).toMatchObject({ status: 'expired' })
    expect(expireBadge(revoked, late)).toBeUndefined()
    expect(effectiveStatus(revoked, late)).toBe('revoked')
  })

  it('sends each reminder once, only the tightest when several are due', () => {
    const exp = new Date(NOW.getTime() + 100 * DAY).toISOString()
    const at = (daysBefore: number) => new Date(NOW.getTime() + (100 - daysBefore) * DAY)
    expect(reminderDue(exp, at(61), [])).toBeUndefined()
    expect(reminderDue(exp, at(60), [])).toEqual({ days: 60, mark: [60] })
    expect(reminderDue(exp, at(45), [60])).toBeUndefined()
    expect(reminderDue(exp, at(5), [])).toEqual({ days: 7, mark: [60, 30, 7] })
    expect(reminderDue(exp, at(5), [60])).toEqual({ days: 7, mark: [30, 7] })
    expect(reminderDue(exp, at(-1), [])).toBeUndefined()
    // whatever the job's schedule, no threshold is ever sent twice and the last one always is
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }), (runs) => {
        const sent: number[] = []
        const times = [...runs].sort((a, b) => b - a)
        const reminders: number[] = []
        for (const daysBefore of times) {
          const due = reminderDue(exp, at(daysBefore), sent)
          if (due) {
            reminders.push(due.days)
            sent.push(...due.mark)
          }
        }
        const unique = new Set(reminders).size === reminders.length
        const last = times.at(-1)! <= 7 ? reminders.at(-1) === 7 : true
        return unique && last
      }),
    )
  })

  it('shows partners neither who revoked nor who reviewed', () => {
    const revoked = revokeBadge(badge, 'x', staff, NOW)
    expect(redactBadge(revoked, admin)).not.toHaveProperty('revokedBy')
    expect(redactBadge(revoked, staff)).toHaveProperty('revokedBy', staff.email)
    expect(JSON.stringify(redactApplication(approvedApp, admin))).not.toContain(staff.email)
  })
})

describe('the badge image', () => {
  it('escapes every text it shows and says its status in words', () => {
    const svg = badgeSvg({
      programName: 'Deep <script>alert(1)</script>',
      partnerName: 'A & B "Co"',
      status: 'revoked',
      expiresAt: NOW.toISOString(),
      revokedAt: NOW.toISOString(),
    })
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('A &amp; B &quot;Co&quot;')
    expect(svg).toMatch(/<title id="t">[^<]*revoked by HomeAIQ<\/title>/)
    expect(svg).toContain('REVOKED')
    expect(svg).toContain('line-through')
    fc.assert(fc.property(fc.string(), (s) => !/[<>&"']/.test(xmlEscape(s).replace(/&(amp|lt|gt|quot|apos);/g, ''))))
  })

  it('builds an embed snippet that cannot be broken out of', () => {
    const snippet = embedSnippet(
      { verificationUrl: 'https://p.example/badges/x', imageUrl: 'https://p.example/x.svg' },
      'A "quoted" <b>',
    )
    expect(snippet).toBe(
      '<a href="https://p.example/badges/x"><img src="https://p.example/x.svg" alt="A &quot;quoted&quot; &lt;b>" width="360" height="96"></a>',
    )
  })
})

describe('signing', () => {
  it('turns DER ECDSA signatures (as KMS returns them) into JOSE r||s that verify', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (message) => {
        const der = sign('sha256', message, { key: privateKey, dsaEncoding: 'der' })
        const jose = derToJose(der)
        return jose.length === 64 && verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, jose)
      }),
      { numRuns: 50 },
    )
    expect(() => derToJose(new Uint8Array([1, 2, 3]))).toThrow()
  })

  it('signs compact JWS with the key’s thumbprint as kid', async () => {
    const signer = keySigner(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)
    const jws = await signJws(signer, { hello: 'world' }, 'vc+jwt')
    const [header] = jws.split('.')
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'ES256', kid: signer.kid, typ: 'vc+jwt' })
    expect((await signer.publicJwk()).kid).toBe(signer.kid)
    expect(signer.kid).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('encodes the status list with index 0 as the first byte’s left-most bit', () => {
    const list = encodeStatusList(1, [0, 9, 131_071, 131_072])
    expect(bitIsSet(list, 0)).toBe(true)
    expect(bitIsSet(list, 9)).toBe(true)
    expect(bitIsSet(list, 8)).toBe(false)
    expect(bitIsSet(list, 131_071)).toBe(true)
    expect(bitIsSet(encodeStatusList(2, [131_072]), 0)).toBe(true)
  })
})
