import * as tcb from '@cloudbase/node-sdk'
import type { IContextParam } from '@cloudbase/node-sdk'
import type { ApiEvent } from '../contract/actions'
import type { ApiReply } from '../contract/errors'
import { app } from '../store/db'
import { configuredAdmins } from './caller'
import { route } from './router'

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

export async function main(event: ApiEvent, context?: IContextParam): Promise<ApiReply<unknown>> {
  return route(event, {
    openid: callerOpenid(context),
    admins: configuredAdmins(),
    idHashKey: process.env.ID_HASH_KEY ?? '',
    now: () => new Date(),
  })
}
