import { connect, createServer } from 'node:net'
import { networkInterfaces } from 'node:os'
import { expect } from 'vitest'

/** An IPv4 address of this machine other than loopback, if it has one. */
export function nonLoopbackIPv4(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a?.family === 'IPv4' && !a.internal)?.address
}

/** `connected`, or the error code a TCP connection to host:port fails with. */
export function tcpConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
}

/**
 * Expects `port` to answer on 127.0.0.1 and to refuse this machine's non-loopback IPv4 address,
 * after showing that address reachable at all (a listener on every interface answers there).
 * Returns false when the machine has no such address, so only loopback was checked.
 */
export async function expectLoopbackOnly(port: number): Promise<boolean> {
  expect(await tcpConnect('127.0.0.1', port)).toBe('connected')
  const external = nonLoopbackIPv4()
  if (!external) return false
  const everywhere = createServer()
  await new Promise<void>((resolve) => everywhere.listen(0, '0.0.0.0', resolve))
  try {
    const address = everywhere.address()
    expect(await tcpConnect(external, typeof address === 'object' && address ? address.port : 0)).toBe('connected')
  } finally {
    await new Promise((resolve) => everywhere.close(resolve))
  }
  expect(await tcpConnect(external, port)).toBe('ECONNREFUSED')
  return true
}
