/**
 * Bundle size and cold init. Every function (and the floor) is built with the portal's own
 * bundling options, then started in fresh Node processes, interleaved round by round in a new
 * order each round, so machine load falls on the floor and the functions alike.
 */
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import { projectRoot } from '../infra/constructs/portal-function'
import type { BenchFunction } from './functions'
import type { BenchServices, DynamoCall } from './local'
import { apiGatewayEvent, EVENTS, HTTP_REQUESTS } from './requests'
import { shuffled, spread, type Spread } from './stats'

const run = promisify(execFile)
const PROBE = resolve(projectRoot, 'bench/probe/cold.mjs')
export const JWKS_PRELOAD = pathToFileURL(resolve(projectRoot, 'bench/probe/cognito-jwks.mjs')).href
/** BENCH_CPU_PROFILE=<dir>: every cold process writes a V8 CPU profile there (read them with bench/profile.ts) */
export const PROFILE_DIR = process.env.BENCH_CPU_PROFILE ? resolve(process.env.BENCH_CPU_PROFILE) : undefined
const profileFlags = (name: string) =>
  PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-interval', '200', `--cpu-prof-dir=${join(PROFILE_DIR, name)}`] : []

export interface Built {
  fn: BenchFunction
  /** its index.mjs */
  file: string
  /** the code it deploys: index.mjs and every chunk (source maps aside) */
  bytes: number
  gzipBytes: number
  /** the code a cold start reads: index.mjs and the chunks it imports statically, not those behind `import()` */
  startBytes: number
}

export async function buildAll(fns: BenchFunction[], outDir: string): Promise<Built[]> {
  return Promise.all(
    fns.map(async (fn) => {
      const dir = join(outDir, fn.name)
      const { metafile } = await build({ ...fn.build(resolve(projectRoot, fn.entry), dir), metafile: true })
      const code = Object.keys(metafile.outputs).filter((out) => out.endsWith('.mjs'))
      const gzipBytes = code.reduce((sum, out) => sum + gzipSync(readFileSync(out)).length, 0)
      const bytes = code.reduce((sum, out) => sum + metafile.outputs[out]!.bytes, 0)
      const file = join(dir, 'index.mjs')
      const startBytes = [...loadedAtStart(metafile, relative(process.cwd(), file))].reduce(
        (sum, out) => sum + metafile.outputs[out]!.bytes,
        0,
      )
      return { fn, file, bytes, gzipBytes, startBytes }
    }),
  )
}

/** An output file and every output it imports statically, transitively. */
function loadedAtStart(metafile: Metafile, entry: string, seen = new Set<string>()): Set<string> {
  seen.add(entry)
  for (const { path, kind, external } of metafile.outputs[entry]?.imports ?? []) {
    if (kind === 'import-statement' && !external && !seen.has(path)) loadedAtStart(metafile, path, seen)
  }
  return seen
}

export interface ColdResult {
  name: string
  initMs: Spread
  importMs: Spread
  /** the warm second invocation of the same request, in the same process */
  warmMs: Spread
  /** init divided by the init of the floor process run beside it, per pair */
  initRatio: Spread
  status: number
  /** DynamoDB calls and capacity of the cold and of the warm invocation (last round) */
  coldCalls: DynamoCall[]
  warmCalls: DynamoCall[]
}

/** The Lambda environment every function gets from the runtime, plus where DynamoDB is (the bench proxy). */
export function lambdaEnvironment(built: Built, services: BenchServices): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: `bench-${built.fn.name}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(built.fn.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'benchsecret',
    AWS_SESSION_TOKEN: 'benchsession',
    AWS_ENDPOINT_URL_DYNAMODB: services.proxy.endpoint,
    AWS_ENDPOINT_URL_S3: services.s3.endpoint,
    AWS_ENDPOINT_URL_SESV2: services.cognito.sesEndpoint,
    BENCH_JWKS_URL: services.cognito.jwksUrl,
    ...built.fn.environment,
  }
}

function eventFor(built: Built, services: BenchServices): unknown {
  if (built.fn.kind === 'event') {
    const event = EVENTS[built.fn.name]
    if (!event) throw new Error(`bench/requests.ts has no event for ${built.fn.name}`)
    return event
  }
  const req = HTTP_REQUESTS[built.fn.name]
  if (!req) throw new Error(`bench/requests.ts has no request for ${built.fn.name}`)
  return apiGatewayEvent(req, req.as ? services.cognito.tokenFor(req.as) : undefined)
}

interface ProbeOutput {
  importMs: number
  initMs: number
  warmMs: number
  warmAt: number
  status: number
  warmStatus: number
}

/**
 * `rounds` rounds; in each, every function runs once right beside a floor process (in random
 * order within the pair, the pairs in a new order each round), and its init is divided by that
 * floor's: the ratio of two processes that met the same machine load. The floor's own ratio
 * is measured the same way against a second floor process.
 */
export async function coldInits(all: Built[], services: BenchServices, rounds: number, workDir: string) {
  const floor = all.find((b) => b.fn.kind === 'floor')
  if (!floor) throw new Error('no floor to measure against')
  const samples = new Map<string, { out: ProbeOutput; ratio: number }[]>(all.map((b) => [b.fn.name, []]))
  const floorSamples: ProbeOutput[] = []
  const calls = new Map<string, { cold: DynamoCall[]; warm: DynamoCall[] }>()
  const eventFiles = new Map(
    all.map((b) => {
      const file = join(workDir, `${b.fn.name}.event.json`)
      writeFileSync(file, JSON.stringify(eventFor(b, services)))
      return [b.fn.name, file] as const
    }),
  )
  const probe = async (b: Built) => {
    const before = Date.now()
    const { stdout } = await run(
      process.execPath,
      [...profileFlags(b.fn.name), '--import', JWKS_PRELOAD, PROBE, pathToFileURL(b.file).href, eventFiles.get(b.fn.name)!],
      { env: lambdaEnvironment(b, services), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`${b.fn.name}: the cold process failed: ${error.stderr || error.message}`)
    })
    const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ProbeOutput
    if (out.status >= 500 || out.warmStatus >= 500)
      throw new Error(`${b.fn.name}: answered ${out.status}/${out.warmStatus}: ${stdout}`)
    calls.set(b.fn.name, { cold: services.proxy.between(before, out.warmAt), warm: services.proxy.between(out.warmAt) })
    return out
  }
  // round 0 warms the file cache and drains what the demo data left to do (the outbox); it is not counted
  for (let round = 0; round <= rounds; round++) {
    for (const b of shuffled(all)) {
      const floorFirst = Math.random() < 0.5
      const first = await probe(floorFirst ? floor : b)
      const second = await probe(floorFirst ? b : floor)
      const [reference, measured] = floorFirst ? [first, second] : [second, first]
      if (round === 0) continue
      floorSamples.push(reference)
      samples.get(b.fn.name)!.push({ out: measured, ratio: measured.initMs / reference.initMs })
    }
  }
  return {
    floorInitMs: spread(floorSamples.map((x) => x.initMs)),
    results: all.map((b): ColdResult => {
      const s = samples.get(b.fn.name)!
      return {
        name: b.fn.name,
        initMs: spread(s.map((x) => x.out.initMs)),
        importMs: spread(s.map((x) => x.out.importMs)),
        warmMs: spread(s.map((x) => x.out.warmMs)),
        initRatio: spread(s.map((x) => x.ratio)),
        status: s[0]!.out.status,
        coldCalls: calls.get(b.fn.name)!.cold,
        warmCalls: calls.get(b.fn.name)!.warm,
      }
    }),
  }
}
