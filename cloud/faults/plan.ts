import { CloudError } from '../service'
import { seededRandom } from './random'
import type { FaultSpec } from './spec'

/** Database actions that change data; a write inside a transaction counts as one too. */
const WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.commitTransaction',
])

export const isWrite = (action: string): boolean => WRITES.has(action)

/** One fault that was injected, as `GET /dev/faults` lists it. */
export interface FaultEvent {
  kind: 'fail' | 'kill' | 'wx'
  action: string
  /** The write's number since the faults were set (fail), or within its invocation (kill). */
  write: number
  function?: string
  code?: string
}

/** The invocation a database request came from, as the function runner knows it. */
export interface WriterInvocation {
  functionName: string
  /** Writes it has sent so far, this one included. */
  writes: number
}

const FAILURE_MESSAGES: Record<string, string> = {
  DATABASE_TIMEOUT: '[Timeout] 数据库请求超时 (injected by the local cloud fault switch)',
  SYS_ERR: '[InternalError] 系统内部异常 (injected by the local cloud fault switch)',
  DATABASE_REQUEST_FAILED:
    '[FailedOperation] 数据库请求失败 (injected by the local cloud fault switch)',
}

/**
 * The decisions of one fault description: which write fails, when an invocation dies, how long
 * each operation waits. All randomness comes from the seed, in the order requests arrive.
 */
export class FaultPlan {
  /** Database writes seen since the plan was set. */
  writes = 0
  /**
   * Of those, the ones each function's invocations sent: what one action writes, whatever the
   * scheduler's timer wrote meanwhile.
   */
  readonly writesBy: Record<string, number> = {}
  readonly events: FaultEvent[] = []
  private readonly random: () => number

  constructor(readonly spec: FaultSpec & { seed: number }) {
    this.random = seededRandom(spec.seed)
  }

  delayMs(): number {
    const { delayMs } = this.spec
    if (delayMs === undefined) return 0
    if (typeof delayMs === 'number') return delayMs
    const [min, max] = delayMs
    return min + Math.floor(this.random() * (max - min + 1))
  }

  /** The error this write is answered with instead of being applied, or null to let it through. */
  failure(action: string): CloudError | null {
    this.writes += 1
    const { failWrite, writeFailureRate } = this.spec
    const chosen =
      failWrite === this.writes ||
      (writeFailureRate !== undefined && this.random() < writeFailureRate)
    if (!chosen) return null
    const code = this.spec.failureCode ?? 'DATABASE_TIMEOUT'
    this.events.push({ kind: 'fail', action, write: this.writes, code })
    return new CloudError(code, FAILURE_MESSAGES[code])
  }

  /** WeChat open API calls seen since the plan was set. */
  wxCalls = 0

  /**
   * What a WeChat open API call is answered with instead of going through: the platform's error
   * (WeChat not reached), or WeChat's refusal `{errcode, errmsg}` when `wxErrcode` is set; null
   * to let it through.
   */
  wxFailure(action: string): CloudError | { errcode: number; errmsg: string } | null {
    this.wxCalls += 1
    const { failWxApi, wxErrcode } = this.spec
    if (failWxApi === undefined || this.wxCalls > failWxApi) return null
    const code = wxErrcode === undefined ? 'SYS_ERR' : String(wxErrcode)
    this.events.push({ kind: 'wx', action, write: this.wxCalls, code })
    if (wxErrcode !== undefined)
      return { errcode: wxErrcode, errmsg: 'refused (injected by the local cloud fault switch)' }
    return new CloudError(
      'SYS_ERR',
      '[InternalError] 微信接口调用失败 (injected by the local cloud fault switch)',
    )
  }

  /** Whether the writer dies right after this write of its, which has been applied. */
  killsAfter(action: string, writer: WriterInvocation): boolean {
    const { killAfterWrite, killRate } = this.spec
    if (!this.aims(writer)) return false
    const chosen =
      killAfterWrite === writer.writes || (killRate !== undefined && this.random() < killRate)
    if (chosen)
      this.events.push({
        kind: 'kill',
        action,
        write: writer.writes,
        function: writer.functionName,
      })
    return chosen
  }

  /** Past its kill point an invocation is dead, even for writes it had already sent. */
  isPastKill(writer: WriterInvocation): boolean {
    const { killAfterWrite } = this.spec
    return this.aims(writer) && killAfterWrite !== undefined && writer.writes > killAfterWrite
  }

  /** Whether kills apply to this writer's function. */
  private aims(writer: WriterInvocation): boolean {
    return this.spec.function === undefined || this.spec.function === writer.functionName
  }
}
