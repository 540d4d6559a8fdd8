/**
 * Shared set-up of the infra tests: the whole portal app, synthesized into a temp dir, with a
 * stand-in built front end (so the Site stack's BucketDeployment and its acknowledgements are
 * covered too) and asset bundling skipped (test/infra/bundles.test.ts builds the bundles).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { App } from 'aws-cdk-lib'
import type { Stack } from 'aws-cdk-lib'
import { createPortal } from '../../infra/portal'
import type { Portal, PortalProps } from '../../infra/portal'

const created: string[] = []

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))
  created.push(dir)
  return dir
}

/** Removes every directory `tempDir` made in this test file (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}

/** A directory that looks like `web/dist` after `npm run build`. */
export function fakeWebDist(): string {
  const dir = tempDir('portal-web-dist')
  fs.mkdirSync(path.join(dir, 'assets'))
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>portal</title><script type="module" src="/assets/app.js"></script>',
  )
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("portal")')
  return dir
}

/** An app for tests: temp outdir, no asset bundling (each function's asset would run esbuild, see portalCode). */
export function testApp(): App {
  return new App({
    outdir: tempDir('portal-cdk-out'),
    context: { 'aws:cdk:bundling-stacks': [] },
  })
}

export function buildPortal(props: PortalProps = {}): { app: App; portal: Portal } {
  const app = testApp()
  const portal = createPortal(app, { webAssetsDir: fakeWebDist(), ...props })
  return { app, portal }
}

export function stacksOf(portal: Portal): Stack[] {
  return [
    portal.gateway,
    portal.web,
    portal.data,
    portal.auth,
    portal.api,
    portal.site,
    ...(portal.events ? [portal.events] : []),
  ]
}
