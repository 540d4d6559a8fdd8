import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AccessCache } from '../../functions/auth/access-cache'
import { identify } from '../../functions/auth/identify'
import type { AccessClaims, TokenVerifier } from '../../functions/auth/verifier'
import type { PortalEnv } from '../../functions/http/env'
import type { PortalUser } from '../../shared/schemas/user'

const USERS: Record<string, PortalUser> = {
  'rep-lutron': { userId: 'rep-lutron', email: 'rep@lutron.example', name: 'Rep', role: 'partner-rep', partnerId: 'lutron' },
  staff: { userId: 'staff', email: 'staff@homeaiq.example', name: 'Staff', role: 'staff' },
}

const tokenFor = (sub: string) => `h.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.s`

/** A verifier that answers only when told to, and an access cache that records what it was asked. */
function setup(outcome: 'valid' | 'invalid') {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const verifier: TokenVerifier = {
    async verify(token) {
      await released
      if (outcome === 'invalid') throw new Error('bad signature')
      const sub = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string
      return { sub } as AccessClaims
    },
  }
  const reads: string[] = []
  const access: Pick<AccessCache, 'user' | 'warm'> = {
    user: async (id) => (reads.push(`user:${id}`), USERS[id]),
    warm: (id, partnerId) => (reads.push(`warm:${id}${partnerId ? ` partner:${partnerId}` : ''}`), true),
  }
  const app = new Hono<PortalEnv>()
  app.use('*', identify(verifier, access))
  app.get('*', (c) => c.json(c.var.actor))
  app.onError((error, c) => c.json({ error: error.message }, 401))
  return { app, reads, release }
}

async function whileVerifying(outcome: 'valid' | 'invalid', sub: string, path: string) {
  const { app, reads, release } = setup(outcome)
  const answer = app.request(path, { headers: { authorization: `Bearer ${tokenFor(sub)}` } })
  await new Promise((resolve) => setTimeout(resolve, 20))
  const before = [...reads]
  release()
  return { before, res: await answer }
}

describe('identify', () => {
  it('warms the membership and the path’s partner while the token is being verified', async () => {
    const { before, res } = await whileVerifying('valid', 'rep-lutron', '/api/v1/partners/lutron/products')
    expect(before).toEqual(['warm:rep-lutron partner:lutron'])
    expect(await res.json()).toMatchObject({ kind: 'partner', partnerId: 'lutron' })
  })

  it('warms only the membership off a partner’s path', async () => {
    expect((await whileVerifying('valid', 'staff', '/api/v1/me')).before).toEqual(['warm:staff'])
  })

  it('uses nothing it warmed when the token does not verify', async () => {
    const { before, res } = await whileVerifying('invalid', 'staff', '/api/v1/partners/sonos')
    expect(before).toEqual(['warm:staff partner:sonos'])
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: 'The access token is invalid or expired; sign in again.' })
  })
})
