import type { Role } from '../contract/actions'
import { getGrant } from '../store/grants'
import { getBinding } from '../store/members'

/** Who is calling, as the WeChat context and the database say; never from the payload. */
export interface Caller {
  openid: string
  roles: Role[]
  /** The registry member this account verified as, or null when not verified. */
  memberId: string | null
}

/** The first admins come from configuration, so no API call can make someone admin. */
export function configuredAdmins(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    (env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((openid) => openid.trim())
      .filter(Boolean),
  )
}

export async function resolveCaller(openid: string, admins: Set<string>): Promise<Caller> {
  const [grant, binding] = await Promise.all([getGrant(openid), getBinding(openid)])
  const roles = new Set<Role>(['everyone'])
  if (binding) roles.add('member')
  for (const role of grant?.roles ?? []) roles.add(role)
  if (admins.has(openid)) roles.add('admin')
  return { openid, roles: [...roles], memberId: binding?.memberId ?? null }
}
