import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { RuleViolationError, ValidationError } from '../../shared/errors'
import type { Db } from '../data/db'
import { idempotencyRepository, IdempotencyKeyTaken, type IdempotencyClaim } from '../data/idempotency'

type ClaimAction = ReturnType<ReturnType<typeof idempotencyRepository>['claimPut']>

/** The Idempotency-Key header, checked for shape, when the client sent one. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header('idempotency-key')
  if (key !== undefined && !/^[A-Za-z0-9_-]{8,100}$/.test(key)) {
    throw new ValidationError([
      { field: 'Idempotency-Key', message: 'Use 8 to 100 letters, digits, dashes or underscores (a UUID works).' },
    ])
  }
  return key
}

/**
 * Runs a create at most once per Idempotency-Key (within `scope`, e.g. the partner). A retry
 * with the same key and body gets the first result back (`replayed: true`); the same key with
 * another body is refused. `create` must put `claim` in its own transaction as the FIRST action
 * and throw IdempotencyKeyTaken when that action's condition fails (a concurrent twin won).
 * Without the header, `create` runs as usual.
 */
export async function createOnce<T>(opts: {
  /** the route's `idempotencyKey` input */
  key: string | undefined
  db: Db
  scope: string
  body: unknown
  now: Date
  newResourceId: () => string
  create: (resourceId: string, claim?: ClaimAction) => Promise<T>
  load: (resourceId: string) => Promise<T>
}): Promise<{ value: T; replayed: boolean }> {
  const { key } = opts
  const resourceId = opts.newResourceId()
  if (key === undefined) return { value: await opts.create(resourceId), replayed: false }
  const claims = idempotencyRepository(opts.db)
  const requestHash = createHash('sha256').update(JSON.stringify(opts.body)).digest('base64url')
  const replay = async (claim: IdempotencyClaim) => {
    if (claim.requestHash !== requestHash) {
      throw new RuleViolationError('This Idempotency-Key was used for a different request.', [
        { field: 'Idempotency-Key', message: 'Send a new key for a new request.' },
      ])
    }
    return { value: await opts.load(claim.resourceId), replayed: true }
  }
  const existing = await claims.get(opts.scope, key)
  if (existing) return replay(existing)
  const claim = { scope: opts.scope, key, requestHash, resourceId }
  try {
    return { value: await opts.create(resourceId, claims.claimPut(claim, opts.now)), replayed: false }
  } catch (error) {
    if (!(error instanceof IdempotencyKeyTaken)) throw error
    const winner = await claims.get(opts.scope, key)
    if (!winner) throw error
    return replay(winner)
  }
}
