import { banEnd } from '../../domain/credit'
import { maskName } from '../../domain/mask'
import { getCredit } from '../../store/credit'
import { getMember } from '../../store/members'
import { getAttempts } from '../../store/verifications'
import { lockedUntil } from '../../domain/verification'
import { toProfile } from '../views/member'
import type { Handler } from './types'

export const get: Handler<'me.get'> = async (_input, { caller, now }) => {
  const [member, attempts, credit] = await Promise.all([
    caller.memberId ? getMember(caller.memberId) : null,
    getAttempts(caller.openid),
    caller.memberId ? getCredit(caller.memberId) : null,
  ])
  const until = lockedUntil(attempts, now)
  const banned = banEnd(credit, now)
  return {
    roles: caller.roles,
    verified: member !== null,
    maskedName: member ? maskName(member.name) : null,
    member: member ? toProfile(member) : null,
    verification: { lockedUntil: until ? until.toISOString() : null },
    bannedUntil: banned ? banned.toISOString() : null,
  }
}
