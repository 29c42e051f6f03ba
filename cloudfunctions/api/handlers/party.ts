import { ApiError } from '../../contract/errors'
import { getMember } from '../../store/members'
import type { ActionContext } from './types'

/**
 * Who an entry or a booking is for, and who is acting: the member, or staff on the member's
 * behalf (a phone call), under the same rules.
 */
export interface Party {
  memberId: string
  byStaff: boolean
}

/** The write's idempotency key: entry and booking writes always run with one. */
export function requestOf(ctx: ActionContext): string {
  if (!ctx.request) throw new Error('entry and booking writes run with a request key')
  return ctx.request
}

/** The caller's own registry member; the contract lets only verified members call. */
export function self(ctx: ActionContext): Party {
  if (!ctx.caller.memberId) throw new ApiError('FORBIDDEN')
  return { memberId: ctx.caller.memberId, byStaff: false }
}

/** A registry member staff act for: found in 会员库, with or without the app. */
export async function onBehalf(memberId: string): Promise<Party> {
  if (!(await getMember(memberId))) throw new ApiError('NOT_FOUND', '会员库中没有这位会员')
  return { memberId, byStaff: true }
}
