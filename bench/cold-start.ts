/**
 * `npm run bench`: what a cold Lambda pays before its first request. Each function is bundled
 * exactly as CDK bundles it, then imported in a fresh Node process several times; the median
 * import time and the bundle size are reported (timing targets live here, not in tests).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { domainFunctions, eventFunctions } from '../functions/domains'
import { esbuildOptionsFor, portalBundling } from '../infra/constructs/bundling'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const dir = mkdtempSync(join(tmpdir(), 'portal-bench-'))
const env = {
  ...process.env,
  TABLE_NAME: 'bench',
  DOCUMENTS_BUCKET: 'bench-documents',
  USER_POOL_ID: 'eu-west-1_Bench1234',
  USER_POOL_CLIENT_ID: 'benchclient',
  CURSOR_KEY: 'bench-cursor-key',
  MAIL_FROM: 'partners@homeaiq.example',
  PORTAL_URL: 'https://partners.homeaiq.example',
  AWS_REGION: 'eu-west-1',
}
const probe = `const t = performance.now(); const m = await import(process.argv[1]); if (typeof m.handler !== 'function') process.exit(1); console.log(performance.now() - t)`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

try {
  console.log(`function           bundle    import (median of ${RUNS} cold processes)`)
  for (const fn of [...domainFunctions, ...eventFunctions]) {
    const file = join(dir, fn.name, 'index.mjs')
    await build(esbuildOptionsFor(portalBundling, fn.entry, file))
    const times = Array.from({ length: RUNS }, () =>
      Number(
        execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', probe, file], {
          env,
          encoding: 'utf8',
        }).trim(),
      ),
    )
    console.log(
      `${fn.name.padEnd(18)} ${`${Math.round(statSync(file).size / 1024)} KB`.padStart(7)}   ${median(times).toFixed(0).padStart(4)} ms`,
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
