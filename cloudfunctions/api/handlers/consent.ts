import { ApiError } from '../../contract/errors'
import { catchUpSince, toMyConsents } from '../../domain/consent'
import { catchUpSends } from '../../store/consent-catch-up'
import { getConsent, recordAsk } from '../../store/consents'
import type { ActionContext, Handler } from './types'

function memberOf(ctx: ActionContext): string {
  if (!ctx.caller.memberId) throw new ApiError('FORBIDDEN')
  return ctx.caller.memberId
}

/**
 * What requestSubscribeMessage answered, by topic: one conditional write that keeps the
 * request's key, so a retry (or the scheduler finishing a run that died) adds nothing more.
 * Then the message of the tap that asked, if it was posted before the answer came, is sent.
 */
export const record: Handler<'consent.record'> = async (input, ctx) => {
  if (!ctx.request) throw new Error('consent.record runs as a write, with a request key')
  const memberId = memberOf(ctx)
  const since = catchUpSince(await getConsent(memberId), ctx.now)
  await recordAsk(memberId, input, ctx.request, ctx.now)
  await catchUpSends(memberId, input.granted, since, ctx.now)
  return toMyConsents(await getConsent(memberId))
}

export const mine: Handler<'consent.mine'> = async (_input, ctx) =>
  toMyConsents(await getConsent(memberOf(ctx)))
