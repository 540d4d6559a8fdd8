import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRepository } from '../../functions/data/audit'
import { productRepository } from '../../functions/data/products'
import { freePort, startDynamoDb } from '../../functions/local/services'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'
import { productBody } from '../helpers/products'

/**
 * The database stops answering (its process paused, as a stuck node or a network partition
 * looks to a client): requests end with 503 problem+json and Retry-After instead of hanging,
 * and when it answers again nothing is half-written.
 */
let dynamo: Awaited<ReturnType<typeof startDynamoDb>>
let portal: TestPortal
beforeAll(async () => {
  dynamo = await startDynamoDb({ port: await freePort() })
  portal = await createTestPortal({ dynamoEndpoint: dynamo.endpoint })
}, 60_000)
afterAll(async () => {
  process.kill(dynamo.child.pid!, 'SIGCONT')
  await dynamo.stop()
})

const REP = 'rep@lutron.example'

/** Each thread's scheduler state (`T`: stopped), from /proc; undefined where there is none. */
function threadStates(pid: number): string | undefined {
  const tasks = `/proc/${pid}/task`
  if (!existsSync(tasks)) return undefined
  return readdirSync(tasks)
    .map((tid) => {
      try {
        return /\) (\S)/.exec(readFileSync(`${tasks}/${tid}/stat`, 'utf8'))?.[1] ?? '?'
      } catch {
        return '' // the thread ended meanwhile
      }
    })
    .join('')
}

/** SIGSTOP, then wait until every thread has stopped: a signal is delivered, not obeyed, when kill() returns. */
async function pause(pid: number) {
  process.kill(pid, 'SIGSTOP')
  await expect.poll(() => threadStates(pid)?.replace(/[Tt]/g, '') ?? '', { timeout: 10_000 }).toBe('')
}

describe('when DynamoDB stops answering', () => {
  it('answers 503 with Retry-After, then works again with every invariant intact', async () => {
    expect((await portal.call('GET', '/health')).json).toEqual({ status: 'ok', checks: { table: 'ok' } })
    expect((await portal.call('POST', '/partners/lutron/products', { as: REP, body: productBody({ sku: 'OK-1' }) })).status).toBe(
      201,
    )

    const pid = dynamo.child.pid!
    await pause(pid)
    try {
      for (const [method, path, body] of [
        ['GET', '/health', undefined],
        ['GET', '/partners/lutron/products', undefined],
        ['POST', '/partners/lutron/products', productBody({ sku: 'PAUSED-1' })],
      ] as const) {
        const res = await portal.call(method, path, { as: REP, ...(body ? { body } : {}) })
        expect(res.status, `${method} ${path}: ${res.text} (DynamoDB Local threads: ${threadStates(pid)})`).toBe(503)
        expect(res.headers.get('content-type')).toBe('application/problem+json')
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
        expect(res.json.requestId).toEqual(expect.any(String))
      }
    } finally {
      process.kill(pid, 'SIGCONT')
    }

    // back: reads and writes work, and the write that timed out happened wholly or not at all
    for (let i = 0; (await portal.call('GET', '/health')).status !== 200; i++) expect(i).toBeLessThan(50)
    expect((await portal.call('POST', '/partners/lutron/products', { as: REP, body: productBody({ sku: 'OK-2' }) })).status).toBe(
      201,
    )
    const products = productRepository(portal.deps.db)
    const skus = (await products.listAll('lutron')).map((p) => p.sku)
    expect(skus).toEqual(expect.arrayContaining(['OK-1', 'OK-2']))
    expect(await products.count('lutron')).toBe(skus.length)
    const created = (await auditRepository(portal.deps.db).listForPartner('lutron', { limit: 100 })).items
      .filter((e) => e.action === 'product.created')
      .map((e) => e.entity.id.split('/')[1])
    expect(created.sort()).toEqual([...skus].sort())
  }, 60_000)
})
