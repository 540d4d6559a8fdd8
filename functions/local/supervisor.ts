import { EventEmitter } from 'node:events'
import { LocalSetupError } from './errors'
import { describeExit, type ChildExit, type RunningService } from './services'

/** At most `maxRestarts` restarts within any `windowMs`; one more exit and the supervisor gives up. */
export interface RestartPolicy {
  maxRestarts: number
  windowMs: number
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 3, windowMs: 60_000 }

interface SupervisorEvents {
  /** the service exited unexpectedly and a new one, started the same way, answers */
  restart: [info: { exit: ChildExit; restarts: number }]
  /** it kept exiting (or would not start again): it stays down */
  'give-up': [error: LocalSetupError]
}

/**
 * Keeps a child-process service up: when it exits without `stop()` having been called, `launch`
 * runs again (same port, same data), within the restart policy. `current` is the live one.
 */
export class Supervisor<S extends RunningService & { exited: Promise<ChildExit> }> extends EventEmitter<SupervisorEvents> {
  #current: S
  #stopping = false
  #restarting: Promise<void> = Promise.resolve()
  #restarts: number[] = []

  private constructor(
    private readonly name: string,
    private readonly launch: () => Promise<S>,
    private readonly policy: RestartPolicy,
    first: S,
  ) {
    super()
    this.#current = first
    this.#watch(first)
  }

  static async start<S extends RunningService & { exited: Promise<ChildExit> }>(
    name: string,
    start: () => Promise<S>,
    policy = DEFAULT_RESTART_POLICY,
  ): Promise<Supervisor<S>> {
    return new Supervisor(name, start, policy, await start())
  }

  get current(): S {
    return this.#current
  }

  /** Stops the service, waiting for a restart in progress first, and restarts it no more. */
  async stop(): Promise<void> {
    this.#stopping = true
    await this.#restarting
    await this.#current.stop()
  }

  #watch(service: S) {
    void service.exited.then((exit) => {
      if (this.#stopping || service !== this.#current) return
      this.#restarting = this.#restart(exit).catch((error: unknown) => console.error(`${this.name} supervisor:`, error))
    })
  }

  async #restart(exit: ChildExit) {
    let failure = ''
    for (;;) {
      const now = Date.now()
      this.#restarts = this.#restarts.filter((at) => now - at < this.policy.windowMs)
      if (this.#restarts.length >= this.policy.maxRestarts) {
        const times = this.#restarts.length === 1 ? 'once' : `${this.#restarts.length} times`
        const window = `${Math.round(this.policy.windowMs / 1000)} s`
        this.emit(
          'give-up',
          new LocalSetupError(
            `${this.name} stopped (${describeExit(exit)}) after being restarted ${times} within ${window}; ` +
              `not restarting it again${failure}.`,
          ),
        )
        return
      }
      this.#restarts.push(now)
      try {
        this.#current = await this.launch()
      } catch (error) {
        if (this.#stopping) return
        failure = ` (the last restart failed: ${error instanceof Error ? error.message : String(error)})`
        continue
      }
      if (this.#stopping) return // stop() is waiting for this restart, then stops the new one
      this.#watch(this.#current)
      this.emit('restart', { exit, restarts: this.#restarts.length })
      return
    }
  }
}
