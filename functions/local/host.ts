import { BlockList, isIPv6 } from 'node:net'

/** Where the local twin listens unless HOST says otherwise: dev sign-in must not reach the network. */
export const LOOPBACK = '127.0.0.1'

const loopback = new BlockList()
loopback.addSubnet('127.0.0.0', 8, 'ipv4')
loopback.addAddress('::1', 'ipv6')
loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6')

/** True for 127.0.0.0/8, ::1 and `localhost`: a host only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true
  try {
    return loopback.check(host, isIPv6(host) ? 'ipv6' : 'ipv4')
  } catch {
    return false // a name other than localhost, or not an address at all
  }
}

/** The URL to print: `localhost` where 127.0.0.1 answers (the default and every-interface hosts), else the host itself. */
export function hostUrl(host: string, port: number): string {
  if ([LOOPBACK, 'localhost', '0.0.0.0', '::'].includes(host)) return `http://localhost:${port}`
  return `http://${isIPv6(host) ? `[${host}]` : host}:${port}`
}
