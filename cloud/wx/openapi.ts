import { randomUUID } from 'node:crypto'
import type { Outbox, SubscribeMessage } from './outbox'
import type { PhoneCodes } from './phone'

/** WeChat's reply body: `errcode` 0 on success, as the real open API answers. */
export type WxReply = { errcode: number; errmsg: string } & Record<string, unknown>

function fail(errcode: number, errmsg: string): WxReply {
  return { errcode, errmsg }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `cgi-bin/message/subscribe/send`: recorded in the outbox instead of reaching a phone. */
export function subscribeSend(request: unknown, outbox: Outbox, now: Date): WxReply {
  if (!isRecord(request)) return fail(47001, 'data format error')
  const { touser, template_id: templateId, page, data } = request
  if (typeof touser !== 'string' || touser === '') return fail(40003, 'invalid openid')
  if (typeof templateId !== 'string' || templateId === '') {
    return fail(40037, 'invalid template_id')
  }
  if (page !== undefined && typeof page !== 'string') return fail(47001, 'data format error')
  if (!isRecord(data)) return fail(47003, 'argument invalid! data is empty')
  const values: SubscribeMessage['data'] = {}
  for (const [key, item] of Object.entries(data)) {
    const value = isRecord(item) ? item.value : undefined
    if (typeof value !== 'string' && typeof value !== 'number') {
      return fail(47003, `argument invalid! data.${key}.value is empty`)
    }
    values[key] = { value: String(value) }
  }
  const state = request.miniprogram_state
  outbox.add({
    kind: 'subscribe',
    id: randomUUID(),
    time: now.toISOString(),
    touser,
    template_id: templateId,
    page: page ?? '',
    data: values,
    ...(typeof state === 'string' ? { miniprogram_state: state } : {}),
  })
  return { errcode: 0, errmsg: 'ok', msgid: Math.floor(now.getTime() / 1000) }
}

/** `wxa/business/getuserphonenumber`: the code getPhoneNumber gave, exchanged once. */
export function phoneNumber(
  request: unknown,
  codes: PhoneCodes,
  appId: string,
  now: Date,
): WxReply {
  const code = isRecord(request) ? request.code : undefined
  const issued = codes.redeem(code, now.getTime())
  if (!issued) return fail(40029, 'invalid code')
  return {
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      phoneNumber: issued.phone,
      purePhoneNumber: issued.phone,
      countryCode: '86',
      watermark: { timestamp: Math.floor(now.getTime() / 1000), appid: appId },
    },
  }
}
