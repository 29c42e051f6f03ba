import { app } from './db'

interface PhoneReply {
  errcode?: number
  phone_info?: { purePhoneNumber?: string; phoneNumber?: string }
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
  const raw: unknown = res.result
  let reply: PhoneReply
  if (Buffer.isBuffer(raw)) reply = JSON.parse(raw.toString('utf8')) as PhoneReply
  else if (typeof raw === 'string') reply = JSON.parse(raw) as PhoneReply
  else reply = (raw ?? {}) as PhoneReply
  if (reply.errcode) return null
  return reply.phone_info?.purePhoneNumber ?? reply.phone_info?.phoneNumber ?? null
}
