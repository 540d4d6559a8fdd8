import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { Hono } from 'hono'
import { html } from 'hono/html'
import type { Db } from '../data/db'
import { queryPage } from '../data/db'
import { keys } from '../data/keys'
import type { Mail, Mailer } from '../notifications/mailer'

/**
 * The local stand-in for SES: every e-mail the portal sends lands in the table (so it survives
 * a restart) and /dev/mailbox shows them, newest first. Local only, like /dev/jobs.
 */
export function devMailbox(db: Db, newId: () => string): Mailer {
  return {
    async send(mail: Mail) {
      const id = newId()
      await db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { ...keys.devMail(id), _type: 'devmail', id, sentAt: new Date().toISOString(), ...mail },
        }),
      )
    },
  }
}

type StoredMail = Mail & { id: string; sentAt: string }

export const devMailboxApp = (db: Db) =>
  new Hono().get('/', async (c) => {
    const page = await queryPage<StoredMail>(db, { ...keys.devMailbox(), ascending: false, limit: 100 })
    return c.html(
      html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Dev mailbox · HomeAIQ partner portal</title>
            <style>
              body {
                font:
                  16px/1.5 system-ui,
                  sans-serif;
                margin: 2rem auto;
                max-width: 50rem;
                padding: 0 1rem;
                color: #1a2233;
              }
              article {
                border: 1px solid #c8cfdb;
                border-radius: 8px;
                padding: 1rem;
                margin: 1rem 0;
              }
              pre {
                white-space: pre-wrap;
                font: inherit;
                margin: 0.5rem 0 0;
              }
              p {
                margin: 0;
                color: #4a5568;
              }
            </style>
          </head>
          <body>
            <h1>Dev mailbox</h1>
            <p>Every e-mail the local portal sent, newest first (the last 100). In AWS these go out through SES.</p>
            ${page.items.length === 0 ? html`<p><strong>No e-mail yet.</strong></p>` : ''}
            ${page.items.map(
              (m) =>
                html`<article>
                  <h2>${m.subject}</h2>
                  <p>To ${m.to} · ${new Date(m.sentAt).toUTCString()}</p>
                  <pre>${m.text}</pre>
                </article>`,
            )}
          </body>
        </html>`,
    )
  })
