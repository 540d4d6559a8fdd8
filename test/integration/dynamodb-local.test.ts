import { describe, expect, it } from 'vitest'
import { freePort, startDynamoDb } from '../../functions/local/services'
import { expectLoopbackOnly } from '../helpers/network'

/** DynamoDB Local as the portal runs it: on loopback only, stoppable however it ended. */
describe('DynamoDB Local', () => {
  it('listens on 127.0.0.1 only, and stop() returns after a signal killed it', async () => {
    const port = await freePort()
    const dynamo = await startDynamoDb({ port })
    try {
      // what the launcher read from the listening socket: checked even where the machine has no other address
      expect(dynamo.bound).toEqual({ address: '127.0.0.1', port })
      await expectLoopbackOnly(port)
    } finally {
      dynamo.child.kill('SIGKILL')
      expect(await dynamo.exited).toEqual({ code: null, signal: 'SIGKILL' })
      await dynamo.stop()
    }
  }, 60_000)
})
