import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What the code serving one request may need without having it passed down: the signal that
 * fires when the request's time budget is spent or its client went away, so long reads stop
 * working for nobody.
 */
interface RequestScope {
  signal: AbortSignal
}

interface ScopeStore {
  run<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T>
  current(): RequestScope | undefined
}

/** For a process serving many requests at once (the local server, the tests): each async chain its own. */
function asyncStore(): ScopeStore {
  const als = new AsyncLocalStorage<RequestScope>()
  return { run: (scope, fn) => als.run(scope, fn), current: () => als.getStore() }
}

/**
 * For a process serving one request at a time: a Lambda execution environment does. On Node
 * before 24 the first AsyncLocalStorage.run turns on promise hooks for every promise after it,
 * a few ms of every cold start and a cost on each request; one slot needs none.
 */
function slotStore(): ScopeStore {
  let slot: RequestScope | undefined
  return {
    async run(scope, fn) {
      slot = scope
      try {
        return await fn()
      } finally {
        slot = undefined
      }
    },
    current: () => slot,
  }
}

let store: ScopeStore | undefined

/** Called where the process is known to serve one request at a time (a Lambda's deps), before the first request. */
export const oneRequestAtATime = () => {
  store = slotStore()
}

/** How long one API request may work: inside the Lambda timeout (10 s) and API Gateway's 30 s. */
export const REQUEST_BUDGET_MS = 8000

export const runInRequestScope = <T>(signal: AbortSignal, fn: () => Promise<T>) => (store ??= asyncStore()).run({ signal }, fn)

/** The current request's signal; undefined outside a request (jobs, the seed). */
export const requestSignal = (): AbortSignal | undefined => store?.current()?.signal
