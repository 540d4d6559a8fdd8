/**
 * The web's first page as a visitor's browser meets it: JS and CSS bytes, gzip, of a minified
 * build; and how soon headless Chromium paints the directory, beside a one-line page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { startPortal } from '../functions/local/portal'
import { launchBrowser } from '../test/helpers/chromium'
import { buildWeb } from '../web/build'
import { firstPageOf } from '../web/first-page'
import { spread } from './stats'

export async function firstPageBytes() {
  const outdir = mkdtempSync(join(tmpdir(), 'portal-bench-web-'))
  try {
    await buildWeb({ outdir, minify: true })
    const page = firstPageOf(outdir)
    const gzip = (files: { source: string }[]) => files.reduce((sum, f) => sum + gzipSync(f.source).length, 0)
    return {
      scripts: page.scripts.map((f) => f.name),
      jsGzipBytes: gzip(page.scripts),
      cssGzipBytes: gzip(page.styles),
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}

/** The page's first contentful paint, ms after navigation started (the entry appears once it painted). */
async function firstPaint(page: Page): Promise<number> {
  const entry = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime)
  return (await entry.jsonValue()) as number
}

/**
 * The directory in headless Chromium, cold cache (a new browser context each round), from the
 * local twin with the web built as deployed and the demo data: first contentful paint, and the
 * moment the first partner card is on screen (the API answered). The reference is the first
 * paint of a one-paragraph page from the same server, in the same browser and round. Round 0
 * warms the server and is not counted.
 */
export async function directoryPaint(rounds: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-paint-'))
  const [portal, browser] = await Promise.all([
    startPortal({ dataDir, inMemory: true, webDir: join(dataDir, 'web'), minifyWeb: true, port: 0 }),
    launchBrowser(),
  ])
  writeFileSync(join(dataDir, 'web', 'reference.html'), '<!doctype html><title>HomeAIQ</title><p>HomeAIQ Partner Portal</p>')
  const samples: { fcp: number; cards: number; reference: number }[] = []
  try {
    for (let round = 0; round <= rounds; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()
      await page.goto(`${portal.url}/reference.html`)
      const reference = await firstPaint(page)
      await page.goto(`${portal.url}/`)
      await page.locator('.partner-card').first().waitFor()
      const cards = await page.evaluate(() => performance.now())
      const fcp = await firstPaint(page)
      await context.close()
      if (round > 0) samples.push({ fcp, cards, reference })
    }
  } finally {
    await browser.close()
    await portal.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return {
    firstPaintMs: spread(samples.map((s) => s.fcp)),
    cardsMs: spread(samples.map((s) => s.cards)),
    referencePaintMs: spread(samples.map((s) => s.reference)),
    paintRatio: spread(samples.map((s) => s.fcp / s.reference)),
  }
}
