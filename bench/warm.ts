/**
 * Warm latency of key routes under concurrent load: the function's bundle serves in one
 * process (a warm container), this process sends it CONCURRENCY requests at a time; then the
 * DynamoDB requests one such request made are replayed raw, at the same concurrency, against
 * the same DynamoDB Local through the same proxy. route / raw is what the portal adds.
 */
import { spawn } from 'node:child_process'
import http from 'node:http'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { projectRoot } from '../infra/constructs/portal-function'
import type { Built } from './cold'
import { JWKS_PRELOAD, lambdaEnvironment } from './cold'
import { replay, requestUnits, type BenchServices, type DynamoCall } from './local'
import { apiGatewayEvent, type BenchRequest } from './requests'
import { percentile } from './stats'
import { unconditioned, WRITE_ROUTES } from './writes'

export const KEY_ROUTES: { name: string; fn: string; req: BenchRequest }[] = [
  { name: 'directory list', fn: 'directory', req: { method: 'GET', path: '/api/v1/directory' } },
  { name: 'product list', fn: 'catalog', req: { method: 'GET', path: '/api/v1/partners/lutron/products', as: 'dev-rep-lutron' } },
  {
    name: 'product search',
    fn: 'catalog',
    req: { method: 'GET', path: '/api/v1/partners/lutron/products?q=dimmer', as: 'dev-rep-lutron' },
  },
  { name: 'lead inbox', fn: 'leads', req: { method: 'GET', path: '/api/v1/partners/lutron/leads', as: 'dev-rep-lutron' } },
  { name: 'claim queue', fn: 'mdf', req: { method: 'GET', path: '/api/v1/review/mdf-claims', as: 'dev-staff' } },
]

const SERVE = resolve(projectRoot, 'bench/probe/serve.mjs')
const CONCURRENCY = 8

/** Runs `task` `total` times, `concurrency` at a time; the latency of each, in ms. */
export async function underLoad(total: number, concurrency: number, task: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = []
  let started = 0
  const worker = async () => {
    while (started < total) {
      started++
      const t = performance.now()
      await task()
      latencies.push(performance.now() - t)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return latencies
}

export async function warmContainer(built: Built, services: BenchServices) {
  const child = spawn(process.execPath, ['--import', JWKS_PRELOAD, SERVE, pathToFileURL(built.file).href], {
    env: lambdaEnvironment(built, services),
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((done) => createInterface({ input: child.stdout! }).once('line', (l) => done(Number(l))))
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const send = (event: unknown) =>
    new Promise<number>((done, fail) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', agent }, (res) => {
        const parts: Buffer[] = []
        res.on('data', (c: Buffer) => parts.push(c))
        res.on('end', () => done((JSON.parse(Buffer.concat(parts).toString('utf8')) as { statusCode: number }).statusCode))
      })
      req.on('error', fail)
      req.end(JSON.stringify(event))
    })
  return {
    send,
    stop: () => {
      agent.destroy()
      child.stdin!.end()
    },
  }
}

export async function warmLatencies(built: Built[], services: BenchServices, requests: number) {
  const WARMUP = 20
  const reads = KEY_ROUTES.map((r) => ({ ...r, request: async () => () => r.req, raw: (c: DynamoCall) => c }))
  const writes = WRITE_ROUTES.map((r) => ({
    ...r,
    // each request changes its own item: the warm-up, the recorded one and the load
    request: (services: BenchServices) => r.prepare(services, WARMUP + 1 + requests),
    raw: unconditioned,
  }))
  const results = []
  for (const route of [...reads, ...writes]) {
    const b = built.find((x) => x.fn.name === route.fn)
    if (!b) throw new Error(`no function ${route.fn}`)
    const request = await route.request(services)
    const container = await warmContainer(b, services)
    try {
      let sent = 0
      const tokens = new Map<string, string>()
      const tokenOf = (as: string) => tokens.get(as) ?? tokens.set(as, services.cognito.tokenFor(as)).get(as)!
      const send = async () => {
        const req = request(sent++)
        const event = apiGatewayEvent(req, req.as ? tokenOf(req.as) : undefined)
        const status = await container.send(event)
        if (status >= 400) throw new Error(`${route.name}: ${req.method} ${req.path} answered ${status}`)
      }
      for (let i = 0; i < WARMUP; i++) await send()
      const before = Date.now()
      await send()
      const calls = services.proxy.between(before).map(route.raw)
      const routeMs = await underLoad(requests, CONCURRENCY, send)
      const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })
      const rawMs = await underLoad(requests, CONCURRENCY, async () => {
        for (const call of calls) await replay(services.proxy.endpoint, call, agent)
      })
      agent.destroy()
      const stats = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99) })
      const r = stats(routeMs)
      const raw = stats(rawMs)
      const first = request(0)
      results.push({
        route: route.name,
        request: `${first.method} ${first.path}`,
        dynamoCalls: calls.map((c) => c.op),
        units: requestUnits(calls),
        routeMs: r,
        rawMs: raw,
        ratio: { p50: r.p50 / raw.p50, p99: r.p99 / raw.p99 },
      })
    } finally {
      container.stop()
    }
  }
  return results
}
