import { ApiError } from '../../contract/errors'
import { hashIdNumber, memberIdFor } from '../../domain/id-number'
import {
  codeDigest,
  freshAttempts,
  isStale,
  lockFrom,
  lockedUntil,
  phoneDigest,
  VERIFICATION_POLICY,
  type AttemptRecord,
} from '../../domain/verification'
import { bind, getBinding, getBindingOfMember, getMember } from '../../store/members'
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
 * (atomically, before checking, so concurrent guesses cannot outrun the lock; the same write keeps
 * the exchange) → match name + ID hash → member bound to another account? → phone must equal the
 * registry phone → bind. A member bound elsewhere answers MEMBER_ALREADY_BOUND once name and ID
 * match (whoever knows both may learn that); every other mismatch is the same VERIFICATION_FAILED.
 * A second run of the same request (after a crash) picks up where the first stopped.
 */
export const verify: Handler<'member.verify'> = async (input, ctx) => {
  const { caller, now, config } = ctx
  if (caller.memberId) return finishBound(ctx)
  const record = await openAttempt(caller.openid, now)
  const phone = await exchangedPhone(input.phoneCode, record, ctx)
  const member = await getMember(memberIdFor(hashIdNumber(input.idNumber, config.idHashKey)))
  if (!member || member.name.trim() !== input.name) return failed(ctx)
  const holder = await getBindingOfMember(member._id)
  if (holder && holder._id !== caller.openid) throw new ApiError('MEMBER_ALREADY_BOUND')
  if (phoneDigest(member.phone, config.idHashKey) !== phone) return failed(ctx)
  const outcome = await bind(caller.openid, member._id, now, ctx.request)
  if (outcome === 'member-taken') throw new ApiError('MEMBER_ALREADY_BOUND')
  if (outcome === 'account-taken') throw new ApiError('ALREADY_VERIFIED')
  return finishBound({ ...ctx, caller: { ...caller, memberId: member._id } })
}

/**
 * The phone WeChat verified, as a digest: exchanged now and charged as one attempt, or, when a
 * first run of this request already did both, taken from its record (the code works only once).
 */
async function exchangedPhone(
  code: string,
  record: AttemptRecord | null,
  { caller, now, config }: ActionContext,
): Promise<string> {
  const exchange = record?.exchanged
  if (exchange && exchange.code === codeDigest(code)) return exchange.phone
  const phone = await phoneOfCode(code)
  if (!phone) throw new ApiError('PHONE_CODE_INVALID')
  const digest = phoneDigest(phone, config.idHashKey)
  const charged = await chargeAttempt(caller.openid, VERIFICATION_POLICY.maxFailures, {
    code: codeDigest(code),
    phone: digest,
  })
  if (!charged) {
    await lockAttempts(caller.openid, lockFrom(now))
    throw new ApiError('VERIFICATION_LOCKED')
  }
  return digest
}

/**
 * The account is bound: done, if this very request bound it (a second run after a crash clears
 * the attempts the first left); otherwise the caller was verified before.
 */
async function finishBound(ctx: ActionContext) {
  const { caller } = ctx
  const binding = await getBinding(caller.openid)
  if (!binding || !ctx.request || binding.request !== ctx.request)
    throw new ApiError('ALREADY_VERIFIED')
  await clearAttempts(caller.openid)
  const roles = caller.roles.includes('member')
    ? caller.roles
    : [...caller.roles, 'member' as const]
  return me({}, { ...ctx, caller: { ...caller, roles, memberId: binding.memberId } })
}

/**
 * Refuses while locked; starts a new window when the old one (or the lock) is over. Answers the
 * record as it stands, or null when there was none or its window restarted.
 */
async function openAttempt(openid: string, now: Date): Promise<AttemptRecord | null> {
  const record = await getAttempts(openid)
  if (!record) {
    await ensureAttempts(freshAttempts(openid, now))
    return null
  }
  if (isStale(record, now)) {
    await restartWindow(record, freshAttempts(openid, now))
    return null
  }
  if (lockedUntil(record, now)) throw new ApiError('VERIFICATION_LOCKED')
  return record
}

/** A mismatch: the attempt stays charged; the one that used the last attempt sets the lock. */
async function failed({ caller, now }: ActionContext): Promise<never> {
  const record = await getAttempts(caller.openid)
  if (record && record.attempts >= VERIFICATION_POLICY.maxFailures) {
    await lockAttempts(caller.openid, lockFrom(now))
  }
  throw new ApiError('VERIFICATION_FAILED')
}
