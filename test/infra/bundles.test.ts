/**
 * Every Lambda (domainFunctions and eventFunctions rows), bundled exactly as CDK bundles it (the same `portalBundling` object
 * through `esbuildOptionsFor`), must import in plain Node and export `handler`. This catches
 * the deploy-only failures a template test cannot see, e.g. an ESM bundle that throws
 * `Dynamic require of "node:https" is not supported` at import (DESIGN.md §6).
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { domainFunctions, eventFunctions } from '../../functions/domains'
import { esbuildOptionsFor, portalBundling } from '../../infra/constructs/bundling'
import { projectRoot } from '../../infra/constructs/portal-function'
import { removeTempDirs, tempDir } from './fixture'

/** Bundle size ceiling: keeps cold starts short and catches accidental heavy dependencies. */
const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024

/** Every Lambda the app deploys: HTTP domain functions and event functions. */
const lambdas = [...domainFunctions, ...eventFunctions].map((row) => ({ name: row.name, entry: row.entry }))

/**
 * The bundles live under a `node_modules` folder: the test runner hands such files to Node's
 * own ESM loader untransformed (as it does for dependencies), so they load as Lambda loads them.
 */
const nativeImport = (url: string) => import(/* @vite-ignore */ url) as Promise<Record<string, unknown>>

const tmp = tempDir('portal-bundles')
const outDir = path.join(tmp, 'node_modules')
const built = new Map<string, { file: string; bytes: number; ms: number }>()
const savedEnv = { ...process.env }

beforeAll(async () => {
  // The handlers read their configuration at cold start; give them plausible values.
  Object.assign(process.env, {
    TABLE_NAME: 'portal-test',
    DOCUMENTS_BUCKET: 'portal-test-documents',
    USER_POOL_ID: 'eu-west-1_TestPool1',
    USER_POOL_CLIENT_ID: 'testclientid123',
    CURSOR_KEY: 'test-cursor-key',
    MAIL_FROM: 'partners@homeaiq.example',
    PORTAL_URL: 'https://partners.homeaiq.example',
    BADGE_SIGNING_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/0b4f1c2e-test',
    PUBLIC_ORIGIN: 'https://portal.example',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'testsecret',
  })
  await Promise.all(
    lambdas.map(async (row) => {
      const file = path.join(outDir, row.name, 'index.mjs')
      const started = Date.now()
      await build(esbuildOptionsFor(portalBundling, path.join(projectRoot, row.entry), file))
      built.set(row.name, { file, bytes: fs.statSync(file).size, ms: Date.now() - started })
    }),
  )
}, 120_000)

afterAll(() => {
  process.env = savedEnv
  removeTempDirs()
  const lines = [...built].map(
    ([name, b]) => `  ${name.padEnd(16)} ${(b.bytes / 1024).toFixed(0).padStart(6)} KB  (built in ${b.ms} ms)`,
  )
  console.log(`Lambda bundles (ESM, minified, AWS SDK bundled):\n${lines.join('\n')}`)
})

describe('bundling options', () => {
  it('are the ESM-safe ones (DESIGN.md §6)', () => {
    expect(portalBundling.format).toBe('esm')
    expect(portalBundling.mainFields).toEqual(['module', 'main'])
    expect(portalBundling.externalModules).toEqual([])
    expect(portalBundling.minify).toBe(true)
    expect(portalBundling.sourceMap).toBe(true)
    expect(portalBundling.banner).toMatch(/createRequire/)
  })

  it('mirror the credential-chain alias CDK passes to esbuild, and refuse an argument they cannot mirror', () => {
    const options = esbuildOptionsFor(portalBundling, 'entry.ts', 'out.mjs')
    expect(options.alias).toEqual({
      '@aws-sdk/credential-provider-node': path.join(projectRoot, 'functions/runtime/lambda-credentials.ts'),
    })
    expect(() => esbuildOptionsFor({ ...portalBundling, esbuildArgs: { '--splitting': true } }, 'entry.ts', 'out.mjs')).toThrow(
      /does not mirror the esbuild argument --splitting/,
    )
  })
})

describe.each(lambdas.map((row) => [row.name, row] as const))('%s bundle', (name, row) => {
  it('is an ESM file with its source map', () => {
    const b = built.get(name)!
    expect(fs.readFileSync(b.file, 'utf8').startsWith(portalBundling.banner)).toBe(true)
    expect(fs.existsSync(`${b.file}.map`)).toBe(true)
  })

  it('carries only the environment credentials Lambda provides, not the SDK default chain (SSO, ini, STS...)', () => {
    const source = fs.readFileSync(built.get(name)!.file, 'utf8')
    expect(source).not.toContain('defaultProvider::fromSSO')
    expect(source).toContain('@aws-sdk/credential-provider-env - fromEnv')
  })

  it(`stays under ${MAX_BUNDLE_BYTES / 1024 / 1024} MB`, () => {
    expect(built.get(name)!.bytes).toBeLessThan(MAX_BUNDLE_BYTES)
  })

  it(`imports in Node and exports handler (${row.entry})`, async () => {
    const mod = await nativeImport(pathToFileURL(built.get(name)!.file).href)
    expect(typeof mod.handler).toBe('function')
  })
})

describe('canary: the import check can fail', () => {
  it('an ESM bundle with the default main fields and no require banner throws "Dynamic require" at import', async () => {
    const row = domainFunctions[0]!
    const { mainFields: _mainFields, banner: _banner, ...naive } = portalBundling
    const file = path.join(outDir, 'canary-naive', 'index.mjs')
    await build(esbuildOptionsFor(naive, path.join(projectRoot, row.entry), file))
    await expect(nativeImport(pathToFileURL(file).href)).rejects.toThrow(/Dynamic require of "(node:)?\w+" is not supported/)
  })
})
