import { z } from 'zod'
import { actions, type ActionName, type ApiEvent, type ResponseOf } from '../contract/actions'
import { ApiError, type ApiReply } from '../contract/errors'
import { audit } from './audit'
import { resolveCaller, type Caller } from './caller'
import { authorize } from './guard'
import { handlers } from './handlers'
import type { InputOf } from './handlers/types'
import { once } from './idempotency'
import { parse } from './validate'

export interface Invocation {
  /** From the WeChat context; '' when the platform named no caller. */
  openid: string
  admins: Set<string>
  idHashKey: string
  now: () => Date
}

function isAction(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(actions, name)
}

/**
 * The api function's one path: known action → identified caller → the action's roles → a valid
 * payload → the handler, once per request id for writes. Nothing but the envelope leaves.
 */
export async function route(event: ApiEvent, invocation: Invocation): Promise<ApiReply<unknown>> {
  try {
    const action = event?.action
    if (!isAction(action)) throw new ApiError('UNKNOWN_ACTION')
    if (!invocation.openid) throw new ApiError('UNAUTHENTICATED')
    const caller = await resolveCaller(invocation.openid, invocation.admins)
    return { ok: true, data: await dispatch(action, event.payload, caller, invocation) }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() }
    console.error(`[api] ${String(event?.action)} failed`, error)
    return { ok: false, error: new ApiError('INTERNAL').toBody() }
  }
}

async function dispatch<A extends ActionName>(
  action: A,
  payload: unknown,
  caller: Caller,
  invocation: Invocation,
): Promise<ResponseOf<A>> {
  const spec = actions[action]
  // Access first: a caller without the role learns nothing about what the action accepts.
  authorize(spec.roles, caller)
  const schema: z.ZodType = spec.request
  const input = parse(schema, payload) as InputOf<A>
  const now = invocation.now()
  const run = async () => {
    const result = await handlers[action](input, {
      caller,
      now,
      config: { admins: invocation.admins, idHashKey: invocation.idHashKey },
    })
    if (spec.audited) await audit(action, input, result, caller, now)
    return result
  }
  if (!spec.write) return run()
  const { requestId } = input as { requestId: string }
  return once({ action, openid: caller.openid, requestId }, invocation.now, run)
}
