import type { IncomingMessage, ServerResponse } from 'node:http'
import { CloudError, type CloudContext, type CloudService, type SdkRequestInfo } from '../service'
import { devOpenid, guarded, HttpError, readJson, sendJson } from '../dev/http'
import type { Caller } from './context'
import { muteKilledInvocations } from './console'
import { installEnvOverlay } from './env'
import { pointSdkAtLocalCloud } from './platform-env'
import { FunctionRunner } from './runner'

/**
 * `functions.invokeFunction` (one function calling another) and `POST /dev/fn/<name>` (the H5
 * app and tests calling a function as a dev identity). Both run through one FunctionRunner.
 */
export class FunctionsService implements CloudService {
  readonly name = 'functions'
  readonly actions = {
    'functions.invokeFunction': (params: Record<string, unknown>, request: SdkRequestInfo) =>
      this.invokeFunction(params, request),
  }

  constructor(readonly runner: FunctionRunner) {}

  start(ctx: CloudContext): void {
    installEnvOverlay()
    muteKilledInvocations(this.runner)
    pointSdkAtLocalCloud(ctx.baseUrl, this.runner.envId)
  }

  route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> | boolean {
    const match = /^\/dev\/fn\/([^/]+)$/.exec(url.pathname)
    if (!match) return false
    return guarded(req, res, async () => {
      if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 POST')
      const openid = devOpenid(req)
      const event = await readJson(req)
      const name = decodeURIComponent(match[1])
      try {
        const result = await this.runner.invoke(name, event, { openid, source: 'wx_client' })
        sendJson(res, 200, result)
      } catch (error) {
        if (!(error instanceof CloudError)) throw error
        sendJson(res, error.code === 'FUNCTION_NOT_FOUND' ? 404 : 500, {
          code: error.code,
          message: error.message,
        })
      }
    })
  }

  private async invokeFunction(
    params: Record<string, unknown>,
    request: SdkRequestInfo,
  ): Promise<Record<string, unknown>> {
    const name = params.function_name
    if (typeof name !== 'string' || name === '') {
      throw new CloudError('INVALID_PARAM', '函数名不能为空')
    }
    const event = parseRequestData(params.request_data)
    const result = await this.runner.invoke(name, event, this.callerOf(params, request))
    return { data: { response_data: JSON.stringify(result) } }
  }

  /**
   * A call made from inside a function carries that invocation's token, which is how the
   * callee inherits the caller's user; a call from outside any function (a server holding
   * keys) has no user, as in production.
   */
  private callerOf(params: Record<string, unknown>, request: SdkRequestInfo): Caller {
    const header = request.headers['x-tcb-source']
    const source = (Array.isArray(header) ? header[0] : header) ?? ''
    const live = this.runner.invocationOf(params.wxCloudApiToken)
    if (!live) return { openid: '', source }
    return { openid: live.caller.openid, unionid: live.caller.unionid, source }
  }
}

function parseRequestData(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return {}
  try {
    return JSON.parse(data) as unknown
  } catch {
    throw new CloudError('INVALID_PARAM', 'request_data 不是合法的 JSON')
  }
}
