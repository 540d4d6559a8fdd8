import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import { wait, type Db } from './db'

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>
export type TransactItem = TransactItems[number]

/** How often a transaction another one collided with is tried again before giving up. */
const CONFLICT_ATTEMPTS = 4

/**
 * Runs a write transaction. When DynamoDB cancels it because a condition failed, `onCondition`
 * receives the index of the first failed action and returns the error to throw
 * (a ConflictError, a StaleVersionError, ...). A cancellation because another transaction
 * touched the same items at the same moment (TransactionConflict; real DynamoDB raises it,
 * DynamoDB Local never does) is retried with backoff, as the conditions are evaluated anew.
 */
export async function transactWrite(
  db: Db,
  items: TransactItems,
  onCondition: (failedIndex: number) => Error,
  opts: { sleep?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  await retryOnTransactionConflict(() => db.doc.send(new TransactWriteCommand({ TransactItems: items })), opts).catch(
    (error: unknown) => {
      const failed = failedConditionIndex(error)
      throw failed === undefined ? error : onCondition(failed)
    },
  )
}

/** Retries `attempt` while it fails with a transaction conflict (jittered backoff); other errors pass. */
export async function retryOnTransactionConflict<T>(
  attempt: () => Promise<T>,
  { sleep = wait }: { sleep?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt()
    } catch (error) {
      if (i >= CONFLICT_ATTEMPTS || !isTransactionConflict(error)) throw error
      await sleep(Math.random() * 25 * 2 ** i)
    }
  }
}

function reasonsOf(error: unknown): { Code?: string }[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined
  return (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []
}

export function isTransactionConflict(error: unknown): boolean {
  if (error instanceof Error && error.name === 'TransactionConflictException') return true
  const reasons = reasonsOf(error)
  return !!reasons?.some((r) => r.Code === 'TransactionConflict') && !reasons.some((r) => r.Code === 'ConditionalCheckFailed')
}

function failedConditionIndex(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined
  if (error.name === 'ConditionalCheckFailedException') return 0
  const index = reasonsOf(error)?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1
  return index >= 0 ? index : undefined
}
