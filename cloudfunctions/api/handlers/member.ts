import { ApiError } from '../../contract/errors'
import { hashIdNumber, memberIdFor } from '../../domain/id-number'
import {
  freshAttempts,
  isStale,
  lockFrom,
  lockedUntil,
  VERIFICATION_POLICY,
} from '../../domain/verification'
import { bind, getBindingOfMember, getMember } from '../../store/members'
import {
  chargeAttempt,
  clearAttempts,
  ensureAttempts,
  getAttempts,
  lockAttempts,
  restartWindow,
} from '../../store/verifications'
import { phoneOfCode } from '../../store/wx'
import { get as me } from './me'
import type { ActionContext, Handler } from './types'

/**
 * 会员认证. Order: already verified? → locked? → exchange the phone code → charge one attempt
 * (atomically, before checking, so concurrent guesses cannot outrun the lock) → match name + ID
 * hash → member bound to another account? → phone must equal the registry phone → bind.
 * A member bound elsewhere answers MEMBER_ALREADY_BOUND once name and ID match (whoever knows
 * both may learn that); every other mismatch is the same VERIFICATION_FAILED.
 */
export const verify: Handler<'member.verify'> = async (input, ctx) => {
  const { caller, now, config } = ctx
  if (caller.memberId) throw new ApiError('ALREADY_VERIFIED')
  await openAttempt(caller.openid, now)
  const phone = await phoneOfCode(input.phoneCode)
  if (!phone) throw new ApiError('PHONE_CODE_INVALID')
  if (!(await chargeAttempt(caller.openid, VERIFICATION_POLICY.maxFailures))) {
    await lockAttempts(caller.openid, lockFrom(now))
    throw new ApiError('VERIFICATION_LOCKED')
  }
  const member = await getMember(memberIdFor(hashIdNumber(input.idNumber, config.idHashKey)))
  if (!member || member.name.trim() !== input.name) return failed(ctx)
  const holder = await getBindingOfMember(member._id)
  if (holder && holder._id !== caller.openid) throw new ApiError('MEMBER_ALREADY_BOUND')
  if (member.phone !== phone) return failed(ctx)
  const outcome = await bind(caller.openid, member._id, now)
  if (outcome === 'member-taken') throw new ApiError('MEMBER_ALREADY_BOUND')
  if (outcome === 'account-taken') throw new ApiError('ALREADY_VERIFIED')
  await clearAttempts(caller.openid)
  const roles = caller.roles.includes('member')
    ? caller.roles
    : [...caller.roles, 'member' as const]
  return me({}, { ...ctx, caller: { ...caller, roles, memberId: member._id } })
}

/** Refuses while locked; starts a new window when the old one (or the lock) is over. */
async function openAttempt(openid: string, now: Date): Promise<void> {
  const record = await getAttempts(openid)
  if (!record) return ensureAttempts(freshAttempts(openid, now))
  if (isStale(record, now)) return restartWindow(record, freshAttempts(openid, now))
  if (lockedUntil(record, now)) throw new ApiError('VERIFICATION_LOCKED')
}

/** A mismatch: the attempt stays charged; the one that used the last attempt sets the lock. */
async function failed({ caller, now }: ActionContext): Promise<never> {
  const record = await getAttempts(caller.openid)
  if (record && record.attempts >= VERIFICATION_POLICY.maxFailures) {
    await lockAttempts(caller.openid, lockFrom(now))
  }
  throw new ApiError('VERIFICATION_FAILED')
}
