import { monotonicFactory } from 'ulid'
import { accessCache } from '../auth/access-cache'
import { cognitoVerifier } from '../auth/verifier'
import { createDb } from '../data/db'
import { requiredEnv } from '../env-vars'
import { oneRequestAtATime } from '../runtime/request-scope'
import type { Deps } from './deps'

/**
 * Deps for a Lambda container: built once at cold start (clients, the verifier and its
 * JWKS cache, the access cache are reused across invocations); nothing here does I/O until a
 * request needs it. `extra` adds what only some domains need (the documents bucket), so the
 * others never load it. An execution environment serves one invocation at a time, so the
 * request's scope is one slot, not an AsyncLocalStorage — unless the runtime says it serves
 * several at once (AWS_LAMBDA_MAX_CONCURRENCY, Lambda Managed Instances; the SDK's own
 * invoke store makes the same choice).
 */
export function lambdaDeps(extra: Partial<Deps> = {}): Deps {
  if (!('AWS_LAMBDA_MAX_CONCURRENCY' in process.env)) oneRequestAtATime()
  const db = createDb(requiredEnv('TABLE_NAME'), {}, { cursorKey: requiredEnv('CURSOR_KEY') })
  return {
    ...extra,
    db,
    verifier: cognitoVerifier(requiredEnv('USER_POOL_ID'), requiredEnv('USER_POOL_CLIENT_ID')),
    access: accessCache(db),
    clock: { now: () => new Date() },
    newId: monotonicFactory(),
  }
}
