import { ApiError } from '../../contract/errors'
import { toMyConsents } from '../../domain/consent'
import { getConsent, recordAsk } from '../../store/consents'
import type { ActionContext, Handler } from './types'

function memberOf(ctx: ActionContext): string {
  if (!ctx.caller.memberId) throw new ApiError('FORBIDDEN')
  return ctx.caller.memberId
}

/**
 * What requestSubscribeMessage answered, by topic: one conditional write that keeps the
 * request's key, so a retry (or the scheduler finishing a run that died) adds nothing more.
 */
export const record: Handler<'consent.record'> = async (input, ctx) => {
  if (!ctx.request) throw new Error('consent.record runs as a write, with a request key')
  const memberId = memberOf(ctx)
  await recordAsk(memberId, input, ctx.request, ctx.now)
  return toMyConsents(await getConsent(memberId))
}

export const mine: Handler<'consent.mine'> = async (_input, ctx) =>
  toMyConsents(await getConsent(memberOf(ctx)))
