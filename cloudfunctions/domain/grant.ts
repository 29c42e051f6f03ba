import { ApiError } from '../contract/errors'
import type { GrantableRole } from '../contract/registry'

/**
 * Grants: admins give staff, checker and admin roles; `member` is never granted (it comes from a
 * verified binding). Configured admins (ADMIN_OPENIDS) are admins whatever the database says,
 * and the last admin cannot be taken away, so the service always has one.
 */
export interface GrantState {
  openid: string
  roles: readonly GrantableRole[]
}

/** Roles in their canonical order, each once. */
export function normalizeRoles(roles: readonly GrantableRole[]): GrantableRole[] {
  const order: GrantableRole[] = ['admin', 'staff', 'checker']
  return order.filter((role) => roles.includes(role))
}

/** Fails with LAST_ADMIN when setting `next` would leave no admin at all. */
export function checkGrantChange(
  grants: readonly GrantState[],
  configured: ReadonlySet<string>,
  next: GrantState,
): void {
  const admins = new Set(configured)
  for (const grant of grants) if (grant.roles.includes('admin')) admins.add(grant.openid)
  if (!next.roles.includes('admin') && !configured.has(next.openid)) admins.delete(next.openid)
  else admins.add(next.openid)
  if (admins.size === 0) throw new ApiError('LAST_ADMIN')
}
