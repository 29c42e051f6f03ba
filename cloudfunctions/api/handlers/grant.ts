import type { Grant } from '../../contract/registry'
import { checkGrantChange, normalizeRoles } from '../../domain/grant'
import { maskName } from '../../domain/mask'
import { listGrants, putGrant, removeGrant } from '../../store/grants'
import { getBinding, getMember } from '../../store/members'
import type { Handler } from './types'

/** The bound member's masked name of an account, if it verified. */
async function nameOf(openid: string): Promise<string | null> {
  const binding = await getBinding(openid)
  const member = binding ? await getMember(binding.memberId) : null
  return member ? maskName(member.name) : null
}

/** Every granted account, configured admins included even without a grant document. */
export const list: Handler<'grant.list'> = async (_input, { config }) => {
  const grants = await listGrants()
  const roles = new Map(grants.map((g) => [g._id, normalizeRoles(g.roles)]))
  for (const admin of config.admins) {
    roles.set(admin, normalizeRoles([...(roles.get(admin) ?? []), 'admin']))
  }
  const out: Grant[] = []
  for (const [openid, held] of [...roles].sort(([a], [b]) => a.localeCompare(b))) {
    out.push({ openid, roles: held, name: await nameOf(openid) })
  }
  return out
}

export const set: Handler<'grant.set'> = async (input, { caller, now, config }) => {
  const roles = normalizeRoles(input.roles)
  const grants = await listGrants()
  checkGrantChange(
    grants.map((g) => ({ openid: g._id, roles: g.roles })),
    config.admins,
    { openid: input.openid, roles },
  )
  if (roles.length) await putGrant(input.openid, roles, caller.openid, now)
  else await removeGrant(input.openid)
  const held = config.admins.has(input.openid) ? normalizeRoles([...roles, 'admin']) : roles
  return { openid: input.openid, roles: held, name: await nameOf(input.openid) }
}
