/**
 * The first page a visitor loads: the built web's entry script and every chunk it imports
 * statically. It stays within its budget and never carries the schema library (screens import
 * plain values and rules from shared/; the typed API client takes only types from the contracts).
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWeb } from '../../web/build'
import { firstPageOf, type FirstPage } from '../../web/first-page'
import { BUDGETS } from '../../bench/budgets'
import { removeTempDirs, tempDir } from './fixture'

const FIRST_PAGE_JS_GZIP_BUDGET = BUDGETS.firstPageJsGzipBytes

const outdir = tempDir('portal-web-bundle')
const firstPage: FirstPage['scripts'] = []

beforeAll(async () => {
  await buildWeb({ outdir, minify: true })
  firstPage.push(...firstPageOf(outdir).scripts)
}, 60_000)

afterAll(removeTempDirs)

describe('the first page', () => {
  it(`loads at most ${FIRST_PAGE_JS_GZIP_BUDGET / 1024} KB of JavaScript (gzip)`, () => {
    const bytes = firstPage.reduce((sum, f) => sum + gzipSync(f.source).length, 0)
    console.log(`first page JS: ${firstPage.map((f) => f.name).join(', ')} = ${(bytes / 1024).toFixed(1)} KB gzip`)
    expect(bytes).toBeLessThanOrEqual(FIRST_PAGE_JS_GZIP_BUDGET)
  })

  it('carries no schema library and no route written by hand', () => {
    for (const { name, source } of firstPage) {
      expect(source, name).not.toMatch(/\$ZodType|ZodError/)
    }
    const all = firstPage.map((f) => f.source).join('\n')
    // the route table derived from the contracts is in, e.g. the catalog import route
    expect(all).toContain('/partners/{partnerId}/products/import')
  })
})
