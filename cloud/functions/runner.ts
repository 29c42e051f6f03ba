import { CloudError } from '../service'
import { functionContext, invocationEnv, newIdentity, type Caller } from './context'
import { withEnv } from './env'
import { FunctionLoader } from './loader'
import { localEnvOf } from './local-env'

export interface RunnerOptions {
  /** Folder of built functions: `<dir>/<name>/index.js` (+ config.json). */
  dir: string
  envId: string
  appId: string
}

/** What a running invocation is known by when its SDK calls the local cloud back. */
export interface LiveInvocation {
  functionName: string
  caller: Caller
  /** Database writes it has sent (the fault switch counts them). */
  writes: number
  /** Killed by the fault switch: like a crashed process, nothing it sends later is served. */
  killed: boolean
}

/** SCF's default when config.json names no timeout. */
const DEFAULT_TIMEOUT_S = 20
/** A token stays valid a little after its invocation ends, for calls it left in flight. */
const TOKEN_GRACE_MS = 60_000
const SWEEP_EVERY_MS = 1_000

/**
 * Runs built cloud functions in this process, each invocation with its own WeChat context
 * (see env.ts), and answers failures the way the real service does, as a `CloudError`.
 */
export class FunctionRunner {
  readonly loader: FunctionLoader
  private readonly tokens = new Map<string, { live: LiveInvocation; expires: number }>()
  /** Rejects a running invocation's reply at once, as the platform does when its process dies. */
  private readonly killers = new Map<string, (error: CloudError) => void>()
  private sweptAt = 0

  constructor(private readonly options: RunnerOptions) {
    this.loader = new FunctionLoader(options.dir)
  }

  get envId(): string {
    return this.options.envId
  }

  /** The invocation that owns an SDK request's `wxCloudApiToken`, if it is still live. */
  invocationOf(token: unknown): LiveInvocation | undefined {
    if (typeof token !== 'string' || token === '') return undefined
    const entry = this.tokens.get(token)
    if (!entry) return undefined
    if (entry.expires < performance.now()) {
      this.tokens.delete(token)
      return undefined
    }
    return entry.live
  }

  async invoke(name: string, event: unknown, caller: Caller): Promise<unknown> {
    const { envId, appId } = this.options
    const timeoutS = this.loader.exists(name)
      ? (this.loader.config(name).timeout ?? DEFAULT_TIMEOUT_S)
      : DEFAULT_TIMEOUT_S
    const id = newIdentity(envId, appId, name, timeoutS * 1000)
    const env = invocationEnv(caller, id)
    const loaded = this.loadOrFail(name, env)
    const vars = { ...(loaded.config.envVariables ?? {}), ...localEnvOf(name), ...env }
    const context = functionContext(env, id)
    // The function gets its own copy, as it would after crossing the wire.
    const input: unknown = JSON.parse(JSON.stringify(event ?? {}))
    const live: LiveInvocation = { functionName: name, caller, writes: 0, killed: false }
    this.tokens.set(id.apiToken, { live, expires: Infinity })
    const death = new Promise<never>((_, reject) => this.killers.set(id.apiToken, reject))
    try {
      const result = await withEnv(vars, () =>
        withTimeout(
          Promise.race([Promise.resolve().then(() => loaded.main(input, context)), death]),
          id.timeoutMs,
        ),
      )
      return result === undefined ? null : result
    } catch (error) {
      if (error instanceof CloudError) throw error
      throw new CloudError('FUNCTIONS_EXECUTE_FAIL', describe(error))
    } finally {
      this.killers.delete(id.apiToken)
      // A killed invocation's token never lapses: its leftover code must stay refused.
      const expires = live.killed ? Infinity : performance.now() + TOKEN_GRACE_MS
      this.tokens.set(id.apiToken, { live, expires })
      this.sweep()
    }
  }

  /**
   * Kills a running invocation: its caller gets `error` now, and whatever it already wrote stays
   * written. Its code may still be running in this process, so everything it sends from now on
   * is refused (see `FaultsService`) and its console is muted (see `muteKilledInvocations`).
   */
  kill(token: string, error: CloudError): void {
    const entry = this.tokens.get(token)
    if (!entry || entry.live.killed) return
    entry.live.killed = true
    this.killers.get(token)?.(error)
  }

  /** Whether the code running now belongs to an invocation that was killed. */
  isInKilledInvocation(): boolean {
    return this.invocationOf(process.env.WX_API_TOKEN)?.killed === true
  }

  private loadOrFail(name: string, env: Record<string, string>) {
    let loaded
    try {
      loaded = this.loader.load(name, (load) => withEnv(env, load))
    } catch (error) {
      throw new CloudError('FUNCTIONS_EXECUTE_FAIL', describe(error))
    }
    if (!loaded) {
      throw new CloudError(
        'FUNCTION_NOT_FOUND',
        `[ResourceNotFound.Function] 云函数 ${name} 不存在 (FunctionName parameter could not be found)`,
      )
    }
    return loaded
  }

  private sweep(): void {
    const now = performance.now()
    // Tokens live a minute after their call: walking them all on every call of a rush (the
    // fuzz sends ~50,000) would cost more than the calls, and once a second is plenty.
    if (now - this.sweptAt < SWEEP_EVERY_MS) return
    this.sweptAt = now
    for (const [token, entry] of this.tokens) {
      if (entry.expires < now) this.tokens.delete(token)
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new CloudError(
            'FUNCTIONS_TIME_LIMIT_EXCEEDED',
            `Invoking task timed out after ${ms / 1000} seconds`,
          ),
        ),
      ms,
    )
    timer.unref()
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Production puts the thrown error's text and the function's own stack frames in the message;
 * the runner's frames are ours, not the function's, so they are left out.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return `Error: ${String(error)}`
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim().startsWith('at ') && !line.includes(__dirname))
    .slice(0, 5)
  return [`Error: ${error.message}`, ...frames].join('\n')
}
