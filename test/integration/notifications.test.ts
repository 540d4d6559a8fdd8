import { beforeAll, describe, expect, it } from 'vitest'
import { outboxMessage, partnerAdmins, partnerUsers } from '../../shared/notifications/outbox'
import { outboxPut } from '../../functions/data/outbox'
import { transactWrite } from '../../functions/data/transact'
import { dispatchOutbox } from '../../functions/notifications/dispatch'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const STAFF = 'staff@homeaiq.example'
const dispatch = () => dispatchOutbox({ db: portal.deps.db, ...portal.deps.notify! })

/** Writes one outbox message, as a capability does inside its change's transaction. */
async function tell(message: Parameters<typeof outboxMessage>[0]) {
  await transactWrite(portal.deps.db, [outboxPut(portal.deps.db, outboxMessage(message))], () => new Error('exists'))
}

describe('notifications', () => {
  it('delivers what a change writes to the outbox: once into each inbox, and by e-mail', async () => {
    await portal.call('POST', '/partners/lutron/briefings', {
      as: 'rep@lutron.example',
      body: {
        kind: 'safety-notice',
        title: 'Overheating PD-6WCL units',
        body: 'Stop installing batch 7.',
        effectiveDate: '2026-12-01',
      },
    })
    const first = await dispatch()
    expect(first).toMatchObject({ messages: 1, delivered: 1, emailed: 1 })
    expect(await dispatch()).toEqual({ messages: 0, delivered: 0, emailed: 0 })

    const inbox = await portal.call('GET', '/me/notifications', { as: STAFF })
    expect(inbox.json.unreadCount).toBe(1)
    expect(inbox.json.items[0]).toMatchObject({
      kind: 'briefing-needs-ack',
      title: 'Lutron Electronics: safety notice to acknowledge',
      body: 'Overheating PD-6WCL units',
      link: '/staff/briefings?partnerId=lutron',
    })
    expect(portal.mailer.sent.at(-1)).toMatchObject({
      to: STAFF,
      subject: 'HomeAIQ partner portal: Lutron Electronics: safety notice to acknowledge',
      text: expect.stringContaining('https://portal.test/staff/briefings?partnerId=lutron'),
    })
    // nobody else's inbox has it
    expect((await portal.call('GET', '/me/notifications', { as: 'rep@lutron.example' })).json.items).toEqual([])

    const id = inbox.json.items[0].id
    const read = await portal.call('POST', `/me/notifications/${id}/read`, { as: STAFF })
    expect(read.json.readAt).toEqual(expect.any(String))
    const again = await portal.call('POST', `/me/notifications/${id}/read`, { as: STAFF })
    expect(again.json.readAt).toBe(read.json.readAt)
    const after = await portal.call('GET', '/me/notifications', { as: STAFF })
    expect(after.json.unreadCount).toBe(0)
    expect((await portal.call('GET', '/me/notifications?unread=true', { as: STAFF })).json.items).toEqual([])
    // another user cannot read it: their inbox has no such notification
    expect((await portal.call('POST', `/me/notifications/${id}/read`, { as: 'admin@lutron.example' })).status).toBe(404)
  })

  it('addresses a partner’s admins or all its users, and respects e-mail opt-outs except for mandatory kinds', async () => {
    const optOut = await portal.call('PUT', '/me/notification-preferences', {
      as: 'rep@sonos.example',
      body: { emailOptOut: ['mdf-claim-decided'] },
    })
    expect(optOut.status).toBe(200)
    const mandatory = await portal.call('PUT', '/me/notification-preferences', {
      as: 'rep@sonos.example',
      body: { emailOptOut: ['terms-changed'] },
    })
    expect(mandatory.status).toBe(422)
    expect(mandatory.json.errors[0]).toMatchObject({ field: 'emailOptOut.0' })
    expect((await portal.call('GET', '/me/notification-preferences', { as: 'rep@sonos.example' })).json).toEqual({
      emailOptOut: ['mdf-claim-decided'],
    })

    const now = new Date()
    await tell({
      id: portal.deps.newId(),
      now,
      kind: 'mdf-claim-decided',
      audience: partnerUsers('sonos'),
      title: 'Claim approved',
      body: '$1,200.00 of $1,500.00.',
    })
    await tell({
      id: portal.deps.newId(),
      now,
      kind: 'terms-changed',
      audience: partnerAdmins('sonos'),
      title: 'New tier',
      body: 'Preferred.',
    })
    const sentBefore = portal.mailer.sent.length
    expect(await dispatch()).toMatchObject({ messages: 2, delivered: 3 })
    const mails = portal.mailer.sent.slice(sentBefore).map((m) => `${m.to}: ${m.subject.replace('HomeAIQ partner portal: ', '')}`)
    expect(mails.sort()).toEqual(['admin@sonos.example: Claim approved', 'admin@sonos.example: New tier'])
    // the rep who opted out still sees it in the portal
    const repInbox = await portal.call('GET', '/me/notifications', { as: 'rep@sonos.example' })
    expect(repInbox.json.items.map((n: { title: string }) => n.title)).toEqual(['Claim approved'])
  })
})
