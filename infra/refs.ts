/**
 * Cross-stack references whose spelling cdk-nag shows in a finding id.
 *
 * A granular cdk-nag finding such as `AwsSolutions-IAM5[Resource::<...>/*]` spells the
 * referenced ARN as the template has it. For a resource in another stack that is CDK's
 * automatic export name, which carries a hash (`ExportsOutputFnGetAttXyzArn1A2B3C4D`); to
 * acknowledge exactly that finding we export the ARN under a stable name of ours instead.
 */
import { CfnElement, Fn, Names, Stack } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { IConstruct } from 'constructs'
import { arnToken } from './nag'

export interface NagSpelledArn {
  /** The ARN, usable in `consumer`'s stack. */
  arn: string
  /** How cdk-nag spells `arn` in a finding. */
  finding: string
}

/** The ARN of `bucket` as seen from `consumer`'s stack. */
export const bucketArnFor = (consumer: IConstruct, bucket: IBucket) => arnFor(consumer, bucket, bucket.bucketArn)

/** The ARN of `table` as seen from `consumer`'s stack. */
export const tableArnFor = (consumer: IConstruct, table: ITableV2) => arnFor(consumer, table, table.tableArn)

function arnFor(consumer: IConstruct, resource: IConstruct, resourceArn: string): NagSpelledArn {
  const owner = Stack.of(resource)
  const here = Stack.of(consumer)
  if (!(resource.node.defaultChild instanceof CfnElement)) {
    throw new Error(`${resource.node.path}: expected a resource defined in this app`)
  }
  if (owner === here) return { arn: resourceArn, finding: arnToken(resource) }

  const exportName = `${owner.stackName}:${Names.nodeUniqueId(resource.node)}Arn`
  const arn = owner.node.tryFindChild(`Export${exportName}`)
    ? Fn.importValue(exportName)
    : owner.exportValue(resourceArn, { name: exportName })
  // Fn::ImportValue of our own export name is no CDK reference: declare the order ourselves.
  here.addStackDependency(owner, `imports ${exportName}`)
  return { arn, finding: exportName }
}
