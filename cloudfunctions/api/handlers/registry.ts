import { ApiError } from '../../contract/errors'
import type { MemberRecord } from '../../store/records'
import {
  bind,
  boundMemberIds,
  getBinding,
  getMember,
  listMembers,
  unbindMember,
} from '../../store/members'
import { toRegistryMember } from '../views/member'
import type { Handler } from './types'

const DEFAULT_PAGE = 20

async function existing(memberId: string): Promise<MemberRecord> {
  const member = await getMember(memberId)
  if (!member) throw new ApiError('NOT_FOUND', '会员不存在')
  return member
}

export const list: Handler<'registry.list'> = async (input) => {
  const page = await listMembers(
    input.query || undefined,
    input.cursor,
    input.limit ?? DEFAULT_PAGE,
  )
  const bound = await boundMemberIds(page.items.map((m) => m._id))
  return {
    items: page.items.map((m) => toRegistryMember(m, bound.has(m._id))),
    nextCursor: page.nextCursor,
  }
}

/** The one place a full phone number leaves the server: staff who must call (audited). */
export const contact: Handler<'registry.contact'> = async (input) => {
  const member = await existing(input.memberId)
  return { phone: member.phone }
}

/**
 * Moves a member's binding to another account, or unbinds it (`toOpenid: null`), e.g. when a
 * member changed WeChat accounts. The target account must not hold another member.
 */
export const move: Handler<'binding.move'> = async (input, { now, request }) => {
  const member = await existing(input.memberId)
  if (input.toOpenid) {
    const held = await getBinding(input.toOpenid)
    if (held && held.memberId !== member._id) throw new ApiError('ACCOUNT_ALREADY_BOUND')
    if (held) return toRegistryMember(member, true)
  }
  await unbindMember(member._id)
  if (!input.toOpenid) return toRegistryMember(member, false)
  const outcome = await bind(input.toOpenid, member._id, now, request)
  if (outcome !== 'bound') throw new ApiError('CONFLICT')
  return toRegistryMember(member, true)
}
