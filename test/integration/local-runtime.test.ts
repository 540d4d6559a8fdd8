import { once } from 'node:events'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startPortal } from '../../functions/local/portal'
import { webSecurityHeaders } from '../../shared/web-security-headers'
import { expectLoopbackOnly } from '../helpers/network'

/** `npm start` as a user meets it: data survives a restart, and setup problems say what to do. */
const dataDir = mkdtempSync(join(tmpdir(), 'portal-runtime-'))
const webDir = mkdtempSync(join(tmpdir(), 'portal-web-'))
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(webDir, { recursive: true, force: true })
})

async function signIn(url: string, email: string) {
  const res = await fetch(`${url}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  })
  return ((await res.json()) as { access_token: string }).access_token
}

async function setDescription(url: string, token: string, description: string) {
  const auth = { authorization: `Bearer ${token}` }
  const etag = (await fetch(`${url}/api/v1/partners/lutron`, { headers: auth })).headers.get('etag')!
  return fetch(`${url}/api/v1/partners/lutron`, {
    method: 'PATCH',
    headers: { ...auth, 'if-match': etag, 'content-type': 'application/json' },
    body: JSON.stringify({ description }),
  })
}

async function lutronDescription(url: string) {
  return ((await (await fetch(`${url}/api/v1/directory/lutron`)).json()) as { description: string }).description
}

describe('local runtime', () => {
  it('serves web and API, keeps changes across a restart, and refuses a taken port clearly', async () => {
    const first = await startPortal({ dataDir, webDir })
    let token: string
    let jwks: unknown
    try {
      expect((await fetch(`${first.url}/api/v1/health`)).status).toBe(200)
      const page = await fetch(`${first.url}/partners/lutron`)
      expect(page.headers.get('content-type')).toMatch(/text\/html/)
      // the web pages carry CloudFront's security headers, from the one definition infra uses
      const expected = webSecurityHeaders({ storage: [], identity: [], signIn: [] })
      for (const name of Object.keys(expected).filter((n) => n !== 'Content-Security-Policy'))
        expect(page.headers.get(name), name).toBe(expected[name])
      expect(page.headers.get('content-security-policy')).toMatch(
        /^default-src 'self'; script-src 'self';.*img-src 'self' data: blob: http:\/\/127\.0\.0\.1:\d+;.*frame-ancestors 'none'/,
      )
      expect((await fetch(`${first.url}/assets/nope.js`)).headers.get('x-content-type-options')).toBe('nosniff')
      // a made-up API path is the API's 404 problem, not the web page; web paths still get the page
      for (const path of ['/api/v1/no-such-route', '/api/nope', '/api/v1/partners/lutron/nothing-here']) {
        const missing = await fetch(`${first.url}${path}`)
        expect(missing.status, path).toBe(404)
        expect(missing.headers.get('content-type'), path).toBe('application/problem+json')
        expect(await missing.json()).toMatchObject({ status: 404, instance: path })
      }
      expect((await fetch(`${first.url}/api/v1/no-such-route`, { method: 'POST' })).status).toBe(404)
      token = await signIn(first.url, 'admin@lutron.example')
      expect((await setDescription(first.url, token, 'Survives restarts.')).status).toBe(200)
      // the badge issuer's keys at the site root, as CloudFront serves them in AWS
      const root = await fetch(`${first.url}/.well-known/jwks.json`)
      expect(root.status).toBe(200)
      jwks = await root.json()
      expect(jwks).toEqual(await (await fetch(`${first.url}/api/v1/.well-known/jwks.json`)).json())
      const port = Number(new URL(first.url).port)
      // dev sign-in mints any token: by default nothing but this machine reaches it
      expect(first.url).toBe(`http://localhost:${port}`)
      await expectLoopbackOnly(port)
      await expect(startPortal({ dataDir, webDir, port })).rejects.toThrow(`Port ${port} is taken`)
    } finally {
      await first.stop()
    }

    const second = await startPortal({ dataDir, webDir })
    try {
      expect(await lutronDescription(second.url)).toBe('Survives restarts.')
      // a token from before the restart is still valid: the dev signing key is kept in DATA_DIR
      const me = await fetch(`${second.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
      expect(me.status).toBe(200)
      // so is the badge signing key: credentials issued before the restart still verify
      expect(await (await fetch(`${second.url}/.well-known/jwks.json`)).json()).toEqual(jwks)
      const directory = (await (await fetch(`${second.url}/api/v1/directory?limit=100`)).json()) as { items: unknown[] }
      expect(directory.items).toHaveLength(11) // seeded once, not twice
    } finally {
      await second.stop()
    }
  }, 120_000)

  it('restarts DynamoDB Local on the same port and data when it dies, and keeps serving', async () => {
    const crashDir = mkdtempSync(join(tmpdir(), 'portal-crash-'))
    const portal = await startPortal({ dataDir: crashDir, webDir })
    try {
      const token = await signIn(portal.url, 'admin@lutron.example')
      expect((await setDescription(portal.url, token, 'Written before the crash.')).status).toBe(200)
      // DynamoDB Local answers TransactWriteItems before its COMMIT has run (SQLiteDBAccess.commitTransaction
      // queues it without waiting): a read queues behind that commit, so the write is on disk before the kill
      expect(await lutronDescription(portal.url)).toBe('Written before the crash.')
      const crashed = portal.dynamo.current
      const restarted = once(portal.dynamo, 'restart')
      crashed.child.kill('SIGKILL')
      const [{ exit }] = await restarted
      expect(exit).toEqual({ code: null, signal: 'SIGKILL' })
      expect(portal.dynamo.current.child.pid).not.toBe(crashed.child.pid)
      expect(portal.dynamo.current.endpoint).toBe(crashed.endpoint)

      expect(await lutronDescription(portal.url)).toBe('Written before the crash.')
      expect((await setDescription(portal.url, token, 'Written after the restart.')).status).toBe(200)
      expect(await lutronDescription(portal.url)).toBe('Written after the restart.')
    } finally {
      await portal.stop()
      rmSync(crashDir, { recursive: true, force: true })
    }
  }, 120_000)

  it('names the data folder it cannot write', async () => {
    const file = join(dataDir, 'not-a-folder')
    writeFileSync(file, '')
    chmodSync(file, 0o400)
    await expect(startPortal({ dataDir: join(file, 'sub'), webDir })).rejects.toThrow(
      /Cannot write to the data folder .*DATA_DIR/,
    )
  })
})
