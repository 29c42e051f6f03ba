import type { ActionName, ParamsOf, ResponseOf } from '@contract'
import { transport } from './transport'
import { ClientError, isRetryable, toClientError } from './errors'
import { isWrite } from './actions'
import { newRequestId } from './request-id'

export interface CallOptions {
  /** The id of this user intent; pass the same one to retry a write. New one if absent. */
  requestId?: string
  /** Extra attempts after a network failure, all with the same request id. */
  retries?: number
}

const RETRY_DELAYS_MS = [400, 1200]

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** The app's one way to the api function. Rejects with a `ClientError`. */
export async function call<A extends ActionName>(
  action: A,
  params: ParamsOf<A>,
  options: CallOptions = {},
): Promise<ResponseOf<A>> {
  const payload = isWrite(action)
    ? { ...params, requestId: options.requestId ?? newRequestId() }
    : params
  const retries = options.retries ?? RETRY_DELAYS_MS.length
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = await transport({ action, payload })
      if (reply.ok) return reply.data as ResponseOf<A>
      throw new ClientError(reply.error)
    } catch (err) {
      const error = toClientError(err)
      if (attempt >= retries || !isRetryable(error)) throw error
      await sleep(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)])
    }
  }
}
