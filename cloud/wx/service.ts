import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { CloudError, type CloudContext, type CloudService } from '../service'
import { devOpenid, guarded, HttpError, readJson, sendJson } from '../dev/http'
import { phoneNumber, subscribeSend, type WxReply } from './openapi'
import { Outbox } from './outbox'
import { PhoneCodes } from './phone'

/**
 * The WeChat open API as cloud functions reach it (`wx.api`, i.e. `callWxOpenApi`), and what
 * stands in for the phone in the H5 app: `POST /dev/phone-code` (getPhoneNumber's code),
 * `POST /dev/share` (the share sheet), `GET /dev/messages` (what was "sent to WeChat").
 */
export class WxService implements CloudService {
  readonly name = 'wx'
  readonly outbox = new Outbox()
  private readonly phoneCodes = new PhoneCodes()
  private ctx: CloudContext | undefined
  readonly actions = {
    'wx.api': async (params: Record<string, unknown>) => ({
      data: { responseData: JSON.stringify(this.openApi(params)) },
    }),
  }

  constructor(private readonly appId: string) {}

  start(ctx: CloudContext): void {
    this.ctx = ctx
    this.outbox.open(ctx.dataDir)
  }

  route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> | boolean {
    switch (url.pathname) {
      case '/dev/phone-code':
        return guarded(req, res, () => this.issuePhoneCode(req, res))
      case '/dev/share':
        return guarded(req, res, () => this.share(req, res))
      case '/dev/messages':
        return guarded(req, res, async () => {
          sendJson(res, 200, this.outbox.list(url.searchParams.get('openid') ?? undefined))
        })
      default:
        return false
    }
  }

  private openApi(params: Record<string, unknown>): WxReply {
    const apiName = String(params.apiName ?? '').replace(/^\//, '')
    const request = parseRequestData(params.requestData)
    const now = this.context().clock.now()
    switch (apiName) {
      case 'cgi-bin/message/subscribe/send':
        return subscribeSend(request, this.outbox, now)
      case 'wxa/business/getuserphonenumber':
        return phoneNumber(request, this.phoneCodes, this.appId, now)
      default:
        throw new CloudError('INVALID_PARAM', `本地云未模拟微信接口 ${apiName || '(空)'}`)
    }
  }

  private async issuePhoneCode(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 POST')
    const openid = devOpenid(req)
    const identity = this.context().identities.find((one) => one.openid === openid)
    if (!identity) throw new HttpError(404, 'UNKNOWN_IDENTITY', '没有这个开发身份，无法取得手机号')
    const code = this.phoneCodes.issue(openid, identity.phone, this.context().clock.now().getTime())
    sendJson(res, 200, { code, expiresInSeconds: 300 })
  }

  private async share(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 POST')
    const from = devOpenid(req)
    const body = await readJson(req)
    const { title, path, imageUrl } = (body ?? {}) as Record<string, unknown>
    if (typeof title !== 'string' || title.trim() === '') {
      throw new HttpError(400, 'INVALID_PARAM', '分享卡片须有标题')
    }
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new HttpError(400, 'INVALID_PARAM', '分享路径须以 / 开头')
    }
    if (imageUrl !== undefined && typeof imageUrl !== 'string') {
      throw new HttpError(400, 'INVALID_PARAM', 'imageUrl 须为字符串')
    }
    const id = randomUUID()
    this.outbox.add({
      kind: 'share',
      id,
      time: this.context().clock.now().toISOString(),
      from,
      title,
      path,
      ...(imageUrl ? { imageUrl } : {}),
    })
    sendJson(res, 200, { id })
  }

  private context(): CloudContext {
    if (!this.ctx) throw new CloudError('SYS_ERR', '本地云尚未启动')
    return this.ctx
  }
}

function parseRequestData(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return {}
  try {
    return JSON.parse(data) as unknown
  } catch {
    throw new CloudError('INVALID_PARAM', 'requestData 不是合法的 JSON')
  }
}
