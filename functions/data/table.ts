/**
 * The one DynamoDB table's shape: key attributes and global secondary indexes.
 * Local bootstrap (functions/local) and the CDK data stack (infra/) both build from this,
 * so the table in a test and the table in AWS cannot drift apart.
 * Key values are spelled in ./keys.ts only.
 */
export const tableShape = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** epoch seconds after which DynamoDB deletes the item (Idempotency-Key claims) */
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'GSI2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const

export type IndexName = (typeof tableShape.globalIndexes)[number]['indexName']
