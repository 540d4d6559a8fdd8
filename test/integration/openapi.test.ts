import { beforeAll, describe, expect, it } from 'vitest'
import { domainFunctions } from '../../functions/domains'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and documents exactly the routes the Lambdas serve', async () => {
    const res = await portal.call('GET', '/openapi.json')
    expect(res.status).toBe(200)
    expect(res.json.openapi).toBe('3.1.0')
    const documented = Object.entries(res.json.paths as Record<string, object>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} /api/v1${path}`))
      .sort()
    const served = domainFunctions.flatMap((f) => f.routes).sort()
    expect(documented).toEqual(served)
  })

  it('derives request schemas from zod: strict bodies, enums and required fields', async () => {
    const doc = (await portal.call('GET', '/openapi.json')).json
    const create = doc.paths['/partners'].post.requestBody.content['application/json'].schema
    expect(create.additionalProperties).toBe(false)
    expect(create.required).toEqual(expect.arrayContaining(['id', 'name', 'category', 'tier', 'website', 'contact']))
    expect(create.properties.tier.enum).toEqual(['strategic', 'preferred', 'standard'])
    const patch = doc.paths['/partners/{partnerId}'].patch
    expect(patch.parameters.map((p: { name: string }) => p.name)).toEqual(['partnerId', 'If-Match'])
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '412', '428']))
    const publish = doc.paths['/partners/{partnerId}/briefings'].post
    expect(publish.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key')
    const directory = doc.paths['/directory'].get
    expect(directory.security).toEqual([])
    expect(directory.parameters.map((p: { name: string }) => p.name)).toEqual([
      'category',
      'tier',
      'q',
      'certification',
      'limit',
      'cursor',
    ])
  })

  it('answers unknown routes with problem+json', async () => {
    const res = await portal.call('GET', '/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})
