import { beforeAll, describe, expect, it } from 'vitest'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

/**
 * The tenant boundary for every partner-scoped route: no token 401, a user of another
 * partner 404 (as if the partner did not exist), the wrong role 403. Each new slice adds its
 * routes to ROUTES.
 */
let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

interface Route {
  method: string
  path: string
  body?: unknown
  /** roles that may call it; the others get 403 */
  roles: ('staff' | 'partner-admin' | 'partner-rep')[]
  partnerScoped: boolean
}

const ROUTES: Route[] = [
  { method: 'GET', path: '/partners/lutron', roles: ['staff', 'partner-admin', 'partner-rep'], partnerScoped: true },
  {
    method: 'PATCH',
    path: '/partners/lutron',
    body: { description: 'x' },
    roles: ['staff', 'partner-admin'],
    partnerScoped: true,
  },
  ...[
    ['GET', '/partners/lutron/products'],
    ['POST', '/partners/lutron/products'],
    ['GET', '/partners/lutron/products/export'],
    ['POST', '/partners/lutron/products/import'],
    ['GET', '/partners/lutron/products/RRD-6NA'],
    ['PUT', '/partners/lutron/products/RRD-6NA'],
    ['DELETE', '/partners/lutron/products/RRD-6NA'],
    ['GET', '/partners/lutron/products/RRD-6NA/prices'],
    ['POST', '/partners/lutron/uploads'],
    ['GET', '/partners/lutron/audit'],
    ['GET', '/partners/lutron/briefings'],
    ['POST', '/partners/lutron/briefings'],
    ['GET', '/partners/lutron/briefings/01JDQ7Z8X9Y0ABCDEFGHJKMNPQ'],
    ['GET', '/partners/lutron/documents/01JDQ7Z8X9Y0ABCDEFGHJKMNPQ'],
  ].map(([method, path]): Route => ({
    method: method!,
    path: path!,
    roles: ['staff', 'partner-admin', 'partner-rep'],
    partnerScoped: true,
  })),
  { method: 'POST', path: '/partners/lutron/briefings/01JDQ7Z8X9Y0ABCDEFGHJKMNPQ/ack', roles: ['staff'], partnerScoped: true },
  { method: 'GET', path: '/review/briefings', roles: ['staff'], partnerScoped: false },
  { method: 'GET', path: '/audit?entity=partner:lutron', roles: ['staff'], partnerScoped: false },
  { method: 'GET', path: '/partners', roles: ['staff'], partnerScoped: false },
  { method: 'POST', path: '/partners', body: { id: 'x' }, roles: ['staff'], partnerScoped: false },
  { method: 'GET', path: '/me', roles: ['staff', 'partner-admin', 'partner-rep'], partnerScoped: false },
]

const USER_OF = { staff: 'staff@homeaiq.example', 'partner-admin': 'admin@lutron.example', 'partner-rep': 'rep@lutron.example' }

describe.each(ROUTES)('$method $path', (route) => {
  const call = (opts: Parameters<TestPortal['call']>[2] = {}) =>
    portal.call(route.method, route.path, { ...(route.body ? { body: route.body } : {}), ...opts })

  it('answers 401 problem+json without a token, and with a forged or expired one', async () => {
    const anonymous = await call()
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json')
    const valid = portal.tokenFor('admin@lutron.example')
    const [h, p] = valid.split('.')
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), 'cognito:groups': ['staff'] }),
    ).toString('base64url')
    expect((await call({ token: `${h}.${forgedPayload}.${valid.split('.')[2]}` })).status).toBe(401)
    const expired = portal.idp.issueToken(
      { userId: 'dev-admin-lutron', email: 'admin@lutron.example', name: 'x', role: 'partner-admin', partnerId: 'lutron' },
      { ttlSeconds: -60 },
    )
    expect((await call({ token: expired })).status).toBe(401)
    expect((await call({ headers: { authorization: 'Basic abc' } })).status).toBe(401)
  })

  if (route.partnerScoped) {
    it('answers 404 to users of another partner, whatever their role', async () => {
      for (const as of ['admin@ecobee.example', 'rep@ecobee.example']) {
        const res = await call({ as, headers: { 'if-match': '"v1"' } })
        expect(res.status, as).toBe(404)
      }
    })
  }

  const refused = (['staff', 'partner-admin', 'partner-rep'] as const).filter((r) => !route.roles.includes(r))
  if (refused.length) {
    it(`answers 403 to ${refused.join(', ')}`, async () => {
      for (const role of refused) {
        const res = await call({ as: USER_OF[role], headers: { 'if-match': '"v1"' } })
        expect(res.status, role).toBe(403)
      }
    })
  }
})

describe('staff on a partner that does not exist', () => {
  it('gets 404 on every partner-scoped route', async () => {
    for (const route of ROUTES.filter((r) => r.partnerScoped)) {
      const res = await portal.call(route.method, route.path.replace('lutron', 'no-such-partner'), { as: USER_OF.staff })
      expect(res.status, `${route.method} ${route.path}`).toBe(404)
    }
  })
})

describe('membership', () => {
  it('ignores a partner id the token claims: the partner comes from the server-side user record', async () => {
    // the token is issued from a user object that says ecobee, but its sub is Lutron's admin: the server record wins
    const token = portal.idp.issueToken({
      userId: 'dev-admin-lutron',
      email: 'admin@lutron.example',
      name: 'x',
      role: 'partner-admin',
      partnerId: 'ecobee',
    })
    expect((await portal.call('GET', '/partners/ecobee', { token })).status).toBe(404)
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
