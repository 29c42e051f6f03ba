import { maskName } from '../../domain/mask'
import { getMember } from '../../store/members'
import type { Handler } from './types'

export const get: Handler<'me.get'> = async (_input, { caller }) => {
  const member = caller.memberId ? await getMember(caller.memberId) : null
  return {
    roles: caller.roles,
    verified: member !== null,
    maskedName: member ? maskName(member.name) : null,
  }
}
