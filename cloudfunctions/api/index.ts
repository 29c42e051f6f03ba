import * as tcb from '@cloudbase/node-sdk'
import type { IContextParam } from '@cloudbase/node-sdk'
import type { ApiEvent } from '../contract/actions'
import type { ApiReply } from '../contract/errors'
import { app } from '../store/db'
import { configuredAdmins } from './caller'
import { resume, route } from './router'

/**
 * The caller as the platform names it: the invocation's context first (it cannot leak between
 * concurrent invocations), the SDK's process environment second. Never the event.
 */
function callerOpenid(context: IContextParam | undefined): string {
  if (context && (context.environ || context.environment)) {
    const fromContext = tcb.getCloudbaseContext(context).WX_OPENID
    if (fromContext) return fromContext
  }
  return app().auth().getUserInfo().openId
}

/** Sent by the scheduler (never by the mini-program) to finish a write that died half-way. */
export interface ResumeEvent {
  resume: string
}

function isResume(event: unknown): event is ResumeEvent {
  return typeof (event as Partial<ResumeEvent> | null)?.resume === 'string'
}

export async function main(
  event: ApiEvent | ResumeEvent,
  context?: IContextParam,
): Promise<ApiReply<unknown>> {
  const invocation = {
    openid: callerOpenid(context),
    admins: configuredAdmins(),
    idHashKey: process.env.ID_HASH_KEY ?? '',
    ticketKey: process.env.TICKET_KEY ?? '',
    now: () => new Date(),
  }
  // Only a caller WeChat names no user for (another function, a timer) may resume; a member's
  // call always carries an openid and goes the normal way, where `resume` is no action.
  if (isResume(event) && !invocation.openid) {
    return { ok: true, data: await resume(event.resume, invocation) }
  }
  return route(event as ApiEvent, invocation)
}
