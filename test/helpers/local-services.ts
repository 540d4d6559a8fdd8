import type { TestProject } from 'vitest/node'
import { freePort, startDynamoDb } from '../../functions/local/services'

/** Integration tests share one DynamoDB Local (in memory); each file makes its own table (and s3rver). */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDb({ port: await freePort() })
  project.provide('dynamoEndpoint', dynamo.endpoint)
  return () => dynamo.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
  }
}
