/**
 * `npm run bench`: the portal's performance beside a floor measured in the same run (see
 * bench/README.md). Prints tables, writes bench/results.json; `--check` exits 1 when a budget
 * in bench/budgets.ts fails. BENCH_RUNS sets the cold rounds (default 21); `--source-maps`
 * runs the functions with NODE_OPTIONS=--enable-source-maps, to weigh what it would cost;
 * `--no-scale` skips the 50,000-item runs (their seeding takes a while); BENCH_LOAD_REQUESTS
 * sets the requests per warm-latency run (default 400).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { projectRoot } from '../infra/constructs/portal-function'
import { BUDGETS, check, type BudgetCheck } from './budgets'
import { buildAll, coldInits, PROFILE_DIR } from './cold'
import { floorFunction, synthesizedFunctions } from './functions'
import { requestUnits, roundTrips, startBenchServices } from './local'
import { costPerMillion, PRICES } from './prices'
import { HTTP_REQUESTS } from './requests'
import { directoryPaint, firstPageBytes } from './web'
import { warmLatencies } from './warm'
import { scaleRuns, SCALES } from './scale'
import { staticScans } from './scans'
import { ratio } from './stats'

const args = new Set(process.argv.slice(2))
const ROUNDS = Number(process.env.BENCH_RUNS ?? 21)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
const ms = (x: number) => `${x.toFixed(0)}`

const workDir = mkdtempSync(join(tmpdir(), 'portal-bench-'))
const services = await startBenchServices()
const checks: BudgetCheck[] = []
try {
  // `--source-maps` weighs NODE_OPTIONS=--enable-source-maps: the functions run with it
  const fns = synthesizedFunctions().map((fn) =>
    args.has('--source-maps') ? { ...fn, environment: withSourceMaps(fn.environment) } : fn,
  )
  const floorFn = floorFunction(fns[0]!.memoryMb)
  // a profiled run keeps its bundles beside the profiles: their source maps name the code the samples fell in
  const built = await buildAll([floorFn, ...fns], join(PROFILE_DIR ?? workDir, 'bundles'))
  const floorBuilt = built[0]!
  console.log(`cold init: ${ROUNDS} rounds of ${built.length} fresh processes, interleaved`)
  const { floorInitMs, results: cold } = await coldInits(built, services, ROUNDS, workDir)

  const functions = built.map((b, i) => {
    const c = cold[i]!
    return {
      name: b.fn.name,
      kind: b.fn.kind,
      nodeOptions: b.fn.environment.NODE_OPTIONS ?? '',
      bytes: b.bytes,
      gzipBytes: b.gzipBytes,
      bundleRatio: ratio(b.bytes, floorBuilt.bytes),
      gzipRatio: ratio(b.gzipBytes, floorBuilt.gzipBytes),
      startBytes: b.startBytes,
      initMs: c.initMs,
      importMs: c.importMs,
      initRatio: c.initRatio,
      status: c.status,
      warmCalls: c.warmCalls.map((x) => x.op),
      warmRoundTrips: roundTrips(c.warmCalls),
      warmUnits: requestUnits(c.warmCalls),
      warmMs: c.warmMs,
      coldCalls: c.coldCalls.map((x) => x.op),
    }
  })
  const costs = functions
    .filter((f) => f.kind !== 'floor')
    .map((f) => ({
      name: f.name,
      request: f.kind === 'http' ? `${HTTP_REQUESTS[f.name]!.method} ${HTTP_REQUESTS[f.name]!.path}` : 'its trigger event',
      warmMs: f.warmMs.median,
      ...costPerMillion({
        durationMs: f.warmMs.median,
        memoryMb: built.find((b) => b.fn.name === f.name)!.fn.memoryMb,
        readUnits: f.warmUnits.read,
        writeUnits: f.warmUnits.write,
        http: f.kind === 'http',
      }),
    }))

  console.log(
    table(
      [
        'function',
        'bundle',
        'gzip',
        'x floor',
        'read at start',
        'init ms (min-max)',
        'x floor (min-max)',
        'warm DynamoDB calls',
        'RRU/WRU',
      ],
      functions.map((f) => [
        f.name,
        kb(f.bytes),
        kb(f.gzipBytes),
        f.bundleRatio.toFixed(2),
        kb(f.startBytes),
        `${ms(f.initMs.median)} (${ms(f.initMs.min)}-${ms(f.initMs.max)})`,
        `${f.initRatio.median.toFixed(2)} (${f.initRatio.min.toFixed(2)}-${f.initRatio.max.toFixed(2)})`,
        f.warmCalls.join(' ') || '-',
        `${f.warmUnits.read}/${f.warmUnits.write}`,
      ]),
    ),
  )

  for (const f of functions.filter((x) => x.kind !== 'floor')) {
    checks.push(check('cold init x floor', f.name, Math.round(f.initRatio.median * 100) / 100, BUDGETS.coldInitRatio))
    checks.push(check('bundle x floor', f.name, f.bundleRatio, BUDGETS.bundleRatio))
    if (f.kind === 'http')
      checks.push(check('warm read DynamoDB round trips', f.name, f.warmRoundTrips, BUDGETS.readRouteRoundTrips))
  }
  console.log(`\ncost per million warm requests, USD (prices of ${PRICES.asOf}, ${PRICES.region}; duration as measured here)`)
  console.log(
    table(
      ['function', 'request', 'warm ms', 'Lambda', 'HTTP API', 'DynamoDB', 'total'],
      costs.map((c) => [
        c.name,
        c.request,
        c.warmMs.toFixed(1),
        c.lambda.toFixed(2),
        c.api.toFixed(2),
        c.dynamo.toFixed(2),
        c.total.toFixed(2),
      ]),
    ),
  )

  const LOAD_REQUESTS = Number(process.env.BENCH_LOAD_REQUESTS ?? 400)
  const warm = await warmLatencies(built, services, LOAD_REQUESTS)
  console.log(
    `\nwarm latency under load (${LOAD_REQUESTS} requests, 8 at a time), ms, beside the same DynamoDB requests sent raw`,
  )
  console.log(
    table(
      ['route', 'DynamoDB calls', 'p50', 'raw p50', 'x raw', 'p99', 'raw p99', 'x raw'],
      warm.map((w) => [
        w.route,
        w.dynamoCalls.join(' '),
        w.routeMs.p50.toFixed(1),
        w.rawMs.p50.toFixed(1),
        w.ratio.p50.toFixed(2),
        w.routeMs.p99.toFixed(1),
        w.rawMs.p99.toFixed(1),
        w.ratio.p99.toFixed(2),
      ]),
    ),
  )

  const scale = args.has('--no-scale') ? undefined : await scaleRuns(built, services, Math.max(50, LOAD_REQUESTS / 4))
  if (scale) {
    console.log(
      `\nscale: ${SCALES.small} vs ${SCALES.large} items of one kind (seeded in ${(scale.seededMs / 1000).toFixed(0)} s), p50 ms`,
    )
    console.log(
      table(
        ['route', `at ${SCALES.small}`, `at ${SCALES.large}`, 'ratio'],
        scale.results.map((r) => [r.route, r.small.p50.toFixed(1), r.large.p50.toFixed(1), r.ratio.toFixed(2)]),
      ),
    )
    for (const r of scale.results)
      checks.push(
        check(`latency at ${SCALES.large} / ${SCALES.small}`, r.route, Math.round(r.ratio * 100) / 100, BUDGETS.scaleRatio),
      )
  }

  const web = await firstPageBytes()
  console.log(`\nweb first page: ${kb(web.jsGzipBytes)} JS + ${kb(web.cssGzipBytes)} CSS (gzip): ${web.scripts.join(', ')}`)
  checks.push(check('first page JS gzip bytes', web.scripts[0] ?? 'index.html', web.jsGzipBytes, BUDGETS.firstPageJsGzipBytes))
  const paint = await directoryPaint(Math.max(3, Math.round(ROUNDS / 2)))
  const spreadMs = (s: { median: number; min: number; max: number }) => `${ms(s.median)} (${ms(s.min)}-${ms(s.max)}) ms`
  console.log(
    `directory in Chromium, cold cache: first paint ${spreadMs(paint.firstPaintMs)}, ${paint.paintRatio.median.toFixed(2)}x a one-line page's; partner cards at ${spreadMs(paint.cardsMs)}`,
  )

  const scans = staticScans()
  const runtimeScans = services.proxy.calls.filter((c) => c.op === 'Scan').length
  checks.push(check('no Scan (source)', scans.join(', ') || 'functions/, shared/', scans.length, 0))
  checks.push(check('no Scan (at run time)', 'every bench request', runtimeScans, 0))

  const results = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    rounds: ROUNDS,
    floor: { bytes: floorBuilt.bytes, gzipBytes: floorBuilt.gzipBytes, initMs: floorInitMs },
    functions,
    costs: { prices: PRICES, perMillion: costs },
    warm,
    scale,
    web: { ...web, paint },
    budgets: BUDGETS,
    checks,
  }
  writeFileSync(resolve(projectRoot, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log('\nbudgets')
  console.log(
    table(
      ['budget', 'subject', 'value', 'limit', ''],
      checks.map((c) => [c.budget, c.subject, String(c.value), String(c.limit), c.ok ? 'ok' : 'FAIL']),
    ),
  )
  console.log('\nwrote bench/results.json')
} finally {
  await services.stop()
  rmSync(workDir, { recursive: true, force: true })
}

const failed = checks.filter((c) => !c.ok)
if (args.has('--check') && failed.length) {
  console.error(`\n${failed.length} budget(s) failed`)
  process.exit(1)
}

// a declaration, hoisted: the run above uses it before this line is reached
function withSourceMaps(env: Record<string, string>) {
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --enable-source-maps`.trim() }
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
