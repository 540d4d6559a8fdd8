/**
 * What the bench runs: every Lambda of the portal as CDK synthesizes it. The portal app is
 * built (asset bundling skipped) and each function's entry, memory size and environment are
 * read from its CloudFormation resource, NODE_OPTIONS included; deploy-time references (the
 * table name, the cursor secret...) become the bench's local stand-ins.
 */
import { App, Stack } from 'aws-cdk-lib'
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda'
import type { BuildOptions } from 'esbuild'
import { portalBuildOptions } from '../infra/constructs/bundling'
import { domainFunctions, eventFunctions } from '../functions/domains'
import { createPortal } from '../infra/portal'
import type { PortalFunction } from '../infra/constructs/portal-function'

export interface BenchFunction {
  name: string
  kind: 'http' | 'event' | 'floor'
  entry: string
  /** the esbuild options it is built with, writing `index.mjs` (and any chunks) into `outdir` */
  build: (entry: string, outdir: string) => BuildOptions
  memoryMb: number
  /** the variables CDK gives the function, with references resolved to local values */
  environment: Record<string, string>
}

/** The local values of what CDK only knows at deploy time, by variable name. */
export const LOCAL_VALUES: Record<string, string> = {
  TABLE_NAME: 'portal-bench',
  DOCUMENTS_BUCKET: 'portal-bench-documents',
  USER_POOL_ID: 'eu-west-1_Bench1234',
  USER_POOL_CLIENT_ID: 'benchclient1234',
  CURSOR_KEY: 'bench-cursor-key-0123456789abcdef',
  BADGE_SIGNING_KEY_ARN: 'arn:aws:kms:eu-west-1:123456789012:key/0b4f1c2e-bench',
  PUBLIC_ORIGIN: 'https://partners.homeaiq.example',
  PORTAL_URL: 'https://partners.homeaiq.example',
  MAIL_FROM: 'partners@homeaiq.example',
}

export function synthesizedFunctions(): BenchFunction[] {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } })
  const portal = createPortal(app)
  const rows = [
    ...domainFunctions.map((row) => ({ row, kind: 'http' as const, fn: portal.api.functions.get(row.name) })),
    ...eventFunctions.map((row) => ({ row, kind: 'event' as const, fn: portal.events?.functions.get(row.name) })),
  ]
  return rows.map(({ row, kind, fn }) => {
    if (!fn) throw new Error(`the synthesized app has no function ${row.name}`)
    return { name: row.name, kind, entry: row.entry, build: portalBuildOptions, ...deployedShape(fn) }
  })
}

function deployedShape(fn: PortalFunction): Pick<BenchFunction, 'memoryMb' | 'environment'> {
  const cfn = fn.function.node.defaultChild as CfnFunction
  const resolved = Stack.of(fn).resolve(cfn.environment) as { variables?: Record<string, unknown> } | undefined
  const environment: Record<string, string> = {}
  for (const [name, value] of Object.entries(resolved?.variables ?? {})) {
    if (typeof value === 'string') environment[name] = value
    else if (LOCAL_VALUES[name]) environment[name] = LOCAL_VALUES[name]
    else throw new Error(`${fn.node.path}: no local value for the deploy-time variable ${name}`)
  }
  return { memoryMb: Number(Stack.of(fn).resolve(cfn.memorySize) ?? 128), environment }
}

/**
 * The floor: what the stock setup gives. The portal's esbuild options without its own trims
 * (the credential chain alias, code splitting: one file, as NodejsFunction builds it), no
 * NODE_OPTIONS, only its table, the memory size of the portal's functions.
 */
const stockBuild = (entry: string, outdir: string): BuildOptions => {
  const { alias: _alias, splitting: _splitting, chunkNames: _chunkNames, ...stock } = portalBuildOptions(entry, outdir)
  return stock
}

export const floorFunction = (memoryMb: number): BenchFunction => ({
  name: 'floor',
  kind: 'floor',
  entry: 'bench/floor/lambda.ts',
  build: stockBuild,
  memoryMb,
  environment: { TABLE_NAME: LOCAL_VALUES.TABLE_NAME! },
})
