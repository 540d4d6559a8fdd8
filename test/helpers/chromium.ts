import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Headless Chromium as the browser tests and the bench start it: never a downloaded browser. */

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the Chromium inside @sparticuz/chromium. */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  const sparticuz = (await import('@sparticuz/chromium')).default
  return sparticuz.executablePath()
}

/** Without the background-networking flags Chromium keeps dialling hosts this network refuses. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
