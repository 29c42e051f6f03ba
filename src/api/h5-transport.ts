import type { ApiEvent, ApiReply } from '@contract'
import { networkError } from './errors'
import { isReply } from './reply'
import { cloudUrl, devHeaders } from './dev'

/** H5 runs only on the local cloud, which stands in for WeChat's identity with a dev header. */
export async function h5Transport(event: ApiEvent): Promise<ApiReply<unknown>> {
  let body: unknown
  try {
    const res = await fetch(cloudUrl('/dev/fn/api'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await devHeaders()) },
      body: JSON.stringify(event),
    })
    body = await res.json()
  } catch {
    throw networkError()
  }
  if (!isReply(body)) throw networkError()
  return body
}
