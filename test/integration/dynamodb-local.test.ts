import { once } from 'node:events'
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { freePort, startDynamoDb } from '../../functions/local/services'
import { Supervisor } from '../../functions/local/supervisor'
import { expectLoopbackOnly } from '../helpers/network'

/** DynamoDB Local as the portal runs it: on loopback only, stoppable however it ended, restarted within limits. */
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

  it('says which port it cannot listen on', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const { port } = taken.address() as { port: number }
    try {
      await expect(startDynamoDb({ port })).rejects.toThrow(
        new RegExp(`^DynamoDB Local exited early \\(code 1\\): cannot listen on 127\\.0\\.0\\.1: .*:${port}$`),
      )
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  }, 60_000)

  it('restarts on the same port when it dies, and gives up past the restart limit', async () => {
    const port = await freePort()
    const supervisor = await Supervisor.start('DynamoDB Local', () => startDynamoDb({ port }), {
      maxRestarts: 1,
      windowMs: 60_000,
    })
    try {
      const first = supervisor.current
      const restarted = once(supervisor, 'restart')
      first.child.kill('SIGKILL')
      const [info] = await restarted
      expect(info).toEqual({ exit: { code: null, signal: 'SIGKILL' }, restarts: 1 })
      expect(supervisor.current.child.pid).not.toBe(first.child.pid)
      expect(supervisor.current.bound).toEqual({ address: '127.0.0.1', port })

      const gaveUp = once(supervisor, 'give-up')
      supervisor.current.child.kill('SIGKILL')
      const [error] = await gaveUp
      expect(error.message).toBe(
        'DynamoDB Local stopped (signal SIGKILL) after being restarted once within 60 s; not restarting it again.',
      )
    } finally {
      await supervisor.stop()
    }
  }, 90_000)
})
