import Taro from '@tarojs/taro'
import type { ApiEvent, ApiReply } from '@contract'
import { networkError } from './errors'
import { isReply } from './reply'

/** WeChat: the platform attaches the caller's openid; the app never sends it. */
export async function weappTransport(event: ApiEvent): Promise<ApiReply<unknown>> {
  let result: unknown
  try {
    const res = await Taro.cloud.callFunction({ name: 'api', data: { ...event } })
    result = res.result
  } catch {
    throw networkError()
  }
  if (!isReply(result)) throw networkError()
  return result
}
