/**
 * The first page a visitor loads: the built web's entry script and every chunk it imports
 * statically. It stays within its budget and never carries the schema library (screens import
 * plain values and rules from shared/; the typed API client takes only types from the contracts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWeb } from '../../web/build'
import { removeTempDirs, tempDir } from './fixture'

const FIRST_PAGE_JS_GZIP_BUDGET = 60 * 1024

const outdir = tempDir('portal-web-bundle')
const firstPage: { name: string; source: string }[] = []

beforeAll(async () => {
  await buildWeb({ outdir, minify: true })
  const html = fs.readFileSync(path.join(outdir, 'index.html'), 'utf8')
  const entry = /<script type="module" src="\/assets\/([^"]+)"/.exec(html)?.[1]
  if (!entry) throw new Error('index.html has no module script')
  const queue = [entry]
  while (queue.length) {
    const name = queue.shift()!
    if (firstPage.some((f) => f.name === name)) continue
    const source = fs.readFileSync(path.join(outdir, 'assets', name), 'utf8')
    firstPage.push({ name, source })
    // static imports only: `import(...)` chunks load when a screen needs them
    for (const m of source.matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) queue.push(m[1]!)
  }
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
