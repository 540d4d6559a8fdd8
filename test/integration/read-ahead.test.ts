import * as z from 'zod/mini'
import { beforeAll, describe, expect, it } from 'vitest'
import { access, defineContracts } from '../../shared/contracts/contract'
import { Limit, Slug } from '../../shared/schemas/common'
import { accessCache } from '../../functions/auth/access-cache'
import { createApiWith } from '../../functions/http/app'
import type { Deps } from '../../functions/http/deps'
import { readAhead, type Caller } from '../../functions/http/read-ahead'
import { domainRoutes } from '../../functions/http/routes'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const contracts = defineContracts('leads', {
  notes: {
    method: 'GET',
    path: '/partners/{partnerId}/notes',
    summary: 'a partner’s notes',
    access: access.member(),
    params: z.strictObject({ partnerId: Slug }),
    query: z.strictObject({ limit: Limit }),
  },
})

/** An API with one read-ahead route whose read and answer record what they were given (and an access cache of its own). */
function notesApi(overrides: Partial<Deps> = {}) {
  const deps = { ...portal.deps, access: accessCache(portal.deps.db), ...overrides }
  const reads: { partnerId: string; limit: number; caller: Caller }[] = []
  const answered: unknown[] = []
  const api = createApiWith(deps, [
    domainRoutes(contracts, () => ({
      notes: readAhead(
        async ({ params, query }, caller) => {
          reads.push({ partnerId: params.partnerId, limit: query.limit, caller })
          return { notesOf: params.partnerId, for: caller.userId }
        },
        (c, _input, data) => {
          answered.push(data)
          return c.json(data)
        },
      ),
    })),
  ])
  const get = (path: string, token?: string) =>
    api.request(`/api/v1${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})
  return { reads, answered, get }
}

describe('a route that reads ahead', () => {
  it('reads while the token is verified, once, for the caller it names, and answers with it', async () => {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const verifier = { verify: async (token: string) => (await released, portal.deps.verifier.verify(token)) }
    const { reads, get } = notesApi({ verifier })
    const answer = get('/partners/lutron/notes?limit=5', portal.tokenFor('rep@lutron.example'))
    await expect.poll(() => reads.length).toBe(1)
    release()
    const res = await answer
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ notesOf: 'lutron', for: 'dev-rep-lutron' })
    expect(reads).toEqual([{ partnerId: 'lutron', limit: 5, caller: { userId: 'dev-rep-lutron' } }])
  })

  it('reads after the access check when the membership is cached: nothing to read beside', async () => {
    let release!: () => void
    let released = Promise.resolve()
    const verifier = { verify: async (token: string) => (await released, portal.deps.verifier.verify(token)) }
    const { reads, get } = notesApi({ verifier })
    const token = portal.tokenFor('rep@lutron.example')
    expect((await get('/partners/lutron/notes', token)).status).toBe(200)
    released = new Promise<void>((resolve) => (release = resolve))
    const answer = get('/partners/lutron/notes', token)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(reads).toHaveLength(1)
    release()
    expect((await answer).status).toBe(200)
    expect(reads).toHaveLength(2)
  })

  it('gives nothing it read to a user of another partner, to a forged token or to no token', async () => {
    const { reads, answered, get } = notesApi()
    const other = await get('/partners/lutron/notes', portal.tokenFor('rep@ecobee.example'))
    expect(other.status).toBe(404)
    // the read was made for the token's user, before the access check refused it
    expect(reads.map((r) => r.caller.userId)).toEqual(['dev-rep-ecobee'])

    const [header, , signature] = portal.tokenFor('rep@ecobee.example').split('.')
    const claims = Buffer.from(JSON.stringify({ sub: 'dev-rep-lutron' })).toString('base64url')
    const forged = await get('/partners/lutron/notes', `${header}.${claims}.${signature}`)
    expect(forged.status).toBe(401)

    expect((await get('/partners/lutron/notes')).status).toBe(401)
    expect(answered).toEqual([])
    for (const res of [other, forged]) expect(await res.text()).not.toContain('notesOf')
  })

  it('reads again when the token verifies to another user than the one it named', async () => {
    const named = portal.tokenFor('rep@lutron.example')
    const { reads, get } = notesApi({ verifier: { verify: async () => ({ sub: 'dev-admin-lutron' }) as never } })
    const res = await get('/partners/lutron/notes', named)
    expect(await res.json()).toEqual({ notesOf: 'lutron', for: 'dev-admin-lutron' })
    expect(reads.map((r) => r.caller.userId)).toEqual(['dev-rep-lutron', 'dev-admin-lutron'])
  })

  it('starts no read for input its route refuses, and reports it after the access check', async () => {
    const { reads, get } = notesApi()
    const foreign = await get('/partners/lutron/notes?limit=0', portal.tokenFor('rep@ecobee.example'))
    expect(foreign.status).toBe(404)
    const member = await get('/partners/lutron/notes?limit=0', portal.tokenFor('rep@lutron.example'))
    expect(member.status).toBe(400)
    expect(JSON.stringify(await member.json())).toContain('limit')
    expect(reads).toEqual([])
  })

  it('is only for GET routes of signed-in users', () => {
    const write = defineContracts('leads', {
      add: { method: 'POST', path: '/partners/{partnerId}/notes', summary: 'add', access: access.member() },
    })
    const handlers = () => ({
      add: readAhead(
        async () => 1,
        (c) => c.body(null, 204),
      ),
    })
    expect(() => createApiWith(portal.deps, [domainRoutes(write, handlers)])).toThrow(/only a signed-in GET may read ahead/)
  })
})
