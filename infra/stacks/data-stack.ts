/**
 * Data: the single DynamoDB table (built from functions/data/table.ts `tableShape`, the same
 * shape the local bootstrap creates) and the documents bucket that receives browser uploads
 * (presigned POSTs) from the portal's web origin.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import type { StackProps } from 'aws-cdk-lib'
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import type { Construct } from 'constructs'
import { PortalStack } from './portal-stack'
import { tableShape } from '../../functions/data/table'

export interface DataStackProps extends StackProps {
  /** Browser origins allowed to POST uploads to the documents bucket (the portal's origin). */
  readonly webOrigins: string[]
}

export class DataStack extends PortalStack {
  readonly table: TableV2
  /** The GSI names of `table`, for least-privilege grants on each index. */
  readonly tableIndexNames: string[]
  readonly documentsBucket: Bucket
  readonly logsBucket: Bucket

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props)

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: tableShape.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableShape.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: tableShape.timeToLiveAttribute,
      globalSecondaryIndexes: tableShape.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // the notification dispatcher wakes on outbox inserts (functions/domains.ts, trigger 'outbox')
      dynamoStream: StreamViewType.NEW_IMAGE,
    })
    this.tableIndexNames = tableShape.globalIndexes.map((index) => index.indexName)

    // Destination of the documents bucket's server access logs.
    this.logsBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    })

    this.documentsBucket = new Bucket(this, 'Documents', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'documents/',
      cors: [
        {
          // Presigned POST uploads straight from the browser; downloads are presigned GETs.
          allowedMethods: [HttpMethods.POST, HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: props.webOrigins,
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'Location'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(90),
          noncurrentVersionsToRetain: 3,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        { id: 'expired-delete-markers', expiredObjectDeleteMarker: true },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    })
  }
}
