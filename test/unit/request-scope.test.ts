import { describe, expect, it, vi } from 'vitest'

/**
 * The request's abort signal reaches the data layer through functions/runtime/request-scope.ts:
 * an AsyncLocalStorage where one process serves many requests at once, one slot in a Lambda.
 * The module keeps which one it uses, so each test imports a fresh copy.
 */
const freshScope = async () => {
  vi.resetModules()
  return import('../../functions/runtime/request-scope')
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

/** Two requests served at once: the signal each one sees across its awaits. */
async function twoAtOnce(scope: Awaited<ReturnType<typeof freshScope>>) {
  const a = new AbortController().signal
  const b = new AbortController().signal
  const seen = await Promise.all(
    [a, b].map((signal) =>
      scope.runInRequestScope(signal, async () => {
        await tick()
        const first = scope.requestSignal()
        await tick()
        return [first, scope.requestSignal()]
      }),
    ),
  )
  return {
    seen,
    apart: [
      [a, a],
      [b, b],
    ],
  }
}

describe('request scope', () => {
  it('keeps requests served at once apart, across awaits', async () => {
    const scope = await freshScope()
    const { seen, apart } = await twoAtOnce(scope)
    expect(seen).toEqual(apart)
    expect(scope.requestSignal()).toBeUndefined()
  })

  it('keeps them apart in a Lambda that serves several invocations at once (AWS_LAMBDA_MAX_CONCURRENCY)', async () => {
    vi.stubEnv('TABLE_NAME', 'portal-test')
    vi.stubEnv('CURSOR_KEY', 'test-cursor-key')
    vi.stubEnv('USER_POOL_ID', 'eu-west-1_Test1234')
    vi.stubEnv('USER_POOL_CLIENT_ID', 'testclient1234')
    vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', '8')
    try {
      const scope = await freshScope()
      const { lambdaDeps } = await import('../../functions/http/lambda-deps')
      lambdaDeps()
      const { seen, apart } = await twoAtOnce(scope)
      expect(seen).toEqual(apart)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('in a Lambda, holds the one request in a slot and empties it when the request ends, however it ends', async () => {
    const { oneRequestAtATime, runInRequestScope, requestSignal } = await freshScope()
    oneRequestAtATime()
    const signal = new AbortController().signal
    const inside = await runInRequestScope(signal, async () => {
      await tick()
      return requestSignal()
    })
    expect(inside).toBe(signal)
    expect(requestSignal()).toBeUndefined()

    const failing = runInRequestScope(signal, async () => {
      await tick()
      throw new Error('the handler failed')
    })
    await expect(failing).rejects.toThrow('the handler failed')
    expect(requestSignal()).toBeUndefined()
  })

  it('has no request outside one (jobs, the seed)', async () => {
    const { requestSignal } = await freshScope()
    expect(requestSignal()).toBeUndefined()
  })
})
