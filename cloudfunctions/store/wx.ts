import type { SubscribeRequest } from '../domain/subscribe'
import { app } from './db'

interface WxReply {
  errcode?: number
  errmsg?: string
  msgid?: number
  phone_info?: { purePhoneNumber?: string; phoneNumber?: string }
}

/** The open API's reply body, which the SDK hands back as a Buffer, a string or parsed. */
function replyOf(raw: unknown): WxReply {
  if (Buffer.isBuffer(raw)) return JSON.parse(raw.toString('utf8')) as WxReply
  if (typeof raw === 'string') return JSON.parse(raw) as WxReply
  return (raw ?? {}) as WxReply
}

/**
 * Exchanges getPhoneNumber's one-off code for the phone number WeChat verified
 * (`wxa/business/getuserphonenumber`). Null for an invalid, used or expired code.
 */
export async function phoneOfCode(code: string): Promise<string | null> {
  const res = await app().callWxOpenApi({
    apiName: 'wxa/business/getuserphonenumber',
    requestData: { code },
  })
  const reply = replyOf(res.result)
  if (reply.errcode) return null
  return reply.phone_info?.purePhoneNumber ?? reply.phone_info?.phoneNumber ?? null
}

export type SendOutcome = { ok: true } | { ok: false; errcode: number | null; error: string }

/**
 * `cgi-bin/message/subscribe/send`. Never throws: a refusal (errcode) or a failed call (the
 * SDK throws) is answered, for the caller to record and retry.
 */
export async function sendSubscribeMessage(request: SubscribeRequest): Promise<SendOutcome> {
  try {
    const res = await app().callWxOpenApi({
      apiName: 'cgi-bin/message/subscribe/send',
      requestData: { ...request },
    })
    const reply = replyOf(res.result)
    if (!reply.errcode) return { ok: true }
    return { ok: false, errcode: reply.errcode, error: `${reply.errcode} ${reply.errmsg ?? ''}` }
  } catch (error) {
    return {
      ok: false,
      errcode: null,
      error: error instanceof Error ? error.message : String(error),
    }
  }
}
