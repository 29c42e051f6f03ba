import type { ApiErrorBody, ERRORS, ErrorCode } from '@contract'

/** The contract's own wording for a failed network, checked against it at compile time. */
const NETWORK_MESSAGE: (typeof ERRORS)['NETWORK'] = '网络不给力，请检查网络后重试'
const INTERNAL_MESSAGE: (typeof ERRORS)['INTERNAL'] = '服务开小差了，请稍后再试'

/** Every failure a page sees: one of the contract's codes with a Chinese message. */
export class ClientError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>
  constructor(body: ApiErrorBody) {
    super(body.message)
    this.name = 'ClientError'
    this.code = body.code
    this.fields = body.fields
  }
}

export function networkError(): ClientError {
  return new ClientError({ code: 'NETWORK', message: NETWORK_MESSAGE })
}

export function toClientError(err: unknown): ClientError {
  if (err instanceof ClientError) return err
  return new ClientError({ code: 'INTERNAL', message: INTERNAL_MESSAGE })
}

/** Worth sending again with the same request id: the server may never have seen it, or is busy. */
export function isRetryable(err: ClientError): boolean {
  return err.code === 'NETWORK' || err.code === 'REQUEST_IN_PROGRESS'
}
