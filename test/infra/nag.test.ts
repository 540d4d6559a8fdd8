/**
 * cdk-nag 3 findings, read for real. cdk-nag 3 is a CDK validation plugin and writes no
 * Annotations, so an Annotations-based test would pass with zero findings even when rules
 * fail. These tests call the pack's `validateScope` on each synthesized stack (the same
 * entry point the plugin's `validate` uses) and keep canaries proving the check can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { App, Stack, Validations } from 'aws-cdk-lib'
import type { PolicyValidationPluginReport } from 'aws-cdk-lib'
import { Bucket } from 'aws-cdk-lib/aws-s3'
import type { IConstruct } from 'constructs'
import { AwsSolutionsChecks } from 'cdk-nag'
import { portalNagPack } from '../../infra/nag'
import { WebStack } from '../../infra/stacks/web-stack'
import type { Portal } from '../../infra/portal'
import { buildPortal, removeTempDirs, stacksOf, tempDir, testApp } from './fixture'

type Violation = PolicyValidationPluginReport['violations'][number]

const describeViolations = (violations: Violation[]) =>
  violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)

/** A pack that ignores every acknowledgement: all raw findings (test-only; relies on cdk-nag 3.0.x internals). */
function rawPack(): AwsSolutionsChecks {
  const pack = new AwsSolutionsChecks()
  Object.defineProperty(pack, 'isAcknowledged', { value: () => false })
  return pack
}

/** Every `Validations.of(c).acknowledge()` in `scope`: rule id, where, and why. */
function acknowledgementsIn(scope: IConstruct) {
  const acks: { id: string; path: string; reason: string }[] = []
  for (const c of scope.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue
      for (const [key, reason] of Object.entries(entry.data as Record<string, string>)) {
        acks.push({ id: key.replace(/^annotation::/i, ''), path: c.node.path, reason })
      }
    }
  }
  return acks
}

let portal: Portal
let app: App
let synthError: unknown

beforeAll(() => {
  ;({ app, portal } = buildPortal())
  // As infra/app.ts does: the pack as a validation plugin, so synth itself must pass.
  Validations.of(app).addPlugins(portalNagPack(app))
  try {
    app.synth()
  } catch (error) {
    synthError = error
  }
}, 120_000)

afterAll(removeTempDirs)

describe('cdk-nag AwsSolutions on the portal', () => {
  it('synthesizes with the pack registered as a validation plugin', () => {
    expect(synthError).toBeUndefined()
  })

  it.each(['gateway', 'web', 'data', 'auth', 'api', 'site', 'events'] as const)(
    '%s stack: zero unacknowledged findings',
    (name) => {
      const stack = portal[name]
      expect(stack, name).toBeDefined()
      const report = portalNagPack().validateScope(stack!)
      expect(describeViolations(report.violations)).toEqual([])
      expect(report.success).toBe(true)
    },
  )

  it('every acknowledgement matches a real finding on its construct (no stale or misspelled ones)', () => {
    const raw = rawPack()
    const findings = stacksOf(portal).flatMap((stack) => raw.validateScope(stack).violations)
    expect(findings.length, 'raw findings: did cdk-nag internals change?').toBeGreaterThan(0)
    const acks = acknowledgementsIn(app)
    expect(acks.length).toBeGreaterThan(0)
    for (const ack of acks) {
      const matched = findings.some(
        (f) =>
          f.ruleName === ack.id &&
          f.violatingResources.some((r) => r.constructPath === ack.path || (r.constructPath ?? '').startsWith(`${ack.path}/`)),
      )
      expect(matched, `${ack.id} on ${ack.path} matches no finding`).toBe(true)
    }
  })

  it('every acknowledgement carries a specific reason', () => {
    const acks = acknowledgementsIn(app)
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThanOrEqual(80)
      expect(ack.reason).not.toMatch(/^(not needed|n\/a|none|todo)\b/i)
    }
    // Acknowledged on purpose (see the reasons in infra/): nothing else.
    expect([...new Set(acks.map((a) => a.id.replace(/\[.*\]$/, '')))].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR4',
      'AwsSolutions-COG8',
      'AwsSolutions-IAM4',
      'AwsSolutions-IAM5',
      'AwsSolutions-L1',
      'AwsSolutions-SMG4',
    ])
  })

  it('fixes instead of acknowledging where an option exists: custom domain + web ACL leave no CFR2/CFR4', () => {
    const stack = new WebStack(testApp(), 'WebWithDomain', {
      apiDomainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      customDomain: {
        domainName: 'partners.homeaiq.example',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      },
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/portal/00000000-0000-0000-0000-000000000000',
    })
    expect(describeViolations(portalNagPack().validateScope(stack).violations)).toEqual([])
    const acked = acknowledgementsIn(stack).map((a) => a.id)
    expect(acked).not.toContain('AwsSolutions-CFR2')
    expect(acked).not.toContain('AwsSolutions-CFR4')
  })
})

describe('canary: the check can fail', () => {
  it('a bare s3.Bucket produces error violations', () => {
    const stack = new Stack(new App({ outdir: tempDir('nag-canary') }), 'Canary')
    new Bucket(stack, 'Bare')
    const report = portalNagPack().validateScope(stack)
    expect(report.success).toBe(false)
    const errors = report.violations.filter((v) => v.severity === 'error').map((v) => v.ruleName)
    expect(errors).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']))
  })

  it('an acknowledgement removes exactly its rule and nothing else', () => {
    const stack = new Stack(new App({ outdir: tempDir('nag-canary') }), 'Canary')
    const bucket = new Bucket(stack, 'Bare')
    Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'canary: proves acknowledgements are read' })
    const rules = portalNagPack()
      .validateScope(stack)
      .violations.map((v) => v.ruleName)
    expect(rules).not.toContain('AwsSolutions-S1')
    expect(rules).toContain('AwsSolutions-S10')
  })

  it('the validation plugin fails synth on a bare s3.Bucket', () => {
    const canaryApp = new App({ outdir: tempDir('nag-canary') })
    new Bucket(new Stack(canaryApp, 'Canary'), 'Bare')
    Validations.of(canaryApp).addPlugins(portalNagPack(canaryApp))
    expect(() => canaryApp.synth()).toThrow(/AwsSolutions-S10/)
  })
})
