import { accessSync, constants, mkdirSync } from 'node:fs'
import { createServer, type RequestListener, type Server } from 'node:http'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { createApi } from '../api'
import { fileSigner, memorySigner } from '../badges/signer'
import { partnerRepository } from '../data/partners'
import { userRepository } from '../data/users'
import { routeNotFound } from '../http/app'
import type { Deps } from '../http/deps'
import { webSecurityHeaders } from '../../shared/web-security-headers'
import { createDevIdp, devAuthApp, type DevIdp } from './dev-idp'
import { seedDemoData } from './seed'
import { demoUsers } from './seed-data'
import { devJobsApp, scheduleJobs } from './jobs'
import { localDeps, uploadCheckListener } from './local-deps'
import { devMailboxApp } from './mailbox'
import { LOOPBACK, hostUrl } from './host'
import { LocalSetupError, ensureTable, freePort, startDynamoDb, startS3, type DynamoDbService } from './services'
import { Supervisor } from './supervisor'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const TABLE_NAME = 'homeaiq-portal'
export const DOCUMENTS_BUCKET = 'homeaiq-documents'

export interface PortalOptions {
  /** 0 picks a free port */
  port?: number
  /** the interface the HTTP server listens on; default 127.0.0.1, since dev sign-in mints any token */
  host?: string
  dataDir?: string
  /** keep DynamoDB in memory (tests); s3rver still writes under dataDir */
  inMemory?: boolean
  /** where the built web goes; tests use their own folder so parallel builds never collide */
  webDir?: string
  /** build the web as it is deployed (minified); default false, readable in the browser's devtools */
  minifyWeb?: boolean
}

export interface RunningPortal {
  url: string
  deps: Deps
  /** DynamoDB Local, restarted on the same port and data when it dies; emits `restart` and `give-up` */
  dynamo: Supervisor<DynamoDbService>
  stop(): Promise<void>
}

/**
 * The whole portal in one process: DynamoDB Local and s3rver as children, the table and
 * buckets created if missing, demo data seeded once, the dev identity provider, and the
 * same Hono API the Lambdas run, with the static web beside it.
 */
export async function startPortal(opts: PortalOptions = {}): Promise<RunningPortal> {
  const dataDir = resolve(opts.dataDir ?? join(ROOT, '.data'))
  assertWritable(dataDir)
  // Listen first: a taken port fails fast, and until the portal is ready every request gets 503.
  let handle: RequestListener = (_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"status":"starting"}')
  }
  const server = createServer((req, res) => handle(req, res))
  const host = opts.host ?? LOOPBACK
  const port = await listen(server, opts.port ?? 0, host)

  const stops: (() => Promise<void>)[] = [() => closeServer(server)]
  let stopped: Promise<void> | undefined
  const stop = () =>
    (stopped ??= (async () => {
      for (const s of stops.reverse()) await s().catch(() => undefined)
    })())
  try {
    const dynamoPort = await freePort()
    const dynamo = await Supervisor.start('DynamoDB Local', async () => {
      const started = await startDynamoDb({ port: dynamoPort, ...(opts.inMemory ? {} : { dataDir }) })
      // a restarted in-memory DynamoDB Local starts empty: the table comes back, the data does not
      await ensureTable(started.endpoint, TABLE_NAME).catch(async (error: unknown) => {
        await started.stop()
        throw error
      })
      return started
    })
    stops.push(() => dynamo.stop())
    const s3 = await startS3({ port: await freePort(), dataDir, buckets: [DOCUMENTS_BUCKET] })
    stops.push(s3.stop)

    const idp = createDevIdp(opts.inMemory ? {} : { keyFile: join(dataDir, 'dev-idp-key.pem') })
    const deps = localDeps({
      dynamoEndpoint: dynamo.current.endpoint,
      table: TABLE_NAME,
      s3Endpoint: s3.endpoint,
      bucket: DOCUMENTS_BUCKET,
      verifier: idp.verifier,
      portalUrl: hostUrl(host, port),
      badges: {
        signer: opts.inMemory ? memorySigner() : fileSigner(join(dataDir, 'badge-signing-key.pem')),
        origin: hostUrl(host, port),
      },
    })
    s3.onEvent(uploadCheckListener(deps))
    await seedDemoData(deps)

    const webDir = resolve(opts.webDir ?? join(ROOT, 'web/dist'))
    const { buildWeb } = await import('../../web/build')
    await buildWeb({ outdir: webDir, minify: opts.minifyWeb ?? false })

    handle = getRequestListener(portalApp(deps, idp, webDir, s3.endpoint).fetch)
    const stopJobs = scheduleJobs(deps)
    stops.push(async () => stopJobs())
    return { url: hostUrl(host, port), deps, dynamo, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Web, API and the dev sign-in endpoints on one origin, as CloudFront serves them in AWS. */
function portalApp(deps: Deps, idp: DevIdp, webDir: string, storageOrigin: string) {
  const partners = partnerRepository(deps.db)
  const listDemoUsers = async () =>
    Promise.all(
      demoUsers().map(async (u) => ({ ...u, partnerName: u.partnerId ? (await partners.get(u.partnerId))?.name : undefined })),
    )
  const app = new Hono()
  app.route('/auth/dev', devAuthApp(idp, userRepository(deps.db), listDemoUsers))
  app.route('/dev/jobs', devJobsApp(deps))
  app.route('/dev/mailbox', devMailboxApp(deps.db))
  app.get('/config.json', (c) => c.json({ auth: { mode: 'dev' } }))
  const api = createApi(deps)
  // /.well-known/jwks.json at the site root, as CloudFront serves it in AWS (a rewrite to the API's route)
  app.get('/.well-known/*', (c) => api.fetch(new Request(new URL(`/api/v1${c.req.path}`, c.req.url), c.req.raw)))
  app.route('/', api)
  // every /api/* path is the API's, as CloudFront sends them all to API Gateway: a made-up one is a 404 problem
  app.all('/api/*', routeNotFound)
  // the web pages carry the headers CloudFront adds in AWS (uploads and logos come from the S3 stand-in)
  const headers = webSecurityHeaders({ storage: [storageOrigin], identity: [], signIn: [] })
  app.use('*', async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  })
  app.use('*', serveStatic({ root: relative(process.cwd(), webDir) || '.' }))
  // SPA fallback: any other GET is a client-side route
  app.get('*', serveStatic({ root: relative(process.cwd(), webDir) || '.', path: 'index.html' }))
  return app
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new LocalSetupError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is taken: stop whatever uses it, or start with another port (PORT=3001 npm start).`
            : `Cannot listen on ${host} port ${port}: ${error.message} (is HOST an address of this machine?)`,
        ),
      ),
    )
    server.listen(port, host, () => {
      const address = server.address()
      resolvePort(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/** close() waits for every open connection (a browser's keep-alive, a request in flight): end them, so it returns. */
function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolveClosed) => server.close(() => resolveClosed()))
  server.closeAllConnections()
  return closed
}

function assertWritable(dir: string) {
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK)
  } catch {
    throw new LocalSetupError(`Cannot write to the data folder ${dir}: make it writable, or point DATA_DIR at another folder.`)
  }
}
