import { z } from 'zod'
import { actions, type ActionName, type ApiEvent, type ResponseOf } from '../contract/actions'
import { ApiError, type ApiReply } from '../contract/errors'
import { getRequest, releaseRequest } from '../store/requests'
import { audit } from './audit'
import { resolveCaller, type Caller } from './caller'
import { authorize } from './guard'
import { handlers } from './handlers'
import type { InputOf } from './handlers/types'
import { once, record, requestKey, takeOver } from './idempotency'
import { parse } from './validate'

export interface Invocation {
  /** From the WeChat context; '' when the platform named no caller. */
  openid: string
  admins: Set<string>
  idHashKey: string
  ticketKey: string
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
  const input = admitted(action, caller, payload)
  if (!spec.write) return runner(action, input, caller, invocation)()
  const key = {
    action,
    openid: caller.openid,
    requestId: (input as { requestId: string }).requestId,
  }
  const run = runner(action, input, caller, invocation, requestKey(key))
  return once(key, spec.personal ? null : input, invocation.now, run)
}

/** The caller's right to the action, then the payload's validity; answers the parsed input. */
function admitted<A extends ActionName>(action: A, caller: Caller, payload: unknown): InputOf<A> {
  // Access first: a caller without the role learns nothing about what the action accepts.
  authorize(actions[action].roles, caller)
  const schema: z.ZodType = actions[action].request
  return parse(schema, payload) as InputOf<A>
}

/** The handler and its audit record, as one unit that `once` runs (and may run again). */
function runner<A extends ActionName>(
  action: A,
  input: InputOf<A>,
  caller: Caller,
  invocation: Invocation,
  request?: string,
): () => Promise<ResponseOf<A>> {
  return async () => {
    const now = invocation.now()
    const config = {
      admins: invocation.admins,
      idHashKey: invocation.idHashKey,
      ticketKey: invocation.ticketKey,
    }
    const result = await handlers[action](input, { caller, now, config, request })
    if (actions[action].audited) await audit(action, input, result, caller, now, request)
    return result
  }
}

export type ResumeOutcome = 'finished' | 'refused' | 'left to the retry' | 'skipped'

/**
 * Finishes a write whose run died or failed part-way, from the payload its claim kept, as the
 * caller it was made for (roles as they are now). The scheduler calls this for stale claims; the
 * member's own retry would do the same. A refusal now (e.g. the role was taken away), or a claim
 * that kept no payload, gives the claim back.
 */
export async function resume(key: string, invocation: Invocation): Promise<ResumeOutcome> {
  const claim = await getRequest(key)
  if (!claim || claim.status !== 'pending' || !isAction(claim.action)) return 'skipped'
  const action = claim.action
  if (claim.input === null || claim.input === undefined) {
    // A personal payload was never stored: only the member's retry can finish it. The claim
    // goes, so that the retry runs afresh (the handler picks up what the dead run did).
    await releaseRequest(key)
    return 'left to the retry'
  }
  const caller = await resolveCaller(claim.openid, invocation.admins)
  let input: InputOf<typeof action>
  try {
    input = admitted(action, caller, claim.input)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    await releaseRequest(key)
    return 'refused'
  }
  if (!(await takeOver(key, invocation.now))) return 'skipped'
  try {
    await record(key, invocation.now, runner(action, input, caller, invocation, key))
    return 'finished'
  } catch (error) {
    if (error instanceof ApiError) return 'refused'
    throw error
  }
}
