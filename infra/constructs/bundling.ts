/**
 * The ONE place that says how a portal Lambda is built. `PortalFunction` hands
 * `portalBundling` to NodejsFunction, and test/infra/bundles.test.ts turns the very same
 * object into esbuild options with `esbuildOptionsFor` (which mirrors what
 * aws-cdk-lib/aws-lambda-nodejs passes to the esbuild CLI), so the bundle the test imports and
 * the bundle CDK deploys cannot drift apart.
 *
 * Why these options (see DESIGN.md "Known traps"):
 * - `format: ESM` with `mainFields: ['module', 'main']`: with the default resolution an ESM
 *   bundle picks CJS builds that `require('node:https')` and throws
 *   `Dynamic require of "node:https" is not supported` at import (aws/aws-cdk#29310).
 * - `externalModules: []`: bundle the AWS SDK v3 instead of using the runtime's copy (pinned
 *   version, tree-shaken, faster cold start).
 * - `banner`: defines `require` for any CJS dependency esbuild could not convert, as a safety net.
 * - `minify` + `sourceMap`: the map ships in the asset, but the functions do not load it at
 *   cold start (no --enable-source-maps, see portal-function.ts).
 * - `esbuildArgs` aliases the SDK's default credential chain to the environment-only provider
 *   Lambda uses (functions/runtime/lambda-credentials.ts). Paths are relative to the project
 *   root, where CDK runs esbuild.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Runtime } from 'aws-cdk-lib/aws-lambda'
import { OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs'
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs'
import type { BuildOptions } from 'esbuild'

/** The latest Node.js runtime aws-cdk-lib knows (cdk-nag AwsSolutions-L1 demands the latest). */
export const portalRuntime = Runtime.NODEJS_24_X

/** esbuild target matching `portalRuntime` (CDK derives the same value from the runtime name). */
export const portalTarget = `node${/nodejs(\d+)/.exec(portalRuntime.name)?.[1] ?? '24'}`

export const esmRequireBanner =
  "import { createRequire as __portalCreateRequire } from 'node:module';" +
  'const require = __portalCreateRequire(import.meta.url);'

/** The NodejsFunction bundling options of every portal Lambda. */
export const portalBundling = {
  format: OutputFormat.ESM,
  target: portalTarget,
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  externalModules: [] as string[],
  banner: esmRequireBanner,
  esbuildArgs: {
    '--alias:@aws-sdk/credential-provider-node': './functions/runtime/lambda-credentials.ts',
  },
} satisfies BundlingOptions

export type PortalBundling = typeof portalBundling

/**
 * The esbuild build options equivalent to the CLI arguments aws-cdk-lib's NodejsFunction
 * bundling derives from `bundling` (see `Bundling.buildEsbuildArgs` in aws-cdk-lib): bundle,
 * platform node, target, format, outfile, minify, sourcemap, sources-content, externals,
 * main-fields, banner, and the `--alias:` arguments of `esbuildArgs` (any other argument is
 * refused, so nothing CDK passes can be missing here).
 */
export function esbuildOptionsFor(bundling: BundlingOptions, entry: string, outfile: string): BuildOptions {
  const options: BuildOptions = {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: bundling.target ?? portalTarget,
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap || bundling.sourceMapMode ? sourcemapOf(bundling) : false,
    sourcesContent: bundling.sourcesContent ?? true,
    external: [...(bundling.externalModules ?? ['@aws-sdk/*'])],
    logLevel: 'warning',
  }
  if (bundling.format) options.format = bundling.format === OutputFormat.ESM ? 'esm' : 'cjs'
  if (bundling.mainFields) options.mainFields = [...bundling.mainFields]
  if (bundling.banner) options.banner = { js: bundling.banner }
  if (bundling.footer) options.footer = { js: bundling.footer }
  if (bundling.define) options.define = { ...bundling.define }
  if (bundling.keepNames) options.keepNames = true
  for (const [arg, value] of Object.entries(bundling.esbuildArgs ?? {})) {
    const alias = /^--alias:(.+)$/.exec(arg)?.[1]
    if (!alias || typeof value !== 'string') throw new Error(`esbuildOptionsFor does not mirror the esbuild argument ${arg}`)
    options.alias = { ...options.alias, [alias]: path.resolve(projectRootOf(), value) }
  }
  return options
}

/** Where CDK runs esbuild (portal-function.ts `projectRoot`; not imported from there, which imports this file). */
const projectRootOf = () => path.resolve(fileURLToPath(new URL('../..', import.meta.url)))

function sourcemapOf(bundling: BundlingOptions): BuildOptions['sourcemap'] {
  switch (bundling.sourceMapMode ?? SourceMapMode.DEFAULT) {
    case SourceMapMode.EXTERNAL:
      return 'external'
    case SourceMapMode.INLINE:
      return 'inline'
    case SourceMapMode.BOTH:
      return 'both'
    default:
      return true
  }
}
