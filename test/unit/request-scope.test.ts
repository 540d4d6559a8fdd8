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

describe('request scope', () => {
  it('keeps requests served at once apart, across awaits', async () => {
    const { runInRequestScope, requestSignal } = await freshScope()
    const a = new AbortController().signal
    const b = new AbortController().signal
    const seen = await Promise.all(
      [a, b].map((signal) =>
        runInRequestScope(signal, async () => {
          await tick()
          const first = requestSignal()
          await tick()
          return [first, requestSignal()]
        }),
      ),
    )
    expect(seen).toEqual([
      [a, a],
      [b, b],
    ])
    expect(requestSignal()).toBeUndefined()
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
