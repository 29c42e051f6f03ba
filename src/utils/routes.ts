/** Addresses of pages outside the tab bar, shared by the pages that link to them and share cards. */
export function noticeDetailUrl(id: string): string {
  return `/notice/detail/index?id=${encodeURIComponent(id)}`
}

export const ADMIN_NOTICES_URL = '/admin/notices/index'

export function adminEditUrl(id?: string): string {
  return id ? `/admin/edit/index?id=${encodeURIComponent(id)}` : '/admin/edit/index'
}

export const MEMBER_VERIFY_URL = '/member/verify/index'
export const ADMIN_HUB_URL = '/admin/hub/index'
export const ADMIN_REGISTRY_URL = '/admin/registry/index'
export const ADMIN_IMPORT_URL = '/admin/import/index'
export const ADMIN_ROLES_URL = '/admin/roles/index'
export const ADMIN_AUDIT_URL = '/admin/audit/index'
