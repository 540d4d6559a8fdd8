/**
 * cdk-nag 3 helpers. cdk-nag 3 is a CDK validation plugin: rule findings are acknowledged with
 * CDK's own `Validations.of(construct).acknowledge(...)`, which the pack reads from construct
 * metadata on the resource or any of its ancestors. Findings of granular rules (IAM4, IAM5)
 * carry their own id, `AwsSolutions-IAM5[Resource::<...>]`, and must be acknowledged one by one.
 */
import { CfnElement, Stack, Validations } from 'aws-cdk-lib'
import type { IConstruct } from 'constructs'
import { AwsSolutionsChecks } from 'cdk-nag'

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.trim().length < 40) throw new Error(`acknowledgement of ${id} needs a specific reason`)
  Validations.of(scope).acknowledge({ id, reason })
}

/**
 * How cdk-nag spells a `Fn::GetAtt [logicalId, Arn]` of a resource in the SAME stack inside
 * an IAM finding (`<LogicalId.Arn>`), for acknowledging one exact finding.
 */
export function arnToken(resource: IConstruct): string {
  const cfn = resource instanceof CfnElement ? resource : resource.node.defaultChild
  if (!(cfn instanceof CfnElement)) throw new Error(`${resource.node.path} has no CloudFormation resource`)
  const stack = Stack.of(cfn)
  return `<${stack.resolve(stack.getLogicalId(cfn)) as string}.Arn>`
}

/** The rule pack the app validates with (one instance per app). */
export function portalNagPack(scope?: IConstruct): AwsSolutionsChecks {
  return new AwsSolutionsChecks(scope, { verbose: true })
}
