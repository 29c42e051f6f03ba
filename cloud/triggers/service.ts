import type { IncomingMessage, ServerResponse } from 'node:http'
import { CloudError, type CloudContext, type CloudService, type Clock } from '../service'
import type { FunctionRunner } from '../functions/runner'
import { guarded, HttpError, readJson, sendJson } from '../dev/http'
import { TriggerScheduler } from './scheduler'

/**
 * Timer triggers and the dev clock: `POST /dev/trigger/<function>` fires one now,
 * `GET|POST /dev/clock` reads or shifts the local cloud's time, `GET /dev/triggers` lists the
 * planned fire times.
 */
export class TriggersService implements CloudService {
  readonly name = 'triggers'
  private scheduler: TriggerScheduler | undefined
  private clock: Clock | undefined

  constructor(private readonly runner: FunctionRunner) {}

  start(ctx: CloudContext): void {
    this.clock = ctx.clock
    this.scheduler = new TriggerScheduler(this.runner, ctx.clock)
    this.scheduler.start()
  }

  stop(): void {
    this.scheduler?.stop()
  }

  route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> | boolean {
    const { pathname } = url
    if (pathname === '/dev/clock') return guarded(req, res, () => this.clockRoute(req, res))
    if (pathname === '/dev/triggers' && req.method === 'GET') {
      return guarded(req, res, async () => {
        const scheduler = this.started().scheduler
        sendJson(res, 200, { plan: scheduler.plan(), history: scheduler.history })
      })
    }
    const match = /^\/dev\/trigger\/([^/]+)$/.exec(pathname)
    if (match) return guarded(req, res, () => this.fireNow(req, res, decodeURIComponent(match[1])))
    return false
  }

  private async clockRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { clock } = this.started()
    if (req.method === 'POST') {
      const body = await readJson(req)
      const offsetMs = (body as { offsetMs?: unknown }).offsetMs
      if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) {
        throw new HttpError(400, 'INVALID_PARAM', 'offsetMs 须为有限的毫秒数')
      }
      clock.setOffsetMs(Math.round(offsetMs))
    } else if (req.method !== 'GET') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 GET 或 POST')
    }
    sendJson(res, 200, { offsetMs: clock.offsetMs(), now: clock.now().toISOString() })
  }

  private async fireNow(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 POST')
    const { scheduler, clock } = this.started()
    if (!this.runner.loader.exists(name)) {
      throw new HttpError(404, 'FUNCTION_NOT_FOUND', `云函数 ${name} 不存在`)
    }
    const triggerName = this.runner.loader.timers(name)[0]?.name ?? 'dev'
    try {
      const result = await scheduler.fire(name, triggerName, clock.now())
      sendJson(res, 200, { function: name, trigger: triggerName, result })
    } catch (error) {
      if (!(error instanceof CloudError)) throw error
      sendJson(res, 500, { code: error.code, message: error.message })
    }
  }

  private started(): { scheduler: TriggerScheduler; clock: Clock } {
    if (!this.scheduler || !this.clock) throw new HttpError(503, 'NOT_STARTED', '本地云尚未启动')
    return { scheduler: this.scheduler, clock: this.clock }
  }
}
