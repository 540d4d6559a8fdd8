import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import axe from 'axe-core'
import { chromium, type Browser, type Page } from 'playwright-core'

/**
 * Browser-test helpers: headless Chromium through playwright-core (never a downloaded browser),
 * axe-core accessibility checks, and screenshots under test/artifacts/ (gitignored).
 */

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url))

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the Chromium inside @sparticuz/chromium. */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  const sparticuz = (await import('@sparticuz/chromium')).default
  return sparticuz.executablePath()
}

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

export interface A11yViolation {
  id: string
  impact: string | null | undefined
  help: string
  nodes: string[]
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page; answers the serious and critical violations. */
export async function checkA11y(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  if (!loaded) await page.addScriptTag({ content: axe.source })
  const results = await page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof import('axe-core') }).axe
    const outcome = await runner.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    })
    return outcome.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }))
  })
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Full-page PNG at test/artifacts/<name>.png; answers the file's path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`)
  // a full-page capture of a scrolled page paints sticky headers mid-page: capture from the top
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  return path
}
