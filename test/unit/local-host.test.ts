import { describe, expect, it } from 'vitest'
import { hostUrl, isLoopbackHost } from '../../functions/local/host'

/** HOST for `npm start`: which values keep dev sign-in on this machine, and the URL printed for each. */
describe('local host', () => {
  it('tells loopback hosts from the ones the network reaches', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', 'localhost']) {
      expect(isLoopbackHost(host), host).toBe(true)
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'fd00::2', 'portal.example', '']) {
      expect(isLoopbackHost(host), host).toBe(false)
    }
  })

  it('prints localhost where 127.0.0.1 answers, and the address itself otherwise', () => {
    expect(hostUrl('127.0.0.1', 3000)).toBe('http://localhost:3000')
    expect(hostUrl('0.0.0.0', 3000)).toBe('http://localhost:3000')
    expect(hostUrl('::', 3000)).toBe('http://localhost:3000')
    expect(hostUrl('192.168.1.20', 3000)).toBe('http://192.168.1.20:3000')
    expect(hostUrl('::1', 3000)).toBe('http://[::1]:3000')
  })
})
