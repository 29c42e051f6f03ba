import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { guarded, HttpError, readJson, sendJson } from '../dev/http'
import type { FunctionRunner, LiveInvocation } from '../functions/runner'
import { CloudError, type CloudService, type SdkNext, type SdkReply } from '../service'
import { FaultPlan, isWrite } from './plan'
import { parseFaultSpec } from './spec'

/** What the caller of a killed invocation gets: the platform's answer for a crashed function. */
export function crashError(invocation: LiveInvocation, action: string): CloudError {
  return new CloudError(
    'FUNCTIONS_EXECUTE_FAIL',
    `Invoking task failed: process exited unexpectedly · 云函数 ${invocation.functionName} 进程意外退出` +
      ` (killed by the local cloud fault switch after its write ${invocation.writes}, ${action})`,
  )
}

/** What a dead invocation's leftover code gets if it still sends anything. */
const dead = () => new CloudError('SYS_ERR', 'the invocation that sent this request was killed')

/**
 * The fault switch (`POST|GET|DELETE /dev/faults`, or `--faults` at start): delays database
 * operations, fails database writes, kills function invocations after a write. It sits in front
 * of every SDK action, so the functions meet the faults exactly where production would show them.
 */
export class FaultsService implements CloudService {
  readonly name = 'faults'
  private plan: FaultPlan | null = null

  constructor(
    private readonly runner: FunctionRunner,
    initial?: unknown,
  ) {
    if (initial !== undefined) this.plan = new FaultPlan(parseFaultSpec(initial))
  }

  async intercept(
    action: string,
    params: Record<string, unknown>,
    next: SdkNext,
  ): Promise<SdkReply> {
    const writer = this.runner.invocationOf(params.wxCloudApiToken)
    if (writer?.killed) throw dead()
    if (action === 'wx.api') {
      const failure = this.plan?.wxFailure(action)
      if (failure instanceof CloudError) throw failure
      // WeChat's refusal travels as the reply body, as the wx service answers (cloud/wx).
      if (failure) return { data: { responseData: JSON.stringify(failure) } }
    }
    if (!action.startsWith('database.')) return next()
    const plan = this.plan
    const delay = plan?.delayMs() ?? 0
    if (delay > 0) {
      await sleep(delay)
      if (writer?.killed) throw dead()
    }
    if (!isWrite(action)) return next()
    const failure = plan?.failure(action)
    if (failure) throw failure
    if (!writer) return next()
    // Numbered as they arrive, before being applied: of several writes one invocation has in
    // flight, those past its kill point are never applied.
    writer.writes += 1
    if (!plan) return next()
    plan.writesBy[writer.functionName] = (plan.writesBy[writer.functionName] ?? 0) + 1
    const token = String(params.wxCloudApiToken)
    if (plan.isPastKill(writer)) {
      this.runner.kill(token, crashError(writer, action))
      throw dead()
    }
    const reply = await next()
    if (plan.killsAfter(action, writer)) this.runner.kill(token, crashError(writer, action))
    return reply
  }

  route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> | boolean {
    if (url.pathname !== '/dev/faults') return false
    return guarded(req, res, async () => {
      if (req.method === 'POST') {
        try {
          this.plan = new FaultPlan(parseFaultSpec(await readJson(req)))
        } catch (error) {
          if (error instanceof HttpError) throw error
          throw new HttpError(400, 'INVALID_PARAM', (error as Error).message)
        }
      } else if (req.method === 'DELETE') {
        this.plan = null
      } else if (req.method !== 'GET') {
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 GET、POST 或 DELETE')
      }
      sendJson(res, 200, this.report())
    })
  }

  private report() {
    const plan = this.plan
    if (!plan) return { faults: null, writes: 0, writesBy: {}, injected: [] }
    return {
      faults: plan.spec,
      writes: plan.writes,
      writesBy: plan.writesBy,
      injected: plan.events,
    }
  }
}
