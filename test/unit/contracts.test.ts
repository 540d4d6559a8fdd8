import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { allContracts } from '../../shared/contracts'
import { access, fillPath, roleAllowed, statusesOf, whoMay, type RouteContract } from '../../shared/contracts/contract'
import { byRouteSpecificity, honoPath } from '../../functions/http/routes'
import { methodsFor } from '../../functions/http/app'
import { routesOf } from '../../functions/domains'

const contract = (c: Partial<RouteContract>): RouteContract => ({
  method: 'GET',
  path: '/x',
  domain: 'catalog',
  summary: 's',
  access: access.public,
  ...c,
})

describe('route contracts', () => {
  it('are unique by method and path, and partner routes carry {partnerId}', () => {
    const all = allContracts()
    const keys = all.map((c) => `${c.method} ${c.path}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const c of all.filter((c) => c.access.kind === 'partner')) expect(c.path, c.id).toMatch(/^\/partners\/\{partnerId\}/)
    // a route under a partner's path without the partner rule would skip the tenant boundary
    for (const c of all.filter((c) => c.access.kind !== 'partner')) expect(c.path, c.id).not.toMatch(/^\/partners\/\{/)
  })

  it('say who may call them, for each role', () => {
    expect(roleAllowed(access.member(), 'partner-rep')).toBe(true)
    expect(roleAllowed(access.member('partner-admin'), 'partner-rep')).toBe(false)
    expect(roleAllowed(access.member('partner-admin'), 'partner-admin')).toBe(true)
    expect(roleAllowed(access.member('partner-admin'), 'staff')).toBe(true)
    expect(roleAllowed(access.staffOnPartner, 'partner-admin')).toBe(false)
    expect(roleAllowed(access.partnerOnly(), 'staff')).toBe(false)
    expect(roleAllowed(access.staff, 'partner-admin')).toBe(false)
    expect(whoMay(access.member('partner-admin'))).toBe('the partner’s admins and HomeAIQ staff')
    expect(whoMay(access.partnerOnly())).toBe('the partner’s users')
  })

  it('derive the statuses a route can answer from its shape', () => {
    expect(statusesOf(contract({ response: z.object({}) }))).toEqual([200, 500, 503])
    const write = contract({
      method: 'PUT',
      path: '/partners/{partnerId}/x/{id}',
      access: access.member(),
      body: z.object({ a: z.string() }),
      ifMatch: true,
      errors: [422],
    })
    expect(statusesOf(write)).toEqual([204, 400, 401, 403, 404, 412, 413, 415, 422, 428, 500, 503])
  })

  it('try static segments before parameters, whatever the declaration order', () => {
    const byParam = contract({ path: '/partners/{partnerId}/products/{sku}' })
    const exportRoute = contract({ path: '/partners/{partnerId}/products/export' })
    expect([byParam, exportRoute].sort(byRouteSpecificity).map((c) => c.path)).toEqual([exportRoute.path, byParam.path])
    expect(honoPath(byParam.path)).toBe('/partners/:partnerId/products/:sku')
  })

  it('fill paths, find the methods of a concrete path, and give each Lambda its routes', () => {
    expect(fillPath('/partners/{partnerId}/products/{sku}', { partnerId: 'lutron', sku: 'A/B 1' })).toBe(
      '/partners/lutron/products/A%2FB%201',
    )
    expect(() => fillPath('/partners/{partnerId}', {})).toThrow(/partnerId/)
    expect(methodsFor(allContracts(), '/partners/lutron/products').sort()).toEqual(['GET', 'POST'])
    expect(methodsFor(allContracts(), '/nowhere')).toEqual([])
    expect(routesOf('catalog')).toContain('POST /api/v1/partners/{partnerId}/products/import')
    expect(
      routesOf('catalog').every((r) =>
        allContracts().some((c) => `${c.method} /api/v1${c.path}` === r && c.domain === 'catalog'),
      ),
    ).toBe(true)
  })
})
