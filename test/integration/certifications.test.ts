import { readFileSync } from 'node:fs'
import Ajv2019 from 'ajv/dist/2019'
import addFormats from 'ajv-formats'
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { runBadgeExpiry } from '../../functions/certifications/expiry-job'
import { outboxRepository } from '../../functions/data/outbox'
import { bitIsSet, createPrograms, STAFF, uploadEvidence } from '../helpers/certifications'
import { productBody } from '../helpers/products'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
const realNow = () => new Date()
beforeAll(async () => {
  portal = await createTestPortal()
  await createPrograms(portal)
})

const ADMIN = 'admin@ecobee.example'
const REP = 'rep@ecobee.example'
const DAY = 24 * 60 * 60 * 1000

/** Moves the portal's clock (every route and the job read it). */
const setNow = (at: Date) => {
  portal.deps.clock.now = () => at
}

async function apply(body: Record<string, unknown>, as = ADMIN, pid = 'ecobee') {
  return portal.call('POST', `/partners/${pid}/certifications`, { as, body })
}

async function approved(pid: string, as: string, programId: string, extra: Record<string, unknown> = {}) {
  const evidence = await uploadEvidence(portal, pid, as)
  const applied = await apply({ programId, evidenceDocumentIds: [evidence], ...extra }, as, pid)
  expect(applied.status, applied.text).toBe(201)
  const decided = await portal.call('POST', `/partners/${pid}/certifications/${applied.json.id}/decision`, {
    as: STAFF,
    body: { decision: 'approve' },
  })
  expect(decided.status, decided.text).toBe(200)
  return decided.json as { application: { id: string; status: string }; badge: { id: string; expiresAt: string; status: string } }
}

const outbox = async () => (await outboxRepository(portal.deps.db).pending({ limit: 100 })).items

describe('certification programs', () => {
  it('are public to read, staff-defined, and versioned', async () => {
    const list = await portal.call('GET', '/certification-programs')
    expect(list.json.items.map((p: { id: string }) => p.id)).toEqual([
      'integration-standard',
      'integration-enhanced',
      'integration-deep',
      'installation-certified',
    ])
    const again = await portal.call('POST', '/certification-programs', { as: STAFF, body: { ...list.json.items[0] } })
    expect(again.status).toBe(400) // version and dates are not input
    const dup = await portal.call('POST', '/certification-programs', {
      as: STAFF,
      body: { ...(({ version, createdAt, updatedAt, ...p }) => p)(list.json.items[0]) },
    })
    expect(dup.status).toBe(409)
    const one = await portal.call('GET', '/certification-programs/installation-certified')
    const { id, version, createdAt, updatedAt, ...fields } = one.json
    const bad = await portal.call('PUT', `/certification-programs/${id}`, {
      as: STAFF,
      headers: { 'if-match': one.headers.get('etag')! },
      body: { ...fields, requirements: [], validityMonths: 0 },
    })
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['requirements', 'validityMonths'])
    const changed = await portal.call('PUT', `/certification-programs/${id}`, {
      as: STAFF,
      headers: { 'if-match': one.headers.get('etag')! },
      body: { ...fields, validityMonths: 24 },
    })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).toBe(`"v${version + 1}"`)
    const stale = await portal.call('PUT', `/certification-programs/${id}`, {
      as: STAFF,
      headers: { 'if-match': one.headers.get('etag')! },
      body: fields,
    })
    expect(stale.status).toBe(412)
    expect((await portal.call('GET', `/audit?entity=certification-program:${id}`, { as: STAFF })).json.items[0]).toMatchObject({
      action: 'program.updated',
    })
  })
})

describe('applications', () => {
  it('need ready evidence of the partner itself and SKUs as the program’s scope says', async () => {
    const none = await apply({ programId: 'integration-deep' })
    expect(none.status).toBe(422)
    expect(none.json.errors).toEqual([{ field: 'evidenceDocumentIds', message: 'Attach at least one evidence document.' }])
    const theirs = await uploadEvidence(portal, 'sonos', 'rep@sonos.example')
    const foreign = await apply({ programId: 'integration-deep', evidenceDocumentIds: [theirs] })
    expect(foreign.status).toBe(400)
    expect(foreign.json.errors[0]).toEqual({ field: 'evidenceDocumentIds.0', message: 'No such document.' })
    const pending = await portal.call('POST', `/partners/ecobee/uploads`, {
      as: REP,
      body: { purpose: 'certification-evidence', contentType: 'application/pdf', size: 100, filename: 'later.pdf' },
    })
    const notReady = await apply({ programId: 'integration-deep', evidenceDocumentIds: [pending.json.documentId] })
    expect(notReady.status).toBe(422)
    expect(notReady.json.errors[0].message).toMatch(/still being checked/)
    const evidence = await uploadEvidence(portal, 'ecobee', REP)
    const skusOnPartnerScope = await apply({ programId: 'integration-deep', evidenceDocumentIds: [evidence], skus: ['X-1'] })
    expect(skusOnPartnerScope.status).toBe(422) // X-1 is not in the catalog
    const noSkus = await apply({ programId: 'integration-standard', evidenceDocumentIds: [evidence] })
    expect(noSkus.status).toBe(422)
    expect(noSkus.json.errors[0].field).toBe('skus')
    await portal.call('POST', '/partners/ecobee/products', {
      as: REP,
      body: productBody({ sku: 'EB-PREMIUM', category: 'climate-control' }),
    })
    const partnerScope = await apply({ programId: 'integration-deep', evidenceDocumentIds: [evidence], skus: ['EB-PREMIUM'] })
    expect(partnerScope.status).toBe(400)
    expect(partnerScope.json.errors[0].field).toBe('skus')
    expect((await apply({ programId: 'no-such-program', evidenceDocumentIds: [evidence] })).json.errors[0].field).toBe(
      'programId',
    )
    // staff review; they never apply on a partner's behalf
    expect((await apply({ programId: 'integration-deep', evidenceDocumentIds: [evidence] }, STAFF)).status).toBe(403)
  })

  it('allows one open application per partner and program, even when two race', async () => {
    const evidence = await uploadEvidence(portal, 'yale', 'rep@yale.example')
    const body = { programId: 'installation-certified', evidenceDocumentIds: [evidence] }
    const [a, b] = await Promise.all([apply(body, 'rep@yale.example', 'yale'), apply(body, 'admin@yale.example', 'yale')])
    expect([a.status, b.status].sort()).toEqual([201, 409])
    expect([a, b].find((r) => r.status === 409)!.json.detail).toMatch(/open application for Installation Certified/)
    const list = await portal.call('GET', '/partners/yale/certifications', { as: 'rep@yale.example' })
    expect(list.json.items).toHaveLength(1)
    // a rejection frees the program for a new application
    const open = [a, b].find((r) => r.status === 201)!.json
    const noReason = await portal.call('POST', `/partners/yale/certifications/${open.id}/decision`, {
      as: STAFF,
      body: { decision: 'reject' },
    })
    expect(noReason.status).toBe(400)
    expect(noReason.json.errors).toEqual([{ field: 'reason', message: 'Enter a reason for the rejection.' }])
    const rejected = await portal.call('POST', `/partners/yale/certifications/${open.id}/decision`, {
      as: STAFF,
      body: { decision: 'reject', reason: 'No installer training records yet.' },
    })
    expect(rejected.json.application).toMatchObject({ status: 'rejected', decisionReason: 'No installer training records yet.' })
    expect(rejected.json).not.toHaveProperty('badge')
    expect((await apply(body, 'rep@yale.example', 'yale')).status).toBe(201)
  })

  it('moves only along legal transitions; each illegal one is a 409 naming the state', async () => {
    const evidence = await uploadEvidence(portal, 'dsc', 'admin@dsc.example')
    const draft = await apply(
      { programId: 'installation-certified', evidenceDocumentIds: [evidence], draft: true, notes: 'Work in progress' },
      'admin@dsc.example',
      'dsc',
    )
    expect(draft.json).toMatchObject({ status: 'draft' })
    expect(draft.json).not.toHaveProperty('submittedAt')
    const base = `/partners/dsc/certifications/${draft.json.id}`
    const queue = async () => (await portal.call('GET', '/review/certifications?partnerId=dsc', { as: STAFF })).json.items
    expect(await queue()).toEqual([]) // drafts stay the partner's own
    const reviewDraft = await portal.call('POST', `${base}/review`, { as: STAFF })
    expect(reviewDraft.status).toBe(409)
    expect(reviewDraft.json.detail).toBe('This application is draft, so it cannot be taken into review now.')
    expect((await portal.call('POST', `${base}/decision`, { as: STAFF, body: { decision: 'approve' } })).json.detail).toMatch(
      /is draft/,
    )

    const submitted = await portal.call('PUT', base, {
      as: 'admin@dsc.example',
      headers: { 'if-match': draft.headers.get('etag')! },
      body: { evidenceDocumentIds: [evidence], notes: 'Ready for review' },
    })
    expect(submitted.json).toMatchObject({ status: 'submitted', notes: 'Ready for review' })
    expect((await queue()).map((a: { id: string }) => a.id)).toEqual([draft.json.id])
    const review = await portal.call('POST', `${base}/review`, { as: STAFF })
    expect(review.json.status).toBe('in-review')
    expect((await portal.call('POST', `${base}/review`, { as: STAFF })).json.detail).toBe(
      'This application is in review, so it cannot be taken into review now.',
    )
    const editInReview = await portal.call('PUT', base, {
      as: 'admin@dsc.example',
      headers: { 'if-match': review.headers.get('etag')! },
      body: { evidenceDocumentIds: [evidence] },
    })
    expect(editInReview.status).toBe(409)
    expect(editInReview.json.detail).toMatch(/in review/)

    const changes = await portal.call('POST', `${base}/decision`, {
      as: STAFF,
      body: { decision: 'request-changes', reason: 'Add the QA checklist.' },
    })
    expect(changes.json.application.status).toBe('changes-requested')
    // the partner cannot decide, even on its own application
    const own = await portal.call('POST', `${base}/decision`, { as: 'admin@dsc.example', body: { decision: 'approve' } })
    expect(own.status).toBe(403)
    const current = await portal.call('GET', base, { as: 'admin@dsc.example' })
    const qa = await uploadEvidence(portal, 'dsc', 'admin@dsc.example', 'qa checklist.pdf')
    const resubmitted = await portal.call('PUT', base, {
      as: 'admin@dsc.example',
      headers: { 'if-match': current.headers.get('etag')! },
      body: { evidenceDocumentIds: [evidence, qa], notes: 'QA checklist attached' },
    })
    expect(resubmitted.json).toMatchObject({ status: 'submitted' })
    expect(resubmitted.json.evidence.map((e: { filename: string }) => e.filename)).toEqual([
      'test report.pdf',
      'qa checklist.pdf',
    ])

    // a decision on a submitted application passes through in-review; two racing decisions: one wins
    const [x, y] = await Promise.all([
      portal.call('POST', `${base}/decision`, { as: STAFF, body: { decision: 'approve' } }),
      portal.call('POST', `${base}/decision`, { as: STAFF, body: { decision: 'reject', reason: 'Too late.' } }),
    ])
    expect([x.status, y.status].sort()).toEqual([200, 409])
    const final = await portal.call('GET', base, { as: STAFF })
    expect(final.json.history.map((h: { status: string }) => h.status)).toEqual([
      'draft',
      'submitted',
      'in-review',
      'changes-requested',
      'submitted',
      'in-review',
      final.json.status,
    ])
    const after = await portal.call('POST', `${base}/decision`, { as: STAFF, body: { decision: 'approve' } })
    expect(after.status).toBe(409)
    expect(after.json.detail).toMatch(new RegExp(`This application is ${final.json.status}`))
    // partners see that HomeAIQ acted, never who
    const partnerView = await portal.call('GET', base, { as: 'rep@dsc.example' })
    expect(JSON.stringify(partnerView.json)).not.toContain(STAFF)
    const trail = await portal.call('GET', '/partners/dsc/audit?limit=100', { as: 'rep@dsc.example' })
    expect(JSON.stringify(trail.json)).not.toContain(STAFF)
  })

  it('lists the queue oldest first, filtered by status, program and partner', async () => {
    setNow(new Date(Date.now() - 3 * DAY))
    const sonosEvidence = await uploadEvidence(portal, 'sonos', 'rep@sonos.example')
    const older = await apply(
      { programId: 'integration-deep', evidenceDocumentIds: [sonosEvidence] },
      'rep@sonos.example',
      'sonos',
    )
    setNow(realNow())
    const ruckusEvidence = await uploadEvidence(portal, 'ruckus', 'rep@ruckus.example')
    const newer = await apply(
      { programId: 'integration-deep', evidenceDocumentIds: [ruckusEvidence] },
      'rep@ruckus.example',
      'ruckus',
    )
    const deep = await portal.call('GET', '/review/certifications?programId=integration-deep', { as: STAFF })
    const ids = deep.json.items.map((a: { id: string }) => a.id)
    expect(ids.indexOf(older.json.id)).toBeLessThan(ids.indexOf(newer.json.id))
    const times = deep.json.items.map((a: { submittedAt: string }) => a.submittedAt)
    expect(times).toEqual([...times].sort())
    expect(deep.json.items.every((a: { status: string }) => ['submitted', 'in-review'].includes(a.status))).toBe(true)
    const sonos = await portal.call('GET', '/review/certifications?partnerId=sonos', { as: STAFF })
    expect(sonos.json.items.map((a: { id: string }) => a.id)).toEqual([older.json.id])
    const rejected = await portal.call('GET', '/review/certifications?status=rejected', { as: STAFF })
    expect(rejected.json.items.map((a: { partnerId: string }) => a.partnerId)).toContain('yale')
    expect(rejected.json.items.every((a: { status: string }) => a.status === 'rejected')).toBe(true)
  })
})

describe('badges', () => {
  let badge: { id: string; expiresAt: string }

  it('approval issues an unguessable badge that anyone can verify: JSON, SVG and a signed OB 3.0 credential', async () => {
    const { application, badge: issued } = await approved('ecobee', ADMIN, 'integration-deep')
    badge = issued
    expect(issued.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(application).toMatchObject({ status: 'approved', badgeId: issued.id })
    const months = (new Date(issued.expiresAt).getTime() - Date.now()) / DAY / 30.4
    expect(Math.round(months)).toBe(24)
    // Ecobee's users are told, in the decision's own transaction
    expect((await outbox()).filter((m) => m.kind === 'certification-decided' && m.partnerId === 'ecobee')).toEqual([
      expect.objectContaining({
        title: 'Integration Certified — Deep: approved',
        link: `/workspace/certifications/${application.id}`,
        audience: { kind: 'partner', partnerId: 'ecobee', roles: ['partner-admin', 'partner-rep'] },
      }),
    ])

    const page = await portal.call('GET', `/badges/${issued.id}`)
    expect(page.json).toMatchObject({
      id: issued.id,
      partnerId: 'ecobee',
      partnerName: 'Ecobee',
      programId: 'integration-deep',
      programName: 'Integration Certified — Deep',
      status: 'active',
      verificationUrl: `http://localhost/badges/${issued.id}`,
    })
    expect(page.headers.get('cache-control')).toBe('no-cache')
    expect(page.headers.get('access-control-allow-origin')).toBe('*')
    expect((await portal.call('GET', '/badges/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
    expect((await portal.call('GET', '/badges/not-a-badge')).status).toBe(400)

    const svg = await portal.call('GET', `/badges/${issued.id}/badge.svg`)
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(svg.headers.get('cache-control')).toBe('public, max-age=300')
    expect(svg.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(svg.text).toContain('role="img"')
    expect(svg.text).toMatch(/<title id="t">Integration Certified — Deep: Ecobee, verified by HomeAIQ<\/title>/)
    expect(svg.text).toContain('<desc id="d">')
    expect(svg.text).toContain('VERIFIED')

    const jwt = await portal.call('GET', `/badges/${issued.id}/credential`)
    expect(jwt.headers.get('content-type')).toBe('application/vc+jwt')
    expect(jwt.headers.get('cache-control')).toBe('public, max-age=300')
    const jwks = await portal.call('GET', '/.well-known/jwks.json')
    expect(jwks.json.keys).toHaveLength(1)
    expect(jwks.json.keys[0]).not.toHaveProperty('d')
    const { payload, protectedHeader } = await jwtVerify(jwt.text, createLocalJWKSet(jwks.json), { algorithms: ['ES256'] })
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: jwks.json.keys[0].kid })
    expect((payload['@context'] as string[])[0]).toBe('https://www.w3.org/ns/credentials/v2')
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    const credential = payload as Record<string, never> & {
      issuer: { id: string; type: string[] }
      credentialSubject: { id: string; type: string[]; achievement: Record<string, unknown> }
      validFrom: string
      validUntil: string
      id: string
    }
    expect(credential.issuer).toMatchObject({ id: 'http://localhost/api/v1/issuer', type: ['Profile'] })
    expect(credential.credentialSubject).toMatchObject({ id: 'http://localhost/partners/ecobee', type: ['AchievementSubject'] })
    expect(credential.credentialSubject.achievement).toMatchObject({
      type: ['Achievement'],
      name: 'Integration Certified — Deep',
    })
    expect(payload.iss).toBe(credential.issuer.id)
    expect(payload.jti).toBe(credential.id)
    expect(payload.sub).toBe(credential.credentialSubject.id)
    expect(payload.nbf).toBe(Math.floor(new Date(credential.validFrom).getTime() / 1000))
    expect(payload.exp).toBe(Math.floor(new Date(credential.validUntil).getTime() / 1000))

    // 1EdTech's published OB 3.0 AchievementCredential schema accepts it
    const schema = JSON.parse(
      readFileSync(new URL('../../../shared/standards/ob_v3p0_achievementcredential_schema.json', import.meta.url), 'utf8'),
    )
    const ajv = new Ajv2019({ strict: false, allErrors: true })
    addFormats(ajv)
    const validate = ajv.compile(schema)
    const { iss, jti, sub, nbf, exp, ...vc } = payload
    expect(validate(vc), JSON.stringify(validate.errors)).toBe(true)

    // a tampered copy fails verification
    const [header, body, signature] = jwt.text.split('.')
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(jwt.text), validUntil: '2099-01-01T00:00:00Z' })).toString(
      'base64url',
    )
    await expect(jwtVerify(`${header}.${forged}.${signature}`, createLocalJWKSet(jwks.json))).rejects.toThrow(/signature/)
    expect(body).not.toBe(forged)
  })

  it('a revocation shows in the JSON, the SVG, the status list and the directory filter', async () => {
    const listed = async () =>
      (await portal.call('GET', '/directory?certification=integration-deep&limit=100')).json.items.map(
        (p: { id: string }) => p.id,
      )
    expect(await listed()).toEqual(['ecobee'])
    const profile = await portal.call('GET', '/directory/ecobee')
    expect(profile.json.badges.map((b: { id: string }) => b.id)).toEqual([badge.id])

    const jwt = await portal.call('GET', `/badges/${badge.id}/credential`)
    const status = decodeJwt(jwt.text).credentialStatus as { type: string; statusListIndex: string; statusListCredential: string }
    expect(status.type).toBe('BitstringStatusListEntry')
    const listPath = new URL(status.statusListCredential).pathname.replace('/api/v1', '')
    const jwks = createLocalJWKSet((await portal.call('GET', '/.well-known/jwks.json')).json)
    const readList = async () => {
      const list = await portal.call('GET', listPath)
      const { payload } = await jwtVerify(list.text, jwks)
      expect(payload.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential'])
      return bitIsSet((payload.credentialSubject as { encodedList: string }).encodedList, Number(status.statusListIndex))
    }
    expect(await readList()).toBe(false)

    const revokePath = `/partners/ecobee/badges/${badge.id}/revoke`
    expect((await portal.call('POST', revokePath, { as: ADMIN, body: { reason: 'x' } })).status).toBe(403)
    expect((await portal.call('POST', revokePath, { as: STAFF, body: { reason: ' ' } })).json.errors[0]).toEqual({
      field: 'reason',
      message: 'Enter a reason for the revocation.',
    })
    expect(
      (await portal.call('POST', `/partners/sonos/badges/${badge.id}/revoke`, { as: STAFF, body: { reason: 'x' } })).status,
    ).toBe(404)
    const reason = 'Firmware 4.2 broke the local API the integration relies on.'
    const [first, second] = await Promise.all([
      portal.call('POST', revokePath, { as: STAFF, body: { reason } }),
      portal.call('POST', revokePath, { as: STAFF, body: { reason } }),
    ])
    expect([first.status, second.status].sort()).toEqual([200, 409])
    expect((await portal.call('POST', revokePath, { as: STAFF, body: { reason } })).json.detail).toBe(
      'This badge is revoked already.',
    )

    const page = await portal.call('GET', `/badges/${badge.id}`)
    expect(page.json).toMatchObject({ status: 'revoked', revocationReason: reason })
    expect(page.json).not.toHaveProperty('revokedBy')
    const svg = await portal.call('GET', `/badges/${badge.id}/badge.svg`)
    expect(svg.text).toContain('REVOKED')
    expect(svg.text).not.toContain('VERIFIED')
    expect(await readList()).toBe(true)
    expect(await listed()).toEqual([])
    expect((await portal.call('GET', '/directory/ecobee')).json.badges).toEqual([])
    // the partner sees the reason, not who revoked; its users were told
    const mine = await portal.call('GET', '/partners/ecobee/badges', { as: REP })
    expect(mine.json.items[0]).toMatchObject({ status: 'revoked', revocationReason: reason })
    expect(JSON.stringify(mine.json)).not.toContain(STAFF)
    expect(JSON.stringify((await portal.call('GET', '/partners/ecobee/audit?limit=100', { as: REP })).json)).not.toContain(STAFF)
    expect((await outbox()).filter((m) => m.kind === 'badge-revoked' && m.partnerId === 'ecobee')).toEqual([
      expect.objectContaining({
        body: reason,
        audience: { kind: 'partner', partnerId: 'ecobee', roles: ['partner-admin', 'partner-rep'] },
      }),
    ])
  })

  it('renews the same badge when the partner re-applies while it is active', async () => {
    const first = await approved('lutron', 'admin@lutron.example', 'integration-standard', { skus: [] }).catch(() => undefined)
    expect(first).toBeUndefined() // the standard program certifies named SKUs
    await portal.call('POST', '/partners/lutron/products', { as: 'rep@lutron.example', body: productBody({ sku: 'RRD-6NA' }) })
    await portal.call('POST', '/partners/lutron/products', { as: 'rep@lutron.example', body: productBody({ sku: 'PD-6WCL' }) })
    const issued = await approved('lutron', 'admin@lutron.example', 'integration-standard', { skus: ['RRD-6NA'] })
    setNow(new Date(Date.now() + 300 * DAY))
    try {
      const renewed = await approved('lutron', 'admin@lutron.example', 'integration-standard', { skus: ['RRD-6NA', 'PD-6WCL'] })
      expect(renewed.badge.id).toBe(issued.badge.id)
      expect(renewed.badge.expiresAt > issued.badge.expiresAt).toBe(true)
      const badges = await portal.call('GET', '/partners/lutron/badges', { as: 'rep@lutron.example' })
      expect(badges.json.items).toEqual([
        expect.objectContaining({ id: issued.badge.id, skus: ['RRD-6NA', 'PD-6WCL'], status: 'active' }),
      ])
      const trail = await portal.call('GET', `/audit?entity=badge:${issued.badge.id}`, { as: STAFF })
      expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual(['badge.renewed', 'badge.issued'])
    } finally {
      setNow(realNow())
    }
  })
})

describe('the badge-expiry job', () => {
  it('reminds 60, 30 and 7 days before, once each, then expires the badge everywhere', async () => {
    const { badge } = await approved('ubiquiti', 'admin@ubiquiti.example', 'installation-certified')
    const expires = new Date(badge.expiresAt).getTime()
    const reminders = async () =>
      (await outbox()).filter((m) => m.kind === 'badge-expiring' && m.partnerId === 'ubiquiti').map((m) => m.title)
    const run = async (at: number) => {
      setNow(new Date(at))
      return runBadgeExpiry(portal.deps)
    }
    try {
      expect(await run(expires - 61 * DAY)).toMatchObject({ reminded: 0 })
      expect(await run(expires - 59 * DAY)).toMatchObject({ reminded: 1 })
      expect(await run(expires - 58 * DAY)).toMatchObject({ reminded: 0 })
      const [a, b] = await Promise.all([run(expires - 29 * DAY), runBadgeExpiry(portal.deps)])
      expect(a.reminded + b.reminded).toBe(1)
      expect(await run(expires - 6.5 * DAY)).toMatchObject({ reminded: 1 })
      expect(await run(expires - 1 * DAY)).toMatchObject({ reminded: 0, expired: 0 })
      expect(await reminders()).toEqual([
        'Installation Certified: your badge expires in 59 days',
        'Installation Certified: your badge expires in 29 days',
        'Installation Certified: your badge expires in 7 days',
      ])
      // past its expiry the badge reads as expired at once, and the job marks it
      setNow(new Date(expires + 60_000))
      expect((await portal.call('GET', `/badges/${badge.id}`)).json.status).toBe('expired')
      expect(await run(expires + 60_000)).toMatchObject({ expired: 1 })
      expect(await run(expires + 120_000)).toMatchObject({ expired: 0, reminded: 0 })
      expect((await portal.call('GET', `/badges/${badge.id}/badge.svg`)).text).toContain('EXPIRED')
      const listed = await portal.call('GET', '/directory?certification=installation-certified')
      expect(listed.json.items.map((p: { id: string }) => p.id)).not.toContain('ubiquiti')
      expect((await portal.call('GET', `/audit?entity=badge:${badge.id}`, { as: STAFF })).json.items[0].action).toBe(
        'badge.expired',
      )
      // a new approval after expiry issues a new badge
      const again = await approved('ubiquiti', 'admin@ubiquiti.example', 'installation-certified')
      expect(again.badge.id).not.toBe(badge.id)
    } finally {
      setNow(realNow())
    }
  })
})
