import { maskName } from '../../domain/mask'
import { getMember } from '../../store/members'
import { getAttempts } from '../../store/verifications'
import { lockedUntil } from '../../domain/verification'
import { toProfile } from '../views/member'
import type { Handler } from './types'

export const get: Handler<'me.get'> = async (_input, { caller, now }) => {
  const [member, attempts] = await Promise.all([
    caller.memberId ? getMember(caller.memberId) : null,
    getAttempts(caller.openid),
  ])
  const until = lockedUntil(attempts, now)
  return {
    roles: caller.roles,
    verified: member !== null,
    maskedName: member ? maskName(member.name) : null,
    member: member ? toProfile(member) : null,
    verification: { lockedUntil: until ? until.toISOString() : null },
  }
}
