/**
 * The floor every portal function is measured against: the least a Hono-on-Lambda function
 * that reads DynamoDB can be. The same document client with its defaults, one Query, bundled
 * with the portal's own bundling options (ESM, minified, the SDK inside).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}))
const app = new Hono()

app.get('/floor/:pk', async (c) => {
  const out = await doc.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': c.req.param('pk') },
      Limit: 25,
    }),
  )
  return c.json({ items: out.Items ?? [] })
})

export const handler = handle(app)
