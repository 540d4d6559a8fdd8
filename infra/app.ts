/**
 * The CDK app. `npm run synth` (tsx infra/app.ts) and `cdk synth/deploy` (cdk.json) both run
 * this file. It synthesizes offline (environment-agnostic stacks, no lookups) into cdk.out and
 * validates every stack with cdk-nag's AwsSolutions pack as a CDK validation plugin: any
 * unacknowledged finding fails the synth with a non-zero exit code.
 *
 * Optional context (`-c key=value` with the CDK CLI):
 *   prefix               stack name prefix (default HomeAiqPortal)
 *   webAclArn            CLOUDFRONT-scoped WAFv2 web ACL (us-east-1)
 *   domainName + certificateArn   custom domain of the distribution (ACM cert in us-east-1)
 *   cognitoDomainPrefix  managed-login domain prefix (default homeaiq-portal-<account>)
 */
import fs from 'node:fs'
import path from 'node:path'
import { App, Validations } from 'aws-cdk-lib'
import { projectRoot } from './constructs/portal-function'
import { portalNagPack } from './nag'
import { builtWebAssets, createPortal } from './portal'

function cdkJsonContext(): Record<string, unknown> {
  const file = path.join(projectRoot, 'cdk.json')
  if (!fs.existsSync(file)) return {}
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { context?: Record<string, unknown> }
  return json.context ?? {}
}

const app = new App({
  // The CLI passes its own outdir and context; run directly (npm run synth), use cdk.out and
  // the same cdk.json context the CLI would.
  outdir: process.env.CDK_OUTDIR ?? path.join(projectRoot, 'cdk.out'),
  context: cdkJsonContext(),
})

const ctx = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key)
  return typeof value === 'string' && value.length > 0 ? value : undefined
}
const domainName = ctx('domainName')
const certificateArn = ctx('certificateArn')
const webAssetsDir = builtWebAssets()

createPortal(app, {
  prefix: ctx('prefix'),
  webAssetsDir,
  webAclArn: ctx('webAclArn'),
  customDomain: domainName && certificateArn ? { domainName, certificateArn } : undefined,
  cognitoDomainPrefix: ctx('cognitoDomainPrefix'),
})

Validations.of(app).addPlugins(portalNagPack(app))

try {
  const assembly = app.synth()
  if (!process.env.CDK_OUTDIR) {
    const stacks = assembly.stacks.map((s) => s.stackName).join(', ')
    console.log(`synthesized ${assembly.stacks.length} stacks into ${assembly.directory}: ${stacks}`)
    console.log('cdk-nag AwsSolutions: no unacknowledged findings')
    if (!webAssetsDir) console.log('web/dist not found: the Web stack deploys no site content (run `npm run build` first)')
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
