import { cloudUrl, devHeaders } from './dev'
import { ClientError, networkError } from './errors'

/**
 * H5 only: the local cloud stands in for WeChat's getPhoneNumber and hands out a one-off code
 * for the dev identity's phone. On weapp the code comes from the button's own event.
 */
export async function devPhoneCode(): Promise<string> {
  let body: unknown
  let ok = false
  try {
    const res = await fetch(cloudUrl('/dev/phone-code'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await devHeaders()) },
      body: '{}',
    })
    ok = res.ok
    body = await res.json()
  } catch {
    throw networkError()
  }
  const code = (body as { code?: unknown } | null)?.code
  if (!ok || typeof code !== 'string') {
    throw new ClientError({ code: 'INTERNAL', message: '未能获取手机号，请稍后再试' })
  }
  return code
}
