import type { FunctionRunner } from './runner'

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const
let installed = false

/**
 * A killed invocation's code may still be running here, in the local cloud's own process, where
 * a real crashed container would have printed nothing more: its console output is dropped, so a
 * test that reads the function log sees only what live invocations wrote.
 */
export function muteKilledInvocations(runner: FunctionRunner): void {
  if (installed) return
  installed = true
  for (const method of METHODS) {
    const original = console[method].bind(console)
    console[method] = (...args: unknown[]) => {
      if (!runner.isInKilledInvocation()) original(...args)
    }
  }
}
