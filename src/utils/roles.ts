import type { Role } from '@contract'

export const ROLE_LABELS: Record<Role, string> = {
  everyone: '微信用户',
  member: '会员',
  checker: '核验员',
  staff: '工作人员',
  admin: '管理员',
}

export function isStaff(roles: readonly Role[]): boolean {
  return roles.includes('staff') || roles.includes('admin')
}

export function isAdmin(roles: readonly Role[]): boolean {
  return roles.includes('admin')
}

/** Who works the door: checkers (who do nothing else), staff and admins. */
export function worksTheDoor(roles: readonly Role[]): boolean {
  return roles.includes('checker') || isStaff(roles)
}
