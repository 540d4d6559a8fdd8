/**
 * Base of every portal stack: pins the aws-cdk-lib behaviours the stacks rely on in the
 * stacks themselves, so `npm run synth`, `cdk synth` and the tests (each with their own App
 * and context) produce the same templates.
 */
import { Stack } from 'aws-cdk-lib'
import type { StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'

export const stackContext = {
  // S3 server access logs are delivered under a bucket policy, not the legacy LogDeliveryWrite
  // ACL, so log buckets can stay ACL-less (BucketOwnerEnforced).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  // Cross-stack references stay CloudFormation exports/imports: a producer stack cannot drop
  // a value a consumer still uses (the default today, made explicit).
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
} as const

export class PortalStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props)
    for (const [key, value] of Object.entries(stackContext)) this.node.setContext(key, value)
  }
}
