/**
 * Every Lambda (domainFunctions and eventFunctions rows), bundled exactly as CDK bundles it (the
 * same `portalBuildOptions`), must import in plain Node and export `handler`. This catches
 * the deploy-only failures a template test cannot see, e.g. an ESM bundle that throws
 * `Dynamic require of "node:https" is not supported` at import (DESIGN.md §6).
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { App, Stack } from 'aws-cdk-lib'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { domainFunctions, eventFunctions } from '../../functions/domains'
import { esmRequireBanner, portalBuildOptions } from '../../infra/constructs/bundling'
import { PortalFunction, projectRoot } from '../../infra/constructs/portal-function'
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
const built = new Map<string, { file: string; code: string[]; bytes: number; ms: number }>()
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
      const dir = path.join(outDir, row.name)
      const started = Date.now()
      const { metafile } = await build({ ...portalBuildOptions(row.entry, dir), metafile: true })
      const code = Object.keys(metafile.outputs).filter((out) => out.endsWith('.mjs'))
      const bytes = code.reduce((sum, out) => sum + metafile.outputs[out]!.bytes, 0)
      built.set(row.name, { file: path.join(dir, 'index.mjs'), code, bytes, ms: Date.now() - started })
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
  it('are the ESM-safe ones (DESIGN.md §6), split into chunks', () => {
    const options = portalBuildOptions('functions/directory/lambda.ts', 'out')
    expect(options.format).toBe('esm')
    expect(options.mainFields).toEqual(['module', 'main'])
    expect(options.external).toEqual([])
    expect(options.minify).toBe(true)
    expect(options.sourcemap).toBe(true)
    expect(options.splitting).toBe(true)
    expect(options.banner.js).toMatch(/createRequire/)
    expect(options.alias).toEqual({
      '@aws-sdk/credential-provider-node': path.join(projectRoot, 'functions/runtime/lambda-credentials.ts'),
    })
  })

  it('are what CDK deploys: the synthesized asset is the bundle built here, byte for byte', async () => {
    const app = new App({ outdir: tempDir('portal-cdk-asset'), context: { 'aws:cdk:enable-asset-metadata': true } })
    const stack = new Stack(app, 'Bundled')
    new PortalFunction(stack, 'Directory', { entry: 'functions/directory/lambda.ts' })
    const assembly = app.synth()
    type Resource = { Type: string; Properties: { Handler?: string }; Metadata?: Record<string, string> }
    const resources = Object.values(assembly.getStackByName('Bundled').template.Resources as Record<string, Resource>)
    const fn = resources.find((r) => r.Type === 'AWS::Lambda::Function')!
    expect(fn.Properties.Handler).toBe('index.handler')
    const asset = path.join(assembly.directory, fn.Metadata!['aws:asset:path']!)
    // built as deep below the temp dir as CDK's asset: the maps name the sources relative to the bundle, and the chunks' names hash them
    const ours = path.join(tempDir('portal-cdk-compare'), 'directory')
    await build(portalBuildOptions('functions/directory/lambda.ts', ours))
    const files = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
    expect(files(asset)).toEqual(files(ours))
    expect(files(asset)).toContain('index.mjs')
    for (const file of files(ours).filter((f) => f.endsWith('.mjs')))
      expect(fs.readFileSync(path.join(asset, file)).equals(fs.readFileSync(path.join(ours, file))), file).toBe(true)
  }, 60_000)
})

describe.each(lambdas.map((row) => [row.name, row] as const))('%s bundle', (name, row) => {
  it('is ESM files, each with its source map', () => {
    for (const file of built.get(name)!.code) {
      expect(fs.readFileSync(file, 'utf8').startsWith(esmRequireBanner)).toBe(true)
      expect(fs.existsSync(`${file}.map`)).toBe(true)
    }
  })

  it('carries only the environment credentials Lambda provides, not the SDK default chain (SSO, ini, STS...)', () => {
    const source = built
      .get(name)!
      .code.map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n')
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
    const dir = path.join(outDir, 'canary-naive')
    const { mainFields: _mainFields, banner: _banner, ...naive } = portalBuildOptions(row.entry, dir)
    await build(naive)
    await expect(nativeImport(pathToFileURL(path.join(dir, 'index.mjs')).href)).rejects.toThrow(
      /Dynamic require of "(node:)?\w+" is not supported/,
    )
  })
})
