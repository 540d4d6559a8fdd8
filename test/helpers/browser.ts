import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import axe from 'axe-core'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { startPortal, type RunningPortal } from '../../functions/local/portal'
import { launchBrowser } from './chromium'

/**
 * Browser-test helpers: headless Chromium through playwright-core (never a downloaded browser),
 * axe-core accessibility checks, and screenshots under test/artifacts/ (gitignored).
 */

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url))

export interface A11yViolation {
  id: string
  impact: string | null | undefined
  help: string
  nodes: string[]
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page; answers the serious and critical violations. */
export async function checkA11y(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  // evaluated by the browser's devtools, not as a page script: the portal's CSP refuses inline scripts
  if (!loaded) await page.evaluate(axe.source)
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

/** Fails the test when axe finds a serious or critical violation on the page. */
export async function expectAccessible(page: Page, screen: string) {
  const violations = await checkA11y(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

/** The page never scrolls sideways; on failure, names the elements that stick out. */
export async function expectNoOverflow(page: Page, screen: string) {
  const { overflow, culprits } = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    culprits: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}#${el.id}`),
  }))
  expect(overflow, `${screen} scrolls sideways: ${culprits.join(', ')}`).toBeLessThanOrEqual(0)
}

/** The image is shown and its picture actually loaded (not a broken image). */
export async function expectImageLoaded(image: Locator, what: string) {
  await image.waitFor()
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { message: `${what} loads` })
    .toBeGreaterThan(0)
}

export interface BrowserPortal {
  /** the portal's address of a path, e.g. url('/staff') */
  url(path: string): string
  /** a page in a fresh browser context (no session), `width` px wide, with a 10 s default timeout */
  newPage(width?: number): Promise<Page>
  /** signs in as a demo user on the dev sign-in page and waits until the app has left it */
  signIn(page: Page, email: string): Promise<void>
}

/**
 * One portal and one headless Chromium for a test file: the whole local runtime through
 * startPortal (DynamoDB Local in memory, s3rver with its upload check, seeded demo data, the
 * web built into a folder of its own), started before the file's tests and stopped after them.
 * A page error fails the test.
 */
export function useBrowserPortal(name: string): BrowserPortal {
  let portal: RunningPortal | undefined
  let browser: Browser | undefined
  let dataDir: string | undefined
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `portal-${name}-`))
    ;[portal, browser] = await Promise.all([
      startPortal({ dataDir, inMemory: true, webDir: join(dataDir, 'web') }),
      launchBrowser(),
    ])
  })

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined)
    await browser?.close()
    await portal?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  const url = (path: string) => {
    if (!portal) throw new Error('The portal is not running: call url() inside a test.')
    return portal.url + path
  }

  return {
    url,
    async newPage(width = 1280) {
      if (!browser) throw new Error('The browser is not running: call newPage() inside a test.')
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        reducedMotion: 'reduce',
        acceptDownloads: true,
      })
      context.setDefaultTimeout(10_000)
      contexts.push(context)
      const page = await context.newPage()
      page.on('pageerror', (error) => {
        throw error
      })
      return page
    },
    async signIn(page, email) {
      await page.goto(url('/sign-in'))
      await page.getByRole('button', { name: new RegExp(email.replace(/[.]/g, '\\.')) }).click()
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'))
    },
  }
}
