import { spawn, type ChildProcess } from 'node:child_process'
import type { EventEmitter } from 'node:events'
import { mkdirSync } from 'node:fs'
import type { Server } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import S3rver from 's3rver'
import { tableShape } from '../data/table'
import { dynamoDbJava } from './dynamodb-launcher'
import { JAVA_MISSING, LocalSetupError } from './errors'
import { LOOPBACK } from './host'

export { LocalSetupError } from './errors'

/**
 * The local stand-ins for DynamoDB and S3, started as real servers on loopback.
 * `npm start` keeps their data under DATA_DIR; the tests run them in memory / in a temp dir.
 */

/** Fake credentials both stand-ins accept: alphanumeric for DynamoDB Local, s3rver's own for S3. */
export const LOCAL_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
} as const

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, LOOPBACK, () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface RunningService {
  endpoint: string
  stop(): Promise<void>
}

/** How a child process ended: `code` after a normal exit, `signal` when a signal killed it. */
export interface ChildExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export const describeExit = ({ code, signal }: ChildExit) => (signal ? `signal ${signal}` : `code ${code}`)

export interface DynamoDbService extends RunningService {
  child: ChildProcess
  /** the address DynamoDB Local bound, as its launcher read it from the listening socket */
  bound: { address: string; port: number }
  /** settles once the child has exited, however it ended */
  exited: Promise<ChildExit>
}

const START_TIMEOUT_MS = 60_000
const KILL_AFTER_MS = 5_000

/**
 * Starts DynamoDB Local on 127.0.0.1 (its jar alone listens on every interface, see
 * LoopbackDynamoDb.java); `dataDir` undefined = in memory. `stop()` returns however the child ended.
 */
export async function startDynamoDb(opts: { port: number; dataDir?: string }): Promise<DynamoDbService> {
  // -sharedDb: one data file whatever the credentials; -disableTelemetry: no calls home (they stall start-up here)
  const options = ['-port', String(opts.port), '-sharedDb', '-disableTelemetry']
  if (opts.dataDir) {
    const path = join(opts.dataDir, 'dynamodb')
    mkdirSync(path, { recursive: true })
    options.push('-dbPath', path)
  } else {
    options.push('-inMemory')
  }
  const java = await dynamoDbJava(LOOPBACK, options)
  const child = spawn('java', java.args, {
    cwd: java.cwd,
    // stdin is the launcher's lifeline: it exits when the pipe closes, so it never outlives this process.
    // Its own process group: a terminal's Ctrl-C reaches the portal, which then stops it in order.
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  })
  const exited = new Promise<ChildExit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })))
  const stderr = lastOutput(child.stderr!)
  const spawnFailed = new Promise<never>((_, reject) =>
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new LocalSetupError(error.code === 'ENOENT' ? JAVA_MISSING : `DynamoDB Local did not start: ${error.message}`)),
    ),
  )
  const stop = async () => {
    child.kill('SIGTERM')
    const kill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS)
    await exited
    clearTimeout(kill)
  }
  let timer: NodeJS.Timeout | undefined
  try {
    const bound = await Promise.race([
      boundAddress(child.stdout!),
      spawnFailed,
      exited.then((exit) => {
        throw new LocalSetupError(`DynamoDB Local exited early (${describeExit(exit)}): ${stderr() || 'no output'}`)
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new LocalSetupError(`DynamoDB Local did not start within 60 s: ${stderr() || 'no output'}`)),
          START_TIMEOUT_MS,
        )
      }),
    ])
    const endpoint = `http://${LOOPBACK}:${opts.port}`
    await waitForDynamo(endpoint)
    return { endpoint, child, bound, exited, stop }
  } catch (error) {
    await stop()
    throw error
  } finally {
    clearTimeout(timer)
  }
}

/** Reads the launcher's `listening <address> <port>` line, then keeps draining stdout so the pipe never fills. */
function boundAddress(stdout: Readable): Promise<DynamoDbService['bound']> {
  return new Promise((resolve) => {
    createInterface({ input: stdout }).on('line', (line) => {
      const match = /^listening (\S+) (\d+)$/.exec(line)
      if (match) resolve({ address: match[1]!, port: Number(match[2]) })
    })
  })
}

/** Drains a stream, keeping its last few KB for error messages. */
function lastOutput(stream: Readable): () => string {
  let kept = ''
  stream.setEncoding('utf8').on('data', (chunk: string) => (kept = (kept + chunk).slice(-4000)))
  return () => kept.trim()
}

async function waitForDynamo(endpoint: string) {
  const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS, maxAttempts: 1 })
  const deadline = Date.now() + 60_000
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }))
        return
      } catch (error) {
        if (Date.now() > deadline) throw new LocalSetupError(`DynamoDB Local did not answer within 60 s: ${String(error)}`)
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  } finally {
    client.destroy()
  }
}

/** Creates the portal table (from the shared table shape) unless it exists. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, ...LOCAL_AWS })
  try {
    const existing = await client.send(new ListTablesCommand({}))
    if (existing.TableNames?.includes(tableName)) return
    const attributes = new Set<string>([tableShape.partitionKey, tableShape.sortKey])
    for (const gsi of tableShape.globalIndexes) attributes.add(gsi.partitionKey).add(gsi.sortKey)
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: tableShape.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableShape.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableShape.globalIndexes.map((gsi) => ({
          IndexName: gsi.indexName,
          KeySchema: [
            { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
            { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    )
  } finally {
    client.destroy()
  }
}

const LOCAL_CORS = `<CORSConfiguration><CORSRule>
<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>POST</AllowedMethod>
<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>600</MaxAgeSeconds>
</CORSRule></CORSConfiguration>`

/** Starts s3rver with the given buckets; `onEvent` subscribes to its S3 event notifications. */
export async function startS3(opts: {
  port: number
  dataDir: string
  buckets: string[]
}): Promise<RunningService & { server: S3rver; onEvent(listener: (event: unknown) => void): void }> {
  const directory = join(opts.dataDir, 's3')
  mkdirSync(directory, { recursive: true })
  const server = new S3rver({
    port: opts.port,
    address: LOOPBACK,
    directory,
    silent: true,
    // browsers POST uploads straight to the bucket from the portal's origin
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [LOCAL_CORS] })),
  })
  await server.run()
  return {
    endpoint: `http://${LOOPBACK}:${opts.port}`,
    server,
    // s3rver emits S3 event notifications on itself; its typings omit the EventEmitter side
    onEvent: (listener) => (server as unknown as EventEmitter).on('event', listener),
    stop: async () => {
      const closed = server.close()
      // close() waits for open connections (an upload in flight): end them, it has to return
      ;(server as unknown as { httpServer?: Server }).httpServer?.closeAllConnections()
      await closed
    },
  }
}
