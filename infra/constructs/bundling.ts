/**
 * The ONE place that says how a portal Lambda is built: `portalCode` is the asset CDK deploys,
 * and the tests and the bench build with the very same `portalBuildOptions`, so the bundle
 * they import and the bundle CDK deploys cannot drift apart.
 *
 * Why these options (see DESIGN.md "Known traps"):
 * - `format: 'esm'` with `mainFields: ['module', 'main']`: with the default resolution an ESM
 *   bundle picks CJS builds that `require('node:https')` and throws
 *   `Dynamic require of "node:https" is not supported` at import (aws/aws-cdk#29310).
 * - `external: []`: bundle the AWS SDK v3 instead of using the runtime's copy (pinned
 *   version, tree-shaken, faster cold start).
 * - `splitting`: what a function loads with `import()` (the Markdown renderer of briefings,
 *   the whole API's contracts for OpenAPI, the KMS client of badges, the response schemas)
 *   goes to chunk files that a cold start never reads. Without it esbuild inlines such
 *   modules (evaluated lazily, but parsed at every cold start: 3-7 ms per 100 KB here).
 *   NodejsFunction cannot split (it passes esbuild an `--outfile`), hence a plain Function
 *   with this local build as its asset.
 * - `banner`: defines `require` for any CJS dependency esbuild could not convert, as a safety net.
 * - `minify` + `sourcemap`: the maps ship in the asset, but the functions do not load them at
 *   cold start (no --enable-source-maps, see portal-function.ts).
 * - `alias` replaces the SDK's default credential chain with the environment-only provider
 *   Lambda uses (functions/runtime/lambda-credentials.ts).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AssetHashType, DockerImage } from 'aws-cdk-lib'
import { Code, Runtime } from 'aws-cdk-lib/aws-lambda'
import { buildSync, type BuildOptions } from 'esbuild'

/** The latest Node.js runtime aws-cdk-lib knows (cdk-nag AwsSolutions-L1 demands the latest). */
export const portalRuntime = Runtime.NODEJS_24_X

/** esbuild target matching `portalRuntime`. */
export const portalTarget = `node${/nodejs(\d+)/.exec(portalRuntime.name)?.[1] ?? '24'}`

export const esmRequireBanner =
  "import { createRequire as __portalCreateRequire } from 'node:module';" +
  'const require = __portalCreateRequire(import.meta.url);'

/** The repository root: entries are resolved from here. */
export const projectRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)))

/** esbuild options of a portal Lambda: `index.mjs` (the handler) and its chunks in `outdir`. */
export function portalBuildOptions(entry: string, outdir: string) {
  return {
    entryPoints: { index: path.resolve(projectRoot, entry) },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    target: portalTarget,
    format: 'esm',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    external: [],
    banner: { js: esmRequireBanner },
    alias: { '@aws-sdk/credential-provider-node': path.join(projectRoot, 'functions/runtime/lambda-credentials.ts') },
    logLevel: 'warning',
  } satisfies BuildOptions
}

/**
 * The Lambda code of an entry: built by esbuild on this machine when CDK synthesizes the
 * stack (as NodejsFunction does, and skipped as it is where bundling is turned off), its
 * asset hashed from the output.
 */
export function portalCode(entry: string): Code {
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // never pulled: the local build always runs, and throws when esbuild fails
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
      local: {
        tryBundle(outputDir) {
          buildSync(portalBuildOptions(entry, outputDir))
          return true
        },
      },
    },
  })
}
