import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import type { Db } from './db'

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>
export type TransactItem = TransactItems[number]

/**
 * Runs a write transaction. When DynamoDB cancels it because a condition failed, `onCondition`
 * receives the index of the first failed action and returns the error to throw
 * (a ConflictError, a StaleVersionError, ...). Other failures propagate unchanged.
 */
export async function transactWrite(db: Db, items: TransactItems, onCondition: (failedIndex: number) => Error): Promise<void> {
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }))
  } catch (error) {
    const failed = failedConditionIndex(error)
    if (failed !== undefined) throw onCondition(failed)
    throw error
  }
}

function failedConditionIndex(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined
  if (error.name === 'ConditionalCheckFailedException') return 0
  if (error.name !== 'TransactionCanceledException') return undefined
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []
  const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed')
  return index >= 0 ? index : undefined
}
