import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What the code serving one request may need without having it passed down: the signal that
 * fires when the request's time budget is spent or its client went away, so long reads stop
 * working for nobody.
 */
interface RequestScope {
  signal: AbortSignal
}

const scope = new AsyncLocalStorage<RequestScope>()

/** How long one API request may work: inside the Lambda timeout (10 s) and API Gateway's 30 s. */
export const REQUEST_BUDGET_MS = 8000

export const runInRequestScope = <T>(signal: AbortSignal, fn: () => Promise<T>) => scope.run({ signal }, fn)

/** The current request's signal; undefined outside a request (jobs, the seed). */
export const requestSignal = (): AbortSignal | undefined => scope.getStore()?.signal
