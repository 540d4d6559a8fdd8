/** An e-mail the portal sends: plain text, one recipient. */
export interface Mail {
  to: string
  subject: string
  text: string
}

/**
 * Where notification e-mails go. In AWS: SES. Locally: the dev mailbox (functions/local/mailbox.ts).
 * Tests: a recording double. All behind this one interface.
 */
export interface Mailer {
  send(mail: Mail): Promise<void>
}

/** SES v2 from `from`; the client loads on the first e-mail, so nothing else pays for it. */
export function sesMailer(from: string): Mailer {
  let client: Promise<{ send(mail: Mail): Promise<void> }> | undefined
  const load = async () => {
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2')
    const ses = new SESv2Client({})
    return {
      async send(mail: Mail) {
        await ses.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [mail.to] },
            Content: { Simple: { Subject: { Data: mail.subject }, Body: { Text: { Data: mail.text } } } },
          }),
        )
      },
    }
  }
  return { send: async (mail) => (await (client ??= load())).send(mail) }
}

/** A mailer that only remembers what it would have sent (tests). */
export function recordingMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = []
  return { sent, send: async (mail) => void sent.push(mail) }
}
