import { beforeAll, describe, expect, it } from 'vitest'
import { accessCache, ACCESS_TTL_MS } from '../../functions/auth/access-cache'
import { createApiWith } from '../../functions/http/app'
import { partnersRoutes } from '../../functions/partners/app'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const STAFF = 'staff@homeaiq.example'
const invite = (pid: string, as: string, body: { email: string; name: string; role: string }) =>
  portal.call('POST', `/partners/${pid}/users`, { as, body })
const tokenOf = (user: {
  userId: string
  email: string
  name: string
  role: 'partner-admin' | 'partner-rep'
  partnerId: string
}) => portal.idp.issueToken(user)

describe('partner users', () => {
  it('lets a partner admin invite a rep who can sign in at once, and remove them: their next request is refused', async () => {
    const invited = await invite('honeywell-home', 'admin@honeywell-home.example', {
      email: 'Jamie.Cole@Resideo.example',
      name: 'Jamie Cole',
      role: 'partner-rep',
    })
    expect(invited.status).toBe(201)
    expect(invited.json).toMatchObject({ email: 'jamie.cole@resideo.example', role: 'partner-rep', partnerId: 'honeywell-home' })
    const team = await portal.call('GET', '/partners/honeywell-home/users', { as: 'admin@honeywell-home.example' })
    expect(team.json.items.map((u: { email: string }) => u.email)).toContain('jamie.cole@resideo.example')

    const token = tokenOf(invited.json)
    expect((await portal.call('GET', '/partners/honeywell-home/products', { token })).status).toBe(200)
    const removed = await portal.call('DELETE', `/partners/honeywell-home/users/${invited.json.userId}`, {
      as: 'admin@honeywell-home.example',
    })
    expect(removed.status).toBe(204)
    expect((await portal.call('GET', '/partners/honeywell-home/products', { token })).status).toBe(401)
    const trail = await portal.call('GET', '/partners/honeywell-home/audit', { as: 'admin@honeywell-home.example' })
    expect(trail.json.items.slice(0, 2).map((e: { action: string }) => e.action)).toEqual(['user.removed', 'user.invited'])
  })

  it('tells any of the partner’s users who its admins are, by name and e-mail only', async () => {
    const added = await invite('leviton', 'admin@leviton.example', {
      email: 'sam@leviton.example',
      name: 'Sam Ortiz',
      role: 'partner-admin',
    })
    expect(added.status).toBe(201)
    const admins = await portal.call('GET', '/partners/leviton/users/admins', { as: 'rep@leviton.example' })
    expect(admins.status).toBe(200)
    expect(admins.json.items).toEqual(
      expect.arrayContaining([
        { name: 'Leviton Manufacturing admin', email: 'admin@leviton.example' },
        { name: 'Sam Ortiz', email: 'sam@leviton.example' },
      ]),
    )
    expect(admins.json.items.map((a: { email: string }) => a.email)).not.toContain('rep@leviton.example')
    // the team itself (ids, roles, reps) stays with the admins
    expect((await portal.call('GET', '/partners/leviton/users', { as: 'rep@leviton.example' })).status).toBe(403)
  })

  it('gives one account per e-mail, even when two invitations race', async () => {
    const body = { email: 'pat@dsc.example', name: 'Pat', role: 'partner-rep' }
    const results = await Promise.all([invite('dsc', 'admin@dsc.example', body), invite('dsc', STAFF, body)])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    expect((await invite('dsc', 'admin@dsc.example', { ...body, email: 'rep@dsc.example' })).status).toBe(409)
    const refused = await invite('dsc', 'admin@dsc.example', { email: 'not-an-email', name: '', role: 'owner' })
    expect(refused.status).toBe(400)
    expect(refused.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'name', 'role'])
  })

  it('never removes a partner’s last admin, even when two admins remove each other at once', async () => {
    const lone = await portal.call('DELETE', '/partners/control4/users/dev-admin-control4', { as: 'admin@control4.example' })
    expect(lone.status).toBe(409)
    expect(lone.json.detail).toMatch(/at least one admin/)
    const second = await invite('control4', 'admin@control4.example', {
      email: 'lee@control4.example',
      name: 'Lee',
      role: 'partner-admin',
    })
    const secondToken = tokenOf(second.json)
    const [a, b] = await Promise.all([
      portal.call('DELETE', `/partners/control4/users/${second.json.userId}`, { as: 'admin@control4.example' }),
      portal.call('DELETE', '/partners/control4/users/dev-admin-control4', { token: secondToken }),
    ])
    expect([a.status, b.status].sort()).toEqual([204, 409])
    const admins = (await portal.call('GET', '/partners/control4/users', { as: STAFF })).json.items.filter(
      (u: { role: string }) => u.role === 'partner-admin',
    )
    expect(admins).toHaveLength(1)
  })

  it('forgets a removed user in every container within the access cache’s lifetime', async () => {
    const invited = await invite('ruckus', 'admin@ruckus.example', {
      email: 'sam@ruckus.example',
      name: 'Sam',
      role: 'partner-rep',
    })
    const token = tokenOf(invited.json)
    // another container: its own access cache, with a clock the test moves
    let now = Date.now()
    const other = createApiWith({ ...portal.deps, access: accessCache(portal.deps.db, { now: () => now }) }, [partnersRoutes])
    const read = () => other.request('/api/v1/partners/ruckus', { headers: { authorization: `Bearer ${token}` } })
    expect((await read()).status).toBe(200)
    await portal.call('DELETE', `/partners/ruckus/users/${invited.json.userId}`, { as: 'admin@ruckus.example' })
    expect((await read()).status).toBe(200) // still cached there
    now += ACCESS_TTL_MS + 1
    expect((await read()).status).toBe(401)
  })
})

describe('staff users', () => {
  it('lets staff invite and remove staff, but not themselves', async () => {
    const invited = await portal.call('POST', '/staff/users', {
      as: STAFF,
      body: { email: 'riley@homeaiq.example', name: 'Riley' },
    })
    expect(invited.status).toBe(201)
    expect(invited.json).toMatchObject({ role: 'staff' })
    expect(invited.json).not.toHaveProperty('partnerId')
    const list = await portal.call('GET', '/staff/users', { as: STAFF })
    expect(list.json.items.map((u: { email: string }) => u.email)).toEqual(
      expect.arrayContaining([STAFF, 'riley@homeaiq.example']),
    )
    expect((await portal.call('DELETE', '/staff/users/dev-staff', { as: STAFF })).status).toBe(409)
    expect((await portal.call('DELETE', `/staff/users/${invited.json.userId}`, { as: STAFF })).status).toBe(204)
    expect((await portal.call('DELETE', '/staff/users/dev-admin-lutron', { as: STAFF })).status).toBe(404)
  })
})
