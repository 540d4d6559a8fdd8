import { beforeAll, describe, expect, it } from 'vitest'
import { roleAllowed, type RouteContract } from '../../shared/contracts/contract'
import { userRepository } from '../../functions/data/users'
import { CONTRACTS, exampleBody, examplePath } from '../helpers/contracts'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

/**
 * The authorization matrix, generated from the route contracts: every route is called as
 * anonymous, as each role of the path's partner, as users of another partner and as staff, and
 * answers what its access rule implies. A new route is covered the moment its contract exists.
 */
let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const STAFF = 'staff@homeaiq.example'
const CALLERS = {
  staff: STAFF,
  'partner-admin': 'admin@lutron.example',
  'partner-rep': 'rep@lutron.example',
} as const
const OTHER_PARTNER = ['admin@ecobee.example', 'rep@ecobee.example']

const call = (contract: RouteContract, opts: { as?: string; token?: string; pid?: string } = {}) =>
  portal.call(contract.method, examplePath(contract, opts.pid ? { partnerId: opts.pid } : {}), {
    ...exampleBody(contract),
    ...(opts.as ? { as: opts.as } : {}),
    ...(opts.token ? { token: opts.token } : {}),
    headers: { 'if-match': '"v1"', ...(exampleBody(contract).headers ?? {}) },
  })

/** Allowed means: past the access check. Whatever the handler answers then, it is not a denial. */
function expectAllowed(res: Awaited<ReturnType<typeof call>>, who: string) {
  expect([401, 403], `${who}: ${res.status} ${res.text}`).not.toContain(res.status)
  expect(res.status, `${who}: ${res.text}`).toBeLessThan(500)
  if (res.status === 404) expect(res.json.detail, who).not.toMatch(/^No partner /)
}

describe.each(CONTRACTS.map((c) => [`${c.method} ${c.path}`, c] as const))('%s', (_, contract) => {
  const rule = contract.access

  if (rule.kind === 'public') {
    it('is open to everyone', async () => {
      expectAllowed(await call(contract), 'anonymous')
      for (const as of [...Object.values(CALLERS), ...OTHER_PARTNER]) expectAllowed(await call(contract, { as }), as)
    })
    return
  }

  it('answers 401 problem+json without a token, and with a forged or expired one', async () => {
    const anonymous = await call(contract)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json')
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer')
    const valid = portal.tokenFor('admin@lutron.example')
    const [h, p, s] = valid.split('.')
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString())
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: 'dev-staff' })).toString('base64url')
    expect((await call(contract, { token: `${h}.${forged}.${s}` })).status).toBe(401)
    const user = { userId: 'dev-admin-lutron', email: 'admin@lutron.example', name: 'x', role: 'partner-admin' as const }
    expect((await call(contract, { token: portal.idp.issueToken(user, { ttlSeconds: -120 }) })).status).toBe(401)
  })

  if (rule.kind === 'partner') {
    it('answers 404 to users of another partner, whatever their role, as for a partner that does not exist', async () => {
      for (const as of OTHER_PARTNER) {
        const res = await call(contract, { as })
        expect(res.status, as).toBe(404)
        expect(res.json.detail).toBe('No partner lutron.')
      }
      expect((await call(contract, { as: STAFF, pid: 'no-such-partner' })).json.detail).toBe('No partner no-such-partner.')
    })
  }

  for (const [role, as] of Object.entries(CALLERS) as [keyof typeof CALLERS, string][]) {
    if (roleAllowed(rule, role)) {
      it(`lets ${role} past the access check`, async () => expectAllowed(await call(contract, { as }), role))
    } else {
      it(`answers 403 to ${role}`, async () => {
        const res = await call(contract, { as })
        expect(res.status, res.text).toBe(403)
        expect(res.json.detail).toMatch(/^Only /)
      })
    }
  }
})

describe('the partnership state', () => {
  const partnerRoutes = CONTRACTS.filter((c) => c.access.kind === 'partner' && c.access.minRole !== null)

  /** A partner in `status` with an admin; staff move it there as the program would. */
  async function partnerIn(id: string, path: ('active' | 'suspended' | 'sunset')[]) {
    const created = await portal.call('POST', '/partners', {
      as: STAFF,
      body: {
        id,
        name: `Partner ${id}`,
        category: 'emerging',
        tier: 'standard',
        website: 'https://example.com',
        contact: { name: 'A', email: 'a@example.com' },
      },
    })
    let etag = created.headers.get('etag')!
    for (const status of path) {
      const res = await portal.call('PATCH', `/partners/${id}`, { as: STAFF, headers: { 'if-match': etag }, body: { status } })
      expect(res.status, res.text).toBe(200)
      etag = res.headers.get('etag')!
    }
    const admin = {
      userId: `admin-${id}`,
      email: `admin@${id}.example`,
      name: 'Admin',
      role: 'partner-admin' as const,
      partnerId: id,
    }
    await userRepository(portal.deps.db).put(admin)
    return portal.idp.issueToken(admin)
  }

  it('lets a suspended partner’s users read everything and change nothing', async () => {
    const token = await partnerIn('paused-co', ['active', 'suspended'])
    for (const contract of partnerRoutes) {
      const res = await call(contract, { token, pid: 'paused-co' })
      if (contract.method === 'GET') expectAllowed(res, `${contract.method} ${contract.path}`)
      else {
        expect(res.status, `${contract.method} ${contract.path}`).toBe(403)
        expect(res.json.detail).toMatch(/suspended/)
      }
    }
  })

  it('closes the portal to a sunset partner’s users', async () => {
    const token = await partnerIn('gone-co', ['active', 'sunset'])
    for (const contract of partnerRoutes) {
      const res = await call(contract, { token, pid: 'gone-co' })
      expect(res.status, `${contract.method} ${contract.path}`).toBe(403)
      expect(res.json.detail).toMatch(/ended/)
    }
    // staff still work on it
    expect((await portal.call('GET', '/partners/gone-co', { as: STAFF })).status).toBe(200)
  })
})

describe('tokens', () => {
  const lutronAdmin = {
    userId: 'dev-admin-lutron',
    email: 'admin@lutron.example',
    name: 'x',
    role: 'partner-admin' as const,
    partnerId: 'lutron',
  }
  const now = () => Math.floor(Date.now() / 1000)

  it.each([
    ['without an expiry', { exp: undefined }],
    ['without an issue time', { iat: undefined }],
    ['issued in the future', { iat: now() + 3600, exp: now() + 7200 }],
    ['living longer than the issuer allows', { iat: now(), exp: now() + 30 * 24 * 3600 }],
  ])('refuses a token %s', async (_, claims) => {
    const token = portal.idp.issueToken(lutronAdmin, { claims })
    const res = await portal.call('GET', '/me', { token })
    expect(res.status).toBe(401)
  })

  it('takes the partner and the role from the server-side membership record, not from the token', async () => {
    // the token is issued from a user object that says ecobee and staff, but its sub is Lutron's admin
    const token = portal.idp.issueToken({ ...lutronAdmin, partnerId: 'ecobee', role: 'staff' }, { groups: ['staff'] })
    expect((await portal.call('GET', '/partners/ecobee', { token })).status).toBe(404)
    expect((await portal.call('GET', '/partners', { token })).status).toBe(403)
    expect((await portal.call('GET', '/partners/lutron', { token })).status).toBe(200)
  })

  it('refuses a valid token of a user the portal does not know', async () => {
    const token = portal.idp.issueToken({ userId: 'ghost', email: 'ghost@x.example', name: 'g', role: 'staff' })
    expect((await portal.call('GET', '/me', { token })).status).toBe(401)
  })

  it('tells a user who they are', async () => {
    const me = await portal.call('GET', '/me', { as: 'rep@sonos.example' })
    expect(me.json).toEqual({
      userId: 'dev-rep-sonos',
      email: 'rep@sonos.example',
      name: 'Sonos rep',
      role: 'partner-rep',
      partnerId: 'sonos',
      partnerName: 'Sonos',
    })
  })
})
